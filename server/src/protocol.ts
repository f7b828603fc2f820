/**
 * Custom LSP methods shared by the server and the client (one file, imported by both sides).
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
export const serverName = 'Bulletin Language Server';

/** Settings the server reads from the `bulletin` section. */
export interface BulletinSettings {
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  idPattern: string;
  language: 'auto' | 'en' | 'ja';
  /** Bytes above which a file on disk is not parsed (0: the default, io/bounded-read.ts). */
  maxFileSize: number;
  /** Follow symlinks whose target is outside the workspace folder (never into /proc, /sys, /dev). */
  followLinksOutside: boolean;
  /** `bulletin.preview.allowRemoteImages`: Markdown images from https addresses are shown (the preview's CSP allows them too). */
  preview: { allowRemoteImages: boolean; showChanges?: 'off' | 'last-commit' };
}

export const defaultSettings: BulletinSettings = { rules: {}, idPattern: '', language: 'auto', maxFileSize: 0, followLinksOutside: false, preview: { allowRemoteImages: false } };

// ---- bulletin/render: the preview asks the server for the page of an open document.

export interface RenderParams {
  /** URI of an open bulletin document. */
  uri: string;
  /**
   * URI the page will be saved to (Export HTML), so that links to other bulletins' pages are
   * relative to it; by default the page is taken to be beside its source, as each other's is.
   */
  page?: string;
}

export interface RenderResult {
  uri: string;
  /** Version of the document the page was made from. */
  version: number;
  /** The page body (`<article>`), every value escaped, block elements with `data-line`. */
  html: string;
  title: string;
  lang: 'ja' | 'en';
}

/** Answers `null` when the document is not open in the server. */
export const RenderRequest = new RequestType<RenderParams, RenderResult | null, void>('bulletin/render');

// ---- Workspace index: status for the status bar, and the file history for "Show Index".

export interface IndexStatus {
  /** Bulletins in the index. */
  bulletins: number;
  findings: number;
  errors: number;
  warnings: number;
  /** False while the workspace is still being read or checked. */
  ready: boolean;
  /** The user cancelled indexing: cross-file checks wait for `ReindexRequest`. */
  cancelled?: boolean;
  /** Symbolic links the listing did not follow (target outside the workspace folder, or in /proc, /sys, /dev). */
  skippedLinks?: number;
}

/** Sent by the server whenever the index or the findings change. */
export const StatusNotification = new NotificationType<IndexStatus>('bulletin/status');

/** Reads the workspace folders again (after indexing was cancelled); resolves when they are indexed and checked. */
export const ReindexRequest = new RequestType0<null, void>('bulletin/reindex');

/** Stops the workspace scan in progress, as its progress's Cancel button does; false when none is running. */
export const CancelIndexingRequest = new RequestType0<boolean, void>('bulletin/cancelIndexing');

export interface IndexParams {
  /** A file name (case-insensitive); absent: only the list of names is returned. */
  file?: string;
  /** true: also every bulletin id in the workspace (New Bulletin refuses an id already taken). */
  ids?: boolean;
}

export interface IndexedFile {
  bulletin: string;
  uri: string;
  published?: string;
  platform: string;
  name: string;
  variant?: string;
  version?: string;
  size?: number;
  /** Zero-based line of the file entry in its bulletin. */
  line: number;
}

export interface IndexResult {
  bulletins: number;
  /** Every file name shipped in the workspace, sorted. */
  files: string[];
  /** For `params.file`: every entry, by platform then ascending version. */
  entries: IndexedFile[];
  /** For `params.ids`: every bulletin id in the workspace, sorted. */
  ids?: string[];
}

export const IndexRequest = new RequestType<IndexParams, IndexResult, void>('bulletin/index');

// ---- CSAF: "Export CSAF" asks the server for the document; export failures come back as diagnostics.

export interface ExportCsafParams {
  /** URI of an open bulletin document. */
  uri: string;
}

export type ExportCsafResult =
  | { ok: true; /** The CSAF 2.0 document, 2-space indented. */ json: string; /** `document.tracking.id`, for the file name. */ id: string }
  | { ok: false; reason: 'publisher' | 'errors' | 'invalid' | 'failed'; message: string };

/** Answers `null` when the document is not open in the server. */
export const ExportCsafRequest = new RequestType<ExportCsafParams, ExportCsafResult | null, void>('bulletin/export-csaf');

export interface CsafDiagnosticsParams {
  uri: string;
  version: number;
  /** LSP diagnostics (code `csaf-export`) on the YAML lines a CSAF export failure comes from. */
  diagnostics: import('vscode-languageserver-protocol').Diagnostic[];
}

/** Sent after each change of an open bulletin: what would stop its CSAF export (empty: it would pass). */
export const CsafDiagnosticsNotification = new NotificationType<CsafDiagnosticsParams>('bulletin/csafDiagnostics');

// ---- Revisions (issue #18): workspace trust, and the semantic diff against the last commit.

/** The client tells the server the workspace became trusted: git may run from now on. */
export const WorkspaceTrustedNotification = new NotificationType<{ trusted: boolean }>('bulletin/workspaceTrusted');

export interface CompareParams {
  /** URI of an open bulletin document. */
  uri: string;
}

export interface CompareChange {
  kind: 'added' | 'removed' | 'changed';
  subject: string;
  identity: string[];
  field?: string;
  old?: string;
  new?: string;
  /** The sentence a reader sees, in the bulletin's language. */
  label: string;
  /** Zero-based line and character of the change's node in the current text. */
  line: number;
  character: number;
}

export interface CompareResult {
  uri: string;
  /** The document's version the changes are for. */
  version: number;
  /** The commit compared with (full id). */
  commit: string;
  lang: 'ja' | 'en';
  changes: CompareChange[];
}

/**
 * The semantic diff of an open bulletin against its last committed version; `null` when git
 * is off (untrusted workspace, no git, no repository, unborn branch, untracked file).
 */
export const CompareWithLastCommitRequest = new RequestType<CompareParams, CompareResult | null, void>('bulletin/compare-with-last-commit');
