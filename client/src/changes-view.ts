/**
 * The text of the Compare with Last Commit view, and where each of its lines leads: a heading,
 * then one line per change (`+` added, `-` removed, `~` changed), in the bulletin's language,
 * each with the line it links to. No `vscode` here, so it is tested in plain Node.
 */
import type { CompareResult } from '../../server/src/protocol';

/** The view's words in the reader's language (the extension passes `vscode.l10n.t`'s). */
export interface ChangesWords {
  heading(source: string, commit: string): string;
  none: string;
  line(line: number): string;
}

export function changesDocument(result: CompareResult, source: string, words: ChangesWords): { text: string; targets: (number | undefined)[] } {
  const marks: Record<string, string> = { added: '+', removed: '-', changed: '~' };
  const lines = [words.heading(source, result.commit.slice(0, 7)), ''];
  const targets: (number | undefined)[] = [undefined, undefined];
  if (result.changes.length === 0) {
    lines.push(words.none);
    targets.push(undefined);
  }
  for (const change of result.changes) {
    // One line per change, whatever a label holds.
    lines.push(`${marks[change.kind] ?? '~'} ${change.label.replace(/[\r\n]+/g, ' ')}  (${words.line(change.line + 1)})`);
    targets.push(change.line);
  }
  return { text: lines.join('\n') + '\n', targets };
}
