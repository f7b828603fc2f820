// Which closed bulletin sizes the server survives at start-up, as the extension starts it: one
// generated bulletin of N lines (and one small one) in a folder; reports MB, whether the index
// became ready, the time to ready and the server's peak RSS (VmHWM). The evidence behind the
// default of `bulletin.maxFileSize` (docs/benchmarks.md).
//
//   node bench/size-limit.probe.mjs 290000 580000 1000000 1440000
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateBulletin } from './generate-bulletin.mjs';

const root = join(import.meta.dirname, '..');
const { serverExecArgv } = await import(pathToFileURL(join(root, 'dist', 'launch.js')).href).then((m) => m.default ?? m);
const example = readFileSync(join(root, 'examples', 'MS04-012.bulletin.yaml'), 'utf8');

function frame(message) {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

async function probe(lines, settings) {
  const folder = mkdtempSync(join(tmpdir(), 'bulletin-size-'));
  writeFileSync(join(folder, 'MS04-012.bulletin.yaml'), example);
  writeFileSync(join(folder, 'big.bulletin.yaml'), generateBulletin(lines).replace(/^id: .*$/m, 'id: MS99-001'));
  const mb = statSync(join(folder, 'big.bulletin.yaml')).size / 1e6;
  const child = spawn(process.execPath, [...serverExecArgv(availableParallelism()), join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {}
  }, 50);
  let buffer = '';
  const start = Date.now();
  const outcome = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve('not ready after 120 s'), 120_000);
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve(`died (${signal ?? code})`); });
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        const m = /Content-Length: (\d+)\r\n\r\n/.exec(buffer);
        if (!m || buffer.length < m.index + m[0].length + Number(m[1])) break;
        const msg = JSON.parse(buffer.slice(m.index + m[0].length, m.index + m[0].length + Number(m[1])));
        buffer = buffer.slice(m.index + m[0].length + Number(m[1]));
        if (msg.method === 'workspace/configuration') child.stdin.write(frame({ jsonrpc: '2.0', id: msg.id, result: msg.params.items.map((i) => (i.section === 'bulletin' ? settings : null)) }));
        else if (msg.id !== undefined && msg.method) child.stdin.write(frame({ jsonrpc: '2.0', id: msg.id, result: null }));
        if (msg.method === 'bulletin/status' && msg.params.ready) { clearTimeout(timer); resolve(`ready in ${((Date.now() - start) / 1000).toFixed(1)} s, ${msg.params.bulletins} bulletins, ${msg.params.findings} findings`); }
      }
    });
    child.stdin.write(frame({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: { workspace: { configuration: true } } } }));
    child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  });
  clearInterval(sampler);
  child.kill();
  rmSync(folder, { recursive: true, force: true });
  return `${mb.toFixed(1)} MB: ${outcome}, peak RSS ${Math.round(peak)} MB`;
}

const settings = process.env.BULLETIN_SETTINGS ? JSON.parse(process.env.BULLETIN_SETTINGS) : {};
for (const arg of process.argv.slice(2)) console.log(await probe(Number(arg), settings));
