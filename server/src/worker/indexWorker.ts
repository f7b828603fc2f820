/**
 * An index worker (bundled as `dist/indexWorker.js`): reads and parses a batch of closed
 * bulletins and sends back their compact models as plain data (`core/index/serial.ts`),
 * so the server's thread only revives and indexes them. No YAML document leaves the worker.
 */
import { parentPort } from 'node:worker_threads';
import { serialModel } from '../lsp/readModel';
import { stringTable } from '../core/index/serial';
import type { ParseBatch, ParsedBatch, ParseResult } from '../lsp/indexWorkers';
import { pathOf, readFileNow } from '../lsp/workspaceLoad';

parentPort?.on('message', (batch: ParseBatch) => {
  const results: [string, ParseResult | null][] = [];
  // One string table for the batch: the models' strings travel as indices into it.
  const shared = stringTable();
  for (const uri of batch.uris) {
    const read = readFileNow(pathOf(uri), Infinity, batch.options.maxFileSize);
    if (read === undefined || read === 'large') {
      results.push([uri, null]); // vanished or unreadable: the file leaves the workspace
      continue;
    }
    try {
      const model = serialModel(uri, read, batch.options, shared);
      results.push([uri, { model, info: { size: read.size, mtimeMs: read.mtimeMs, hash: model.top.hash }, inBatchTable: true }]);
    } catch (error) {
      results.push([uri, { error: error instanceof Error ? error.message : String(error) }]);
    }
  }
  parentPort!.postMessage({ results, strings: shared.strings } satisfies ParsedBatch);
});
