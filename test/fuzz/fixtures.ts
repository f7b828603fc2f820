/**
 * Failing fuzz cases are saved as JSON (which keeps every code unit, lone surrogates included)
 * under test/fixtures/fuzz/, and replayed by `npm test` from then on.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { examples, root, type FuzzCase } from './harness';

export const fixturesFolder = join(root, 'test', 'fixtures', 'fuzz');

interface SavedCase {
  kind: string;
  mutations?: string[];
  settings: FuzzCase['settings'];
  /** File name of the example the text replaces in the workspace, if any. */
  replaces?: string;
  text: string;
  /** What went wrong when it was found (kept for the reader; replay checks the property). */
  failure: string;
  seed?: number;
  path?: string;
}

export function saveCase(c: FuzzCase, failure: string, seed?: number, path?: string): string {
  mkdirSync(fixturesFolder, { recursive: true });
  const saved: SavedCase = {
    kind: c.kind,
    mutations: c.mutations,
    settings: c.settings,
    replaces: c.replaces ? basename(c.replaces) : undefined,
    text: c.text,
    failure: failure.slice(0, 2000),
    seed,
    path,
  };
  const name = `${createHash('sha1').update(JSON.stringify([c.text, c.settings, saved.replaces])).digest('hex').slice(0, 12)}.json`;
  const file = join(fixturesFolder, name);
  writeFileSync(file, JSON.stringify(saved, null, 2) + '\n');
  return file;
}

export function loadCases(): { file: string; fuzzCase: FuzzCase; failure: string }[] {
  let names: string[];
  try {
    names = readdirSync(fixturesFolder).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const file = join(fixturesFolder, name);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedCase;
    const replaces = saved.replaces ? examples.find((e) => e.name === saved.replaces)?.uri : undefined;
    return { file, failure: saved.failure, fuzzCase: { kind: saved.kind, mutations: saved.mutations, settings: saved.settings, replaces, text: saved.text } };
  });
}
