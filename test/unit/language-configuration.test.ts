/**
 * The editor's Enter key in bulletin files, from language-configuration.json's onEnterRules
 * applied the way VS Code applies them (the first rule whose patterns match the text before
 * and after the cursor): after `key: |` or `key: >`, with any chomping and indentation
 * indicator, the next line is indented so that the text typed belongs to the block.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string };
}

const config = JSON.parse(readFileSync(join(__dirname, '..', '..', 'language-configuration.json'), 'utf8')) as { onEnterRules: OnEnterRule[] };
const TAB = '  ';

/** The new line's start after Enter at the end of `line` (undefined: no rule, VS Code keeps the indentation). */
function enterAfter(line: string, after = ''): string | undefined {
  const rule = config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line) && (r.afterText === undefined || new RegExp(r.afterText).test(after)));
  if (!rule) return undefined;
  const indent = /^\s*/.exec(line)![0];
  const base = rule.action.indent === 'indent' ? indent + TAB : indent;
  return base + (rule.action.appendText ?? '');
}

test('Enter after a block scalar header indents the next line, with every indicator', () => {
  for (const header of ['|', '>', '|-', '|+', '>-', '>+', '|2', '>1', '|2-', '|-2', '>+3']) {
    assert.equal(enterAfter(`comment: ${header}`), '  ', header);
    assert.equal(enterAfter(`summary: ${header}  # Markdown`), '  ', `${header} with a comment`);
    assert.equal(enterAfter(`  - note: ${header}`), '      ', `${header} in a list item`);
    assert.equal(enterAfter(`    reason: ${header}`), '      ', `${header} nested`);
  }
});

test('what is typed after the indented Enter is the block’s text, not a key', () => {
  for (const [header, key] of [['comment: |', 'comment'], ['workarounds:\n  - note: >-', 'workarounds']] as const) {
    const lastLine = header.split('\n').at(-1)!;
    const text = `${header}\n${enterAfter(lastLine)}MS04-029 の修正プログラムを置き換える。\nplatforms: []\n`;
    const doc = parseDocument(text);
    assert.deepEqual(doc.errors, [], text);
    const value = doc.toJS() as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), [key, 'platforms'], text);
    assert.match(JSON.stringify(value[key]), /MS04-029 の修正プログラムを置き換える。/);
  }
});

test('other lines keep their rules: a key opening a mapping indents, a value does not', () => {
  assert.equal(enterAfter('platforms:'), '  ');
  assert.equal(enterAfter('  - files:'), '      ');
  assert.equal(enterAfter('title: A > B is true'), undefined);
  assert.equal(enterAfter('title: pipes | in text'), undefined);
  assert.equal(enterAfter('severity: important'), undefined);
});
