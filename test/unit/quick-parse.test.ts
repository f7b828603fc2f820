/**
 * The per-keystroke reader (`quickParse`) must give exactly what the full parser gives — value,
 * node locations in the same order, line starts, no problems — or step aside: never a
 * different answer. Checked on every example and fixture, generated bulletins, edge cases, and
 * thousands of seeded edits (what typing produces: half-typed keys, quotes, indentation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/core/parse';
import { quickParse } from '../../server/src/core/parse/quick-parse';
import { analyzeText } from '../../server/src/core/analyze';
import { warmUpAnalysis, warmUpText } from '../../server/src/core/warm-up';
// @ts-expect-error -- a plain .mjs module without types
import { generateBulletin } from '../../bench/generate-bulletin.mjs';
// @ts-expect-error -- a plain .mjs module without types
import { generateBulletin as generateWorkspaceBulletin } from '../../bench/generate-workspace.mjs';

import { assertSame } from './quick-parse-check';

const root = join(__dirname, '..', '..');

function bulletinFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return bulletinFiles(path);
    return name.endsWith('.yaml') || name.endsWith('.yml') ? [path] : [];
  });
}

test('examples and generated bulletins are read quickly, with the full parser’s result', () => {
  for (const path of bulletinFiles(join(root, 'examples'))) assert.ok(assertSame(path, readFileSync(path, 'utf8')), `${path} is read quickly`);
  for (const lines of [200, 2000]) assert.ok(assertSame(`generated ${lines}`, generateBulletin(lines) as string), `generated ${lines} is read quickly`);
  // The index reads a workspace's closed files with it too.
  for (const i of [0, 1, 9, 57, 500]) assert.ok(assertSame(`workspace bulletin ${i}`, generateWorkspaceBulletin(i, 1000) as string), `workspace bulletin ${i} is read quickly`);
});

test('every fixture: the same result, or the full parser reads it', () => {
  for (const path of bulletinFiles(join(root, 'test', 'fixtures'))) assertSame(path, readFileSync(path, 'utf8'));
});

test('edge cases of ranges, scalars and comments', () => {
  const accepted: Record<string, string> = {
    'comment at the end': 'a: 1\n# c\n',
    'comment after a nested mapping': 'a:\n  b: 1\n# c\nd: 2\n',
    'comments inside a mapping': 'a:\n  # lead\n  b: 1\n  # mid\n  c: 2\n',
    'literal block, clip': 'a: |\n  x\n  y\n\nb: 1\n',
    'literal block, strip': 'a: |-\n  x\n\nb: 1\n',
    'literal block with a blank line and a hash': 'a: |\n  x\n\n  # not a comment\n',
    'literal block at the end without a line break': 'a: |\n  x',
    'folded block': 'a: >\n  x\n  y\nb: 1\n',
    'sequence at the key’s indentation': 'a:\n- x\n- y\nb: 1\n',
    'mappings in a sequence, flow list': 'a:\n  - b: 1\n    c: [x, "y", 1]\n  - e\nd: 1\n',
    'quoted scalars': 'a: "x\\ty\\u00e9 \\"q\\""\nb: \'it\'\'s\'\n',
    CRLF: 'a: 1\r\nb:\r\n  c: |\r\n    x\r\n    y\r\n\r\nd: 2\r\n',
    'numbers, nulls and booleans of every form': 'x: 0o17\ny: 0x1F\nz: .5\nw: -.inf\nv: .NaN\nu: 1e3\nt: +12\ns: -0\nr: 12345678901234567890123\nversion: 4.00\nq: Null\np: ~\no: TRUE\n',
    'numeric keys': '50: 1\n100: 2\n',
    'trailing comment and a hash inside a value': 'a: b # c\nd: e#f\n',
    'empty flow lists': 'a: [ ]\nb: []  # c\n',
    'no final line break': 'a: 1',
    'a colon in the comment of a list item': 'a:\n  - x  # c: d\n  - b: 1 # e: f\n',
  };
  for (const [name, text] of Object.entries(accepted)) assert.ok(assertSame(name, text), `${name} is read quickly`);
  const declined: Record<string, string> = {
    'deeper comment after the last entry': 'a:\n  b: 1\n    # c\nd: 1\n',
    'anchor and alias': 'a: &x 1\nb: *x\n',
    tab: 'a:\t1\n',
    'multi-line plain scalar': 'a: x\n  y\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'duplicate key': 'a: 1\na: 2\n',
    'empty value': 'a:\n',
    'keep chomping': 'a: |+\n  x\n\nb: 1\n',
    'non-canonical numeric keys': '1: a\n1.0: b\n',
    'boolean key': 'True: 1\n',
    'too deep': Array.from({ length: 70 }, (_, i) => `${' '.repeat(2 * i)}k:`).join('\n') + ' 1\n',
  };
  for (const [name, text] of Object.entries(declined)) assert.equal(quickParse(text), undefined, `${name}: left to the full parser`);
  // Through the default path, a declined text still gets its problems from the full parser.
  assert.match(parse(declined['duplicate key']).problems[0]?.message ?? '', /unique|duplicate|重複/i);
});

test('variants of a real bulletin: the same result or the full parser', () => {
  const base = readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8');
  // Read quickly: forms bulletins are written in, schema problems included (the schema check
  // runs on the quick reader's result as on the full parser's).
  const accepted: Record<string, string> = {
    crlf: base.replace(/\n/g, '\r\n'),
    'quoted values': base.replace('id: MS04-029', 'id: "MS04-029"').replace('name: ole32.dll', "name: 'ole32.dll'"),
    'escapes in double quotes': base.replace(/^title: .*$/m, 'title: "a\\tb \\u00e9 \\x41 \\"q\\""'),
    'two-part versions read as written': base.replace(/version: 5\.4\.15\.0/g, 'version: 4.00'),
    'trailing comments': base.replace('kb: 873350', 'kb: 873350   # the KB').replace('- name: rpcrt4.dll', '- name: rpcrt4.dll  # runtime'),
    'flow includes with quotes': base.replace(/^related:\n  - MS04-012.*$/m, "related: ['MS04-012', \"MS04-011\"]"),
    'empty flow list': base.replace(/^related:\n  - MS04-012.*$/m, 'related: []'),
    'sequence at the key indentation': base.replace(/^related:\n  - (MS04-012.*)$/m, 'related:\n- $1'),
    'null and booleans': base.replace('uninstall: true', 'uninstall: ~'),
    'numbers of every form': base.replace('size: 614544', 'size: 0x9609').replace('size: 768288', 'size: +768288').replace('size: 374400', 'size: 3.744e5'),
    'block scalar strip': base.replace('summary: |', 'summary: |-'),
    'unknown key (schema problem)': base.replace('kb: 873350', 'kb: 873350\nkbb: 1'),
    'keys named like object members': base.replace('kb: 873350', 'kb: 873350\nconstructor: 1\ntoString: x'),
    'octal registry data': base.replace('data: 1', 'data: 0o17'),
    'hex registry data': base.replace('data: 1', 'data: 0x1F'),
    'text that starts like a number, a null or a boolean': base.replace('value: Installed', 'value: nope').replace('description: Microsoft OLE for Windows and Windows NT', 'description: true north').replace('description: Remote Procedure Call Runtime', 'description: 12 dlls').replace('description: Distribute COM Services', 'description: .info'),
    'special floats and nulls as data': base.replace('data: 1', 'data: .Inf').replace('value: Installed', 'value: ~'),
    'NaN and exponent data': base.replace('data: 1', 'data: .NaN').replace('kb: 873350', 'kb: 8.7335e5'),
  };
  const declined: Record<string, string> = {
    'lone cr': base.replace('\ntitle', '\rtitle'),
    'anchor and alias': base.replace('kb: 873350', 'kb: &k 873350\nx-kb: *k'),
    tab: base.replace('kb: 873350', 'kb:\t873350'),
    'multi-line plain title': base.replace(/^title: (.*)$/m, 'title: $1\n  continued'),
    'two documents': `${base}---\nid: MS04-030\n`,
    'duplicate key': base.replace('kb: 873350', 'kb: 873350\nkb: 873351'),
    'empty value': base.replace('kb: 873350', 'kb:'),
    'block scalar keep': base.replace('comment: |', 'comment: >+'),
    'colon in a plain value': base.replace(/^title: .*$/m, 'title: a: b'),
    'deeper line after a scalar': base.replace('kb: 873350', 'kb: 873350\n   x: 1'),
    BOM: `\uFEFF${base}`,
    'document start marker': `---\n${base}`,
    'empty file': '',
    'a list at the root': '- a\n- b\n',
    'compact nested sequence': base.replace('targets: [server]', 'targets:\n  - - server'),
    '__proto__ key': base.replace('kb: 873350', 'kb: 873350\n__proto__: 1'),
    'duplicate member-like key': base.replace('kb: 873350', 'kb: 873350\nvalueOf: 1\nvalueOf: 2'),
  };
  for (const [name, text] of Object.entries(accepted)) {
    assert.notEqual(text, base, `${name}: the variant changes the text`);
    assert.ok(assertSame(name, text), `${name} is read quickly`);
  }
  for (const [name, text] of Object.entries(declined)) {
    assert.notEqual(text, base, `${name}: the variant changes the text`);
    assert.equal(quickParse(text), undefined, `${name}: left to the full parser`);
  }
});

test('seeded edits of real bulletins: the same result or the full parser', () => {
  const bases = [
    readFileSync(join(root, 'examples', 'MS04-029.bulletin.yaml'), 'utf8'),
    readFileSync(join(root, 'examples', 'MS04-012.bulletin.yaml'), 'utf8'),
    generateBulletin(200, { seed: 7 }) as string,
  ];
  const fragments = ['key: value\n', '  - x\n', ' #c', ': ', '- ', '"', "'", '[a, b]', '|\n  x\n', '>-\n', '\\', '&a *a', '{a: 1}', '  ', '\n', '~', '0x1F', '1.0', 'null', ': |', '? ', '%', '...', '---', '# c\n', '    # c\n', '\r\n', '\n\n', '  b: 1\n', '- a: 1\n'];
  let seed = 20261126;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let read = 0;
  const edits = 2500;
  for (let i = 0; i < edits; i++) {
    const base = bases[i % bases.length];
    const at = Math.floor(random() * base.length);
    const kind = random();
    let text: string;
    if (kind < 0.6) {
      const fragment = fragments[Math.floor(random() * fragments.length)];
      text = base.slice(0, at) + fragment.slice(0, 1 + Math.floor(random() * fragment.length)) + base.slice(at);
    } else if (kind < 0.85) {
      text = base.slice(0, at) + base.slice(at + 1 + Math.floor(random() * 4));
    } else {
      const lines = base.split('\n');
      const line = Math.floor(random() * lines.length);
      const op = random();
      if (op < 0.33) lines.splice(line, 0, lines[line]);
      else if (op < 0.66) lines[line] = ` ${lines[line]}`;
      else lines[line] = lines[line].replace(/^ /, '');
      text = lines.join('\n');
    }
    if (assertSame(`edit ${i} at ${at}`, text)) read++;
  }
  // Most edits keep the text readable quickly; the rest went to the full parser.
  assert.ok(read > edits / 4 && read < edits, `${read} of ${edits} edits read quickly`);
});

test('the warm-up bulletin takes the keystroke path: read quickly, schema-clean, one finding', () => {
  const text = warmUpText(3);
  assert.ok(assertSame('warm-up', text), 'the warm-up bulletin is read quickly');
  assert.deepEqual(analyzeText('u', text).bulletin.intrinsic, []);
  assert.deepEqual(warmUpAnalysis(1, 3).map((p) => p.code), ['unresolved-reference']);
});

test('the reader’s line tables, kept between reads, never carry one text’s lines into the next', () => {
  // Short lines (more lines than the tables are first sized for: they grow), then long texts
  // and short ones in turn, then a text too long for its tables to be kept: each read alone.
  const shortLines = ['bulletin: 1', 'id: MS04-001', 'includes:', ...Array.from({ length: 3000 }, (_, i) => `  - M${i}`), ''].join('\n');
  const long = generateBulletin(2000) as string;
  const short = generateWorkspaceBulletin(3, 1000) as string;
  const huge = generateBulletin(70_000) as string;
  for (const [name, text] of [['short lines', shortLines], ['long', long], ['short', short], ['short lines again', shortLines], ['huge', huge], ['short after huge', short], ['long again', long]] as const) {
    assert.ok(assertSame(name, text), `${name} is read quickly`);
  }
  // A text that ends early: lines beyond it in the tables (from the text before) are not read.
  assert.ok(assertSame('one line', 'bulletin: 1\n'));
  assert.equal(quickParse('bulletin: 1\nid: x\n')?.lineStarts.length, 3);
});
