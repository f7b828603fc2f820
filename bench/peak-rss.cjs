// Preloaded into a process the benchmarks run to its end (`node -r bench/peak-rss.cjs …`):
// prints its peak RSS (VmHWM, every thread) on stderr as it exits.
const { readFileSync, writeSync } = require('node:fs');
process.on('exit', () => {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  if (match) writeSync(2, `\npeak-rss-kb ${match[1]}\n`);
});
