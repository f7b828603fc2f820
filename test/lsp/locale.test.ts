/**
 * The server speaks the client's language: the same workspace, with a finding of every rule
 * code in the registry, opened with `locale: "ja"` gets Japanese messages (diagnostics and
 * their related locations), with `locale: "en"` English ones, and `bulletin.language`
 * overrides the client's locale. Rule codes and ranges do not change with the language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { rules } from '../../server/src/core/rules/index';
import { messageCatalog } from '../../server/src/core/messages';
import { StatusNotification, type IndexStatus } from '../../server/src/protocol';
import { ServerProcess, root } from './server-process';

const workspace = join(root, 'test', 'fixtures', 'workspaces', 'locale-every-rule');
const files = readdirSync(workspace).filter((name) => name.endsWith('.bulletin.yaml')).sort();
// A rule that needs git has no finding in a folder outside a repository; its messages in both
// languages are checked by test/unit/rules/unrevised-change.test.ts.
const everyCode = rules.filter((rule) => rule.needs !== 'git').map((rule) => rule.code).sort();

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const catalogKeys = Object.keys(messageCatalog('en'));

/** Why a text is not a finished message in `language`: another language, a bare key, a hole. */
function fault(text: string, language: 'ja' | 'en'): string | undefined {
  if (language === 'ja' && !JAPANESE.test(text)) return 'not Japanese';
  if (language === 'en' && JAPANESE.test(text)) return 'not English';
  if (catalogKeys.some((key) => text === key || text.includes(` ${key} `))) return 'untranslated key';
  if (/\{\w+\}/.test(text)) return 'unfilled placeholder';
  return undefined;
}

interface Finding {
  file: string;
  code: string;
  range: string;
  message: string;
  related: string[];
}

/**
 * Starts a server on the fixture workspace and polls its diagnostics until the index is ready,
 * every finding it counts has been published, every rule code has appeared and every message
 * is in `language`. With `open`, the bulletins are also opened as documents and the settings
 * re-sent (the server then re-checks every open one); without, the workspace scan alone
 * publishes the findings of the closed files.
 */
async function findingsIn(language: 'ja' | 'en', options: { locale: string; settings?: Record<string, unknown>; open: boolean }): Promise<Finding[]> {
  const server = await ServerProcess.start({ locale: options.locale, settings: options.settings, workspaceFolders: [workspace] });
  let status: IndexStatus | undefined;
  server.connection.onNotification(StatusNotification.method, (params: IndexStatus) => {
    status = params;
  });
  try {
    const uris = files.map((name) => pathToFileURL(join(workspace, name)).toString());
    if (options.open) {
      uris.forEach((uri) => server.open(uri, readFileSync(new URL(uri), 'utf8')));
      await server.changeSettings(options.settings ?? {});
    }
    const deadline = Date.now() + 20_000;
    for (;;) {
      const findings = uris.flatMap((uri, i) => (server.diagnostics.get(uri)?.diagnostics ?? []).map((d) => finding(files[i], d)));
      const seen = new Set(findings.map((f) => f.code));
      const missing = everyCode.filter((code) => !seen.has(code));
      const faults = texts(findings).flatMap(({ code, text }) => {
        const why = fault(text, language);
        return why ? [`${code}: ${why}: ${text}`] : [];
      });
      const settled = status?.ready === true && status.findings === findings.length;
      if (settled && missing.length === 0 && faults.length === 0) return findings.sort((a, b) => `${a.file} ${a.range} ${a.code}`.localeCompare(`${b.file} ${b.range} ${b.code}`));
      if (Date.now() > deadline) {
        assert.fail(
          `locale ${options.locale}, settings ${JSON.stringify(options.settings ?? {})}, open ${options.open}:\n` +
            `status ${JSON.stringify(status)}, ${findings.length} published\ncodes never reported: ${missing.join(', ') || 'none'}\nmessages not in ${language}:\n${faults.join('\n')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await server.stop();
  }
}

function finding(file: string, d: Diagnostic): Finding {
  const { start, end } = d.range;
  return {
    file,
    code: String(d.code),
    range: `${start.line}:${start.character}-${end.line}:${end.character}`,
    message: plain(d.message),
    related: (d.relatedInformation ?? []).map((r) => plain(r.message)),
  };
}

const shape = (findings: Finding[]) => findings.map(({ file, code, range, related }) => ({ file, code, range, related: related.length }));
const plain = (message: string | { value: string }): string => (typeof message === 'string' ? message : message.value);

const texts = (findings: Finding[]) => findings.flatMap((f) => [f.message, ...f.related].map((text) => ({ code: f.code, text })));

test('locale "ja" gets Japanese messages for the closed files of the workspace, locale "en" English ones, with the same codes at the same places', async () => {
  const [ja, en] = await Promise.all([findingsIn('ja', { locale: 'ja', open: false }), findingsIn('en', { locale: 'en', open: false })]);
  assert.deepEqual([...new Set(ja.map((f) => f.code))].sort(), everyCode);
  // The same findings, at the same places, with the same codes: only the words differ.
  assert.deepEqual(shape(ja), shape(en));
  assert.notDeepEqual(ja.map((f) => f.message), en.map((f) => f.message));
});

test('bulletin.language overrides the client locale, both ways, for open documents', async () => {
  const [ja, en] = await Promise.all([
    findingsIn('ja', { locale: 'en', settings: { language: 'ja' }, open: true }),
    findingsIn('en', { locale: 'ja-JP', settings: { language: 'en' }, open: true }),
  ]);
  assert.deepEqual(shape(ja), shape(en));
});

/** Hover on a key and completion of keys, in a bulletin opened with `locale`. */
async function authoringIn(locale: string): Promise<{ hover: string; completion: Map<string, string> }> {
  const server = await ServerProcess.start({ locale });
  try {
    const uri = 'file:///mem/authoring.bulletin.yaml';
    server.open(uri, 'bulletin: 1\nid: MS04-900\nkb: 800900\n\n');
    await server.waitForDiagnostics(uri, () => true, 1);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } })) as Hover | null;
    const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } })) as CompletionList | CompletionItem[] | null;
    const items = Array.isArray(list) ? list : (list?.items ?? []);
    const documentation = (item: CompletionItem) => [item.detail ?? '', typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '')].join('\n');
    const contents = hover?.contents;
    return {
      hover: contents && typeof contents === 'object' && 'value' in contents ? contents.value : JSON.stringify(contents),
      completion: new Map(items.map((item) => [item.label, documentation(item)])),
    };
  } finally {
    await server.stop();
  }
}

test('hovers and completion details follow the locale too, from the schema\'s descriptions', async () => {
  const schemaKb = (JSON.parse(readFileSync(join(root, 'schemas', 'bulletin.schema.json'), 'utf8')) as { properties: Record<string, { description: string; descriptionJa: string }> }).properties.kb;
  const [ja, en] = await Promise.all([authoringIn('ja'), authoringIn('en')]);
  assert.ok(ja.hover.includes(schemaKb.descriptionJa), ja.hover);
  assert.ok(en.hover.includes(schemaKb.description), en.hover);
  // Every key offered at the root, with its detail and documentation in Japanese, and the same keys in English.
  assert.ok(ja.completion.size > 5, JSON.stringify([...ja.completion]));
  assert.deepEqual([...ja.completion.keys()].sort(), [...en.completion.keys()].sort());
  assert.deepEqual([...ja.completion].filter(([, text]) => text.trim() && !JAPANESE.test(text)), []);
  assert.ok(en.completion.get('title')?.includes('Title of the vulnerability or update.'), en.completion.get('title'));
  assert.ok(ja.completion.get('title')?.includes('脆弱性または修正プログラムの表題。'), ja.completion.get('title'));
});
