/**
 * An index worker (bundled as `dist/indexWorker.js`): reads and parses a batch of closed
 * bulletins and sends back their records (plain data, `core/record/`), so the
 * server's thread only indexes them. No YAML document leaves the worker.
 */
import { parentPort } from 'node:worker_threads';
import { recordOfRead } from '../lsp/read-model';
import type { ParseBatch, ParsedBatch, ParseResult } from '../lsp/index-workers';
import { pathOf, readFileNow } from '../lsp/workspace-load';

parentPort?.on('message', (batch: ParseBatch) => {
  const results: [string, ParseResult | null][] = [];
  for (const uri of batch.uris) {
    const read = readFileNow(pathOf(uri), Infinity, batch.options.maxFileSize);
    if (read === undefined || read === 'large') {
      results.push([uri, null]); // vanished or unreadable: the file leaves the workspace
      continue;
    }
    try {
      const record = recordOfRead(uri, read, batch.options);
      results.push([uri, { record, info: { size: read.size, mtimeMs: read.mtimeMs, ctimeMs: read.ctimeMs, ino: read.ino, hash: record.hash } }]);
    } catch (error) {
      results.push([uri, { error: error instanceof Error ? error.message : String(error) }]);
    }
  }
  parentPort!.postMessage({ results } satisfies ParsedBatch);
});
