/**
 * Where a bulletin's id is written outside `id`: the file name (`MS04-029.bulletin.yaml`) and
 * the advisory labels (`MS04-029 (日本)`). A rename of the id leaves them on the old id unless
 * they move too; these helpers find them (for rename) and report the ones that disagree with
 * `id` (findings of `unresolved-reference`: a name that no longer names this bulletin).
 */
import type { ParsedDocument, Range } from '../parse';
import { problem, type Problem } from '../problems';
import { msg, registerMessages, type Locale } from '../messages';

registerMessages({
  en: {
    'rule.idMismatch.fileName': 'The file name {file} names {old}, but this bulletin\'s id is {id}: rename the file, or the id.',
    'rule.idMismatch.label': 'The advisory label names {old}, but this bulletin\'s id is {id}.',
    'fix.idMismatch.label': 'Write {id} for {old} in the advisory label',
    'fix.idMismatch.renameFile': 'Rename the file to {file}',
  },
  ja: {
    'rule.idMismatch.fileName': 'ファイル名 {file} は {old} を表していますが、このセキュリティ情報の ID は {id} です。ファイル名か ID を変更してください。',
    'rule.idMismatch.label': 'アドバイザリのラベルが {old} を表していますが、このセキュリティ情報の ID は {id} です。',
    'fix.idMismatch.label': 'アドバイザリのラベルの {old} を {id} に書き換える',
    'fix.idMismatch.renameFile': 'ファイル名を {file} に変更する',
  },
});

const DEFAULT_ID_PATTERN = /^[A-Z][A-Z0-9]*[0-9]{2}-[0-9]{3,5}$/;
const BULLETIN_FILE = /^(.*)\.bulletin\.ya?ml$/i;

/** The file name of a URI (decoded) and its stem before `.bulletin.yaml`, if it is a bulletin file. */
export function bulletinFileName(uri: string): { file: string; stem: string } | undefined {
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  let file: string;
  try {
    file = decodeURIComponent(last);
  } catch {
    return undefined;
  }
  const m = BULLETIN_FILE.exec(file);
  return m && m[1] ? { file, stem: m[1] } : undefined;
}

/** Whether the file is named after `id` (`MS04-029.bulletin.yaml`, or in lower case). */
export function namedAfter(uri: string, id: string): boolean {
  const name = bulletinFileName(uri);
  return !!name && name.stem.toUpperCase() === id.toUpperCase();
}

/** The file name a file named after `id` takes for `newId` (the stem's case kept when it was all lower case). */
export function renamedFileUri(uri: string, id: string, newId: string): string | undefined {
  const name = bulletinFileName(uri);
  if (!name || name.stem.toUpperCase() !== id.toUpperCase()) return undefined;
  const stem = name.stem === name.stem.toLowerCase() && name.stem !== name.stem.toUpperCase() ? newId.toLowerCase() : newId;
  const cut = uri.replace(/[?#].*$/, '');
  return cut.slice(0, cut.lastIndexOf('/') + 1) + encodeURIComponent(stem + name.file.slice(name.stem.length));
}

/** Every place `id` is written as a whole word inside an advisory label (ranges in the text, quotes excluded). */
export function labelIdRanges(parsed: ParsedDocument, id: string): Range[] {
  const out: Range[] = [];
  const advisories = (parsed.value as { advisories?: unknown } | undefined)?.advisories;
  if (!Array.isArray(advisories) || id === '') return out;
  const word = new RegExp(`(?<![A-Za-z0-9_-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_]|-[0-9])`, 'gi');
  for (let i = 0; i < advisories.length; i++) {
    const label = (advisories[i] as { label?: unknown } | null)?.label;
    if (typeof label !== 'string') continue;
    const location = parsed.nodes.get(`/advisories/${i}/label`);
    if (!location) continue;
    const [start, end] = location.value;
    for (const m of parsed.text.slice(start, end).matchAll(word)) out.push([start + m.index, start + m.index + m[0].length]);
  }
  return out;
}

/**
 * The file name and the advisory labels that still name another id than `id`: reported when
 * the file is named after an id (by the id pattern) that is not this bulletin's, on `id` and
 * on each label that carries the file's id.
 */
export function idNameProblems(uri: string, parsed: ParsedDocument, locale: Locale, idPattern: RegExp = DEFAULT_ID_PATTERN): Problem[] {
  const id = (parsed.value as { id?: unknown } | undefined)?.id;
  const name = bulletinFileName(uri);
  if (typeof id !== 'string' || id === '' || !name) return [];
  const old = name.stem;
  // Named after an id: the stem is one by the id pattern in force and has a number in it (a
  // loose pattern such as `^[a-z]+$` does not make `draft.bulletin.yaml` an id).
  if (old.toUpperCase() === id.toUpperCase() || !/[0-9]/.test(old) || !(idPattern.test(old) || idPattern.test(old.toUpperCase()))) return [];
  const idRange = parsed.nodes.get('/id')?.value;
  if (!idRange) return [];
  const out = [problem('unresolved-reference', 'warning', idRange, msg(locale, 'rule.idMismatch.fileName', { file: name.file, old, id }), { data: { kind: 'fileName', old, id } })];
  for (const range of labelIdRanges(parsed, old)) {
    out.push(problem('unresolved-reference', 'warning', range, msg(locale, 'rule.idMismatch.label', { old: parsed.text.slice(range[0], range[1]), id }), { data: { kind: 'label', old, id } }));
  }
  return out;
}
