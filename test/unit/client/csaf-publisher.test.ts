/**
 * Export CSAF without a publisher: the export asks for the name and namespace in place (input
 * boxes, stubbed here as the editor would answer them), saves them to `bulletin.csaf.publisher`
 * and resumes; a cancelled prompt saves nothing. The manifest ships no default that fails its
 * own schema (an empty `namespace` is not a URI).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportCsafResult } from '../../../server/src/protocol';
import { exportWithPublisher, namespaceProblem, type CsafPublisherSetting, type PublisherPrompts } from '../../../client/src/csaf-publisher';

const messages = { nameEmpty: 'name?', namespaceEmpty: 'namespace?', namespaceUrl: 'url?' };
const missing: ExportCsafResult = { ok: false, reason: 'publisher', message: 'Set `bulletin.csaf.publisher`' };
const exported: ExportCsafResult = { ok: true, json: '{}', id: 'MS04-029' };

/** A stand-in for the editor: answers the prompts in turn and keeps the setting; the server exports once a publisher is set. */
function editor(answers: (string | undefined)[], setting?: CsafPublisherSetting) {
  const asked: { field: string; value: string; refused: Record<string, string | undefined> }[] = [];
  const saved: CsafPublisherSetting[] = [];
  let exports = 0;
  const prompts: PublisherPrompts = {
    input: async ({ field, value, validate }) => {
      const refused = Object.fromEntries(['', 'HotFix Report', 'example.com', 'urn:x', 'https://www.example.com'].map((v) => [v, validate(v)]));
      asked.push({ field, value, refused });
      return answers.shift();
    },
    current: () => setting,
    save: async (publisher) => {
      saved.push(publisher);
      setting = publisher;
    },
  };
  const exportOnce = async () => {
    exports++;
    return setting?.name && setting.namespace ? exported : missing;
  };
  return { prompts, exportOnce, asked, saved, exports: () => exports };
}

test('without a publisher, the export asks for the name and namespace, saves them and resumes', async () => {
  const e = editor(['HotFix Report ', 'https://www.example.com'], { category: 'vendor' });
  const result = await exportWithPublisher(e.exportOnce, e.prompts, messages);
  assert.deepEqual(result, exported);
  assert.deepEqual(e.asked.map((a) => a.field), ['name', 'namespace']);
  assert.deepEqual(e.saved, [{ category: 'vendor', name: 'HotFix Report', namespace: 'https://www.example.com' }]);
  assert.equal(e.exports(), 2);
});

test('the prompts refuse an empty name and a namespace that is not a URL, and start from what the setting has', async () => {
  const e = editor(['HotFix Report', 'https://www.example.com'], { name: 'HotFix', namespace: '' });
  await exportWithPublisher(e.exportOnce, e.prompts, messages);
  const [name, namespace] = e.asked;
  assert.equal(name!.value, 'HotFix');
  assert.equal(name!.refused[''], 'name?');
  assert.equal(name!.refused['HotFix Report'], undefined);
  assert.equal(namespace!.refused[''], 'namespace?');
  assert.equal(namespace!.refused['example.com'], 'url?');
  assert.equal(namespace!.refused['urn:x'], 'url?');
  assert.equal(namespace!.refused['https://www.example.com'], undefined);
  assert.deepEqual(e.saved, [{ name: 'HotFix Report', namespace: 'https://www.example.com', category: 'other' }]);
});

test('a cancelled prompt saves nothing and exports nothing more', async () => {
  for (const answers of [[undefined], ['HotFix Report', undefined]]) {
    const e = editor(answers);
    assert.equal(await exportWithPublisher(e.exportOnce, e.prompts, messages), undefined);
    assert.deepEqual(e.saved, []);
    assert.equal(e.exports(), 1);
  }
});

test('with a publisher set, or for another failure, nothing is asked', async () => {
  const e = editor([], { name: 'HotFix Report', namespace: 'https://www.example.com' });
  assert.deepEqual(await exportWithPublisher(e.exportOnce, e.prompts, messages), exported);
  const failed: ExportCsafResult = { ok: false, reason: 'errors', message: 'fix the errors' };
  const f = editor([]);
  assert.deepEqual(await exportWithPublisher(async () => failed, f.prompts, messages), failed);
  assert.deepEqual([...e.asked, ...f.asked], []);
});

test('a namespace is an http(s) URL with a host', () => {
  assert.equal(namespaceProblem(' https://www.example.com/csaf '), undefined);
  assert.equal(namespaceProblem('http://example.com'), undefined);
  assert.equal(namespaceProblem(''), 'empty');
  assert.equal(namespaceProblem('www.example.com'), 'url');
  assert.equal(namespaceProblem('file:///tmp'), 'url');
});

test('the manifest ships no publisher default that fails its own schema', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['bulletin.csaf.publisher'];
  const defaults = setting.default as Record<string, unknown>;
  for (const [key, value] of Object.entries(defaults)) {
    const schema = setting.properties[key];
    assert.ok(schema, `${key} is a property`);
    assert.equal(typeof value, schema.type, key);
    if (schema.enum) assert.ok(schema.enum.includes(value), key);
    if (schema.format === 'uri') assert.equal(namespaceProblem(String(value)), undefined, `${key} is a URI`);
    if (schema.type === 'string' && schema.format !== undefined) assert.notEqual(value, '', `${key} is not an empty ${schema.format}`);
  }
});
