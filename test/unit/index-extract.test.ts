/**
 * The fast reader of closed files must give exactly the model the full parser gives, or step
 * aside (undefined) so the full parser reads the file: never a different answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../server/src/core/analyze';
import { extractBulletin, extractFast } from '../../server/src/core/index/extract';
import { compactBulletin } from '../../server/src/core/index/compact';
import type { Bulletin } from '../../server/src/core/model';
import { findBulletins } from '../../server/src/cli/files';
// @ts-expect-error -- a plain .mjs module without types
import { generateBulletin as generateWorkspaceBulletin } from '../../bench/generate-workspace.mjs';

const root = join(__dirname, '..', '..');
const example = (name: string) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8');

function assertSame(name: string, text: string, mustBeFast: boolean): void {
  const fast = extractFast('file:///x.bulletin.yaml', text);
  const full = analyzeText('file:///x.bulletin.yaml', text).bulletin;
  if (fast === undefined) {
    assert.ok(!mustBeFast, `${name}: the fast reader stepped aside`);
    assert.deepEqual(extractBulletin('file:///x.bulletin.yaml', text), full, name);
    return;
  }
  assert.deepEqual(fast, full, name);
}

test('the examples and generated workspace bulletins: fast, and the same model', () => {
  for (const name of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.bulletin.yaml'))) assertSame(name, readFileSync(join(root, 'examples', name), 'utf8'), true);
  for (const i of [0, 1, 9, 57, 500]) assertSame(`generated ${i}`, generateWorkspaceBulletin(i, 1000) as string, true);
});

test('every fixture bulletin: the same model, whichever reader reads it', () => {
  for (const path of findBulletins([join(root, 'test', 'fixtures')])) assertSame(path, readFileSync(path, 'utf8'), false);
});

test('YAML the fast reader must get right or leave alone', () => {
  const base = example('MS04-029');
  const variants: Record<string, string> = {
    crlf: base.replace(/\n/g, '\r\n'),
    'lone cr': base.replace('\ntitle', '\rtitle'),
    'quoted values': base.replace('id: MS04-029', 'id: "MS04-029"').replace('name: ole32.dll', "name: 'ole32.dll'"),
    'escapes in double quotes': base.replace(/^title: .*$/m, 'title: "a\\tb \\u00e9 \\x41 \\"q\\""'),
    'two-part versions read as written': base.replace(/version: 5\.4\.15\.0/g, 'version: 4.00'),
    'trailing comments': base.replace('kb: 873350', 'kb: 873350   # the KB').replace('- name: rpcrt4.dll', '- name: rpcrt4.dll  # runtime'),
    'flow includes with quotes': base.replace(/^related:\n  - MS04-012.*$/m, "related: ['MS04-012', \"MS04-011\"]"),
    'empty flow list': base.replace(/^related:\n  - MS04-012.*$/m, 'related: []'),
    'sequence at the key indentation': base.replace(/^related:\n  - (MS04-012.*)$/m, 'related:\n- $1'),
    'anchor and alias': base.replace('kb: 873350', 'kb: &k 873350\nx-kb: *k'),
    'tab': base.replace('kb: 873350', 'kb:\t873350'),
    'multi-line plain title': base.replace(/^title: (.*)$/m, 'title: $1\n  continued'),
    'two documents': `${base}---\nid: MS04-030\n`,
    'duplicate key': base.replace('kb: 873350', 'kb: 873350\nkb: 873351'),
    'empty value': base.replace('kb: 873350', 'kb:'),
    'null and booleans': base.replace('uninstall: true', 'uninstall: ~'),
    'numbers of every form': base.replace('size: 614544', 'size: 0x9609').replace('size: 768288', 'size: +768288').replace('size: 374400', 'size: 3.744e5'),
    'block scalar keep and strip': base.replace('summary: |', 'summary: |-').replace('comment: |', 'comment: >+'),
    'colon in a plain value': base.replace(/^title: .*$/m, 'title: a: b'),
    'deeper line after a scalar': base.replace('kb: 873350', 'kb: 873350\n   x: 1'),
    'unknown key (schema problem)': base.replace('kb: 873350', 'kb: 873350\nkbb: 1'),
    'BOM': `\uFEFF${base}`,
    'document start marker': `---\n${base}`,
    'empty file': '',
    'a list at the root': '- a\n- b\n',
    'compact nested sequence': base.replace('targets: [server]', 'targets:\n  - - server'),
    'keys named like object members': base.replace('kb: 873350', 'kb: 873350\nconstructor: 1\ntoString: x'),
    '__proto__ key': base.replace('kb: 873350', 'kb: 873350\n__proto__: 1'),
    'duplicate member-like key': base.replace('kb: 873350', 'kb: 873350\nvalueOf: 1\nvalueOf: 2'),
    'octal registry data': base.replace('data: 1', 'data: 0o17'),
    'hex registry data': base.replace('data: 1', 'data: 0x1F'),
    'text that starts like a number, a null or a boolean': base.replace('value: Installed', 'value: nope').replace('description: Microsoft OLE for Windows and Windows NT', 'description: true north').replace('description: Remote Procedure Call Runtime', 'description: 12 dlls').replace('description: Distribute COM Services', 'description: .info'),
    'special floats and nulls as data': base.replace('data: 1', 'data: .Inf').replace('value: Installed', 'value: ~'),
    'NaN and exponent data': base.replace('data: 1', 'data: .NaN').replace('kb: 873350', 'kb: 8.7335e5'),
  };
  for (const [name, text] of Object.entries(variants)) {
    assert.notEqual(text, base, `${name}: the variant changes the text`);
    assertSame(name, text, false);
  }
  assert.ok(extractFast('u', variants.crlf), 'CRLF files take the fast path');
  assert.ok(extractFast('u', variants['two-part versions read as written']));
  assert.equal(extractFast('u', variants['two-part versions read as written'])!.platforms[0].package!.version, '4.00');
});

/** Every field of the model as a reader sees it (getters included). */
function plain(bulletin: Bulletin): unknown {
  return JSON.parse(
    JSON.stringify({
      ...bulletin,
      lineStarts: [...bulletin.lineStarts],
      platforms: bulletin.platforms.map((p) => ({
        id: p.id,
        idRange: p.idRange,
        name: p.name,
        pointer: p.pointer,
        range: p.range,
        folder: p.folder,
        files: p.files.map((f) => ({ name: f.name, nameRange: f.nameRange, version: f.version, versionRange: f.versionRange, date: f.date, dateRange: f.dateRange, size: f.size, sizeRange: f.sizeRange, description: f.description, variant: f.variant, folder: f.folder, pointer: f.pointer, range: f.range })),
        deployment: p.deployment.map((d) => ({ machines: d.machines, minutes: d.minutes, range: d.range })),
        package: p.package && { file: p.package.file, fileRange: p.package.fileRange, date: p.package.date, dateRange: p.package.dateRange, version: p.package.version, size: p.package.size, pointer: p.package.pointer, range: p.package.range },
        registry: p.registry?.map((r) => ({ key: r.key, keyRange: r.keyRange, value: r.value, type: r.type, typeRange: r.typeRange, data: r.data, dataRange: r.dataRange, pointer: r.pointer, range: r.range })),
      })),
    }),
  );
}

test('a compact model (closed files) reads exactly like the plain one', () => {
  const texts = [example('MS04-012'), example('MS04-029'), generateWorkspaceBulletin(57, 1000) as string, example('MS04-029').replace('kb: 873350', 'kb: x')];
  for (const text of texts) {
    const model = extractBulletin('file:///x.bulletin.yaml', text);
    assert.deepEqual(plain(compactBulletin(model)), plain(model));
  }
});
