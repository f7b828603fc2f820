/**
 * Hovers and completion details read the schema's descriptions in the client's language:
 * every `description` has a Japanese `descriptionJa`, every `enumDescriptions` a
 * `enumDescriptionsJa` of the same length, every `patternMessage` a `patternMessageJa`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasJapanese, readJson } from './text';

type Node = { [key: string]: unknown };

function schemaNodes(node: unknown, at = '#', out: { at: string; node: Node }[] = []): { at: string; node: Node }[] {
  if (Array.isArray(node)) node.forEach((item, i) => schemaNodes(item, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    out.push({ at, node: node as Node });
    for (const [key, value] of Object.entries(node)) {
      if (!['enum', 'enumDescriptions', 'enumDescriptionsJa', 'required', 'const', 'examples', 'default'].includes(key)) schemaNodes(value, `${at}/${key}`, out);
    }
  }
  return out;
}

const nodes = schemaNodes(readJson('schemas/bulletin.schema.json'));

test('every schema description, enum description and pattern message has a Japanese twin', () => {
  const problems: string[] = [];
  let pairs = 0;
  for (const { at, node } of nodes) {
    for (const [english, japanese] of [['description', 'descriptionJa'], ['patternMessage', 'patternMessageJa']] as const) {
      if (typeof node[english] !== 'string') continue;
      pairs++;
      const text = node[japanese];
      if (typeof text !== 'string' || !hasJapanese(text)) problems.push(`${at}: ${japanese} missing or not Japanese`);
    }
    if (Array.isArray(node.enumDescriptions)) {
      pairs++;
      const texts = node.enumDescriptionsJa;
      if (!Array.isArray(texts) || texts.length !== node.enumDescriptions.length) problems.push(`${at}: enumDescriptionsJa missing or of another length`);
      else if (Array.isArray(node.enum) && node.enum.length !== texts.length) problems.push(`${at}: enumDescriptions do not match enum`);
      else texts.forEach((text, i) => typeof text === 'string' && hasJapanese(text) ? undefined : problems.push(`${at}: enumDescriptionsJa[${i}] not Japanese`));
    }
  }
  assert.ok(pairs > 50, `only ${pairs} described nodes found`);
  assert.deepEqual(problems, []);
});
