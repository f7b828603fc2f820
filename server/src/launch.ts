/**
 * How the server process is started: the extension's client, the benchmarks and the protocol
 * tests all start it with these Node options (V8's thread pool and young generation sized for it) (bundled into the client; `dist/launch.js` for the
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
  return [`--v8-pool-size=${Math.max(1, Math.min(4, cores - 1))}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/**
 * The young generation's two semi-spaces, at most 8 MB each instead of V8's 16. Reading the
 * bench workspace, each scavenge copies the models made since the last one, whatever the size;
 * smaller semi-spaces made the cold start faster (2.73 against 2.91 s median, 0.35 s less CPU,
 * six alternating starts each, every pair the same way) and its peak lower (274-282 against
 * 278-300 MB), and took 15 MB off the keystroke bench's peaks at unchanged per-edit times.
 * 4 MB saved a little more memory at a little more time; 2 MB promoted so much too early that
 * the old generation grew past 360 MB.
 */
const SEMI_SPACE_MB = 8;
