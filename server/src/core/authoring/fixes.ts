/**
 * Quick fixes as minimal text edits: only the characters that must change are replaced, and
 * inserted lines copy the document's own indentation and line ending, so comments, quoting,
 * blank lines, CRLF and a BOM all survive. Each fix reads the problem's `data` where the rule
 * gives it and the parsed document for positions.
 */
import type { Analysis } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { BulletinFile, Platform } from '../model';
import type { Locale } from '../messages';
import type { Range } from '../parse';
import type { Problem } from '../problems';
import { closest } from '../schema/suggest';
import { msg } from './messages';
import { moveIncludeToRelated } from './move-reference';
import { cvssFixes } from './cvss-fixes';
import { kbSegments, registryEntryLines, registryKeyFor } from './registry';
import { columnOf, eolOf, indentStep, innerRange, insertionAfter, yamlScalar } from './yaml-text';
import { addRevisionFixes } from './add-revision';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
  preferred: boolean;
}

export interface FixInput {
  analysis: Analysis;
  index: WorkspaceIndex;
  locale: Locale;
  /** Today's date on the author's calendar (YYYY-MM-DD), for fixes that date an entry (Add revision). */
  today?: string;
}

export function fixesFor(problem: Problem, input: FixInput): Fix[] {
  switch (problem.code) {
    case 'schema':
      // A malformed id in includes/related (`MS04-O12`) is a schema finding only; its fix is the nearest id.
      return [...schemaFixes(problem, input), ...referenceFixes(problem, input, true)];
    case 'unresolved-reference':
      return referenceFixes(problem, input);
    case 'missing-registry-check':
      return registryFixes(problem, input);
    case 'registry-kb-mismatch':
      return registryKbFixes(problem, input);
    case 'package-kb-mismatch':
      return packageKbFixes(problem, input);
    case 'incomplete-supersedence':
      return supersedenceFixes(problem, input);
    case 'unrevised-change':
      return addRevisionFixes(problem, input.analysis.parsed, input.today, input.locale);
    case 'cvss-vector':
    case 'cvss-score-mismatch':
      return cvssFixes(problem, input);
    default:
      return [];
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const overlaps = (range: Range | undefined, p: Problem) => !!range && range[0] <= p.offset + p.length && p.offset <= range[1];

function replaceIn(analysis: Analysis, range: Range, newText: string): OffsetEdit {
  const [start, end] = innerRange(analysis.parsed.text, range);
  return { start, end, newText };
}

/** Unknown key → the nearest key; bad enum value → the nearest allowed value first, then every other one. */
function schemaFixes(problem: Problem, { analysis, locale }: FixInput): Fix[] {
  const suggestion = str(problem.data?.suggestion);
  const pointer = str(problem.data?.pointer);
  const allowed = Array.isArray(problem.data?.allowed) ? problem.data.allowed.filter((v): v is string => typeof v === 'string') : [];
  if ((!suggestion && allowed.length === 0) || pointer === undefined) return [];
  const location = analysis.parsed.nodes.get(pointer);
  const isKey = problem.data?.unknownKey !== undefined;
  const range = isKey ? location?.key : location?.source !== undefined ? location.value : undefined;
  if (!range) return [];
  // Renaming a key to one the mapping already has would only trade this fault for a duplicate key.
  if (isKey && suggestion && analysis.parsed.nodes.has(`${pointer.slice(0, pointer.lastIndexOf('/'))}/${suggestion.replace(/~/g, '~0').replace(/\//g, '~1')}`)) return [];
  const values = [...(suggestion ? [suggestion] : []), ...(isKey ? [] : allowed.filter((v) => v !== suggestion))];
  return values.map((value, i) => ({ title: msg(locale, 'fix.replace', { suggestion: value }), edits: [replaceIn(analysis, range, value)], preferred: i === 0 && value === suggestion }));
}

/** An id naming no bulletin → the nearest existing id. */
function referenceFixes(problem: Problem, { analysis, index, locale }: FixInput, malformedOnly = false): Fix[] {
  // An advisory label still on the file's old id (id-names.ts): the label takes the bulletin's id.
  const labelId = problem.data?.kind === 'label' ? str(problem.data.id) : undefined;
  if (labelId) {
    const range: Range = [problem.offset, problem.offset + problem.length];
    return [{ title: msg(locale, 'fix.idMismatch.label', { old: analysis.parsed.text.slice(range[0], range[1]), id: labelId }), edits: [replaceIn(analysis, range, labelId)], preferred: true }];
  }
  const ref = [...analysis.bulletin.includes, ...analysis.bulletin.related].find((r) => overlaps(r.range, problem));
  if (!ref) return [];
  if (malformedOnly && (problem.data?.pointer !== ref.pointer || index.byId(ref.id).length > 0)) return [];
  const known = [...index.all()].map((b) => b.id).filter((id): id is string => !!id && id !== analysis.bulletin.id);
  const suggestion = str(problem.data?.suggestion) ?? closest(ref.id, known);
  if (!suggestion || suggestion === analysis.bulletin.id || index.byId(suggestion).length === 0) return [];
  const sameList = ref.pointer.startsWith('/includes/') ? analysis.bulletin.includes : analysis.bulletin.related;
  if (sameList.some((r) => r.id === suggestion)) return []; // already listed: the fix is to delete this one
  const title = index.byId(suggestion)[0]?.title ?? '';
  return [{ title: msg(locale, 'fix.reference', { id: suggestion, title }), edits: [replaceIn(analysis, ref.range, suggestion)], preferred: true }];
}

function platformAt(analysis: Analysis, problem: Problem): Platform | undefined {
  const pointer = str(problem.data?.platformPointer);
  const byPointer = pointer ? analysis.bulletin.platforms.find((p) => p.pointer === pointer) : undefined;
  if (byPointer) return byPointer;
  return analysis.bulletin.platforms.find((p) => {
    const loc = analysis.parsed.nodes.get(p.pointer);
    return loc && overlaps(loc.value, problem);
  });
}

/** Column of the keys of the mapping at `pointer` (a list item's first key). */
function keyColumn(analysis: Analysis, pointer: string): number | undefined {
  const loc = analysis.parsed.nodes.get(pointer);
  return loc ? columnOf(analysis.parsed, loc.value[0]) : undefined;
}

/** Missing registry check → `verify.registry` with the key of the platform's era for `kb`. */
function registryFixes(problem: Problem, { analysis, locale }: FixInput): Fix[] {
  const kb = analysis.bulletin.kb;
  const platform = platformAt(analysis, problem);
  if (kb === undefined || !platform) return [];
  const { parsed } = analysis;
  const eol = eolOf(parsed.text);
  const step = indentStep(parsed.text);
  const key = registryKeyFor(platform, kb);
  const entry = registryEntryLines(key, yamlScalar);
  const item = (column: number) => entry.map((l, i) => `${' '.repeat(column)}${i === 0 ? '- ' : '  '}${l}`).join(eol);
  const title = msg(locale, 'fix.addRegistry', { kb, key });
  const verify = parsed.nodes.get(`${platform.pointer}/verify`);
  const registry = parsed.nodes.get(`${platform.pointer}/verify/registry`);
  if (registry && registry.key) {
    // `registry:` with nothing (or an empty flow list): the item goes under it.
    const column = columnOf(parsed, registry.key[0]) + step;
    const start = registry.key[1];
    const colonEnd = parsed.text.indexOf(':', start) + 1;
    const emptyFlow = parsed.text.slice(registry.value[0], registry.value[1]).trim() === '[]';
    if (emptyFlow) return [{ title, edits: [{ start: colonEnd, end: registry.value[1], newText: `${eol}${item(column)}` }], preferred: true }];
    return [{ title, edits: [{ start: insertionAfter(parsed, `${platform.pointer}/verify/registry`), end: insertionAfter(parsed, `${platform.pointer}/verify/registry`), newText: `${eol}${item(column)}` }], preferred: true }];
  }
  if (verify && verify.key) {
    const column = columnOf(parsed, verify.key[0]) + step;
    const at = insertionAfter(parsed, `${platform.pointer}/verify`);
    return [{ title, edits: [{ start: at, end: at, newText: `${eol}${' '.repeat(column)}registry:${eol}${item(column + step)}` }], preferred: true }];
  }
  const column = keyColumn(analysis, platform.pointer);
  if (column === undefined) return [];
  const at = insertionAfter(parsed, platform.pointer);
  const text = `${eol}${' '.repeat(column)}verify:${eol}${' '.repeat(column + step)}registry:${eol}${item(column + step * 2)}`;
  return [{ title, edits: [{ start: at, end: at, newText: text }], preferred: true }];
}

/** Replaces the digits of a `KB<n>`/`Q<n>` segment in a scalar's source with `kb`. */
function kbDigitEdits(analysis: Analysis, range: Range, kb: number, segmentsOnly: boolean): { edit: OffsetEdit; from: string; to: string }[] {
  const source = analysis.parsed.text.slice(range[0], range[1]);
  const out: { edit: OffsetEdit; from: string; to: string }[] = [];
  const found = segmentsOnly
    ? kbSegments(source)
    : [...source.matchAll(/(KB)(\d+)/gi)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, prefix: m[1], digits: m[2] }));
  for (const s of found) {
    if (Number(s.digits) === kb) continue;
    const digitsStart = range[0] + s.start + s.prefix.length;
    out.push({ edit: { start: digitsStart, end: digitsStart + s.digits.length, newText: String(kb) }, from: `${s.prefix}${s.digits}`, to: `${s.prefix}${kb}` });
  }
  return out;
}

function registryKbFixes(problem: Problem, { analysis, locale }: FixInput): Fix[] {
  const kb = analysis.bulletin.kb;
  if (kb === undefined) return [];
  for (const platform of analysis.bulletin.platforms) {
    for (const check of platform.registry ?? []) {
      if (!check.keyRange || !overlaps(check.keyRange, problem)) continue;
      const edits = kbDigitEdits(analysis, check.keyRange, kb, true);
      if (edits.length === 0) return [];
      return [{ title: msg(locale, 'fix.registryKb', { from: edits[0].from, to: edits[0].to }), edits: edits.map((e) => e.edit), preferred: true }];
    }
  }
  return [];
}

function packageKbFixes(problem: Problem, { analysis, locale }: FixInput): Fix[] {
  const kb = analysis.bulletin.kb;
  if (kb === undefined) return [];
  const pkg = analysis.bulletin.platforms.map((p) => p.package).find((p) => p?.fileRange && overlaps(p.fileRange, problem));
  if (!pkg?.fileRange) return [];
  const edits = kbDigitEdits(analysis, pkg.fileRange, kb, false);
  if (edits.length !== 1) return []; // no KB in the name, or several: which one is meant is not ours to guess
  return [{ title: msg(locale, 'fix.packageKb', { from: edits[0].from, to: edits[0].to }), edits: [edits[0].edit], preferred: true }];
}

/**
 * First, what the seed page's editors did: the bulletin does not contain every fix of the other,
 * so it is related, not included. Then, for a missing file, a copy of the other's entry.
 */
function supersedenceFixes(problem: Problem, input: FixInput): Fix[] {
  const { analysis, locale } = input;
  const out: Fix[] = [];
  const id = str(problem.data?.includes);
  const ref = id ? analysis.bulletin.includes.find((r) => r.id === id) : undefined;
  const edits = ref ? moveIncludeToRelated(analysis, ref.pointer) : undefined;
  if (ref && edits) out.push({ title: msg(locale, 'fix.moveToRelated', { id: ref.id }), edits, preferred: true });
  out.push(...copyFileFixes(problem, input, out.length === 0));
  return out;
}

/** An included bulletin's file missing here → a copy of its entry, appended to this platform's files. */
function copyFileFixes(problem: Problem, { analysis, index, locale }: FixInput, preferred: boolean): Fix[] {
  const data = problem.data ?? {};
  if (data.missing !== true) return [];
  const other = index.get(String(data.otherUri));
  const platformId = str(data.platformId);
  const theirs = other?.platforms.flatMap((p) => (p.id === platformId ? p.files : [])).find((f) => f.pointer === data.otherPointer);
  const platform = analysis.bulletin.platforms.find((p) => p.id === platformId);
  if (!other || !theirs || !platform) return [];
  const edit = appendFile(analysis, platform, theirs);
  if (!edit) return [];
  return [{ title: msg(locale, 'fix.copyFile', { name: theirs.name, version: theirs.version ?? '', id: other.id ?? '' }), edits: [edit], preferred }];
}

function fileLines(file: BulletinFile): string[] {
  const lines = [`name: ${yamlScalar(file.name)}`];
  if (file.variant) lines.push(`variant: ${yamlScalar(file.variant)}`);
  if (file.date) lines.push(`date: ${file.date}`);
  if (file.version) lines.push(`version: ${file.version}`);
  if (file.size !== undefined) lines.push(`size: ${file.size}`);
  if (file.description) lines.push(`description: ${yamlScalar(file.description)}`);
  if (file.folder) lines.push(`folder: ${yamlScalar(file.folder)}`);
  return lines;
}

function appendFile(analysis: Analysis, platform: Platform, file: BulletinFile): OffsetEdit | undefined {
  const { parsed } = analysis;
  const eol = eolOf(parsed.text);
  const step = indentStep(parsed.text);
  const lines = fileLines(file);
  const item = (dashColumn: number, contentColumn: number) =>
    lines.map((l, i) => (i === 0 ? `${' '.repeat(dashColumn)}-${' '.repeat(contentColumn - dashColumn - 1)}${l}` : `${' '.repeat(contentColumn)}${l}`)).join(eol);
  const filesPointer = `${platform.pointer}/files`;
  const files = parsed.nodes.get(filesPointer);
  const list = (parsed.value as { platforms?: { files?: unknown }[] }).platforms?.[Number(platform.pointer.split('/')[2])]?.files;
  if (files && Array.isArray(list) && list.length > 0 && files.block) {
    // Copy the last item's layout: its dash column and its keys' column.
    const last = parsed.nodes.get(`${filesPointer}/${list.length - 1}`);
    if (!last) return undefined;
    const contentColumn = columnOf(parsed, last.value[0]);
    const lineStart = last.value[0] - contentColumn;
    const dashColumn = parsed.text.slice(lineStart, last.value[0]).lastIndexOf('-');
    if (dashColumn < 0) return undefined;
    const at = insertionAfter(parsed, filesPointer);
    return { start: at, end: at, newText: `${eol}${item(dashColumn, contentColumn)}` };
  }
  if (files && files.key) {
    const text = parsed.text.slice(files.value[0], files.value[1]).trim();
    if (text !== '' && text !== '[]' && text !== 'null' && text !== '~') return undefined;
    const column = columnOf(parsed, files.key[0]) + step;
    const colonEnd = parsed.text.indexOf(':', files.key[1]) + 1;
    const end = text === '' ? colonEnd : files.value[1];
    return { start: colonEnd, end, newText: `${eol}${item(column, column + 2)}` };
  }
  const column = keyColumn(analysis, platform.pointer);
  if (column === undefined) return undefined;
  const at = insertionAfter(parsed, platform.pointer);
  return { start: at, end: at, newText: `${eol}${' '.repeat(column)}files:${eol}${item(column + step, column + step + 2)}` };
}
