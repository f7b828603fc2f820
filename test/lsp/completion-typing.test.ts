/**
 * Completion that opens while the author types: the server declares its trigger characters,
 * and a space opens a list only where a value or a list item starts, never while indenting
 * or between the words of a title.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol/node';
import { ServerProcess } from './server-process';
import { withCursor } from '../unit/authoring/cursor-marker';

let server: ServerProcess;
let counter = 0;
const HEAD = 'bulletin: 1\nid: MS04-999\nkb: 873350\ntitle: T\npublished: 2004-10-16\nlang: en\n';

before(async () => {
  server = await ServerProcess.start({ locale: 'en' });
  server.openExamples();
});
after(async () => {
  await server.stop();
});

/** Completion as VS Code asks for it right after `character` was typed. */
async function typed(source: string, character: string): Promise<CompletionItem[]> {
  const { text, position } = withCursor(source);
  const uri = `file:///ws/trigger-${++counter}.bulletin.yaml`;
  server.open(uri, text);
  const result = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position,
    context: { triggerKind: 2 /* TriggerCharacter */, triggerCharacter: character },
  })) as CompletionList | null;
  server.close(uri);
  assert.ok(result, 'a completion list');
  return result.items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label).sort();

test('the server declares the characters after which values and list items start', () => {
  const provider = server.initializeResult?.capabilities.completionProvider;
  assert.ok(provider, 'a completion provider');
  assert.deepEqual([...(provider.triggerCharacters ?? [])].sort(), [' ', ',', ':', '[', '/'].sort());
});

test('a space after `key:` opens the values; a colon right after the key does too', async () => {
  assert.deepEqual(labels(await typed(`${HEAD}exploit: ‸\n`, ' ')), ['in-the-wild', 'none', 'poc']);
  assert.deepEqual(labels(await typed(`${HEAD}exploit:‸\n`, ':')), ['in-the-wild', 'none', 'poc']);
});

test('a space after `- ` or inside a flow list opens the list items', async () => {
  assert.deepEqual(labels(await typed(`${HEAD}related:\n  - ‸\n`, ' ')), ['MS04-012', 'MS04-029']);
  assert.deepEqual(labels(await typed(`${HEAD}targets: [‸]\n`, '[')), ['client', 'server']);
  assert.deepEqual(labels(await typed(`${HEAD}targets: [server, ‸]\n`, ' ')), ['client']);
  assert.deepEqual(labels(await typed(`${HEAD}targets: [server,‸]\n`, ',')), ['client']);
});

test('a space typed to indent, or between words, opens nothing', async () => {
  assert.deepEqual(await typed(`${HEAD}platforms:\n  - id: x\n  ‸\n`, ' '), []);
  assert.deepEqual(await typed(`${HEAD}  ‸\n`, ' '), []);
  assert.deepEqual(await typed(`bulletin: 1\ntitle: Buffer overrun ‸\n`, ' '), []);
  assert.deepEqual(await typed(`${HEAD}# severity: ‸\n`, ' '), []);
});

test('a slash opens completion only inside a CVSS vector, never in a folder or an address', async () => {
  const { triggerFits } = await import('../../server/src/core/authoring/trigger');
  assert.equal(triggerFits('/', '      - vector: CVSS:3.1/'), true);
  assert.equal(triggerFits('/', "      - vector: 'CVSS:4.0/AV:N/"), true);
  assert.equal(triggerFits('/', '    url: https://'), false);
  assert.equal(triggerFits('/', '    folder: C:/Windows/'), false);
});
