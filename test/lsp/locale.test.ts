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
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { rules } from '../../server/src/core/rules/index';
import { messageCatalog } from '../../server/src/core/messages';
import { ServerProcess, root } from './server-process';

const workspace = join(root, 'test', 'fixtures', 'workspaces', 'locale-every-rule');
const files = readdirSync(workspace).filter((name) => name.endsWith('.bulletin.yaml')).sort();
const everyCode = rules.map((rule) => rule.code).sort();

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
 * Opens every fixture bulletin and polls the diagnostics until every rule code has appeared
 * and every message is in `language` (earlier publications may predate the settings).
 */
async function findingsIn(language: 'ja' | 'en', options: { locale: string; settings?: Record<string, unknown> }): Promise<Finding[]> {
  const server = await ServerProcess.start({ locale: options.locale, settings: options.settings, workspaceFolders: [workspace] });
  try {
    const uris = files.map((name) => pathToFileURL(join(workspace, name)).toString());
    uris.forEach((uri) => server.open(uri, readFileSync(new URL(uri), 'utf8')));
    // A settings notification makes the server re-check every open bulletin with all of them
    // known, whatever order the opens were handled in.
    await server.changeSettings(options.settings ?? {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const findings = uris.flatMap((uri, i) => (server.diagnostics.get(uri)?.diagnostics ?? []).map((d) => finding(files[i], d)));
      const seen = new Set(findings.map((f) => f.code));
      const missing = everyCode.filter((code) => !seen.has(code));
      const faults = texts(findings).flatMap(({ code, text }) => {
        const why = fault(text, language);
        return why ? [`${code}: ${why}: ${text}`] : [];
      });
      if (missing.length === 0 && faults.length === 0) return findings.sort((a, b) => `${a.file} ${a.range} ${a.code}`.localeCompare(`${b.file} ${b.range} ${b.code}`));
      if (Date.now() > deadline) {
        assert.fail(`locale ${options.locale}, settings ${JSON.stringify(options.settings ?? {})}:\ncodes never reported: ${missing.join(', ') || 'none'}\nmessages not in ${language}:\n${faults.join('\n')}`);
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

const plain = (message: string | { value: string }): string => (typeof message === 'string' ? message : message.value);

const texts = (findings: Finding[]) => findings.flatMap((f) => [f.message, ...f.related].map((text) => ({ code: f.code, text })));

test('locale "ja" gets Japanese messages, locale "en" English ones, with the same codes at the same places', async () => {
  const [ja, en] = await Promise.all([findingsIn('ja', { locale: 'ja' }), findingsIn('en', { locale: 'en' })]);
  assert.deepEqual([...new Set(ja.map((f) => f.code))].sort(), everyCode);
  // The same findings, at the same places, with the same codes: only the words differ.
  const shape = (findings: Finding[]) => findings.map(({ file, code, range, related }) => ({ file, code, range, related: related.length }));
  assert.deepEqual(shape(ja), shape(en));
  assert.notDeepEqual(ja.map((f) => f.message), en.map((f) => f.message));
});

test('bulletin.language overrides the client locale, both ways', async () => {
  const [ja, en] = await Promise.all([
    findingsIn('ja', { locale: 'en', settings: { language: 'ja' } }),
    findingsIn('en', { locale: 'ja-JP', settings: { language: 'en' } }),
  ]);
  assert.equal(ja.length, en.length);
});
