/**
 * Workspace trust, declared honestly: the manifest says what Restricted Mode withholds, every
 * setting that points at files or is run as code is in that list, and no source of the
 * extension executes anything a workspace provides.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../lsp/server-process';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsJa = JSON.parse(readFileSync(join(root, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
const trust = manifest.capabilities?.untrustedWorkspaces;

const settings: [string, { markdownDescription?: string; description?: string }][] = ([] as { properties: Record<string, object> }[])
  .concat(manifest.contributes.configuration)
  .flatMap((section) => Object.entries(section.properties));

const localized = (text = ''): string => text.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? `missing ${key}`);

test('Restricted Mode is declared as limited, with a description in English and Japanese', () => {
  assert.equal(trust?.supported, 'limited');
  const key = /^%(.+)%$/.exec(trust.description)?.[1];
  assert.ok(key, trust.description);
  assert.ok(nls[key]?.length > 40, 'English description');
  assert.ok(nlsJa[key]?.length > 20, 'Japanese description');
});

test('every restricted setting exists, and names the settings that point at files or run as code', () => {
  const declared = new Set(settings.map(([name]) => name));
  const restricted: string[] = trust.restrictedConfigurations;
  for (const name of restricted) assert.ok(declared.has(name), `${name} is restricted but not a setting`);
  // A setting that chooses files to read, or is a pattern the server runs, must not come from an
  // untrusted folder; nor one that raises a resource limit, reaches outside the workspace or
  // makes the editor contact a remote host.
  const risky = settings
    .filter(([, schema]) => /glob|regular expression|\bpaths?\b|which files|schema file|executable|command|size limit|outside the workspace|remote/i.test(localized(schema.markdownDescription ?? schema.description)))
    .map(([name]) => name);
  assert.ok(risky.includes('bulletin.files') && risky.includes('bulletin.idPattern'), JSON.stringify(risky));
  assert.deepEqual(risky.filter((name) => !restricted.includes(name)), []);
  // Nothing restricted without cause: what stays usable is usable.
  assert.deepEqual(restricted.filter((name) => !risky.includes(name)), []);
});

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('no source runs code it did not ship: no eval, no Function, no vm, processes only of the extension itself', () => {
  const faults: string[] = [];
  for (const file of [...sources(join(root, 'server', 'src')), ...sources(join(root, 'client', 'src'))]) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    if (/\beval\s*\(|new Function\s*\(|from 'node:vm'|from 'vm'|require\(\s*[^'"]/.test(text)) faults.push(`${name}: evaluates code`);
    // A dynamic import must name a package, never a path built at run time.
    for (const match of text.matchAll(/\bimport\(\s*([^)]*)\)/g)) if (!/^'[@\w][^']*'$/.test(match[1].trim())) faults.push(`${name}: dynamic import of ${match[1]}`);
    if (/from 'node:child_process'|from 'child_process'/.test(text)) {
      // The processes started are the extension's own CLI (the CSAF validator), by a path set by
      // the extension, and git (io/git.ts: only in a trusted workspace, its configured commands off).
      for (const match of text.matchAll(/\b(spawn|exec|execFile|fork|spawnSync|execSync|execFileSync)\(\s*([^,)]*)/g)) {
        const cli = match[1] === 'fork' && /^this\.cliPath$/.test(match[2].trim());
        const git = name === join('server', 'src', 'io', 'git.ts') && (match[1] === 'execFile' || match[1] === 'spawn') && match[2].trim() === "options.executable ?? 'git'";
        if (!cli && !git) faults.push(`${name}: ${match[1]}(${match[2]})`);
      }
    }
  }
  assert.deepEqual(faults, []);
});
