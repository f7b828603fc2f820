// Each benchmark prints its table and keeps it in docs/benchmarks.md, between the markers
// `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` (added before `<!-- bench:end -->` the first time), with the
// date, the machine and the load, so the figures there are always the last run's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');

/** Prints `lines` and writes them to docs/benchmarks.md under `name`. */
export function report(name, lines) {
  for (const line of lines) console.log(line);
  const stamp = `Last run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores, node ${process.version}, load ${loadavg()[0].toFixed(1)}.`;
  const block = `<!-- bench:${name} -->\n${stamp}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n<!-- /bench:${name} -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const literal = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`<!-- bench:${literal} -->[\\s\\S]*?<!-- /bench:${literal} -->`);
  const section = `### ${name}\n\n${block}\n`;
  const end = '<!-- bench:end -->';
  writeFileSync(file, pattern.test(text) ? text.replace(pattern, block) : text.includes(end) ? text.replace(end, `${section}\n${end}`) : `${text.trimEnd()}\n\n${section}`);
}
