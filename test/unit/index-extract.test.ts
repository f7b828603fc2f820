/**
 * The model of a closed file (`extractBulletin`, read quickly where the quick reader takes the
 * text) must be exactly the model the full parser gives. The readers' agreement itself is
 * tested in quick-parse.test.ts; here, whole models with their intrinsic problems.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashText } from '../../server/src/core/analyze';
import { extractBulletin, extractRecord } from '../../server/src/core/index/extract';
import type { BulletinRecord } from '../../server/src/core/record/record';
import { writeRecord } from '../../server/src/core/record/write';
import { viewOf } from '../../server/src/core/record/view';
import { parse, rangeOf } from '../../server/src/core/parse';
import { compareProblems } from '../../server/src/core/problems';
import { validateSchema } from '../../server/src/core/schema/validate';
import { findBulletins } from '../../server/src/cli/files';
import { quietSingleFileProblems } from '../../server/src/core/syntax-quiet';
import { recordBeforeFirstError } from '../../server/src/core/record/before-error';
// @ts-expect-error -- a plain .mjs module without types
import { generateBulletin as generateWorkspaceBulletin } from '../../bench/generate-workspace.mjs';

const root = join(__dirname, '..', '..');
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');
const uri = 'file:///x.bulletin.yaml';

/** The record as the full parser alone gives it (as `analyzeText` builds it). */
function fullRecord(text: string): BulletinRecord {
  const parsed = parse(text, { locale: 'en', reader: 'full' });
  const intrinsic = quietSingleFileProblems([...parsed.problems, ...validateSchema(parsed, { locale: 'en' })].sort(compareProblems), parsed);
  const record = writeRecord(uri, parsed, intrinsic, hashText(text));
  // A file with a syntax error contributes what precedes it (record/before-error.ts).
  return recordBeforeFirstError(uri, { parsed, bulletin: viewOf(record) }, 'en').record;
}

test('examples, workspace bulletins, fixtures and schema problems: the full parser’s model', () => {
  const texts: [string, string][] = [];
  for (const name of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.bulletin.yaml'))) texts.push([name, readFileSync(join(root, 'examples', name), 'utf8')]);
  for (const i of [0, 1, 9, 57, 500]) texts.push([`generated ${i}`, generateWorkspaceBulletin(i, 1000) as string]);
  for (const path of findBulletins([join(root, 'test', 'fixtures')])) texts.push([path, readFileSync(path, 'utf8')]);
  const base = example('MS04-029');
  texts.push(['unknown key', base.replace('kb: 873350', 'kb: 873350\nkbb: 1')], ['wrong type', base.replace('kb: 873350', 'kb: x')], ['duplicate key', base.replace('kb: 873350', 'kb: 873350\nkb: 873351')]);
  for (const [name, text] of texts) assert.deepEqual(extractRecord(uri, text), fullRecord(text), name);
  assert.ok(extractBulletin(uri, texts.at(-2)![1]).intrinsic.length > 0, 'a schema problem is in the model');
});

test('a version is read as written', () => {
  const text = example('MS04-029').replace(/version: 5\.4\.15\.0/g, 'version: 4.00');
  assert.equal(extractBulletin(uri, text).platforms[0].package!.version, '4.00');
});

test('the model’s ranges, found by walking the location tree, are the ones its pointers name', () => {
  const base = example('MS04-029');
  const texts: [string, string][] = [
    ['MS04-029', base],
    ['duplicate keys', base.replace('kb: 873350', 'kb: 873350\nkb: 873351').replace('- name: rpcrt4.dll\n', '- name: rpcrt4.dll\n        name: other.dll\n')],
    ['an aliased platform', `${base.replace('platforms:\n', 'platforms:\n  - &p\n    id: x\n    files:\n      - name: a.dll\n        version: 1.0\n')}\nextra: [*p]\n`],
    ['flow and quoted keys', base.replace('kb: 873350', '"kb": 873350').replace(/(\n\s+)version: ([\d.]+)/, '$1"version": $2')],
    ['a deployment table', base.replace('      50: 18\n', '      "50": 18\n      x: 1\n      050: 3\n')],
  ];
  for (const path of findBulletins([join(root, 'test', 'fixtures')])) texts.push([path, readFileSync(path, 'utf8')]);
  for (const [name, text] of texts) {
    const parsed = parse(text, { locale: 'en', reader: 'full' });
    const model = viewOf(writeRecord(uri, parsed, [], ''));
    const at = (pointer: string) => rangeOf(parsed.nodes, pointer);
    assert.deepEqual(model.idRange, at('/id'), `${name}: id`);
    assert.deepEqual(model.kbRange, at('/kb'), `${name}: kb`);
    for (const ref of [...model.includes, ...model.related]) assert.deepEqual(ref.range, at(ref.pointer), `${name}: ${ref.pointer}`);
    for (const platform of model.platforms) {
      assert.deepEqual(platform.idRange, at(`${platform.pointer}/id`), `${name}: ${platform.pointer}/id`);
      for (const file of platform.files) {
        for (const field of ['version', 'date', 'size'] as const) assert.deepEqual(file[`${field}Range`], at(`${file.pointer}/${field}`), `${name}: ${file.pointer}/${field}`);
        assert.deepEqual(file.nameRange, at(`${file.pointer}/name`) ?? file.range, `${name}: ${file.pointer}/name`);
      }
      for (const estimate of platform.deployment) assert.ok(estimate.range[1] > 0, `${name}: deployment ${estimate.machines}`);
      if (platform.package) assert.deepEqual(platform.package.fileRange, at(`${platform.package.pointer}/file`), `${name}: package file`);
      for (const check of platform.registry ?? []) assert.deepEqual(check.keyRange, at(`${check.pointer}/key`), `${name}: ${check.pointer}/key`);
    }
  }
});
