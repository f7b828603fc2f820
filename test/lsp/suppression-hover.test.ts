/**
 * Hover on a suppression comment (a server in process): on a code, the rule's title, default
 * severity and description, or that the code is none; elsewhere on the comment, what it does,
 * how many findings each code suppresses now, and the reason. In the author's language: the
 * bulletin's `lang` under `bulletin.language: auto`, the setting when it names one.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { InProcessServer } from './server-in-process';
import { withCursor } from '../unit/authoring/cursor-marker';
import { datedPlatform, fileEntry, suppressionHead } from '../fixtures/suppression/bulletin';

/** Polls an asynchronous probe until it gives a value (a timeout, never a fixed sleep). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let server: InProcessServer;
let counter = 0;

before(async () => {
  server = await InProcessServer.start({ locale: 'en' });
});
after(async () => {
  await server.stop();
});

const head = suppressionHead;
/** Two files dated after their package (2005-01-05): `date-order` on each file's `date` line. */
const PLATFORM = datedPlatform(fileEntry('a.dll'), fileEntry('b.dll', ['        date: 2005-01-07']));
/** The text with a comment line above a.dll's `date` (a caret inside the comment marks the hover). */
const aboveDate = (lang: string, comment: string) => head(lang) + PLATFORM.replace('        date: 2005-01-06', `        ${comment}\n        date: 2005-01-06`);

async function hoverAt(source: string, client = server): Promise<Hover | null> {
  const { text, position } = withCursor(source);
  const uri = `file:///ws/suppress-hover-${++counter}.bulletin.yaml`;
  client.open(uri, text);
  const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  client.close(uri);
  return result;
}
const value = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : undefined);

const DATE_ORDER_DOC =
  "Dates out of order, three cases: a file is dated after its platform's package (on the file's `date`); a package is dated after the bulletin's last revision, `updated` or else `published` (on the package's `date`); `updated` is before `published` (on `updated`).";

test('on a code: the rule, its title, default severity and what it finds, over the code', async () => {
  const h = await hoverAt(aboveDate('en', '# bulletin-ignore date-or‸der: re-released with V2.0'));
  assert.equal(value(h), `**date-order** — Dates are out of order\n\nDefault severity: warning\n\n${DATE_ORDER_DOC}`);
  assert.deepEqual(h!.range, { start: { line: 19, character: 26 }, end: { line: 19, character: 36 } });
});

test('on a code in a Japanese bulletin: the Japanese title and label (the description is English, as in docs/rules.ja.md)', async () => {
  const h = await hoverAt(aboveDate('ja', '# bulletin-ignore date-order‸: 再リリース'));
  assert.equal(value(h), `**date-order** — 日付の前後関係がおかしい\n\n既定の重大度: warning\n\n${DATE_ORDER_DOC}`);
});

test('an unknown code says so, with the nearest code; a code that cannot be suppressed says that too', async () => {
  assert.equal(value(await hoverAt(aboveDate('en', '# bulletin-ignore date-or‸dr: r'))), '`date-ordr` is not a rule code; did you mean `date-order`?');
  assert.equal(value(await hoverAt(aboveDate('en', '# bulletin-ignore nothing-li‸ke-it: r'))), '`nothing-like-it` is not a rule code.');
  assert.equal(value(await hoverAt(aboveDate('ja', '# bulletin-ignore date-or‸dr: r'))), '`date-ordr` は規則のコードではありません。`date-order` のことですか?');
  const syntax = value(await hoverAt(aboveDate('en', '# bulletin-ignore yaml-syn‸tax: r')))!;
  assert.match(syntax, /^\*\*yaml-syntax\*\* — /);
  assert.ok(syntax.endsWith('\n\n`yaml-syntax` findings cannot be suppressed.'), syntax);
});

test('on the keyword: what the comment does, what each code suppresses now, and the reason, over the whole comment', async () => {
  const h = await hoverAt(aboveDate('en', '# bulletin-ig‸nore date-order, unresolved-reference: re-released with V2.0'));
  assert.equal(
    value(h),
    [
      '**bulletin-ignore** accepts the findings of the codes it names that start on the next line that is not blank or a comment (line 21).',
      '',
      '- `date-order`: suppresses 1 finding now',
      '- `unresolved-reference`: suppresses nothing now',
      '',
      'Reason: re-released with V2.0',
    ].join('\n'),
  );
  assert.deepEqual(h!.range, { start: { line: 19, character: 8 }, end: { line: 19, character: 81 } });
});

test('in Japanese: the same in the bulletin\'s language', async () => {
  const h = await hoverAt(aboveDate('ja', '#‸ bulletin-ignore date-order: 2005-01-06 に再リリース'));
  assert.equal(
    value(h),
    ['**bulletin-ignore** は、次の行 (空行とコメントを除く、21 行目) から始まる、指定したコードの指摘を受け入れます。', '', '- `date-order`: 現在 1 件の指摘を抑制しています', '', '理由: 2005-01-06 に再リリース'].join('\n'),
  );
});

test('a file-level comment counts every finding it accepts; one that accepts nothing says so', async () => {
  const file = (lang: string, codes: string) => `# bulletin-ignore-f‸ile ${codes}: the vendor's dates\n${head(lang)}${PLATFORM}`;
  assert.equal(
    value(await hoverAt(file('en', 'date-order, urgency-mismatch'))),
    [
      '**bulletin-ignore-file** accepts the findings of the codes it names in the whole file.',
      '',
      '- `date-order`: suppresses 2 findings now',
      '- `urgency-mismatch`: suppresses nothing now',
      '',
      "Reason: the vendor's dates",
    ].join('\n'),
  );
  assert.equal(
    value(await hoverAt(file('ja', 'date-order, urgency-mismatch'))),
    [
      '**bulletin-ignore-file** は、ファイル全体で、指定したコードの指摘を受け入れます。',
      '',
      '- `date-order`: 現在 2 件の指摘を抑制しています',
      '- `urgency-mismatch`: 現在は何も抑制していません',
      '',
      "理由: the vendor's dates",
    ].join('\n'),
  );
});

test('no reason, no code, an unknown code, a code that cannot be suppressed: each is said', async () => {
  assert.equal(
    value(await hoverAt(aboveDate('en', '# bulletin-ign‸ore date-order, date-ordr, yaml-syntax'))),
    [
      '**bulletin-ignore** accepts the findings of the codes it names that start on the next line that is not blank or a comment (line 21).',
      '',
      '- `date-order`: suppresses nothing now',
      '- `date-ordr`: not a rule code',
      '- `yaml-syntax`: cannot be suppressed',
      '',
      'No reason is given: it suppresses nothing until one is written after a colon.',
    ].join('\n'),
  );
  assert.equal(
    value(await hoverAt(aboveDate('en', '# bulletin-ign‸ore: r'))),
    [
      '**bulletin-ignore** accepts the findings of the codes it names that start on the next line that is not blank or a comment (line 21).',
      '',
      'It names no rule code, so it suppresses nothing.',
      '',
      'Reason: r',
    ].join('\n'),
  );
});

test('`bulletin.language` names the language when set; a rule turned off is said to be off', async () => {
  const ja = await InProcessServer.start({ locale: 'en' });
  try {
    await ja.changeSettings({ language: 'ja', rules: { 'date-order': 'off' } });
    // The server pulls the settings after the notification: poll until they are in force.
    const source = aboveDate('en', '# bulletin-ig‸nore date-order: r');
    const h = await until('the settings to be in force', async () => {
      const found = value(await hoverAt(source, ja));
      return found?.includes('無効') ? found : undefined;
    });
    assert.equal(
      h,
      ['**bulletin-ignore** は、次の行 (空行とコメントを除く、21 行目) から始まる、指定したコードの指摘を受け入れます。', '', '- `date-order`: この規則は無効にされています (`bulletin.rules`)', '', '理由: r'].join('\n'),
    );
  } finally {
    await ja.stop();
  }
});

test('a note after ` # ` is not part of the comment: no suppression hover there', async () => {
  const h = await hoverAt(aboveDate('en', '# bulletin-ignore date-order: r  # a no‸te'));
  assert.equal(value(h), undefined);
});
