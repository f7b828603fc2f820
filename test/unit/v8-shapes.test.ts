/**
 * Objects read for every file stay in V8's fast form (properties at fixed places) instead of a
 * dictionary: the record layout's column tables (read by the writer and every view accessor)
 * and a bulletin's top-level mapping (read by the schema check and the writer). V8 keeps an
 * object filled by computed keys as a dictionary past a few more than 16 of them; these tables
 * and mappings have more. Checked in a child process with V8's own `%HasFastProperties`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

test('the column tables and a parsed bulletin\'s top-level mapping have fast properties', () => {
  const script = `
    const layout = require('./server/src/core/record/layout.ts');
    const { parse } = require('./server/src/core/parse/index.ts');
    const { readFileSync } = require('node:fs');
    const fast = (o) => %HasFastProperties(o);
    const tables = Object.fromEntries(['TOP', 'FILE', 'PLATFORM', 'REGISTRY', 'CVSS', 'VULN'].map((n) => [n, fast(layout[n])]));
    const text = readFileSync('examples/MS04-029.bulletin.yaml', 'utf8');
    const value = parse(text, { reader: 'quick' }).value;
    console.log(JSON.stringify({ tables, keys: Object.keys(value).length, topLevel: fast(value), prototype: Object.getPrototypeOf(value) }));
  `;
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=commonjs', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.equal(run.status, 0, run.stderr);
  const shapes = JSON.parse(run.stdout);
  assert.deepEqual(shapes.tables, { TOP: true, FILE: true, PLATFORM: true, REGISTRY: true, CVSS: true, VULN: true });
  assert.ok(shapes.keys > 16, `the example has ${shapes.keys} top-level keys: too few to show the dictionary form`);
  assert.equal(shapes.topLevel, true);
  assert.equal(shapes.prototype, null); // still the full parser's null prototype
});
