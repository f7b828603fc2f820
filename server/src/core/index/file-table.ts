/**
 * The workspace index's files by version: every file of every bulletin (on a platform with an
 * id, with a version) by its `indexHash`, kept as numbers — the bulletin's slot and the file's
 * row — in typed arrays, chained per hash. A bulletin's files are read from its record
 * (`fileIndexHash`) and made into entries only when a query returns them: indexing a workspace
 * made an entry object per file (a quarter of a million at 10,000 bulletins), most of which
 * no query ever asks for.
 */
import type { Bulletin, BulletinFile } from '../model';

const NO_ENTRY = -1;

export class FileTable {
  /**
   * Bulletin slots: a bulletin keeps its slot while it is indexed (re-pointing changes the
   * bulletin, not the slot). The caller keeps each bulletin's slot (the index's entry of it):
   * a map by URI here was one more table as large as the workspace.
   */
  private readonly bulletins: (Bulletin | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Entries: slot, row, and the next entry of the same hash (newest first). */
  private entrySlot = new Int32Array(1024);
  private entryRow = new Int32Array(1024);
  private entryNext = new Int32Array(1024);
  private entryCount = 0;
  private freeEntry = NO_ENTRY;
  /** `indexHash` → its newest entry. */
  private readonly heads = new HeadTable();

  /** Indexes every file of `bulletin` that has a hash; answers its slot. */
  add(bulletin: Bulletin): number {
    const slot = this.freeSlots.pop() ?? this.bulletins.length;
    this.bulletins[slot] = bulletin;
    for (let row = 0; row < bulletin.fileCount; row++) {
      const hash = bulletin.fileIndexHash(row);
      if (hash < 0) continue;
      const entry = this.newEntry();
      this.entrySlot[entry] = slot;
      this.entryRow[entry] = row;
      this.entryNext[entry] = this.heads.put(hash, entry);
    }
    return slot;
  }

  /** Removes the files `bulletin` (as it was indexed, at `slot`) put in, and frees its slot. */
  remove(bulletin: Bulletin, slot: number): void {
    if (this.bulletins[slot]?.uri !== bulletin.uri) return;
    for (let row = 0; row < bulletin.fileCount; row++) {
      const hash = bulletin.fileIndexHash(row);
      if (hash >= 0) this.unlink(hash, slot, row);
    }
    this.bulletins[slot] = undefined;
    this.freeSlots.push(slot);
  }

  /** `next` takes the place of the indexed version of its document: the same files at the same rows. */
  repoint(next: Bulletin, slot: number): void {
    if (this.bulletins[slot]?.uri === next.uri) this.bulletins[slot] = next;
  }

  /** The entries of `hash`, oldest first, as files (made by their bulletins on demand). */
  filesOf(hash: number): BulletinFile[] {
    const out: BulletinFile[] = [];
    for (let entry = this.heads.get(hash); entry !== NO_ENTRY; entry = this.entryNext[entry]) {
      out.push(this.bulletins[this.entrySlot[entry]]!.fileAt(this.entryRow[entry]));
    }
    return out.reverse();
  }

  /** Whether `file` is the only entry of its hash (most files are: no other entry needs to be made). */
  isAlone(file: BulletinFile): boolean {
    const entry = this.heads.get(file.indexHash);
    if (entry === NO_ENTRY || this.entryNext[entry] !== NO_ENTRY) return false;
    const bulletin = this.bulletins[this.entrySlot[entry]];
    return bulletin === file.bulletin && bulletin.fileAt(this.entryRow[entry]) === file;
  }

  private newEntry(): number {
    if (this.freeEntry !== NO_ENTRY) {
      const entry = this.freeEntry;
      this.freeEntry = this.entryNext[entry];
      return entry;
    }
    if (this.entryCount === this.entrySlot.length) {
      const grow = (array: Int32Array) => {
        const grown = new Int32Array(array.length * 2);
        grown.set(array);
        return grown;
      };
      this.entrySlot = grow(this.entrySlot);
      this.entryRow = grow(this.entryRow);
      this.entryNext = grow(this.entryNext);
    }
    return this.entryCount++;
  }

  private unlink(hash: number, slot: number, row: number): void {
    let previous = NO_ENTRY;
    for (let entry = this.heads.get(hash); entry !== NO_ENTRY; previous = entry, entry = this.entryNext[entry]) {
      if (this.entrySlot[entry] !== slot || this.entryRow[entry] !== row) continue;
      const next = this.entryNext[entry];
      if (previous !== NO_ENTRY) this.entryNext[previous] = next;
      else if (next === NO_ENTRY) this.heads.delete(hash);
      else this.heads.set(hash, next);
      this.entryNext[entry] = this.freeEntry;
      this.freeEntry = entry;
      return;
    }
  }
}

const FREE = -1;
const GONE = -2;

/**
 * Non-negative int32 keys → entries, open addressing in two typed arrays (a `Map` of a quarter
 * of a million numbers cost more than the rest of indexing the files). A deleted key leaves a
 * mark until the table is rebuilt.
 */
export class HeadTable {
  private keys = new Int32Array(1 << 10).fill(FREE);
  private values = new Int32Array(1 << 10);
  /** Keys held, and slots marked deleted. */
  private held = 0;
  private gone = 0;

  /** The entry of `key`, or NO_ENTRY. */
  get(key: number): number {
    const { keys } = this;
    const mask = keys.length - 1;
    for (let at = spread(key) & mask; ; at = (at + 1) & mask) {
      const k = keys[at];
      if (k === key) return this.values[at];
      if (k === FREE) return NO_ENTRY;
    }
  }

  set(key: number, value: number): void {
    this.put(key, value);
  }

  /** Sets `key` to `value` and answers the entry it had (NO_ENTRY if none): one probe for both. */
  put(key: number, value: number): number {
    // Rebuilt past three quarters full (marks included), to at most half: the table stays
    // between three eighths and three quarters full, about 14 bytes a key against 26 when kept
    // between a quarter and a half (docs/benchmarks.md); a key is still found in a probe or two.
    if ((this.held + this.gone + 1) * 4 > this.keys.length * 3) this.rebuild();
    const { keys } = this;
    const mask = keys.length - 1;
    let reuse = -1;
    for (let at = spread(key) & mask; ; at = (at + 1) & mask) {
      const k = keys[at];
      if (k === key) {
        const was = this.values[at];
        this.values[at] = value;
        return was;
      }
      if (k === GONE && reuse < 0) reuse = at;
      if (k === FREE) {
        const slot = reuse >= 0 ? reuse : at;
        if (reuse >= 0) this.gone--;
        keys[slot] = key;
        this.values[slot] = value;
        this.held++;
        return NO_ENTRY;
      }
    }
  }

  delete(key: number): void {
    const { keys } = this;
    const mask = keys.length - 1;
    for (let at = spread(key) & mask; ; at = (at + 1) & mask) {
      const k = keys[at];
      if (k === FREE) return;
      if (k === key) {
        keys[at] = GONE;
        this.held--;
        this.gone++;
        return;
      }
    }
  }

  /** More than twice the keys held, with no marks. */
  private rebuild(): void {
    const [keys, values] = [this.keys, this.values];
    let size = this.keys.length;
    while (this.held * 2 >= size) size *= 2;
    this.keys = new Int32Array(size).fill(FREE);
    this.values = new Int32Array(size);
    this.held = 0;
    this.gone = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] >= 0) this.set(keys[i], values[i]);
  }
}

/** Hashes of nearby versions differ in their low bits little: mixed before masking. */
function spread(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16 ^ key;
}
