// The workspace benchmark: a generated workspace of 10,000 bulletins (about 280 lines each,
// includes chains, related links, shared files; bench/generate-workspace.mjs), indexed by the
// built server over stdio. Measures:
//   - cold start: from `initialized` to every bulletin indexed and checked (status `ready`),
//     with an empty cache folder;
//   - warm start: a second start, with the cache the first one wrote in the storage folder
//     passed as `initializationOptions.storagePath` (models and findings, keyed by content hash);
//   - the server's CPU time (user + system, every thread, and its main thread alone) for each
//     start, and the load average (other processes on the machine stretch the wall-clock figures);
//   - peak RSS of the server process (VmHWM);
//   - re-check after a one-character edit to the hub bulletin, which has 50 dependents:
//     from `didChange` to the queue being idle again (every dependent re-checked).
//   - the floor: the same files read with `yaml`'s parseDocument and the compiled schema
//     validator on one thread (bench/floor.mjs); every start is reported as a ratio to it;
//   - memory beyond the baseline (a server started on an empty folder), per byte of bulletin text;
//   - `bulletin check` of the same folder (the CLI, on the same engine): wall time as a ratio to
//     the floor, peak RSS against the server's.
// Targets: cold ≤ 0.06× the floor, warm ≤ 0.02×, re-check ≤ 30 ms, memory beyond the baseline
// ≤ 0.5 byte per byte of text, CLI ≤ 0.06× the floor and no more memory than the server.
//   BULLETIN_BENCH_N=2000 node bench/workspace.bench.mjs    (a smaller workspace)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { generateWorkspace, hubIndex, fileName } from './generate-workspace.mjs';
import { serverFlags } from './server-flags.mjs';
import { bulletinFiles, measureFloor } from './floor.mjs';
import { report } from './report.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const root = join(import.meta.dirname, '..');
const N = Number(process.env.BULLETIN_BENCH_N ?? 10_000);
const EDITS = 20;
const folder = join(tmpdir(), `bulletin-bench-workspace-${N}-v2`);
if (!existsSync(join(folder, '.complete'))) {
  console.log(`generating ${N} bulletins in ${folder} …`);
  rmSync(folder, { recursive: true, force: true });
  generateWorkspace(N, folder);
  writeFileSync(join(folder, '.complete'), '');
}

const storagePath = mkdtempSync(join(tmpdir(), 'bulletin-bench-storage-'));
process.on('exit', () => rmSync(storagePath, { recursive: true, force: true }));

/** User + system CPU seconds of a process, every thread included. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** User + system CPU seconds of the server's main thread alone (the one that indexes and checks). */
function mainThreadCpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function peakRss(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function start(workspace = folder, expected = N, storage = storagePath) {
  const child = spawn(process.execPath, [...serverFlags, join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  let last;
  connection.onNotification('bulletin/status', (status) => {
    last = status;
    for (const w of waiters.splice(0)) w(status);
  });
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const nextStatus = (predicate) =>
    new Promise((resolve) => {
      const check = (status) => (predicate(status) ? resolve(status) : waiters.push(check));
      waiters.push(check);
    });
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    initializationOptions: { storagePath: storage },
  });
  const ready = nextStatus((s) => s.ready && s.bulletins === expected);
  const t0 = performance.now();
  await connection.sendNotification('initialized', {});
  const cpu0 = cpuSeconds(child.pid);
  const mainCpu0 = mainThreadCpuSeconds(child.pid);
  const status = await ready;
  const startMs = performance.now() - t0;
  const startCpu = cpuSeconds(child.pid) - cpu0;
  const startMainCpu = mainThreadCpuSeconds(child.pid) - mainCpu0;
  const load = loadavg()[0];
  const stop = async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    connection.dispose();
  };
  return { child, connection, startMs, startCpu, startMainCpu, load, status, nextStatus, stop, last: () => last };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const max = (values) => Math.max(...values);

console.log(`workspace: ${N} bulletins, ${cpus().length} cores, node ${process.version}`);
const floor = measureFloor(bulletinFiles(folder));
// The baseline: a server that has read an empty folder (with a storage folder of its own, so
// that its cache is not taken for the cold start's).
const empty = mkdtempSync(join(tmpdir(), 'bulletin-bench-empty-'));
const baseline = await start(empty, 0, empty);
await new Promise((resolve) => setTimeout(resolve, 500));
const baselineRss = peakRss(baseline.child.pid);
await baseline.stop();
rmSync(empty, { recursive: true, force: true });
const cold = await start();
// The cache is written once the workspace is checked; wait for it (at most a minute). The peak
// is read after that: writing the cache is part of what a cold start costs in memory.
for (let waited = 0; waited < 600 && !readdirSync(storagePath).some((name) => name.endsWith('.cache')); waited++) await new Promise((resolve) => setTimeout(resolve, 100));
const coldRss = peakRss(cold.child.pid);
await cold.stop();
const warm = await start();

// Re-check: one-character edits to the title of the hub bulletin (50 dependents).
const hubUri = pathToFileURL(join(folder, fileName(hubIndex(N)))).href;
const hubText = readFileSync(join(folder, fileName(hubIndex(N))), 'utf8');
const titleLine = hubText.split('\n').findIndex((line) => line.startsWith('title:'));
let opened = warm.nextStatus((s) => s.ready);
await warm.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: hubUri, languageId: 'bulletin', version: 1, text: hubText } });
await opened;
const recheck = [];
for (let i = 0; i < EDITS; i++) {
  const idle = warm.nextStatus((s) => s.ready);
  const t0 = performance.now();
  await warm.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: hubUri, version: i + 2 },
    contentChanges: [{ range: { start: { line: titleLine, character: 7 }, end: { line: titleLine, character: 7 } }, text: 'x' }],
  });
  await idle;
  recheck.push(performance.now() - t0);
}
const warmRss = peakRss(warm.child.pid);
const findings = warm.last()?.findings;
await warm.stop();


/** `bulletin check` of the folder: wall time and peak RSS (bench/peak-rss.cjs). */
function cli(args) {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['-r', join(import.meta.dirname, 'peak-rss.cjs'), join(root, 'dist', 'cli.js'), 'check', '--format', 'json', ...args, folder], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr ?? '');
  if (result.status !== 0 && result.status !== 1) console.error(result.stderr);
  return { ms, rss: peak ? Number(peak[1]) / 1024 : NaN, findings: result.status === 0 || result.status === 1 ? JSON.parse(result.stdout).findings.length : NaN };
}
const cliCacheDir = mkdtempSync(join(tmpdir(), 'bulletin-bench-cli-cache-'));
process.on('exit', () => rmSync(cliCacheDir, { recursive: true, force: true }));
const cliCold = cli([]);
cli(['--cache', cliCacheDir]);
const cliWarm = cli(['--cache', cliCacheDir]);

const ratio = (ms) => `${(ms / floor.ms).toFixed(3)}×`;
const perByte = (rss) => `${(((rss - baselineRss) * 1024 * 1024) / floor.bytes).toFixed(2)} B/B`;
const rows = [
  [`floor: parseDocument + compiled schema validator, one thread (${(floor.bytes / 1e6).toFixed(0)} MB of YAML)`, `${(floor.ms / 1000).toFixed(2)} s`, ''],
  ['cold start (initialized → all diagnostics ready; no cache), ratio to the floor', `${ratio(cold.startMs)} (${(cold.startMs / 1000).toFixed(2)} s)`, '≤ 0.06×'],
  ['  server CPU time (all threads / main thread) / load average', `${cold.startCpu.toFixed(2)} s / ${cold.startMainCpu.toFixed(2)} s / ${cold.load.toFixed(1)}`, ''],
  ['warm start (second start, with the cache the first one wrote)', `${ratio(warm.startMs)} (${(warm.startMs / 1000).toFixed(2)} s)`, '≤ 0.02×'],
  ['  server CPU time (all threads / main thread) / load average', `${warm.startCpu.toFixed(2)} s / ${warm.startMainCpu.toFixed(2)} s / ${warm.load.toFixed(1)}`, ''],
  ['server peak RSS (cold / warm; baseline of an empty workspace)', `${coldRss.toFixed(0)} / ${warmRss.toFixed(0)} MB (${baselineRss.toFixed(0)} MB)`, ''],
  ['  beyond the baseline, per byte of bulletin text (cold / warm)', `${perByte(coldRss)} / ${perByte(warmRss)}`, '≤ 0.5 B/B'],
  [`re-check after a 1-char edit, 50 dependents (median / max of ${EDITS})`, `${median(recheck).toFixed(1)} ms / ${max(recheck).toFixed(1)} ms`, '≤ 30 ms'],
  ['CLI `bulletin check` (no cache / --cache, second run), ratio to the floor', `${ratio(cliCold.ms)} / ${ratio(cliWarm.ms)} (${(cliCold.ms / 1000).toFixed(2)} / ${(cliWarm.ms / 1000).toFixed(2)} s)`, '≤ 0.06×'],
  ['  CLI peak RSS (no cache / --cache), against the server cold', `${cliCold.rss.toFixed(0)} / ${cliWarm.rss.toFixed(0)} MB vs ${coldRss.toFixed(0)} MB`, '≤ server'],
];
const lines = rows.map(([name, value, target]) => `${name.padEnd(80)} ${value.padStart(30)}${target ? `   target ${target}` : ''}`);
lines.push(`findings in the workspace: server ${findings}, CLI ${cliCold.findings}`);
report(`workspace (${N} bulletins)`, lines);
