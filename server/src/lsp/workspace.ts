/**
 * The workspace on disk: every bulletin under the workspace folders (setting `bulletin.files`,
 * honouring `files.exclude`) is read at start and kept current from file-watcher events while
 * it is not open; an open document's text (unsaved edits included) takes its place.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent, type InitializeParams } from 'vscode-languageserver';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative, sep, isAbsolute } from 'node:path';
import { closedModel } from './read-model';
import type { BulletinWorkspace } from './bulletin-workspace';
import type { Logger } from './run-safe';
import { FileFilter, DEFAULT_FILES } from './workspace-glob';
import { listBulletins } from './workspace-files';
import { findingsDigest, WorkspaceCache, type CacheEntry, type DiskInfo, type LoadedEntry } from './workspace-cache';
import type { CacheFile } from './cached-record';
import type { BulletinRecord } from '../core/record/record';
import { loadWorkspace, readFileNow, revive, uriOf } from './workspace-load';
import { hashOfRead } from '../io/bulletin-read';
import type { IndexWorkers } from './index-workers';
import type { ServerRuntime } from './runtime';
import { IndexProgress } from './index-progress';

/** A file URI in one spelling, whatever spelling the client used. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export class WorkspaceManager {
  private folders: string[] = [];
  private filter = new FileFilter(DEFAULT_FILES);
  private filterKey = '';
  private optionsKey = '';
  /** Canonical URIs of the workspace's bulletins on disk. */
  private onDisk = new Set<string>();
  /** Canonical URI → the URI the client opened it under. */
  private readonly open = new Map<string, string>();
  /** Size, mtime and content hash of each file on disk as last read (the cache's keys). */
  private disk = new Map<string, DiskInfo>();
  /** Where the warm-start cache lives (the runtime's storage), if anywhere. */
  private storagePath: string | undefined;
  private readonly workers: IndexWorkers | undefined;
  /** The cache file the index's closed bulletins read their records from (cached-record.ts). */
  private cacheFile: CacheFile | undefined;
  private saidCacheUnreadable = false;
  private dynamicWatchers = false;
  private askConfiguration = false;
  private scans = 0;
  /** The scan the user cancelled (its progress's Cancel button), if any. */
  private userCancelled = 0;
  /** The scan that is listing or reading files (0: none). */
  private reading = 0;
  private resolveReady!: () => void;
  /** Resolves once the workspace has been read and checked the first time. */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(
    private readonly connection: Connection,
    private readonly workspace: BulletinWorkspace,
    private readonly logger: Logger,
    private readonly runtime: Pick<ServerRuntime, 'files' | 'workers' | 'storage' | 'clock'>,
  ) {
    this.workers = runtime.workers.index?.();
  }

  initialize(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    if (this.folders.length === 0 && params.rootPath) this.folders = [params.rootPath];
    this.dynamicWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.askConfiguration = params.capabilities.workspace?.configuration === true;
    this.storagePath = this.runtime.storage.cacheFolder(params);
  }

  /** Reads the settings, registers the file watcher and reads the workspace. */
  async start(): Promise<void> {
    await this.readFilter();
    this.optionsKey = this.analysisKey();
    if (this.dynamicWatchers) {
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.bulletin.{yaml,yml}' }] })
        .catch(() => undefined);
    }
    await this.scan();
  }

  /** Settings changed: a new glob or exclusion re-reads the folders; a new locale or id pattern re-reads every model. */
  async configurationChanged(pushed?: unknown): Promise<void> {
    const filterChanged = await this.readFilter(pushed as Parameters<WorkspaceManager['readFilter']>[0]);
    const key = this.analysisKey();
    const analysisChanged = key !== this.optionsKey;
    this.optionsKey = key;
    if (filterChanged || analysisChanged) await this.scan(analysisChanged);
    else this.workspace.recheckAll();
  }

  isOpen(uri: string): boolean {
    return this.open.has(canonicalUri(uri));
  }

  opened(uri: string): void {
    const canonical = canonicalUri(uri);
    this.open.set(canonical, uri);
    if (canonical !== uri && this.workspace.index.has(canonical)) {
      this.workspace.remove(canonical);
    }
  }

  /** A closed document goes back to its text on disk, or leaves the index if it is not a workspace file. */
  async closed(uri: string): Promise<void> {
    const canonical = canonicalUri(uri);
    this.open.delete(canonical);
    this.workspace.closed(uri);
    if (!this.onDisk.has(canonical)) {
      this.workspace.remove(uri);
      return;
    }
    if (canonical !== uri) this.workspace.remove(uri);
    await this.load(canonical);
  }

  async watchedFilesChanged(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const canonical = canonicalUri(change.uri);
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder comes as one event: everything under it goes.
        for (const uri of [...this.onDisk]) {
          if (uri !== canonical && !uri.startsWith(`${canonical}/`)) continue;
          this.onDisk.delete(uri);
          if (this.open.has(uri)) continue;
          this.workspace.remove(uri);
        }
        continue;
      }
      if (!this.accepts(canonical)) continue;
      this.onDisk.add(canonical);
      if (!this.open.has(canonical)) await this.load(canonical);
    }
  }

  private accepts(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return false;
    }
    for (const folder of this.folders) {
      const rel = relative(folder, path);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel) && this.filter.matches(rel.split(sep).join('/'))) return true;
    }
    return false;
  }

  /** Reads one file from disk into the index (a vanished or unreadable file leaves it). */
  private async load(uri: string): Promise<void> {
    const read = await this.runtime.files.read(fileURLToPath(uri), this.workspace.settings.checkOptions.maxFileSize);
    if (read) this.disk.set(uri, read.info);
    else this.disk.delete(uri);
    if (this.open.has(uri)) return; // opened meanwhile: the editor's text wins
    if (read === undefined) {
      this.onDisk.delete(uri);
      this.workspace.remove(uri);
      return;
    }
    this.workspace.setRecord(closedModel(uri, read, this.workspace.settings.checkOptions));
  }

  private async scan(rereadAll = false): Promise<void> {
    const scan = ++this.scans;
    this.workspace.scanStarted();
    this.reading = scan;
    const progress = await IndexProgress.begin(this.connection, this.workspace.settings.locale, this.runtime.clock.now, () => (this.userCancelled = scan));
    try {
      await this.listAndLoad(scan, rereadAll, progress);
    } finally {
      progress.done();
      if (this.reading === scan) this.reading = 0;
    }
  }

  /** Stops the scan that is reading files, if any (the progress's Cancel button, or the command). */
  cancelIndexing(): boolean {
    if (this.reading === 0 || this.reading !== this.scans) return false;
    this.userCancelled = this.scans;
    return true;
  }

  /** Asked for by the user (after cancelling, or to pick up what the watcher missed): read the folders again, keeping what is indexed. */
  async reindex(): Promise<void> {
    await this.scan();
  }

  private async listAndLoad(scan: number, rereadAll: boolean, progress: IndexProgress): Promise<void> {
    const links = { skipped: 0 };
    const listing = Promise.all(this.folders.map((folder) => listBulletins(folder, this.filter, this.workspace.settings.followLinksOutside, links)));
    const cache = new WorkspaceCache(this.storagePath, this.folders, this.analysisKey(), (uri, hash, reason) => this.readRecordNow(uri, hash, reason));
    // The cache is for starting: a later scan (new glob) keeps what is indexed already. It is
    // read while the folders are listed (the listing mostly waits for the file system).
    const loading = scan === 1 || rereadAll ? cache.load() : undefined;
    const [lists, loaded] = await Promise.all([listing, loading]);
    this.workspace.skippedLinks = links.skipped;
    if (scan !== this.scans) return; // a newer scan took over
    const uris = lists.flat().map(uriOf);
    progress.setTotal(uris.length);
    const found = new Set(uris);
    for (const uri of this.onDisk) {
      if (found.has(uri) || this.open.has(uri)) continue;
      this.workspace.remove(uri);
    }
    this.onDisk = found;
    if (loaded && 'discarded' in loaded) this.connection.console.log(`workspace: the cache was discarded (${loaded.discarded}); it is written anew`);
    const saved = loaded && 'entries' in loaded ? loaded : undefined;
    if (saved) this.useCacheFile(saved.file);
    await this.loadAndCheck(scan, uris, found, rereadAll, cache, saved, progress);
  }

  private async loadAndCheck(scan: number, uris: string[], found: Set<string>, rereadAll: boolean, cache: WorkspaceCache, saved: { entries: Map<string, LoadedEntry>; digest?: string } | undefined, progress: IndexProgress): Promise<void> {
    const options = this.workspace.settings.checkOptions;
    let read = 0;
    const { disk, revived, parsed } = await loadWorkspace(uris, {
      options,
      cached: saved?.entries,
      workers: this.workers,
      isOpen: (uri) => this.open.has(uri),
      skip: (uri) => !rereadAll && scan > 1 && this.workspace.index.has(uri),
      cancelled: () => scan !== this.scans || scan === this.userCancelled,
      editor: this.workspace.editorActivity,
      keepInCache: true,
      setModel: (bulletin) => {
        this.workspace.setRecord(bulletin, true);
        progress.read(++read);
      },
      onError: (uri, error) => this.logger.error(`reading ${uri} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    if (this.reading === scan) this.reading = 0; // every file is read: nothing left to cancel
    if (scan !== this.scans) return;
    for (const [uri, info] of disk) this.disk.set(uri, info);
    if (scan === this.userCancelled) {
      // What was read stays; its single-file findings are shown, the cross-file checks wait
      // for the whole workspace (a re-index), since they would name bulletins not read yet.
      this.workspace.scanFinished(true);
      this.connection.console.log(`workspace: indexing cancelled after ${read} of ${uris.length} bulletins`);
      this.workspace.recheckAll();
      await this.workspace.whenIdle();
      this.resolveReady();
      return;
    }
    for (const uri of this.disk.keys()) if (!found.has(uri)) this.disk.delete(uri);
    if (rereadAll) this.workspace.recheckOpen();
    this.workspace.scanFinished(false);
    const restored = saved?.digest !== undefined && saved.digest === this.findingsDigest() && this.restoreFindings(saved.entries);
    if (cache.enabled) this.connection.console.log(`workspace: ${uris.length} bulletins, ${revived} models from the cache${restored ? ', findings from the cache' : ''}`);
    if (!restored) this.workspace.recheckAll();
    await this.workspace.whenIdle();
    // What restoring the findings read (the line starts of the files that have some) goes back.
    this.workspace.index.releaseRecords();
    this.resolveReady();
    // A start that found everything in the cache has nothing new to write.
    if (scan === this.scans && cache.enabled && !(restored && parsed === 0)) await this.saveCache(cache);
  }

  /** Settings that change findings but not models (rule severities) are part of the digest. */
  private findingsDigest(): string | undefined {
    const hashes = new Map<string, string>();
    for (const uri of this.onDisk) {
      const info = this.disk.get(uri);
      if (!info) return undefined;
      hashes.set(uri, info.hash);
    }
    return findingsDigest(hashes, `${this.analysisKey()}\u0000${JSON.stringify(this.workspace.settings.checkOptions.severities ?? {})}`);
  }

  /**
   * The workspace on disk is what it was when the cache was written: closed documents get
   * their cached findings; open documents, and every document whose findings depend on an
   * open one (as the editor has it or as the disk has it), are checked.
   */
  private restoreFindings(entries: Map<string, LoadedEntry>): boolean {
    const index = this.workspace.index;
    const check = new Set<string>();
    for (const [canonical, clientUri] of this.open) {
      check.add(clientUri);
      for (const other of index.dependentsOf(clientUri)) check.add(other);
      if (!this.onDisk.has(canonical)) continue;
      const onDisk = entries.get(canonical)?.record;
      if (!onDisk) return false; // what depended on its file on disk is unknown: check everything
      // The file as the disk has it, in the index for a moment, says who depended on it.
      const current = index.get(canonical);
      index.set(revive(onDisk, canonical));
      for (const other of index.dependentsOf(canonical)) check.add(other);
      if (current) index.set(current);
      else index.delete(canonical);
    }
    for (const uri of this.onDisk) {
      if (check.has(uri) || this.open.has(uri)) continue;
      const problems = entries.get(uri)?.problems;
      if (problems) this.workspace.restoreFindings(uri, problems);
      else check.add(uri);
    }
    this.workspace.recheckSome(check);
    return true;
  }

  /**
   * Writes the models of the files on disk and, when no open document differs from its file,
   * the findings (they are then the findings of the disk's workspace).
   */
  private async saveCache(cache: WorkspaceCache): Promise<void> {
    let findingsValid = true;
    for (const [canonical, clientUri] of this.open) {
      const info = this.disk.get(canonical);
      if (this.onDisk.has(canonical) && (!info || this.workspace.index.get(clientUri)?.hash !== info.hash)) findingsValid = false;
    }
    const digest = findingsValid ? this.findingsDigest() : undefined;
    const entries = function* (this: WorkspaceManager): Generator<[string, CacheEntry]> {
      for (const uri of [...this.onDisk]) {
        const info = this.disk.get(uri);
        const model = this.workspace.index.get(this.open.get(uri) ?? uri);
        if (!info || !model || model.hash !== info.hash) continue;
        const problems = findingsValid && !this.open.has(uri) ? this.workspace.findingsOf(uri)?.problems : undefined;
        // Read without keeping it: a record let go stays in the old file until the new one has it.
        yield [uri, { ...info, record: model.readRecord(), problems }];
      }
    }.call(this);
    const written = await cache.save(entries, digest, () => this.useCacheFile(undefined));
    if (!written) return;
    // The closed bulletins now read their records from the new file; the old one is closed
    // (a record still asked of it is read from its bulletin's file).
    for (const [uri, record] of written.records) {
      const model = this.workspace.index.get(uri);
      if (model && !this.open.has(uri) && model.hash === record.hash) model.keepIn(record);
    }
    this.useCacheFile(written.file);
  }

  private useCacheFile(file: CacheFile | undefined): void {
    if (this.cacheFile !== file) this.cacheFile?.close();
    this.cacheFile = file;
  }

  /**
   * A closed bulletin's record read from its file now, if the file still has the content the
   * cache had (`hash`): one whose cached record cannot be read back (said once). Read as the
   * scan reads (a regular file, within the size limit), and parsed only if unchanged.
   */
  private readRecordNow(uri: string, hash: string, reason: string): BulletinRecord | undefined {
    if (!this.saidCacheUnreadable) {
      this.saidCacheUnreadable = true;
      this.connection.console.log(`workspace: a record cannot be read back from the cache file (${reason}); such records are read from their bulletins' files`);
    }
    const options = this.workspace.settings.checkOptions;
    const read = readFileNow(fileURLToPath(uri), Infinity, options.maxFileSize);
    if (read === undefined || read === 'large' || hashOfRead(read) !== hash) return undefined;
    return closedModel(uri, read, options).record;
  }

  /** Reads `bulletin.files` and `files.exclude`; true when they changed. */
  private async readFilter(pushed?: { bulletin?: { files?: unknown }; files?: { exclude?: unknown } }): Promise<boolean> {
    let files: unknown = pushed?.bulletin?.files;
    let exclude: unknown = pushed?.files?.exclude;
    if (this.askConfiguration) try {
      [files, exclude] = await this.connection.workspace.getConfiguration([{ section: 'bulletin.files' }, { section: 'files.exclude' }]);
    } catch {
      // The client cannot be asked: the defaults stay.
    }
    const glob = typeof files === 'string' && files.trim() ? files : DEFAULT_FILES;
    const excluded = exclude && typeof exclude === 'object' ? (exclude as Record<string, unknown>) : {};
    const key = JSON.stringify([glob, excluded]);
    if (key === this.filterKey) return false;
    this.filterKey = key;
    this.filter = new FileFilter(glob, excluded);
    return true;
  }

  private analysisKey(): string {
    const options = this.workspace.settings.checkOptions;
    return `${options.locale}\u0000${options.idPattern?.source ?? ''}\u0000${options.maxFileSize ?? ''}`;
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }
}
