// The floor the workspace benchmark measures every start against: the same files read with
// `yaml`'s parseDocument and checked with the compiled schema validator, on one thread, with
// nothing kept. What any checker that parses every file must at least spend.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseDocument } = require('yaml');
const validate = require('../server/src/core/schema/generated/validate-bulletin.js');
const check = typeof validate === 'function' ? validate : validate.default;

/** Every `*.bulletin.yaml` under `folder`. */
export function bulletinFiles(folder) {
  const out = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.bulletin.yaml')) out.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return out;
}

/** Milliseconds to read, parse and validate every file, and the bytes read. */
export function measureFloor(files) {
  let bytes = 0;
  let invalid = 0;
  const t0 = performance.now();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    if (!check(parseDocument(text).toJS())) invalid++;
  }
  return { ms: performance.now() - t0, bytes, invalid };
}
