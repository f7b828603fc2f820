/**
 * The analysis worker (bundled as `dist/analysisWorker.js`): parses and validates one large
 * open document at a time, off the server's thread, and sends back what the server keeps of
 * it without its syntax tree: the record with its problems, the outline and the folds
 * (all plain data; see `lsp/background-analysis.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { analyzeText } from '../core/analyze';
import { folds, outline } from '../core/authoring/outline';
import type { AnalysisJob, AnalysisReply } from '../lsp/background-analysis';

parentPort?.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    const { parsed, bulletin } = analyzeText(job.uri, job.text, job.options);
    reply = { record: bulletin.record, outline: outline(parsed), folds: folds(parsed) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
