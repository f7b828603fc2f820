/**
 * What the l10n tests compare between an English text and its Japanese translation: the parts
 * that must survive translation unchanged (placeholders, code spans, command links), and
 * whether a text reads as Japanese at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..', '..');

/** Hiragana, katakana (incl. the prolonged sound mark) or CJK ideographs. */
export function hasJapanese(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/.test(text);
}

/** `{name}` / `{0}` placeholders, sorted (a translation may use one twice). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** Markdown code spans (`auto`, `NAME.bulletin.yaml`): identifiers a translation keeps as they are. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
}

/** `command:` link targets in Markdown. */
export function commandLinks(text: string): string[] {
  return [...text.matchAll(/\]\((command:[^)\s]+)\)/g)].map((m) => m[1]).sort();
}

/** Whether a text has words to translate once placeholders and code spans are taken out. */
export function hasWords(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text.replace(/`[^`]*`/g, '').replace(/\{\w+\}/g, ''));
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
}

/** Every `.ts` file under a folder of the repository, with its text. */
export function sources(folder: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated' && entry.name !== 'node_modules') walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push({ path: rel, text: readFileSync(join(root, rel), 'utf8') });
      }
    }
  };
  walk(folder);
  return out;
}

/** Assertion helper: the differences between what a translation must keep and what it kept. */
export function sameParts(en: string, ja: string): string[] {
  const problems: string[] = [];
  const compare = (what: string, a: string[], b: string[]): void => {
    if (a.join('\u0000') !== b.join('\u0000')) problems.push(`${what} differ: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  };
  compare('placeholders', placeholders(en), placeholders(ja));
  compare('command links', commandLinks(en), commandLinks(ja));
  return problems;
}
