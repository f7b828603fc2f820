/**
 * The quick fix of `unrevised-change`, **Add revision**: appends a revision dated today whose
 * summary is drafted from the semantic diff (the rule puts it in the finding's data), and sets
 * `updated` to the same date. Minimal edits like every fix: the new lines copy the list's own
 * indentation and the document's line ending; nothing else in the file moves. Without a
 * `revisions` list the history starts with the first publication (`published`, 初版) so that
 * `revision-order` holds after the fix.
 */
import { entryOf, itemOf, type ParsedDocument } from '../parse';
import type { Problem } from '../problems';
import { msg, registerMessages, type Locale } from '../messages';
import { lineEndAt } from '../text';
import { columnOf, eolOf, indentStep, innerRange, yamlScalar } from './yaml-text';
import type { Fix, OffsetEdit } from './fixes';
import { isObj, type Obj } from '../plain';

registerMessages({
  en: { 'fix.addRevision': 'Add revision ({date}: {summary})', 'fix.addRevision.initial': 'Initial release' },
  ja: { 'fix.addRevision': '改訂を追加 ({date}: {summary})', 'fix.addRevision.initial': '初版' },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The end of the line holding the last content before `offset` (a node's range may take in the line break after it). */
function contentLineEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return lineEndAt(text, end);
}

export function addRevisionFixes(problem: Problem, parsed: ParsedDocument, today: string | undefined, locale: Locale): Fix[] {
  const summary = problem.data?.summary;
  if (typeof summary !== 'string' || !summary || !today || !DATE.test(today) || !isObj(parsed.value)) return [];
  const root = parsed.value;
  const text = parsed.text;
  const eol = eolOf(text);
  const lang: Locale = root.lang === 'en' ? 'en' : 'ja';
  const edits: OffsetEdit[] = [];
  const rootAt = parsed.root;

  const updatedAt = entryOf(rootAt, 'updated');
  const publishedAt = entryOf(rootAt, 'published');
  const revisionsAt = entryOf(rootAt, 'revisions');
  const entryLines = (indent: string, inner: string, date: string, words: string, dash = '- ') => `${indent}${dash}date: ${date}${eol}${indent}${inner}summary: ${yamlScalar(words)}`;

  if (revisionsAt) {
    const items = Array.isArray(root.revisions) ? root.revisions : undefined;
    const first = itemOf(revisionsAt, 0);
    const last = items && itemOf(revisionsAt, items.length - 1);
    // A block list of mappings only: a flow list (`[...]`) would need rewriting, not an insertion.
    if (!items || !first || !last || !revisionsAt.block || !isObj(items[0])) return [];
    const firstStart = first.key?.[0] ?? first.value[0];
    const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const prefix = text.slice(lineStart, firstStart);
    const dash = /^([ ]*)-([ ]+)$/.exec(prefix);
    if (!dash) return [];
    const end = contentLineEnd(text, Math.max(last.value[1], last.key?.[1] ?? 0));
    edits.push({ start: end, end, newText: `${eol}${entryLines(dash[1], ' '.repeat(1 + dash[2].length), today, summary, `-${dash[2]}`)}` });
  } else {
    // After `updated` (else `published`, else `id`): a history whose first entry is the publication.
    const anchor = updatedAt ?? publishedAt ?? entryOf(rootAt, 'id');
    if (!anchor?.key || anchor.block) return [];
    const column = columnOf(parsed, anchor.key[0]);
    const indent = ' '.repeat(column);
    const step = ' '.repeat(indentStep(text));
    const end = contentLineEnd(text, Math.max(anchor.value[1], anchor.key[1]));
    const initial = typeof root.published === 'string' && DATE.test(root.published) && root.published < today ? `${eol}${entryLines(indent + step, '  ', root.published, msg(lang, 'fix.addRevision.initial'))}` : '';
    // Without `updated`, it goes right after `published`, before the history (one insertion).
    const updatedLine = !updatedAt && anchor === publishedAt ? `${eol}${indent}updated: ${today}` : '';
    edits.push({ start: end, end, newText: `${updatedLine}${eol}${indent}revisions:${initial}${eol}${entryLines(indent + step, '  ', today, summary)}` });
  }

  if (updatedAt) {
    if (typeof root.updated !== 'string' || updatedAt.source === undefined) return [];
    const [start, end] = innerRange(text, updatedAt.value);
    if (text.slice(start, end) !== today) edits.push({ start, end, newText: today });
  } else if (revisionsAt && publishedAt?.key && !publishedAt.block) {
    const indent = ' '.repeat(columnOf(parsed, publishedAt.key[0]));
    const end = contentLineEnd(text, Math.max(publishedAt.value[1], publishedAt.key[1]));
    edits.push({ start: end, end, newText: `${eol}${indent}updated: ${today}` });
  }

  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return [{ title: msg(locale, 'fix.addRevision', { date: today, summary }), edits, preferred: true }];
}
