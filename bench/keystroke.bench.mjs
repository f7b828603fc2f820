// Per-keystroke latency over stdio: an incremental didChange → the publishDiagnostics of that
// version, for generated bulletins of about 200, 2,000 and 20,000 lines; plus cold open
// (didOpen → first diagnostics) and each server's peak RSS. The same documents go through
// yaml-language-server configured with schemas/bulletin.schema.json, and through the floor
// (in-process `yaml` parse + the generated ajv validator). One table, with ratios and targets.
//
//   npm run bench            (builds, then runs every bench)
//   node bench/run.mjs keystroke
// The generated bulletins are plain block YAML, which the server reads with its quick reader
// (core/parse/quick-parse.ts); `2000full` is the same 2,000-line bulletin with one YAML anchor, which
// the quick reader leaves to the full `yaml` parser: that row shows what a bulletin costs when
// it takes the full path (for information: the targets are for the plain bulletins).
// BENCH_SCALE=2 doubles every iteration count; BENCH_SIZES=200,2000 picks sizes;
// BENCH_PROFILE_DIR=DIR saves a CPU profile of the bulletin server.
import { report } from './report.mjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import { generateBulletin } from './generate-bulletin.mjs';
import { serverFlags } from './server-flags.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const validateGenerated = require(join(root, 'server/src/core/schema/generated/validate-bulletin.js'));
const schemaPath = join(root, 'schemas/bulletin.schema.json');
const schemaUri = pathToFileURL(schemaPath).href;
const scale = Number(process.env.BENCH_SCALE ?? 1) || 1;
const sizes = (process.env.BENCH_SIZES ?? '200,2000,20000,2000full').split(',').map((size) => ({ lines: parseInt(size, 10), full: size.endsWith('full') }));
/** Measured edits per size (after warm-up): fewer for big documents, whose edits take longer. */
const editsFor = (lines) => Math.round(scale * (lines <= 200 ? 60 : lines <= 2000 ? 40 : 20));
const WARMUP_EDITS = 5;
/** BENCH_TRAFFIC=1 prints what each server sent (count and bytes per method). */
const traffic = process.env.BENCH_TRAFFIC ? new Map() : undefined;
const TIMEOUT_MS = 60_000;
/** yaml-language-server waits this long after every change before it validates (its validationDelayMs). */
const YAML_LS_DELAY_MS = 200;

const servers = {
  bulletin: { script: join(root, 'dist/server.js'), languageId: 'bulletin', versioned: true },
  'yaml-ls': { script: require.resolve('yaml-language-server/bin/yaml-language-server'), languageId: 'yaml', versioned: false },
};

// ---------------------------------------------------------------- a minimal LSP client over stdio

/**
 * Other work on the machine (builds, tests) skews wall-clock figures; where allowed (root), the
 * bench and both servers run at a higher priority than it, all alike, so the ratios stay fair.
 */
function raisePriority(pid) {
  try {
    setPriority(pid, -10);
  } catch {
    // Not permitted: measure at normal priority.
  }
}
raisePriority(0);

class LspProcess {
  constructor(name, { script }) {
    this.name = name;
    // BENCH_PROFILE_DIR=DIR writes a CPU profile of the bulletin server there (to find where time goes).
    const profile = process.env.BENCH_PROFILE_DIR && name === 'bulletin' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    this.child = spawn(process.execPath, [...profile, ...(name === 'bulletin' ? serverFlags : []), script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.diagnosticListeners = new Set();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.exited = false;
    raisePriority(this.child.pid);
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.child.on('exit', () => {
      this.exited = true;
      for (const { reject } of this.pending.values()) reject(new Error(`${name} exited: ${this.stderr.slice(-2000)}`));
    });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  notify(method, params) {
    this.send({ method, params });
  }

  request(method, params) {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body);
      if (traffic) {
        const key = `${this.name} ${message.method ?? 'response'}`;
        traffic.set(key, { count: (traffic.get(key)?.count ?? 0) + 1, bytes: (traffic.get(key)?.bytes ?? 0) + length });
      }
      this.onMessage(message, performance.now());
    }
  }

  onMessage(message, at) {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`${this.name}: ${message.error.message}`));
      else waiter?.resolve(message.result);
    } else if (message.id !== undefined) {
      this.send({ id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      for (const listener of [...this.diagnosticListeners]) listener(message.params, at);
    } else if (message.method === 'bulletin/status') {
      this.lastStatus = message.params;
    }
  }

  /** Requests from the server: configuration is all a benchmark needs to answer. */
  answer(method, params) {
    if (method !== 'workspace/configuration') return null;
    return params.items.map(({ section }) => {
      if (section === 'yaml') {
        return {
          validate: true,
          schemas: { [schemaUri]: ['*.bulletin.yaml'] },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
          yamlVersion: '1.2',
        };
      }
      if (section === 'bulletin') return {};
      return null;
    });
  }

  /** Resolves with the first publishDiagnostics for `uri` that `accept` takes, and when it came. */
  nextDiagnostics(uri, accept = () => true) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.diagnosticListeners.delete(listener);
        reject(new Error(`${this.name}: no diagnostics for ${uri} within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      const listener = (params, at) => {
        if (params.uri !== uri || !accept(params)) return;
        clearTimeout(timer);
        this.diagnosticListeners.delete(listener);
        resolve({ params, at });
      };
      this.diagnosticListeners.add(listener);
    });
  }

  async start() {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: this.answer('workspace/configuration', { items: [{ section: 'yaml' }] })[0] } });
    // Both servers pull their settings after `initialized` (and ours reads its workspace folder):
    // let that settle, so cold open times the first document alone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let waited = 0; this.name === 'bulletin' && !this.lastStatus?.ready && waited < TIMEOUT_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Peak resident set size so far (kB → MB), read from the kernel. */
  peakRssMb() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  }

  async stop() {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    // Give it time to exit by itself (a CPU profile is written on exit), then make sure.
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (!this.exited) this.child.kill();
  }
}

// ---------------------------------------------------------------- the document and its edits

/** Where typing happens: the end of the `description:` line nearest the middle of the document. */
function typingPoint(text) {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const line of [middle + d, middle - d]) {
      if (lines[line]?.trimStart().startsWith('description: ')) return { line, character: lines[line].length };
    }
  }
  throw new Error('no description line to type into');
}

const TYPED = ' (updated for the x86 build) ';

/** The texts after each keystroke, with the didChange that produces each from the previous one. */
function keystrokes(text, count) {
  const { line, character } = typingPoint(text);
  const lines = text.split('\n');
  const out = [];
  let typed = '';
  for (let i = 0; i < count; i++) {
    const char = TYPED[i % TYPED.length];
    const position = { line, character: character + typed.length };
    typed += char;
    lines[line] = lines[line] + char;
    out.push({ change: { range: { start: position, end: position }, text: char }, text: lines.join('\n') });
  }
  return out;
}

/** The same document (under another id) with one unknown key and one bad enum value: both must be reported. */
function brokenVariant(text) {
  return text.replace('id: MS04-029', 'id: MS04-999').replace('severity: important', 'severity: importantt').replace('uninstall: true', 'uninstall: true\nuninstal: true');
}

// ---------------------------------------------------------------- measurements

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

/**
 * `floor`, when given, is timed on the text of every keystroke right after the server answered
 * it: paired samples, so a busy machine slows both sides of the ratio alike.
 */
async function measureServer(name, lines, text, edits, floor) {
  const config = servers[name];
  const server = new LspProcess(name, config);
  try {
    await server.start();
    const uri = pathToFileURL(join(workspace, 'MS04-029.bulletin.yaml')).href;

    // Cold open: the first document this process sees.
    const first = server.nextDiagnostics(uri);
    const openedAt = performance.now();
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: config.languageId, version: 1, text } });
    const coldOpen = (await first).at - openedAt;

    // The bulletin it names in `related`, open beside it, as when an author works on both.
    const companionUri = pathToFileURL(join(workspace, 'MS04-012.bulletin.yaml')).href;
    server.notify('textDocument/didOpen', { textDocument: { uri: companionUri, languageId: config.languageId, version: 1, text: companion } });
    await server.nextDiagnostics(companionUri);

    // It really validates against the bulletin schema: a broken copy must get both faults.
    const brokenUri = pathToFileURL(join(workspace, 'MS04-999.bulletin.yaml')).href;
    const broken = server.nextDiagnostics(brokenUri, (p) => p.diagnostics.length > 0);
    server.notify('textDocument/didOpen', { textDocument: { uri: brokenUri, languageId: config.languageId, version: 1, text: brokenVariant(text) } });
    const found = (await broken).params.diagnostics;
    const brokenLines = brokenVariant(text).split('\n');
    const onLine = (prefix) => found.some((d) => brokenLines[d.range.start.line]?.startsWith(prefix));
    if (!onLine('severity: importantt') || !onLine('uninstal: true')) {
      const faults = found.map((d) => `${d.range.start.line + 1}: ${d.message}`).join(' | ');
      throw new Error(`${name} does not validate against ${schemaPath}: got "${faults}"`);
    }
    const cleared = server.nextDiagnostics(brokenUri);
    server.notify('textDocument/didClose', { textDocument: { uri: brokenUri } });
    if (name === 'bulletin') await cleared;

    // Keystrokes, one at a time: each waits for the diagnostics of its own version.
    const latencies = [];
    const floorTimes = [];
    /** Publishes older than the previous version (already answered) while a newer one was awaited: `older→awaited`. */
    const stale = [];
    let baseline;
    for (const [i, edit] of edits.entries()) {
      const version = i + 2;
      const done = server.nextDiagnostics(uri, (p) => {
        if (config.versioned && p.version !== undefined && p.version < version - 1) stale.push(`v${p.version}→v${version}`);
        return !config.versioned || p.version === version;
      });
      const sentAt = performance.now();
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit.change] });
      const { at, params } = await done;
      baseline ??= params.diagnostics;
      if (params.diagnostics.length !== baseline.length) {
        throw new Error(`${name}: a keystroke in a description changed the findings (${params.diagnostics.map((d) => d.message).join(' | ')})`);
      }
      if (i >= WARMUP_EDITS) latencies.push(at - sentAt);
      if (floor && i >= WARMUP_EDITS) {
        const start = performance.now();
        floor(edit.text);
        floorTimes.push(performance.now() - start);
      }
    }

    // A burst: ten keystrokes sent at once must end in the diagnostics of the last version.
    let burst;
    if (config.versioned) {
      const times = [];
      let publishes = 0;
      const count = (p) => p.uri === uri && publishes++;
      server.diagnosticListeners.add(count);
      let version = edits.length + 1;
      let previous = edits[edits.length - 1].text;
      for (let round = 0; round < 3; round++) {
        const burstEdits = keystrokes(previous, 10);
        const target = version + burstEdits.length;
        const done = server.nextDiagnostics(uri, (p) => p.version === target);
        const sentAt = performance.now();
        for (const edit of burstEdits) server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [edit.change] });
        times.push((await done).at - sentAt);
        previous = burstEdits[burstEdits.length - 1].text;
      }
      server.diagnosticListeners.delete(count);
      burst = { median: median(times), publishesPerBurst: publishes / 3 };
    }
    const floorFigures = floor ? { median: median(floorTimes), p95: quantile(floorTimes, 0.95) } : undefined;
    return { coldOpen, median: median(latencies), p95: quantile(latencies, 0.95), rss: server.peakRssMb(), stale, burst, floor: floorFigures };
  } finally {
    await server.stop();
  }
}

/** The floor: what any checker must do, parse the YAML and validate it against the schema. */
function floorCheck(text) {
  const value = parseYaml(text, { version: '1.2', schema: 'core', uniqueKeys: true });
  validateGenerated(value);
  return validateGenerated.errors?.length ?? 0;
}

/** The floor's cold open: its first check of the document in this process. */
function floorColdOpen(text) {
  const start = performance.now();
  if (floorCheck(text) !== 0) throw new Error('the generated bulletin does not pass the schema');
  return performance.now() - start;
}

// ---------------------------------------------------------------- the run and its table

const rows = [];
// A workspace of its own (servers may index their workspace folder): the main bulletin and the
// one it names in `related`, both on disk, as an author's folder would hold them.
const workspace = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
const companion = generateBulletin(200, { id: 'MS04-012', related: [], seed: 828741 });
writeFileSync(join(workspace, 'MS04-012.bulletin.yaml'), companion);
process.on('exit', () => rmSync(workspace, { recursive: true, force: true }));
const fmt = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);
const verdict = (ok) => (ok === undefined ? '' : ok ? 'ok' : 'MISSED');

for (const { lines, full } of sizes) {
  // An anchor the document never uses: the same data, but not plain enough for the quick reader.
  const text = full ? generateBulletin(lines).replace('kb: 873350', 'kb: &kb 873350') : generateBulletin(lines);
  writeFileSync(join(workspace, 'MS04-029.bulletin.yaml'), text);
  const actualLines = `${text.split('\n').length - 1}${full ? ' full' : ''}`;
  const edits = keystrokes(text, WARMUP_EDITS + editsFor(lines));
  process.stdout.write(`${actualLines} lines (${(text.length / 1024).toFixed(0)} KiB), ${edits.length} keystrokes: `);
  const floor = { coldOpen: floorColdOpen(text) };
  const ours = await measureServer('bulletin', lines, text, edits, floorCheck);
  Object.assign(floor, ours.floor);
  process.stdout.write('bulletin + floor ');
  const peer = await measureServer('yaml-ls', lines, text, edits);
  process.stdout.write('yaml-language-server\n');
  if (ours.stale.length > 0) console.log(`  ! bulletin published an older version while a newer one was awaited: ${ours.stale.join(', ')}`);
  if (ours.burst) console.log(`  burst of 10 keystrokes → diagnostics of the last: ${fmt(ours.burst.median)} ms, ${fmt(ours.burst.publishesPerBurst)} publishes per burst`);

  const small = lines <= 200;
  rows.push(
    [actualLines, 'edit median (ms)', ours.median, peer.median, floor.median,
      full ? '(information)' : small ? `≤ 30 ms, ≤ 0.2× yaml-ls` : '≤ 1.3× floor',
      full ? undefined : small ? ours.median <= 30 && ours.median <= 0.2 * peer.median : ours.median <= 1.3 * floor.median],
    [actualLines, 'edit p95 (ms)', ours.p95, peer.p95, floor.p95, '', undefined],
    [actualLines, 'cold open (ms)', ours.coldOpen, peer.coldOpen, floor.coldOpen, full ? '' : '≤ 0.5× yaml-ls', full ? undefined : ours.coldOpen <= 0.5 * peer.coldOpen],
    [actualLines, 'peak RSS (MB)', ours.rss, peer.rss, undefined, '', undefined],
  );
}

const header = ['lines', 'metric', 'bulletin', 'yaml-ls', 'floor', 'vs yaml-ls', 'vs floor', 'target', ''];
const table = rows.map(([size, metric, a, b, f, target, ok]) => [String(size), metric, fmt(a), fmt(b), fmt(f), ratio(a, b), ratio(a, f), target, verdict(ok)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i < 2 || i >= 7 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log();
report('keystroke', [line(header), `|${widths.map((w, i) => (i < 2 || i >= 7 ? ':' : '-') + '-'.repeat(w) + (i < 2 || i >= 7 ? '-' : ':')).join('|')}|`, ...table.map(line)]);
if (traffic) for (const [key, { count, bytes }] of traffic) console.log(`${key}: ${count} messages, ${(bytes / 1024).toFixed(0)} KiB`);
console.log(
  `\nNode ${process.versions.node}, ${(await import('node:os')).cpus().length} cores; floor = in-process yaml parse + ajv validate of the same text.` +
    `\nyaml-language-server validates ${YAML_LS_DELAY_MS} ms after the last change (its fixed validationDelayMs), which its figures include.` +
    `\nTimings are wall-clock over stdio on a shared machine: compare ratios from the same run.`,
);
