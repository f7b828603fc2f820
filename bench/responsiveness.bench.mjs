// Responsiveness under load, over stdio: how long a hover or completion on a small document
// waits while the server is busy with (a) opening a 5 MB bulletin, (b) an edit of that 5 MB
// bulletin, (c) reading a workspace of 10,000 bulletins at start, (d) and (e) reading a
// workspace whose one other bulletin is closed and large (5 MB, and just under the size limit),
// written so that the full parser must read it, (f) typing into an open bulletin of that
// 10,000-bulletin workspace while it is read. From the moment the work
// starts until its result arrives, a hover and a completion are sent one after the other (each
// once the previous is answered); the table gives the median, 95th percentile and maximum wait,
// against the 200 ms target. For (f), each keystroke's wait is the time from the edit to the
// diagnostics of its version, during the scan and then once settled, in the same run.
//
//   npm run bench            (builds, then runs every bench)
//   node bench/run.mjs responsiveness
//   BULLETIN_BENCH_ROWS=typing node bench/responsiveness.bench.mjs   (only the rows named)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateBulletin } from './generate-bulletin.mjs';
import { fileName, generateWorkspace } from './generate-workspace.mjs';
import { serverFlags } from './server-flags.mjs';
import { report } from './report.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const TARGET_MS = 200;
const only = process.env.BULLETIN_BENCH_ROWS?.split(',');
const runs = (row) => !only || only.includes(row);
const small = 'bulletin: 1\nid: MS99-999\ntitle: T\npublished: 2004-10-16\nseverity: important\n';

async function startServer(folder) {
  const child = spawn(process.execPath, [...serverFlags, join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Map();
  const statuses = [];
  /** Resolvers waiting for an open document's diagnostics of one version: no polling delay in the figure. */
  const awaited = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, p);
    const key = `${p.uri}#${p.version}`;
    awaited.get(key)?.();
    awaited.delete(key);
  });
  const diagnosticsOf = (uri, version) => new Promise((resolve) => awaited.set(`${uri}#${version}`, resolve));
  connection.onNotification('bulletin/status', (s) => statuses.push(s));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'ws' }] : [],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  const stop = async () => {
    await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    connection.dispose();
  };
  return { connection, published, statuses, stop, diagnosticsOf };
}

/**
 * One hover, then one completion, each sent when the previous one was answered, until
 * `done()`: every wait is the server's own delay, not a queue of probes this loop built up.
 */
async function probeUntil(connection, uri, done) {
  const waits = [];
  while (!done()) {
    for (const [method, position] of [['textDocument/hover', { line: 4, character: 2 }], ['textDocument/completion', { line: 5, character: 0 }]]) {
      const sent = performance.now();
      await connection.sendRequest(method, { textDocument: { uri }, position });
      waits.push(performance.now() - sent);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return waits;
}

async function waitFor(condition, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const rows = [];
let typingRatio;
function record(what, workMs, waits) {
  const sorted = [...waits].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  rows.push({ what, work: `${Math.round(workMs)} ms`, requests: sorted.length, median: `${at(0.5).toFixed(0)} ms`, p95: `${at(0.95).toFixed(0)} ms`, max: `${(sorted.at(-1) ?? 0).toFixed(0)} ms`, target: (sorted.at(-1) ?? 0) <= TARGET_MS ? 'met' : `missed (> ${TARGET_MS} ms)` });
}

// (a) and (b): a 5 MB bulletin opened, then edited.
if (runs('open')) {
  let big = generateBulletin(20_000);
  while (big.length < 5_000_000) big += `# ${'padding '.repeat(12)}\n`.repeat(1000);
  const server = await startServer(undefined);
  const probe = 'file:///bench/probe.bulletin.yaml';
  const uri = 'file:///bench/big.bulletin.yaml';
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: probe, languageId: 'bulletin', version: 1, text: small } });
  await waitFor(() => server.published.has(probe));
  let started = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text: big } });
  let waits = await probeUntil(server.connection, probe, () => server.published.get(uri)?.version === 1);
  record(`open a ${(big.length / 1e6).toFixed(1)} MB bulletin`, performance.now() - started, waits);
  const lines = big.split('\n').length;
  started = performance.now();
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: '# edit\n' }],
  });
  waits = await probeUntil(server.connection, probe, () => server.published.get(uri)?.version === 2);
  record('edit that 5 MB bulletin', performance.now() - started, waits);
  await server.stop();
}

// (d) and (e): a closed bulletin of 5 MB, then one just under the size limit (8 MiB), that the
// full parser must read (an anchor the quick reader leaves to it), read at start.
for (const size of runs('closed') ? [5_000_000, 8 * 1024 * 1024 - 64 * 1024] : []) {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-bench-closed-'));
  try {
    let big = generateBulletin(20_000).replace('kb: 873350', 'kb: &kb 873350');
    while (big.length < size) big += `# ${'padding '.repeat(12)}\n`.repeat(1000);
    writeFileSync(join(folder, 'big.bulletin.yaml'), big.slice(0, size));
    const started = performance.now();
    const server = await startServer(folder);
    const probe = pathToFileURL(join(folder, 'probe.bulletin.yaml')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: probe, languageId: 'bulletin', version: 1, text: small } });
    const waits = await probeUntil(server.connection, probe, () => server.statuses.some((s) => s.ready && s.bulletins >= 2));
    record(`read a closed ${(size / 1e6).toFixed(1)} MB bulletin (full parser)`, performance.now() - started, waits);
    await server.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// (c): a workspace of 10,000 bulletins read at start.
if (runs('workspace')) {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-bench-responsive-'));
  try {
    generateWorkspace(10_000, folder);
    const started = performance.now();
    const server = await startServer(folder);
    const probe = pathToFileURL(join(folder, 'probe.bulletin.yaml')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: probe, languageId: 'bulletin', version: 1, text: small } });
    const waits = await probeUntil(server.connection, probe, () => server.statuses.some((s) => s.ready && s.bulletins >= 10_000));
    record('read a workspace of 10,000 bulletins', performance.now() - started, waits);
    await server.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Keystrokes into `uri` (a character appended to its title, `line`), one at a time as a fast
 * typist's (ten a second: each sent 100 ms after the previous one, or once its diagnostics
 * arrived if they took longer), until `done()` or `count` keystrokes: the waits from each edit
 * to the diagnostics of its version.
 */
const KEY_INTERVAL_MS = 100;
async function typeUntil(server, uri, line, column, version, done, count = Infinity) {
  const waits = [];
  for (let typed = 0; typed < count && !done(); typed++) {
    const target = ++version.value;
    const sent = performance.now();
    const arrived = server.diagnosticsOf(uri, target);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: target },
      contentChanges: [{ range: { start: { line, character: column.value }, end: { line, character: column.value } }, text: 'x' }],
    });
    column.value++;
    await arrived;
    waits.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, sent + KEY_INTERVAL_MS - performance.now())));
  }
  return waits;
}

// (f): typing into one bulletin of the 10,000 while the workspace is read, then once settled.
if (runs('typing')) {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-bench-typing-'));
  try {
    generateWorkspace(10_000, folder);
    const path = join(folder, fileName(7));
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('title:'));
    const started = performance.now();
    const server = await startServer(folder);
    const uri = pathToFileURL(path).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'bulletin', version: 1, text } });
    const version = { value: 1 };
    const column = { value: lines[line].length };
    await waitFor(() => server.published.get(uri)?.version === 1);
    const ready = () => server.statuses.some((s) => s.ready && s.bulletins >= 10_000);
    const during = await typeUntil(server, uri, line, column, version, ready, 600);
    const workMs = performance.now() - started;
    await waitFor(ready);
    const settled = await typeUntil(server, uri, line, column, version, () => false, 60);
    record('type into one of them while they are read', workMs, during);
    record('type into it once they are read (settled)', performance.now() - started - workMs, settled);
    const p95 = (waits) => [...waits].sort((a, b) => a - b)[Math.min(waits.length - 1, Math.floor(0.95 * waits.length))];
    const settledP95 = p95(settled);
    typingRatio = { p95: p95(during) / settledP95, max: Math.max(...during) / Math.max(...settled), duringP95: p95(during), duringMax: Math.max(...during) };
    await server.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const lines = [`Waits of hover/completion on a small document while the server works (target ${TARGET_MS} ms):`, ''];
lines.push(`${'while the server…'.padEnd(52)} ${'work'.padStart(9)} ${'requests'.padStart(9)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  target`);
for (const r of rows) lines.push(`${r.what.padEnd(52)} ${r.work.padStart(9)} ${String(r.requests).padStart(9)} ${r.median.padStart(8)} ${r.p95.padStart(8)} ${r.max.padStart(8)}  ${r.target}`);
if (typingRatio) {
  lines.push('');
  lines.push(`Typing while 10,000 bulletins are read, per-edit diagnostics: p95 ${typingRatio.duringP95.toFixed(0)} ms (target 30), max ${typingRatio.duringMax.toFixed(0)} ms (target 50);`);
  lines.push(`against the settled figure of the same run: p95 ${typingRatio.p95.toFixed(2)}×, max ${typingRatio.max.toFixed(2)}×.`);
}
report('responsiveness', lines);
