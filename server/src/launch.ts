/**
 * How the server process is started: the extension's client, the benchmarks and the protocol
 * tests all start it with these Node options (bundled into the client; `dist/launch.js` for the
 * scripts). Other editors start `dist/server.js` themselves and may pass them too.
 */

/**
 * V8 collects garbage and compiles optimized code on a pool of background threads, four by
 * default. The server's thread and, while a workspace is read, an index worker already keep
 * the cores busy; on two cores four more threads only took turns with them. One background
 * thread per core beyond the server's own: reading the 10,000-bulletin bench workspace at two
 * cores went from 3.6-3.9 s to 3.3-3.6 s (median of five starts each, same run), with per-edit
 * times unchanged.
 */
export function serverExecArgv(cores: number): string[] {
  return [`--v8-pool-size=${Math.max(1, Math.min(4, cores - 1))}`];
}
