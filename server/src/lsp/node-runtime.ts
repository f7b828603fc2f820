/** The server's runtime in a Node process: the file system, worker threads and scripts beside the bundle, the process's clock. */
import { join } from 'node:path';
import { IndexWorkers } from './index-workers';
import { readFileNow, readWithInfo } from './workspace-load';
import type { ServerRuntime } from './runtime';
import { rulesDocOf } from './diagnostics';
import { gitHistory } from '../io/git';

/** `bundle`: the folder of the bundled scripts (`dist/`: indexWorker.js, analysisWorker.js, cli.js). */
export function nodeRuntime(bundle: string): ServerRuntime {
  return {
    files: {
      read: readWithInfo,
      readNow(path) {
        // As the scan reads: a regular file only (a FIFO in its place would block the server), within the size limit.
        const read = readFileNow(path);
        return read === undefined || read === 'large' || read.tooLarge ? undefined : read.text;
      },
    },
    rulesDoc: rulesDocOf(bundle),
    snippetsPath: join(bundle, '..', 'snippets', 'bulletin.code-snippets'),
    workers: {
      index: () => IndexWorkers.create(join(bundle, 'indexWorker.js')),
      analysis: { script: join(bundle, 'analysisWorker.js') },
      csafValidator: join(bundle, 'cli.js'),
    },
    storage: {
      cacheFolder(params) {
        const storagePath = (params.initializationOptions as { storagePath?: unknown } | undefined)?.storagePath;
        return typeof storagePath === 'string' && storagePath ? storagePath : undefined;
      },
    },
    git: gitHistory(),
    clock: {
      now: () => performance.now(),
      date: () => new Date(),
      setTimeout(callback, ms) {
        const timer = setTimeout(callback, ms);
        return { dispose: () => clearTimeout(timer) };
      },
    },
  };
}
