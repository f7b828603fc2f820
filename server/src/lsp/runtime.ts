/**
 * What the server needs from where it runs, passed to `startServer` (as json-language-features
 * passes its `RuntimeEnvironment`): file reading, the workers, storage and a clock. The Node
 * process gets `nodeRuntime()`; a test gives its own (no workers, a worker that dies, a
 * worker for every document), and a browser build would give one without a file system.
 */
import type { InitializeParams } from 'vscode-languageserver';
import type { DiskInfo } from './workspace-cache';
import type { FileRead } from '../io/bulletin-read';
import type { IndexWorkers } from './index-workers';
import type { AnalysisWorkerOptions } from './state';
import type { GitHistory } from '../io/git';

export interface FileReader {
  /** A file's text (or, over `limit` bytes, that it is too large) and what the file system says of it, or undefined when it cannot be read. */
  read(path: string, limit?: number): Promise<(FileRead & { info: DiskInfo }) | undefined>;
  /** A file's text, read at once (small files, while answering a request), or undefined. */
  readNow(path: string): string | undefined;
}

export interface Workers {
  /** Threads that read the workspace's closed files; undefined: the server's thread reads them. */
  index?(): IndexWorkers | undefined;
  /** Where large open documents are analysed; undefined: on the server's thread. */
  analysis?: AnalysisWorkerOptions;
  /** The script run as the CSAF validator's child process (the bundled CLI, `csaf-validator`); a missing one fails each validation with a message. */
  csafValidator: string;
}

export interface Storage {
  /** The folder for the warm-start cache, if any (the client passes one in `initializationOptions.storagePath`). */
  cacheFolder(params: InitializeParams): string | undefined;
}

export interface Clock {
  /** Monotonic milliseconds: work slices, quiet periods, progress reports. */
  now(): number;
  /** The date and time on the user's calendar (today's date in completions). */
  date(): Date;
  setTimeout(callback: () => void, ms: number): { dispose(): void };
}

export interface ServerRuntime {
  files: FileReader;
  /** The URI of the rule docs (docs/rules.md) that diagnostics link to. */
  rulesDoc: string;
  /** The snippets file completion offers from (snippets/bulletin.code-snippets). */
  snippetsPath: string;
  workers: Workers;
  storage: Storage;
  clock: Clock;
  /** History from git (used only in a trusted workspace); absent: the git features are off. */
  git?: GitHistory;
}
