/**
 * What "Bulletin: New Bulletin" inserts: the `bulletin` snippet (the one template) as a snippet
 * again, with the id, KB and language the author gave written in, and every text the author
 * must write left as an empty tab stop. An empty value is a schema finding ("must be text, not
 * empty"; the summary starts as a plain value, not an empty `|` block, which would pass), so the
 * new file is flagged until each is written, and no made-up example text
 * (a title, CVE-2004-0000, file.dll) passes the checks as if it were real. Choices stay
 * choices, and the package's language code is offered in the bulletin's language first.
 */
import type { SnippetDefinition } from './snippet';

export interface NewBulletinFields {
  id: string;
  kb: string;
  lang: 'ja' | 'en';
}

/** The id patterns of the format: letters, two digits, a hyphen and 3 to 5 digits. */
export const BULLETIN_ID_PATTERN = /^[A-Z][A-Z0-9]*[0-9]{2}-[0-9]{3,5}$/;

/** The KB number as typed: digits, with or without the `KB` prefix (`KB890175`); undefined when it is not one. */
export function kbNumber(input: string): string | undefined {
  const digits = input.trim().replace(/^kb[\s-]?/i, '');
  return /^[1-9][0-9]*$/.test(digits) ? digits : undefined;
}

/** Why `input` cannot be a new bulletin's id (`pattern`, or `taken` by a bulletin of the workspace), else undefined. */
export function idProblem(input: string, existingIds: Iterable<string>): 'pattern' | 'taken' | undefined {
  const id = input.trim();
  if (!BULLETIN_ID_PATTERN.test(id)) return 'pattern';
  for (const existing of existingIds) if (existing.toUpperCase() === id.toUpperCase()) return 'taken';
  return undefined;
}

const escape = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);

/** The tab stop of `key:`'s value on a line of the body (`id: ${1:MS04-000}` → 1). */
function stopOfKey(body: readonly string[], key: string): number | undefined {
  for (const line of body) {
    const m = new RegExp(`^${key}: \\$\\{?(\\d+)`).exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The snippet text New Bulletin inserts (VS Code resolves its date variables on insertion). */
export function newBulletinSnippet(snippets: Record<string, SnippetDefinition>, fields: NewBulletinFields): string {
  const template = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes('bulletin'));
  if (!template) throw new Error('the snippets file has no `bulletin` snippet');
  const body = ([] as string[]).concat(template.body);
  let text = body.join('\n');
  for (const [key, value] of [['id', fields.id], ['kb', fields.kb], ['lang', fields.lang]] as const) {
    const stop = stopOfKey(body, key);
    if (stop === undefined) throw new Error(`the bulletin snippet has no tab stop for \`${key}\``);
    // The stop with its default or choices, and each mirror of it, become the given text.
    text = text.replace(new RegExp(`\\$\\{${stop}(?::[^{}]*|\\|[^|]*\\|)?\\}|\\$${stop}(?!\\d)`, 'g'), escape(value));
  }
  // An empty block scalar is an empty string, which the schema allows: a Markdown field to be
  // written starts as an empty plain value instead, which is flagged until it is written.
  text = text.replace(/^( *)([a-z]+): \|\n +(\$\{\d+:[^{}]*\})$/gm, '$1$2: $3');
  const languageCodes = fields.lang === 'ja' ? 'JPN,ENU' : 'ENU,JPN';
  text = text.replace(/\$\{(\d+):([^{}]*)\}/g, (_, stop: string, example: string) => (example === 'JPN' || example === 'ENU' ? `\${${stop}|${languageCodes}|}` : `\${${stop}}`));
  return text.replace(/\n+$/, '');
}
