/**
 * What a closed file with a syntax error contributes to the workspace: the record of the text
 * before the line of its first syntax error. The parser's recovery past an error guesses (a
 * platform cut short, keys moved into the wrong mapping); other bulletins' findings should not
 * rest on that guess. The file's own problems stay those of its whole text.
 */
import type { Analysis } from '../analyze';
import type { Bulletin } from '../model';
import { parse, type ParsedDocument } from '../parse';
import type { Locale } from '../messages';
import { firstSyntaxOffset } from '../syntax-quiet';
import { viewOf } from './view';
import { writeRecord } from './write';

export function recordBeforeFirstError(uri: string, { parsed, bulletin }: Analysis, locale: Locale): Bulletin {
  const error = firstSyntaxOffset(bulletin.intrinsic);
  if (error === undefined) return bulletin;
  const lineStarts = parsed.lineStarts;
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= error) line++;
  const before = parse(parsed.text.slice(0, lineStarts[line]), { locale, reader: 'full' });
  // The prefix's nodes, with offsets into the whole text (it starts at 0), under the whole text's lines.
  const contributed: ParsedDocument = { text: parsed.text, lineStarts, value: before.value, root: before.root, nodes: before.nodes, problems: [] };
  return viewOf(writeRecord(uri, contributed, bulletin.intrinsic, bulletin.hash));
}
