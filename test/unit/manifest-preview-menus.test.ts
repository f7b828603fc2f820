/**
 * Issue 16 (smaller points), the manifest: the preview's title bar has Open Source (an icon,
 * shown when the active webview is the bulletin preview, like Markdown's); the Explorer's
 * context menu of a bulletin file has Open Preview (to the side), Export HTML and Export CSAF;
 * every contributed command is registered by the client and titled in both languages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const json = <T>(path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
const manifest = json<{ contributes: { commands: { command: string; title: string; icon?: string }[]; menus: Record<string, MenuItem[]> } }>('package.json');
const { commands, menus } = manifest.contributes;

test("Open Source: an icon in the bulletin preview's title bar", () => {
  const command = commands.find((c) => c.command === 'bulletin.preview.openSource');
  assert.ok(command, 'the command is contributed');
  assert.equal(command.icon, '$(go-to-file)');
  const item = menus['editor/title'].find((m) => m.command === 'bulletin.preview.openSource');
  assert.deepEqual(item, { command: 'bulletin.preview.openSource', when: 'activeWebviewPanelId == bulletin.preview', group: 'navigation' });
});

test("the Explorer's context menu of a bulletin file: preview and export", () => {
  const items = menus['explorer/context'] ?? [];
  for (const command of ['bulletin.showPreview', 'bulletin.showPreviewToSide', 'bulletin.exportHtml', 'bulletin.exportCsaf']) {
    const item = items.find((m) => m.command === command);
    assert.ok(item, `${command} is in the Explorer's context menu`);
    assert.match(item.when ?? '', /^resourceLangId == bulletin && !explorerResourceIsFolder$/);
  }
});

test('every contributed command is registered by the client and titled in English and Japanese', () => {
  const sources = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [readFileSync(join(root, folder, entry.name), 'utf8')] : [],
    );
  const client = sources('client/src').join('\n');
  const en = json<Record<string, string>>('package.nls.json');
  const ja = json<Record<string, string>>('package.nls.ja.json');
  for (const command of commands) {
    assert.ok(client.includes(`registerCommand('${command.command}'`), `${command.command} is registered`);
    const key = /^%(.+)%$/.exec(command.title)?.[1];
    assert.ok(key && en[key] && ja[key], `${command.command} has its title in package.nls.json and package.nls.ja.json`);
  }
});
