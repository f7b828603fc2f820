import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pathOf } from '../../server/src/lsp/workspaceLoad';

test('pathOf reads a file URI as fileURLToPath does, whatever characters the path has', () => {
  const paths = ['/a/b.bulletin.yaml', '/tmp/a b/c.bulletin.yaml', '/tmp/x#y?z/é.yaml', '/tmp/100%/a.yaml', '/tmp/[x]/a;b,c=d&e.yaml', "/tmp/'q'/\"d\"/`b`.yaml", '/tmp/\\back/a.yaml', '/tmp/tab\there/日本.yaml'];
  for (const path of paths) {
    const uri = pathToFileURL(path).href;
    assert.equal(pathOf(uri), fileURLToPath(uri), uri);
  }
  for (const uri of ['file:///tmp/x?query', 'file:///tmp/x#fragment', 'file:///tmp/a%20b']) assert.equal(pathOf(uri), fileURLToPath(uri), uri);
});
