import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pathOf, uriOf } from '../../server/src/lsp/workspace-load';

test('pathOf reads a file URI as fileURLToPath does, whatever characters the path has', () => {
  const paths = ['/a/b.bulletin.yaml', '/tmp/a b/c.bulletin.yaml', '/tmp/x#y?z/é.yaml', '/tmp/100%/a.yaml', '/tmp/[x]/a;b,c=d&e.yaml', "/tmp/'q'/\"d\"/`b`.yaml", '/tmp/\\back/a.yaml', '/tmp/tab\there/日本.yaml'];
  for (const path of paths) {
    const uri = pathToFileURL(path).href;
    assert.equal(pathOf(uri), fileURLToPath(uri), uri);
  }
  for (const uri of ['file:///tmp/x?query', 'file:///tmp/x#fragment', 'file:///tmp/a%20b']) assert.equal(pathOf(uri), fileURLToPath(uri), uri);
});

test('uriOf writes a path as pathToFileURL does, whatever characters the path has', () => {
  const paths = ['/a/b.bulletin.yaml', '/tmp/bulletin-ws-x1/MS04-029.bulletin.yaml', '/tmp/a b/c.bulletin.yaml', '/tmp/x#y?z/é.yaml', '/tmp/100%/a.yaml', '/tmp/[x]/a;b,c=d&e.yaml', "/tmp/'q'/\"d\"/`b`.yaml", '/tmp/\\back/a.yaml', '/tmp/tab\there/日本.yaml', '/tmp//double/a.yaml', '/tmp/./a.yaml', '/tmp/../a.yaml', '/tmp/.hidden/a.yaml', '/tmp/a/', '/', '/a~b/c+d.yaml'];
  for (const path of paths) assert.equal(uriOf(path), pathToFileURL(path).href, path);
});
