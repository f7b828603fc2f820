/**
 * The last committed version of each open bulletin, from git through the runtime (the core
 * never runs anything): `unrevised-change` reads it, Compare with Last Commit shows the
 * semantic diff against it, the preview marks what changed. Git runs only when the client says
 * the workspace is trusted (a repository's configuration can run commands); without git, a
 * repository or a first commit, every answer is "nothing known" and the features are off.
 * The committed text is fetched when a document opens and again at most every few seconds
 * while it changes; the diff against the current text is made on demand, once per version.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { parse, type ParsedDocument } from '../core/parse';
import { committedVersion, type CommittedVersion, type HistoryLookup } from '../core/history';
import type { GitHistory } from '../io/git';
import type { BulletinWorkspace, OpenDocuments } from './bulletin-workspace';
import type { Logger } from './run-safe';

/** Fetch the committed text again at most this often while a document is edited. */
const REFETCH_MS = 3000;

interface Entry {
  /** Undefined: git knows no committed version of this file. */
  committed: { commit: string; text: string; parsed?: ParsedDocument } | undefined;
  fetchedAt: number;
  pending?: Promise<void>;
  /** The last diff made, for one version of the document. */
  made?: { version: number; value: CommittedVersion };
}

export class CommittedVersions {
  private trusted = false;
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly git: GitHistory | undefined,
    private readonly documents: OpenDocuments,
    private readonly workspace: BulletinWorkspace,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  /** Whether git may run: a trusted workspace and a runtime that has git. */
  get enabled(): boolean {
    return this.trusted && this.git !== undefined;
  }

  /** The client's word on trust (`initializationOptions.workspaceTrusted`, or the trust notification). */
  setTrusted(trusted: boolean): void {
    const was = this.enabled;
    this.trusted = trusted;
    if (this.enabled && !was) for (const document of this.documents.all()) void this.fetch(document.uri);
  }

  /** For the rules: the committed version of an open document against its current text. */
  readonly lookup: HistoryLookup = (uri) => {
    const document = this.documents.get(uri);
    return document ? this.against(document) : undefined;
  };

  /** The committed version against this document's current text (undefined: unknown). */
  against(document: TextDocument): CommittedVersion | undefined {
    const entry = this.entries.get(document.uri);
    if (!this.enabled || !entry?.committed) return undefined;
    if (entry.made?.version === document.version) return entry.made.value;
    // A large document is parsed on the worker thread: parsing it here on every version would
    // block the server, so the git features leave it alone.
    if (this.workspace.isBackground(document)) return undefined;
    const committed = entry.committed;
    const current = this.workspace.analysisOf(document).parsed;
    // The committed text is parsed once per commit; each version of the document is diffed against it.
    committed.parsed ??= parse(committed.text);
    const value = committedVersion(committed.commit, committed.parsed, current);
    entry.made = { version: document.version, value };
    return value;
  }

  /** A document opened or changed: fetch its committed text when it is not known or is old. */
  touched(uri: string): void {
    if (!this.enabled || !uri.startsWith('file:')) return;
    const entry = this.entries.get(uri);
    if (entry && (entry.pending || this.now() - entry.fetchedAt < REFETCH_MS)) return;
    void this.fetch(uri);
  }

  /** The committed text now (waits for git): for Compare with Last Commit. */
  async fetchNow(uri: string): Promise<void> {
    if (!this.enabled || !uri.startsWith('file:')) return;
    await (this.entries.get(uri)?.pending ?? this.fetch(uri));
  }

  /** Waits for a fetch of this document's committed text already under way (a render right after opening); never starts one. */
  async settled(uri: string): Promise<void> {
    await this.entries.get(uri)?.pending;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private fetch(uri: string): Promise<void> {
    const entry: Entry = this.entries.get(uri) ?? { committed: undefined, fetchedAt: 0 };
    this.entries.set(uri, entry);
    const pending = (async () => {
      let found: { commit: string; text: string } | undefined;
      try {
        found = await this.git?.committed(fileURLToPath(uri));
      } catch (error) {
        this.logger.error(`git: ${String(error)}`);
      }
      const before = entry.committed;
      entry.fetchedAt = this.now();
      entry.pending = undefined;
      if (before?.commit === found?.commit && before?.text === found?.text) return;
      entry.committed = found;
      entry.made = undefined;
      // What the rules read of this document changed: check it again.
      if (this.documents.get(uri)) this.workspace.recheckSome([uri]);
    })();
    entry.pending = pending;
    return pending;
  }
}
