/**
 * How the server process is started: the extension's client, the benchmarks and the protocol
 * tests all start it with these Node options (V8's thread pool and young generation sized for it) (bundled into the client; `dist/launch.js` for the
 * scripts). Other editors start `dist/server.js` themselves and may pass them too.
 */

/**
 * V8 collects garbage and compiles optimized code on a pool of background threads, four by
 * default. The server's thread and, while a workspace is read, an index worker already keep
 * the cores busy; on two cores four more threads only take turns with them. One background
 * thread per core beyond the server's own (docs/benchmarks.md, "Tuning decisions").
 */
export function serverExecArgv(cores: number): string[] {
  return [`--v8-pool-size=${Math.max(1, Math.min(4, cores - 1))}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/**
 * The young generation's two semi-spaces, at most 8 MB each instead of V8's 16. Reading a
 * workspace, each scavenge copies the records made since the last one, whatever the size, and
 * nearly all of them survive: smaller semi-spaces copy less. Smaller still promotes too early
 * (docs/benchmarks.md, "Tuning decisions", has the measured choice).
 */
const SEMI_SPACE_MB = 8;
