/**
 * How a record is built: its string table (each string once, never a slice of the document's
 * text), its numbers, and the rows of each table, packed into one cell array at the end
 * (16 bits a cell where every value fits). `write.ts` says what goes into the rows.
 */
import type { NodeLocation, ParsedDocument, Range } from '../parse';
import type { Problem } from '../problems';
import { CVSS, DEPLOYMENT, FILE, PLATFORM, REF, REGISTRY, REVISION, SUPPRESSION, TOP, VULN } from './layout';
import { cellCount, COUNTS, type BulletinRecord } from './record';

const VALID_DATE = /^\d{4}-\d{2}-\d{2}$/;
const VALID_VERSION = /^\d+(\.\d+){1,3}$/;

/** Cells of one table, grown row by row. */
export class Rows {
  readonly cells: number[] = [];
  count = 0;
  constructor(private readonly width: number) {}
  /** A new row of -1 cells; answers its first cell's index in `cells`. */
  add(): number {
    const at = this.cells.length;
    for (let i = 0; i < this.width; i++) this.cells.push(-1);
    this.count++;
    return at;
  }
}

const fitsInt16 = (cell: number) => cell >= -0x8000 && cell < 0x8000;
const allFitInt16 = (cells: readonly number[]) => {
  for (let i = 0; i < cells.length; i++) if (!fitsInt16(cells[i])) return false;
  return true;
};

export class RecordWriter {
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly numbers: number[] = [];
  readonly top = new Rows(TOP.width);
  readonly refs = new Rows(REF.width);
  readonly platforms = new Rows(PLATFORM.width);
  readonly files = new Rows(FILE.width);
  readonly registry = new Rows(REGISTRY.width);
  readonly deployment = new Rows(DEPLOYMENT.width);
  readonly revisions = new Rows(REVISION.width);
  readonly vulns = new Rows(VULN.width);
  readonly cvss = new Rows(CVSS.width);
  readonly suppressions = new Rows(SUPPRESSION.width);

  constructor(readonly text: string) {}

  string(value: unknown): number {
    if (typeof value !== 'string') return -1;
    let at = this.stringIndex.get(value);
    if (at === undefined) {
      // A copy of a short slice costs nothing; a long one would keep the whole text alive.
      at = this.strings.push(value.length < 13 ? value : own(value)) - 1;
      this.stringIndex.set(value, at);
    }
    return at;
  }

  date(value: unknown): number {
    return typeof value === 'string' && VALID_DATE.test(value) ? this.string(value) : -1;
  }

  version(value: unknown): number {
    return typeof value === 'string' && VALID_VERSION.test(value) ? this.string(value) : -1;
  }

  /** The stored copy of a string cell's text (never a slice of the document's text). */
  stored(cell: number): string | undefined {
    return cell < 0 ? undefined : this.strings[cell];
  }

  /** A finite number's cell (sizes, kb, minutes); `anyNumber` keeps `.inf` and `.nan` too (registry data). */
  number(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) ? this.numbers.push(value) - 1 : -1;
  }
  anyNumber(value: number): number {
    return this.numbers.push(value) - 1;
  }

  /** An item's first line, where findings about the whole item go. */
  itemRange(loc: NodeLocation | undefined): Range {
    if (!loc) return [0, 0];
    const text = this.text;
    const start = loc.key?.[0] ?? loc.value[0];
    let end = start;
    for (let c = text.charCodeAt(end); end < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++end));
    return [start, Math.min(end, Math.max(loc.value[1], loc.key?.[1] ?? start))];
  }

  finish(uri: string, parsed: ParsedDocument, intrinsic: Problem[], hash: string): BulletinRecord {
    const tables = [this.refs, this.platforms, this.files, this.registry, this.deployment, this.revisions, this.vulns, this.cvss];
    const counts = tables.map((t) => t.count);
    let narrow = allFitInt16(counts) && allFitInt16(this.top.cells);
    for (let i = 0; narrow && i < tables.length; i++) narrow = allFitInt16(tables[i].cells);
    const cells = new (narrow ? Int16Array : Int32Array)(cellCount(counts));
    cells.set(counts);
    cells.set(this.top.cells, COUNTS);
    let at = COUNTS + this.top.cells.length;
    for (const t of tables) {
      cells.set(t.cells, at);
      at += t.cells.length;
    }
    const suppressions = Int32Array.from(this.suppressions.cells);
    // 16 bits a line start where the text allows (the parse's own are 32: its text may grow).
    const lineStarts = parsed.text.length < 0x10000 ? Uint16Array.from(parsed.lineStarts) : parsed.lineStarts;
    return { uri, hash, textLength: parsed.text.length, lineStarts, strings: this.strings, numbers: Float64Array.from(this.numbers), cells, intrinsic, suppressions };
  }
}

/**
 * A string that does not point into a larger one (V8 keeps substrings as slices of their
 * parent). Slicing a concatenation flattens it into a new string first, so the slice's parent
 * is that copy, not the document's text: a third of the cost of a JSON round trip, which cost
 * a sixth of writing a record (test/fuzz/regressions.test.ts holds it to keeping no text alive).
 */
function own(value: string): string {
  return (' ' + value).slice(1);
}
