/**
 * Moves an id from `includes` to `related` as the fewest characters changed: the item leaves
 * its list (a flow item with its comma, a block item with its line), and joins `related` in
 * that list's own style, or in a new `related` key right after `includes` when there is none.
 * Comments, quoting, blank lines and line endings elsewhere are untouched.
 */
import type { Analysis } from '../analyze';
import type { NodeLocation } from '../parse';
import { lineEndAt } from '../text';
import { columnOf, eolOf, indentStep, insertionAfter, yamlScalar } from './yaml-text';

export interface MoveEdit {
  start: number;
  end: number;
  newText: string;
}

/** The edits that move the `includes` item at `pointer` (`/includes/<n>`) to `related`; undefined when the layout is not one this can edit safely. */
export function moveIncludeToRelated(analysis: Analysis, pointer: string): MoveEdit[] | undefined {
  const { parsed, bulletin } = analysis;
  const text = parsed.text;
  const includes = parsed.nodes.get('/includes');
  const item = parsed.nodes.get(pointer);
  const index = Number(pointer.split('/')[2]);
  const items = includes?.children;
  const ref = bulletin.includes.find((r) => r.pointer === pointer);
  if (!includes?.key || !item || !items || !ref || items[index] !== item) return undefined;
  const eol = eolOf(text);

  const edits: MoveEdit[] = [];
  const removal = removeItem(text, includes, items, index);
  if (!removal) return undefined;
  edits.push(removal);

  if (!bulletin.related.some((r) => r.id === ref.id)) {
    const id = yamlScalar(ref.id);
    const related = parsed.nodes.get('/related');
    if (related?.key) {
      const addition = addItem(analysis, related, id, eol);
      if (!addition) return undefined;
      edits.push(addition);
    } else {
      // No `related` yet: a new key right after `includes`, at its column, in its style.
      const column = columnOf(parsed, includes.key[0]);
      const at = insertionAfter(parsed, '/includes');
      const value = includes.block ? `${eol}${' '.repeat(column + indentStep(text))}- ${id}` : ` [${id}]`;
      edits.push({ start: at, end: at, newText: `${eol}${' '.repeat(column)}related:${value}` });
    }
  }
  return joinTouching(edits.sort((a, b) => a.start - b.start));
}

/** Edits that meet end to start become one, so no two edits of a fix share a position. */
function joinTouching(edits: MoveEdit[]): MoveEdit[] {
  const out: MoveEdit[] = [];
  for (const edit of edits) {
    const last = out[out.length - 1];
    if (last && last.end === edit.start) out[out.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
    else out.push(edit);
  }
  return out;
}

function removeItem(text: string, list: NodeLocation, items: NodeLocation[], index: number): MoveEdit | undefined {
  const item = items[index];
  if (!list.block) {
    // Flow: `[X]` → `[]`, `[A, X]` → `[A]`, `[X, B]` → `[B]`.
    if (items.length === 1) return { start: item.value[0], end: item.value[1], newText: '' };
    if (index < items.length - 1) return { start: item.value[0], end: items[index + 1].value[0], newText: '' };
    return { start: items[index - 1].value[1], end: item.value[1], newText: '' };
  }
  // Block: the item's whole line goes (its comment with it); the last one leaves `[]` behind.
  const lineStart = text.lastIndexOf('\n', item.value[0] - 1) + 1;
  const dash = text.slice(lineStart, item.value[0]);
  if (!/^\s*-\s*$/.test(dash)) return undefined;
  const lineEnd = lineEndAt(text, item.value[1]);
  if (items.length === 1) {
    const colon = text.indexOf(':', list.key![1]);
    if (colon < 0) return undefined;
    return { start: colon + 1, end: lineEnd, newText: ' []' };
  }
  const nextLine = text[lineEnd] === '\r' ? lineEnd + 2 : lineEnd + 1;
  return { start: lineStart, end: Math.min(nextLine, text.length), newText: '' };
}

function addItem(analysis: Analysis, related: NodeLocation, id: string, eol: string): MoveEdit | undefined {
  const { parsed } = analysis;
  const text = parsed.text;
  const items = related.children ?? [];
  const source = text.slice(related.value[0], related.value[1]).trim();
  if (items.length === 0) {
    const colon = text.indexOf(':', related.key![1]);
    if (colon < 0) return undefined;
    if (source === '[]') return { start: related.value[0] + 1, end: related.value[1] - 1, newText: id };
    if (source === '' || source === '~' || source === 'null') return { start: colon + 1, end: source === '' ? colon + 1 : related.value[1], newText: ` [${id}]` };
    return undefined;
  }
  const last = items[items.length - 1];
  if (!related.block) return { start: last.value[1], end: last.value[1], newText: `, ${id}` };
  // Block: a new line copying the last item's dash column and spacing.
  const lineStart = text.lastIndexOf('\n', last.value[0] - 1) + 1;
  const dash = text.slice(lineStart, last.value[0]);
  if (!/^\s*-\s*$/.test(dash)) return undefined;
  const at = insertionAfter(parsed, '/related');
  return { start: at, end: at, newText: `${eol}${dash}${id}` };
}
