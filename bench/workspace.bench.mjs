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
// Targets: cold ≤ 3 s, warm ≤ 1 s, ≤ 300 MB, re-check ≤ 30 ms.
//   BULLETIN_BENCH_N=2000 node bench/workspace.bench.mjs    (a smaller workspace)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { generateWorkspace, hubIndex, fileName } from './generate-workspace.mjs';
import { serverFlags } from './server-flags.mjs';

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

async function start() {
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
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    initializationOptions: { storagePath },
  });
  const ready = nextStatus((s) => s.ready && s.bulletins === N);
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

const rows = [
  ['cold start (initialized → all diagnostics ready; no cache)', `${(cold.startMs / 1000).toFixed(2)} s`, '≤ 3 s'],
  ['  server CPU time (all threads / main thread) / load average', `${cold.startCpu.toFixed(2)} s / ${cold.startMainCpu.toFixed(2)} s / ${cold.load.toFixed(1)}`, ''],
  ['warm start (second start, with the cache the first one wrote)', `${(warm.startMs / 1000).toFixed(2)} s`, '≤ 1 s'],
  ['  server CPU time (all threads / main thread) / load average', `${warm.startCpu.toFixed(2)} s / ${warm.startMainCpu.toFixed(2)} s / ${warm.load.toFixed(1)}`, ''],
  ['server peak RSS (cold / warm)', `${coldRss.toFixed(0)} MB / ${warmRss.toFixed(0)} MB`, '≤ 300 MB'],
  [`re-check after a 1-char edit, 50 dependents (median / max of ${EDITS})`, `${median(recheck).toFixed(1)} ms / ${max(recheck).toFixed(1)} ms`, '≤ 30 ms'],
];
for (const [name, value, target] of rows) console.log(`${name.padEnd(72)} ${value.padStart(20)}${target ? `   target ${target}` : ""}`);
console.log(`findings in the workspace: ${findings}`);
