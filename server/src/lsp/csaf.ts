/**
 * CSAF in the editor: the `bulletin/export-csaf` request, and once the findings of a new version
 * of an open bulletin are out (the workspace's change event), the failures its export would have, sent as `bulletin/csafDiagnostics` (a channel
 * of its own, so they never replace the rule diagnostics). The validator library runs in a
 * child process (csaf-validator-process.ts), one document at a time, once the document has been
 * left alone for a moment (it never competes with typing; the rule diagnostics have no such
 * delay), and not again for a text and settings it was already checked with.
 */
import { fileURLToPath } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { exportBulletin, liveCsafProblems, PUBLISHER_CATEGORIES, type CsafPublisher, type RelatedBulletinInfo } from '../core/csaf';
import { msg } from '../core/messages';
import { parse } from '../core/parse';
import { CsafDiagnosticsNotification, ExportCsafRequest, type ExportCsafResult } from '../protocol';
import { toDiagnostic } from './diagnostics';
import type { Logger } from './run-safe';
import type { BulletinWorkspace, FindingsChangeEvent } from './bulletin-workspace';
import { CsafValidatorProcess } from './csaf-validator-process';
import type { ServerRuntime } from './runtime';

interface Context {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: BulletinWorkspace;
  logger: Logger;
  runtime: Pick<ServerRuntime, 'files' | 'clock' | 'workers' | 'rulesDoc'>;
}

/** Validation of an export needs some publisher; it does not come from the YAML, so its value cannot fail a line. */
const STAND_IN_PUBLISHER: CsafPublisher = { category: 'other', name: 'Bulletin', namespace: 'urn:bulletin:publisher-not-set' };

/** How long a document stays unedited before its export is checked (an export and its validator cost more than a keystroke's diagnostics). */
const QUIET_MS = 300;

interface Checked {
  /** Text hash and settings epoch the diagnostics were made for. */
  key: string;
  diagnostics: Diagnostic[];
}

export class CsafService {
  private publisher: Partial<CsafPublisher> | undefined;
  /** The configured publisher, asked of the client once per settings change. */
  private configured: Promise<Partial<CsafPublisher> | undefined> | undefined;
  private readonly pending = new Set<string>();
  private running = false;
  private readonly validator: CsafValidatorProcess;
  /** When each pending document was last asked for (its last settled edit). */
  private readonly askedAt = new Map<string, number>();
  private readonly checked = new Map<string, Checked>();
  /** Bumped by a settings change: the publisher or the locale may differ. */
  private epoch = 0;
  private wake: { dispose(): void } | undefined;
  private disposed = false;

  constructor(private readonly context: Context) {
    this.validator = new CsafValidatorProcess(context.runtime.workers.csafValidator);
    context.connection.onRequest(ExportCsafRequest, (params) => this.exportRequest(params.uri));
    context.workspace.onDidChangeFindings((event) => this.findingsChanged(event));
  }

  /** A new version of an open document has its rule findings: its export is checked next. */
  private findingsChanged({ updates }: FindingsChangeEvent): void {
    for (const { uri, findings, previous } of updates) {
      if (findings?.version !== undefined && findings.version !== previous?.version) this.request(uri);
    }
  }

  dispose(): void {
    // Nothing is checked after this: a check would start the validator's process again.
    this.disposed = true;
    this.pending.clear();
    this.wake?.dispose();
    this.wake = undefined;
    this.validator.dispose();
  }

  /** The user's `bulletin.csaf.publisher`, read again after a settings change. */
  settingsChanged(pushed?: unknown): void {
    const fromPush = (pushed as { bulletin?: { csaf?: { publisher?: Partial<CsafPublisher> } } } | undefined)?.bulletin?.csaf?.publisher;
    this.publisher = fromPush;
    this.configured = undefined;
    this.epoch++;
    for (const document of this.context.documents.all()) this.request(document.uri);
  }

  request(uri: string): void {
    if (this.disposed) return;
    this.pending.add(uri);
    this.askedAt.set(uri, this.context.runtime.clock.now());
    if (!this.running) void this.drain();
  }

  forget(uri: string): void {
    this.pending.delete(uri);
    this.askedAt.delete(uri);
    this.checked.delete(uri);
    void this.context.connection.sendNotification(CsafDiagnosticsNotification, { uri, version: 0, diagnostics: [] });
  }

  /** One check at a time, each at the document's latest version; edits during a check queue one more. */
  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.size > 0) {
        // Let the rule diagnostics of the same edit go out first.
        await new Promise((resolve) => setImmediate(resolve));
        const uri = this.quietOne();
        if (uri === undefined) {
          this.wakeWhenQuiet();
          return;
        }
        this.pending.delete(uri);
        try {
          await this.check(uri);
        } catch (error) {
          this.context.logger.error(`CSAF check of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** A pending document left alone for `QUIET_MS`, if any. */
  private quietOne(): string | undefined {
    const now = this.context.runtime.clock.now();
    for (const uri of this.pending) if (now - (this.askedAt.get(uri) ?? 0) >= QUIET_MS) return uri;
    return undefined;
  }

  private wakeWhenQuiet(): void {
    if (this.wake) return;
    const now = this.context.runtime.clock.now();
    let wait = QUIET_MS;
    for (const uri of this.pending) wait = Math.min(wait, QUIET_MS - (now - (this.askedAt.get(uri) ?? 0)));
    this.wake = this.context.runtime.clock.setTimeout(() => {
      this.wake = undefined;
      if (!this.running) void this.drain();
    }, Math.max(1, Math.ceil(wait)));
  }

  private async check(uri: string): Promise<void> {
    const document = this.context.documents.get(uri);
    if (!document) return;
    const { workspace } = this.context;
    if (workspace.isBackground(document)) {
      // Too large to parse on the server's thread after every pause in typing: its export is
      // checked when it is asked for, and the live check says nothing rather than something stale.
      this.checked.delete(uri);
      await this.context.connection.sendNotification(CsafDiagnosticsNotification, { uri, version: document.version, diagnostics: [] });
      return;
    }
    const analysis = workspace.analysisOf(document);
    const key = `${analysis.bulletin.hash}\u0000${this.epoch}`;
    const known = this.checked.get(uri);
    if (known?.key === key) {
      // The same text under the same settings (an undo, a save that changed nothing): same findings.
      await this.context.connection.sendNotification(CsafDiagnosticsNotification, { uri, version: document.version, diagnostics: known.diagnostics });
      return;
    }
    const publisher = await this.currentPublisher();
    if (this.disposed) return;
    const result = await exportBulletin(analysis, { publisher: complete(publisher) ?? STAND_IN_PUBLISHER, lookup: (id) => this.lookup(id) }, workspace.settings.locale, this.validator.validate);
    if (this.context.documents.get(uri)?.version !== document.version) return; // a newer check is queued
    // Never a restatement of a rule's error: the CSAF check speaks only for a bulletin the rules pass.
    const findings = workspace.findingsOf(uri)?.problems ?? [];
    const problems = liveCsafProblems(findings, result.kind === 'invalid' ? result.problems : []);
    const diagnostics = problems.map((p) => {
      const { codeDescription: _none, ...diagnostic } = toDiagnostic(p, analysis.bulletin.lineStarts, () => undefined, this.context.runtime.rulesDoc);
      return { ...diagnostic, source: 'bulletin-csaf' };
    });
    this.checked.set(uri, { key, diagnostics });
    await this.context.connection.sendNotification(CsafDiagnosticsNotification, { uri, version: document.version, diagnostics });
  }

  private async exportRequest(uri: string): Promise<ExportCsafResult | null> {
    const document = this.context.documents.get(uri);
    if (!document) return null;
    const { workspace } = this.context;
    const locale = workspace.settings.locale;
    // Asked afresh: an export is rare, and the settings may have changed a moment ago.
    this.configured = this.askPublisher();
    const publisher = complete(await this.configured);
    if (!publisher) return { ok: false, reason: 'publisher', message: msg(locale, 'csaf.export.publisherMissing') };
    const analysis = workspace.analysisOf(document);
    const baseUrl = await this.askBaseUrl();
    let result;
    try {
      result = await exportBulletin(analysis, { publisher, lookup: (id) => this.lookup(id), engine: { name: 'Bulletin' }, baseUrl }, locale, this.validator.validate);
    } catch (error) {
      return { ok: false, reason: 'failed', message: msg(locale, 'csaf.export.validatorFailed', { reason: error instanceof Error ? error.message : String(error) }) };
    }
    if (result.kind === 'refused') return { ok: false, reason: 'errors', message: msg(locale, 'csaf.export.intrinsicErrors', { count: result.errors.length }) };
    if (result.kind === 'invalid') {
      this.request(uri); // show where, as diagnostics
      return { ok: false, reason: 'invalid', message: result.problems.map((p) => p.message).join('\n') };
    }
    const tracking = (result.csaf.document as { tracking: { id: string } }).tracking;
    return { ok: true, json: JSON.stringify(result.csaf, null, 2) + '\n', id: tracking.id };
  }

  private currentPublisher(): Promise<Partial<CsafPublisher> | undefined> {
    this.configured ??= this.askPublisher();
    return this.configured;
  }

  private async askPublisher(): Promise<Partial<CsafPublisher> | undefined> {
    try {
      const section = (await this.context.connection.workspace.getConfiguration('bulletin')) as { csaf?: { publisher?: Partial<CsafPublisher> } } | null;
      return section?.csaf?.publisher ?? this.publisher;
    } catch {
      return this.publisher; // the client does not answer workspace/configuration: use what it pushed
    }
  }

  /** `bulletin.csaf.baseUrl`: an absolute web address, else none. */
  private async askBaseUrl(): Promise<string | undefined> {
    try {
      const section = (await this.context.connection.workspace.getConfiguration('bulletin')) as { csaf?: { baseUrl?: unknown } } | null;
      const value = section?.csaf?.baseUrl;
      return typeof value === 'string' && /^https?:\/\/[^/\s]+/i.test(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Title and first advisory of a bulletin the index knows, from the open document or its file. */
  private lookup(id: string): RelatedBulletinInfo | undefined {
    const [other] = this.context.workspace.index.byId(id);
    if (!other) return undefined;
    let text: string | undefined = this.context.documents.get(other.uri)?.getText();
    if (text === undefined && other.uri.startsWith('file:')) {
      try {
        text = this.context.runtime.files.readNow(fileURLToPath(other.uri));
      } catch {
        text = undefined; // not a path on this system
      }
    }
    const value = text === undefined ? undefined : (parse(text).value as Record<string, unknown> | undefined);
    const first = Array.isArray(value?.advisories) ? (value.advisories[0] as Record<string, unknown> | undefined) : undefined;
    return { title: other.title, url: typeof first?.url === 'string' ? first.url : undefined };
  }
}

function complete(publisher: Partial<CsafPublisher> | undefined): CsafPublisher | undefined {
  if (!publisher || typeof publisher.name !== 'string' || !publisher.name || typeof publisher.namespace !== 'string' || !publisher.namespace) return undefined;
  const category = typeof publisher.category === 'string' && (PUBLISHER_CATEGORIES as readonly string[]).includes(publisher.category) ? publisher.category : 'other';
  return { category, name: publisher.name, namespace: publisher.namespace };
}
