/**
 * The workspace index: every bulletin's view over its record (never a YAML document), by document
 * key and by id; the `includes`/`related` graph in both directions; and every shipped file by
 * its identity (platform `id`, name case-insensitively, variant). `set`/`delete` update it
 * incrementally, one document at a time.
 *
 * Stable API other features read (completion, hover, code actions, preview):
 *   get(uri), byId(id), ids(), all(), size, referencesTo(id), referencesFrom(bulletin),
 *   filesByIdentity(platformId, name, variant), filesAtVersion(platformId, name, variant, version),
 *   sharedAtVersionOf(platformId, file),
 *   filesByName(name), cycleOf(id),
 *   includesPath(from, to), dependentsOf(uri), generation.
 */
import type { Bulletin, BulletinFile, Platform, Ref } from '../model';
import { componentOf, cyclicComponents, pathWithin, type Edges } from './cycles';
import { fileHash, isAtVersion } from './file-hash';
import { FileTable } from './file-table';

export type ReferenceKind = 'includes' | 'related';

/** One `includes`/`related` item: which bulletin names which id, and where. */
export interface Reference {
  from: Bulletin;
  kind: ReferenceKind;
  ref: Ref;
}

/** One file entry of one platform of one bulletin: the file itself, which knows its place. */
export type FileEntry = BulletinFile;

/** The key of a file's identity: (platform id, name case-insensitively, variant). */
export function fileIdentity(platformId: string, name: string, variant?: string): string {
  return `${platformId}\u0000${name.toLowerCase()}\u0000${(variant ?? '').toLowerCase()}`;
}

/**
 * Key → items, one flat array per key (no per-document inner collections: at 10,000 bulletins
 * those cost more memory than the models). Removing a document filters its items out.
 */
type Multi<T> = Map<string, T[]>;
type Owned = { readonly bulletin: Bulletin } | { readonly from: Bulletin };
const ownerOf = (item: Owned): string => ('bulletin' in item ? item.bulletin.uri : item.from.uri);

function addTo<T>(map: Multi<T>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function removeFrom<T extends Owned>(map: Multi<T>, key: string, uri: string): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((item) => ownerOf(item) !== uri);
  if (kept.length === 0) map.delete(key);
  else if (kept.length !== list.length) map.set(key, kept);
}

/** Whether the entry is the file (platform id, name, variant) at this version (numerically). */
const isFileAt = (entry: FileEntry, platformId: string, name: string, variant: string | undefined, version: string): boolean =>
  entry.platform.id === platformId && isAtVersion(entry.file, name, variant, version);

const NONE: readonly FileEntry[] = Object.freeze([]);

interface Indexed {
  /** Its `includes` then `related` items. */
  references: Reference[];
  /** Its slot in `filesByVersion`. */
  slot: number;
}

/**
 * Checks between two `forgetViews` when every bulletin is checked. What a check makes of the
 * bulletins it reads (views of their platforms and files, values derived from them) is made
 * again when read; kept, it would be a view of every file by the end. Forgotten this soon, it
 * dies in the young generation; after 256 checks it had been promoted (docs/benchmarks.md,
 * "Tuning decisions").
 */
export const CHECKS_PER_FORGET = 32;

export class WorkspaceIndex {
  private readonly byUri = new Map<string, Bulletin>();
  /**
   * Id → the URIs of the bulletins that have it, in the order they were indexed (an array: most
   * ids have one bulletin, and a set of one cost twice an array's memory).
   */
  private readonly idToUris = new Map<string, string[]>();
  /** Named id → who names it. */
  private readonly referencesById: Multi<Reference> = new Map();
  /** `fileHash` → the entries of that file at that version (and any that collide with it). */
  private readonly filesByVersion = new FileTable();
  /** File identity → entries, built when first asked for (only Show Index and tests ask). */
  private filesById: Multi<FileEntry> | undefined;
  /** Per document: the items it put in the maps above, to remove or re-point them. */
  private readonly entries = new Map<string, Indexed>();
  private components: Map<string, ReadonlySet<string>> | undefined;
  private includesEdges: Map<string, Set<string>> | undefined;
  /** Cycle queries answered from their own part of the graph since the graph last changed. */
  private localCycleQueries = 0;
  private changes = 0;
  /** The bulletins that made views since `forgetViews` last ran (each lists itself, once). */
  private readonly madeViews: Bulletin[] = [];
  /** The bulletins that read their record again since `releaseRecords` last ran (each lists itself, once). */
  private readonly readRecords: Bulletin[] = [];

  /** Grows on every change; a cache keyed by it is current while it stays equal. */
  get generation(): number {
    return this.changes;
  }

  set(bulletin: Bulletin): void {
    bulletin.listViewsIn(this.madeViews);
    bulletin.listRecordsReadIn(this.readRecords);
    const old = this.byUri.get(bulletin.uri);
    // Typing changes a description far more often than an id, a reference or a file: then the
    // entries already indexed are re-pointed at the new model instead of removed and re-added
    // (filtering every shared list and re-keying every file grows with the workspace, per keystroke).
    if (old && this.repoint(old, bulletin)) {
      this.byUri.set(bulletin.uri, bulletin);
      this.changes++;
      return;
    }
    if (old) this.remove(old);
    this.byUri.set(bulletin.uri, bulletin);
    if (bulletin.id !== undefined) {
      const uris = this.idToUris.get(bulletin.id);
      if (!uris) this.idToUris.set(bulletin.id, [bulletin.uri]);
      else if (!uris.includes(bulletin.uri)) uris.push(bulletin.uri);
    }
    const references = referencesOf(bulletin);
    for (const reference of references) addTo(this.referencesById, reference.ref.id, reference);
    const slot = this.filesByVersion.add(bulletin);
    this.entries.set(bulletin.uri, { references, slot });
    this.filesById = undefined;
    if (!old || includesSignature(old) !== includesSignature(bulletin)) this.graphChanged();
    this.changes++;
  }

  delete(uri: string): Bulletin | undefined {
    const old = this.byUri.get(uri);
    if (!old) return undefined;
    this.remove(old);
    this.byUri.delete(uri);
    this.graphChanged();
    this.changes++;
    return old;
  }

  /**
   * When `next` has the same id, the same references and the same files (platform id, name,
   * variant, version) at the same rows as `old`, points the indexed entries at `next` and
   * answers true; otherwise changes nothing and answers false.
   */
  private repoint(old: Bulletin, next: Bulletin): boolean {
    const indexed = this.entries.get(old.uri);
    if (!indexed || old.id !== next.id) return false;
    const { references } = indexed;
    if (references.length !== next.includes.length + next.related.length) return false;
    for (let i = 0; i < next.includes.length; i++) if (references[i].kind !== 'includes' || references[i].ref.id !== next.includes[i].id) return false;
    for (let i = 0, j = next.includes.length; i < next.related.length; i++, j++) if (references[j].kind !== 'related' || references[j].ref.id !== next.related[i].id) return false;
    if (old.fileCount !== next.fileCount) return false;
    for (let row = 0; row < next.fileCount; row++) {
      if (old.fileIndexHash(row) !== next.fileIndexHash(row)) return false;
      const [was, now] = [old.fileAt(row), next.fileAt(row)];
      if (was.platform.id !== now.platform.id || was.name !== now.name || was.variant !== now.variant || was.version !== now.version) return false;
    }
    for (let i = 0; i < next.includes.length; i++) Object.assign(references[i], { from: next, ref: next.includes[i] });
    for (let i = 0, j = next.includes.length; i < next.related.length; i++, j++) Object.assign(references[j], { from: next, ref: next.related[i] });
    this.filesByVersion.repoint(next, indexed.slot);
    return true;
  }

  private remove(old: Bulletin): void {
    if (old.id !== undefined) {
      const uris = this.idToUris.get(old.id);
      if (uris) {
        const at = uris.indexOf(old.uri);
        if (at >= 0) uris.splice(at, 1);
        if (uris.length === 0) this.idToUris.delete(old.id);
      }
    }
    const indexed = this.entries.get(old.uri);
    this.entries.delete(old.uri);
    if (!indexed) return;
    for (const reference of indexed.references) removeFrom(this.referencesById, reference.ref.id, old.uri);
    this.filesByVersion.remove(old, indexed.slot);
    this.filesById = undefined;
  }

  private graphChanged(): void {
    this.components = undefined;
    this.includesEdges = undefined;
    this.localCycleQueries = 0;
  }

  get(uri: string): Bulletin | undefined {
    return this.byUri.get(uri);
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  /** Every bulletin with this id (more than one is a `duplicate-id`), in document-key order. */
  byId(id: string): Bulletin[] {
    const uris = this.idToUris.get(id);
    if (!uris) return [];
    return [...uris].sort().map((uri) => this.byUri.get(uri)!);
  }

  /** Every id some bulletin has. */
  ids(): IterableIterator<string> {
    return this.idToUris.keys();
  }

  /**
   * Every bulletin but those `keep` names drops the views it made (`Bulletin.forgetViews`).
   * Only those that made views since the last time are visited: walking every bulletin each 32
   * checks would cost the square of the workspace's size.
   */
  forgetViews(keep: (uri: string) => boolean = () => false): void {
    const made = this.madeViews.splice(0);
    for (const bulletin of made) {
      // Kept, it stays listed (visited next time too), unless another version has taken its place.
      if (keep(bulletin.uri) && this.byUri.get(bulletin.uri) === bulletin) this.madeViews.push(bulletin);
      else bulletin.forgetViews();
    }
  }

  /** How many bulletins read their record again since `releaseRecords` last ran. */
  get recordsRead(): number {
    return this.readRecords.length;
  }

  /**
   * Every bulletin but those `keep` names lets go of the record it read again since the last
   * time (`Bulletin.keepIn`): a check reads the records of the bulletins it looks at, and kept,
   * they would all be in memory again once every bulletin was checked. Called when a pass of
   * checks ends (the server's queue, once the passes have read enough to matter), never between
   * the checks of a pass: a pass reads each record at most once.
   */
  releaseRecords(keep: (uri: string) => boolean = () => false): void {
    const read = this.readRecords.splice(0);
    for (const bulletin of read) {
      if (keep(bulletin.uri) && this.byUri.get(bulletin.uri) === bulletin) this.readRecords.push(bulletin);
      else bulletin.releaseRecord();
    }
  }

  all(): IterableIterator<Bulletin> {
    return this.byUri.values();
  }

  uris(): IterableIterator<string> {
    return this.byUri.keys();
  }

  get size(): number {
    return this.byUri.size;
  }

  /** Every `includes`/`related` item, in any bulletin, that names `id`. */
  referencesTo(id: string): readonly Reference[] {
    return this.referencesById.get(id) ?? [];
  }

  /** The items of `bulletin`'s own `includes` and `related`. */
  referencesFrom(bulletin: Bulletin): Reference[] {
    return referencesOf(bulletin);
  }

  /** Every entry of the file (platform id, name case-insensitively, variant) in the workspace. */
  filesByIdentity(platformId: string, name: string, variant?: string): readonly FileEntry[] {
    return this.identities().get(fileIdentity(platformId, name, variant)) ?? [];
  }

  /** Every entry of the file at this version (numerically: `5.00.1` is `5.0.1`). */
  filesAtVersion(platformId: string, name: string, variant: string | undefined, version: string): readonly FileEntry[] {
    return this.filesByVersion.filesOf(fileHash(platformId, name, variant, version)).filter((entry) => isFileAt(entry, platformId, name, variant, version));
  }

  /**
   * `filesAtVersion` of a file of a platform (the file's hash, kept in its record, is not computed again), but
   * none when `file` is the only entry at its version (most files are): what the callers, which
   * skip the file itself, want, without an array per file.
   */
  sharedAtVersionOf(platformId: string, file: BulletinFile): readonly FileEntry[] {
    const hash = file.indexHash;
    if (hash < 0 || this.filesByVersion.isAlone(file)) return NONE;
    const entries = this.filesByVersion.filesOf(hash);
    return entries.length === 0 ? NONE : entries.filter((entry) => isFileAt(entry, platformId, file.name, file.variant, file.version!));
  }

  /** Every entry of a file name on every platform (Show Index: a file's version history). */
  filesByName(name: string): readonly FileEntry[] {
    const lower = name.toLowerCase();
    const out: FileEntry[] = [];
    for (const [identity, entries] of this.identities()) if (identity.split('\u0000')[1] === lower) out.push(...entries);
    return out;
  }

  /** Every distinct lower-case file name in the workspace. */
  fileNames(): IterableIterator<string> {
    return new Set([...this.identities().keys()].map((identity) => identity.split('\u0000')[1])).values();
  }

  /** File identity → entries, in document order, until the next change. */
  private identities(): Multi<FileEntry> {
    if (this.filesById) return this.filesById;
    const out: Multi<FileEntry> = new Map();
    for (const uri of this.entries.keys()) {
      const bulletin = this.byUri.get(uri)!;
      for (let row = 0; row < bulletin.fileCount; row++) {
        const entry = bulletin.fileAt(row);
        if (entry.platform.id !== undefined) addTo(out, fileIdentity(entry.platform.id, entry.file.name, entry.file.variant), entry);
      }
    }
    return (this.filesById = out);
  }

  /** The ids of the `includes` cycle `id` is part of (its strongly connected component), if any. */
  cycleOf(id: string): ReadonlySet<string> | undefined {
    if (this.components) return this.components.get(id);
    // While the graph changes between queries (a workspace read while the author types), each
    // query walks only what its id reaches; many queries on an unchanged graph (checking every
    // bulletin) or a long chain make computing every component at once the cheaper way.
    if (++this.localCycleQueries <= LOCAL_CYCLE_QUERIES) {
      const component = componentOf(id, this.includesOf, this.includedBy, LOCAL_CYCLE_NODES);
      if (component !== 'too-big') return component;
    }
    return this.cyclicComponents().get(id);
  }

  /** A shortest `includes` path from id `from` to id `to` inside their common cycle. */
  includesPath(from: string, to: string): string[] {
    const component = this.cycleOf(from);
    if (!component || !component.has(to)) return [from, to];
    return pathWithin(this.includesOf, component, from, to);
  }

  /** The ids the bulletins of an id include (every bulletin with that id: ids are the graph's nodes). */
  private readonly includesOf: Edges = {
    get: (id) => {
      if (this.includesEdges) return this.includesEdges.get(id);
      const out: string[] = [];
      for (const uri of this.idToUris.get(id) ?? []) for (const ref of this.byUri.get(uri)?.includes ?? []) out.push(ref.id);
      return out;
    },
  };

  /** The ids of the bulletins that include an id. */
  private readonly includedBy: Edges = {
    get: (id) => {
      const out: string[] = [];
      for (const reference of this.referencesById.get(id) ?? []) if (reference.kind === 'includes' && reference.from.id !== undefined) out.push(reference.from.id);
      return out;
    },
  };

  /**
   * Documents whose findings may change when `uri`'s bulletin changes, judged on the index as
   * it is now (callers take the union before and after an update): bulletins with the same id,
   * those it names and those naming it (both directions), those shipping one of its files at
   * the same version (the only cross-file rule that needs no reference between them), and the
   * members of its `includes` cycle. `uri` itself is not included.
   */
  dependentsOf(uri: string): Set<string> {
    const out = new Set<string>();
    const bulletin = this.byUri.get(uri);
    if (!bulletin) return out;
    if (bulletin.id !== undefined) {
      for (const other of this.idToUris.get(bulletin.id) ?? []) out.add(other);
      for (const reference of this.referencesById.get(bulletin.id) ?? []) out.add(reference.from.uri);
      for (const member of this.cycleOf(bulletin.id) ?? []) for (const other of this.idToUris.get(member) ?? []) out.add(other);
    }
    const indexed = this.entries.get(uri);
    for (const reference of indexed?.references ?? []) for (const other of this.idToUris.get(reference.ref.id) ?? []) out.add(other);
    for (let row = 0; indexed && row < bulletin.fileCount; row++) {
      if (bulletin.fileIndexHash(row) < 0) continue;
      const file = bulletin.fileAt(row);
      for (const other of this.sharedAtVersionOf(file.platform.id!, file)) out.add(other.bulletin.uri);
    }
    out.delete(uri);
    return out;
  }

  private edges(): Map<string, Set<string>> {
    if (this.includesEdges) return this.includesEdges;
    const edges = new Map<string, Set<string>>();
    for (const bulletin of this.byUri.values()) {
      if (bulletin.id === undefined || bulletin.includes.length === 0) continue;
      let targets = edges.get(bulletin.id);
      if (!targets) edges.set(bulletin.id, (targets = new Set()));
      for (const ref of bulletin.includes) targets.add(ref.id);
    }
    return (this.includesEdges = edges);
  }

  private cyclicComponents(): Map<string, ReadonlySet<string>> {
    return (this.components ??= cyclicComponents(this.edges()));
  }
}

/** Cycle queries answered locally before every component is computed at once (until the graph changes). */
const LOCAL_CYCLE_QUERIES = 64;
/** A query that reaches more ids than this computes every component at once. */
const LOCAL_CYCLE_NODES = 2048;

function referencesOf(bulletin: Bulletin): Reference[] {
  return [
    ...bulletin.includes.map((ref) => ({ from: bulletin, kind: 'includes' as const, ref })),
    ...bulletin.related.map((ref) => ({ from: bulletin, kind: 'related' as const, ref })),
  ];
}

function includesSignature(bulletin: Bulletin): string {
  return `${bulletin.id ?? ''}\u0000${bulletin.includes.map((r) => r.id).join('\u0000')}`;
}
