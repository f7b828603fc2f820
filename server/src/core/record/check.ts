/**
 * Whether a value read back from storage is a whole, consistent record: the view trusts what it
 * reads (a string cell names a string, a row's files lie inside the file table, a range inside
 * the text), so nothing from outside the reader reaches it unchecked.
 */
import type { Problem } from '../problems';
import { CVSS, DATA_KINDS, type Columns, DEPLOYMENT, FILE, LANGS, PLATFORM, REF, REF_KINDS, REGISTRY, REVISION, STATUSES, SUPPRESSION, SUPPRESSION_KINDS, TOP, VULN } from './layout';
import { cellCount, COUNTS, tableBases, TABLES, type BulletinRecord } from './record';
import type { LineStarts } from '../text';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export function isRecord(value: unknown): value is BulletinRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<BulletinRecord>;
  if (typeof r.uri !== 'string' || typeof r.hash !== 'string' || !isInt(r.textLength) || r.textLength < 0) return false;
  if (!(r.lineStarts instanceof Uint32Array || r.lineStarts instanceof Uint16Array) || !(r.numbers instanceof Float64Array) || !(r.cells instanceof Int32Array || r.cells instanceof Int16Array)) return false;
  if (!Array.isArray(r.strings) || !r.strings.every((s) => typeof s === 'string')) return false;
  if (!linesFit(r.lineStarts, r.textLength)) return false;
  if (!Array.isArray(r.intrinsic) || !r.intrinsic.every((p) => isProblem(p, r.textLength!))) return false;
  return cellsFit(r as BulletinRecord) && suppressionsFit(r as BulletinRecord);
}

function suppressionsFit(r: BulletinRecord): boolean {
  const cells = r.suppressions;
  if (!(cells instanceof Int32Array) || cells.length % SUPPRESSION.width !== 0) return false;
  for (let at = 0; at < cells.length; at += SUPPRESSION.width) {
    for (let c = 0; c < SUPPRESSION.width; c++) {
      if (!cellFits(r, SUPPRESSION.kinds[c], cells[at + c], cells[at + c + 1])) return false;
    }
    const kind = cells[at + SUPPRESSION.kind];
    if (kind < 0 || kind >= SUPPRESSION_KINDS.length || cells[at + SUPPRESSION.start] < 0) return false;
    if ((cells[at + SUPPRESSION.code] < 0) !== (cells[at + SUPPRESSION.codeStart] < 0)) return false;
  }
  return true;
}

function linesFit(lineStarts: LineStarts, textLength: number): boolean {
  if (lineStarts.length === 0 || lineStarts[0] !== 0) return false;
  for (let i = 1; i < lineStarts.length; i++) if (lineStarts[i] <= lineStarts[i - 1] || lineStarts[i] > textLength) return false;
  return true;
}

export function isProblem(value: unknown, textLength: number): value is Problem {
  const p = value as Problem;
  return (
    typeof p === 'object' && p !== null &&
    isInt(p.offset) && isInt(p.length) && p.offset >= 0 && p.length >= 0 && p.offset + p.length <= textLength &&
    typeof p.code === 'string' && typeof p.message === 'string' && SEVERITIES.has(p.severity)
  );
}

function cellsFit(r: BulletinRecord): boolean {
  const cells = r.cells;
  if (cells.length < COUNTS + TOP.width) return false;
  for (let i = 0; i < COUNTS; i++) if (cells[i] < 0) return false;
  if (cells.length !== cellCount(Array.from(cells.subarray(0, COUNTS)))) return false;
  const b = tableBases(cells);
  const strings = r.strings.length;
  const numbers = r.numbers.length;
  const textLength = r.textLength;
  const rows = (columns: Pick<Columns<string>, 'width' | 'stringCells' | 'numberCells' | 'rangeCells'>, base: number, count: number, each?: (at: number) => boolean): boolean => {
    // Only string, number and range cells can point outside the record: the others are not visited.
    const { stringCells: s, numberCells: n, rangeCells: ranges } = columns;
    for (let row = 0; row < count; row++) {
      const at = base + row * columns.width;
      for (let i = 0; i < s.length; i++) if (!fits(cells[at + s[i]], strings)) return false;
      for (let i = 0; i < n.length; i++) if (!fits(cells[at + n[i]], numbers)) return false;
      for (let i = 0; i < ranges.length; i++) if (!rangeFits(cells[at + ranges[i]], cells[at + ranges[i] + 1], textLength)) return false;
      if (each && !each(at)) return false;
    }
    return true;
  };
  const within = (first: number, count: number, total: number) => count >= 0 && (count === 0 || (first >= 0 && first + count <= total));
  return (
    rows(TOP, b.top, 1, (at) => cells[at + TOP.lang] >= 0 && cells[at + TOP.lang] < LANGS.length && cells[at + TOP.status] >= -1 && cells[at + TOP.status] < STATUSES.length) &&
    rows(REF, b.ref, b.refs, (at) => cells[at + REF.kind] >= 0 && cells[at + REF.kind] < REF_KINDS.length && cells[at + REF.id] >= 0 && cells[at + REF.start] >= 0 && cells[at + REF.item] >= 0) &&
    rows(PLATFORM, b.platform, b.platforms, (at) =>
      cells[at + PLATFORM.item] >= 0 && cells[at + PLATFORM.start] >= 0 && (cells[at + PLATFORM.hasPackage] === -1 || (cells[at + PLATFORM.hasPackage] === 1 && cells[at + PLATFORM.packageStart] >= 0)) &&
      within(cells[at + PLATFORM.filesFirst], cells[at + PLATFORM.filesCount], b.files) &&
      (cells[at + PLATFORM.registryFirst] === -1 || within(cells[at + PLATFORM.registryFirst], cells[at + PLATFORM.registryCount], b.registries)) &&
      within(cells[at + PLATFORM.deploymentFirst], cells[at + PLATFORM.deploymentCount], b.deployments)) &&
    rows(FILE, b.file, b.files, (at) => cells[at + FILE.platform] >= 0 && cells[at + FILE.platform] < b.platforms && cells[at + FILE.item] >= 0 && cells[at + FILE.name] >= 0 && cells[at + FILE.nameStart] >= 0 && cells[at + FILE.start] >= 0) &&
    rows(REGISTRY, b.registry, b.registries, (at) => {
      const kind = DATA_KINDS[cells[at + REGISTRY.dataKind]];
      const data = cells[at + REGISTRY.data];
      return cells[at + REGISTRY.item] >= 0 && cells[at + REGISTRY.start] >= 0 && kind !== undefined && (kind === 'string' ? data >= 0 && data < r.strings.length : kind === 'number' ? data >= 0 && data < r.numbers.length : data === -1);
    }) &&
    rows(DEPLOYMENT, b.deployment, b.deployments, (at) => cells[at + DEPLOYMENT.machines] >= 0 && cells[at + DEPLOYMENT.minutes] >= 0 && cells[at + DEPLOYMENT.start] >= 0) &&
    rows(REVISION, b.revision, b.revisions, (at) => cells[at + REVISION.item] >= 0 && cells[at + REVISION.start] >= 0) &&
    rows(VULN, b.vuln, b.vulns, (at) => cells[at + VULN.item] >= 0 && cells[at + VULN.start] >= 0 && within(cells[at + VULN.cvssFirst], cells[at + VULN.cvssCount], b.cvssCount)) &&
    rows(CVSS, b.cvss, b.cvssCount, (at) => cells[at + CVSS.vuln] >= 0 && cells[at + CVSS.vuln] < b.vulns && cells[at + CVSS.item] >= 0 && cells[at + CVSS.start] >= 0 && cells[at + CVSS.vectorAt] >= -1 && cells[at + CVSS.vectorAt] <= r.textLength)
  );
}

const fits = (cell: number, length: number) => cell >= -1 && cell < length;
const rangeFits = (start: number, end: number, textLength: number) => (start === -1 ? end === -1 : start >= 0 && end >= start && end <= textLength);

function cellFits(r: BulletinRecord, kind: string, cell: number, next: number): boolean {
  switch (kind) {
    case 's':
      return cell >= -1 && cell < r.strings.length;
    case 'n':
      return cell >= -1 && cell < r.numbers.length;
    case 'r':
      return cell === -1 ? next === -1 : cell >= 0 && next >= cell && next <= r.textLength;
    default:
      return true;
  }
}

// Every table is checked above; a new one must be added there too.
void (TABLES satisfies readonly [typeof REF, typeof PLATFORM, typeof FILE, typeof REGISTRY, typeof DEPLOYMENT, typeof REVISION, typeof VULN, typeof CVSS]);
