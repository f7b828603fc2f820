// The Node options the benchmarks start the server with: the extension's own
// (server/src/launch.ts, built to dist/launch.js), so the figures are those users get.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

const { serverExecArgv } = createRequire(import.meta.url)('../dist/launch.js');
export const serverFlags = serverExecArgv(availableParallelism());
