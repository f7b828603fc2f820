/**
 * What a rename of a bulletin id writes: one YAML scalar on one line, whatever `bulletin.idPattern`
 * lets through. A name with a line break or another control character is refused (a loose
 * pattern such as `[A-Z]` accepts `X\nincludes: [EVIL]`, which would add a key to every
 * referencing file); a name YAML would not read back as the same string in a block or a flow
 * list (`includes: [A, B]`) is written double-quoted, over the old scalar and its quotes.
 */
import type { Range } from '../parse';
import type { WorkspaceIndex } from '../index/workspace-index';
import { registerMessages } from '../messages';
import { innerRangeOf } from './yaml-text';
import type { LineStarts } from '../text';

registerMessages({
  en: { 'rename.notOneLine': 'A bulletin id is one line of text: `{id}` has a line break or another control character.' },
  ja: { 'rename.notOneLine': 'セキュリティ情報 ID は 1 行のテキストです。`{id}` には改行または制御文字が含まれています。' },
});

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and a byte order mark.
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
/** Read back as the same string in block and flow context alike. */
const PLAIN = /^[A-Za-z][A-Za-z0-9._-]*$/;
/** Plain words YAML 1.1 or 1.2 read as something other than a string. */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** The message key when `name` cannot be written as an id at all, else undefined. */
export function refusedIdName(name: string): 'rename.notOneLine' | undefined {
  return name.length === 0 || NOT_ONE_LINE.test(name) ? 'rename.notOneLine' : undefined;
}

export interface IdEdit {
  uri: string;
  range: Range;
  lineStarts: LineStarts;
  newText: string;
}

/** The edits that rename `id` to `name` (checked by `refusedIdName` first) across the index. */
export function idRenameEdits(id: string, name: string, index: WorkspaceIndex): IdEdit[] {
  const plain = PLAIN.test(name) && !RESERVED.test(name);
  const edits: IdEdit[] = [];
  const seen = new Set<string>();
  // `scalar`: the id's node, with its quotes if quoted.
  const add = (uri: string, scalar: Range, lineStarts: LineStarts) => {
    const range = plain ? innerRangeOf(id, scalar) : scalar;
    const key = `${uri}#${range[0]}`;
    if (seen.has(key)) return;
    seen.add(key);
    edits.push({ uri, range, lineStarts, newText: plain ? name : JSON.stringify(name) });
  };
  for (const b of index.byId(id)) if (b.idRange) add(b.uri, b.idRange, b.lineStarts);
  for (const b of index.all()) for (const ref of [...b.includes, ...b.related]) if (ref.id === id) add(b.uri, ref.range, b.lineStarts);
  return edits;
}
