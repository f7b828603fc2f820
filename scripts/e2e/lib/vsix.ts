/**
 * The installed .vsix must carry every file its manifest points at (a forgotten entry in
 * .vscodeignore shows up here, not in a user's editor) and stay small.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  main?: string;
  icon?: string;
  l10n?: string;
  contributes?: {
    languages?: { configuration?: string }[];
    grammars?: { path: string }[];
    snippets?: { path: string }[];
    walkthroughs?: { steps?: { media?: { image?: string | Record<string, string>; markdown?: string; svg?: string } }[] }[];
  };
}

function referencedFiles(manifest: Manifest): string[] {
  const c = manifest.contributes ?? {};
  const files = [manifest.main, manifest.icon, 'package.nls.json'];
  files.push(...(c.languages ?? []).map((l) => l.configuration));
  files.push(...(c.grammars ?? []).map((g) => g.path));
  files.push(...(c.snippets ?? []).map((s) => s.path));
  for (const walkthrough of c.walkthroughs ?? []) {
    for (const stepEntry of walkthrough.steps ?? []) {
      const media = stepEntry.media ?? {};
      const image = typeof media.image === 'string' ? [media.image] : Object.values(media.image ?? {});
      files.push(...image, media.markdown, media.svg);
    }
  }
  return files.filter((f): f is string => typeof f === 'string').map((f) => f.replace(/^\.\//, ''));
}

function sizeOf(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

export function assertPackagedFiles(installedFolder: string): void {
  const manifest = JSON.parse(readFileSync(join(installedFolder, 'package.json'), 'utf8')) as Manifest;
  const missing = referencedFiles(manifest).filter((file) => !existsSync(join(installedFolder, file)));
  assert.deepEqual(missing, [], 'every file the manifest references is in the .vsix');
  if (manifest.l10n) assert.ok(existsSync(join(installedFolder, manifest.l10n)), 'the l10n bundle folder is in the .vsix');
  assert.ok(existsSync(join(installedFolder, 'dist', 'server.js')), 'the language server is in the .vsix');
  // The server offers the snippets where each fits, and New Bulletin fills the template from them.
  assert.ok(existsSync(join(installedFolder, 'snippets', 'bulletin.code-snippets')), 'the snippets file is in the .vsix');
  assert.ok(!existsSync(join(installedFolder, 'node_modules')), 'dependencies are bundled, not shipped');
  const megabytes = sizeOf(installedFolder) / 1e6;
  console.log(`  installed extension: ${megabytes.toFixed(2)} MB`);
  assert.ok(megabytes < 10, `the installed extension stays small (${megabytes.toFixed(2)} MB)`);
}
