import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileFilter, globToRegExp } from '../../server/src/lsp/workspace-glob';

test('the default bulletin glob matches bulletins at any depth and nothing else', () => {
  const re = globToRegExp('**/*.bulletin.{yaml,yml}');
  for (const path of ['a.bulletin.yaml', 'x/y/MS04-029.bulletin.yml']) assert.ok(re.test(path), path);
  for (const path of ['a.yaml', 'a.bulletin.yaml.bak', 'x/bulletin.json']) assert.ok(!re.test(path), path);
});

test('files.exclude removes a folder and everything under it; false entries are ignored', () => {
  const filter = new FileFilter('**/*.bulletin.yaml', { '**/archive': true, '**/drafts': false, 'tmp/*.bulletin.yaml': true });
  assert.ok(filter.matches('ms/a.bulletin.yaml'));
  assert.ok(!filter.matches('old/archive/a.bulletin.yaml'));
  assert.ok(filter.matches('drafts/a.bulletin.yaml'));
  assert.ok(!filter.matches('tmp/a.bulletin.yaml'));
  assert.ok(!filter.matches('node_modules/p/a.bulletin.yaml'));
  assert.ok(filter.excludesFolder('old/archive'));
  assert.ok(!filter.excludesFolder('old'));
});

test('character classes and ? stay within a segment', () => {
  const re = globToRegExp('MS0[0-4]-0??.bulletin.yaml');
  assert.ok(re.test('MS04-029.bulletin.yaml'));
  assert.ok(!re.test('MS05-029.bulletin.yaml'));
  assert.ok(!re.test('MS04-0/9.bulletin.yaml'));
});
