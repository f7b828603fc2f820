/**
 * The snippets file's entries offered by completion only where their node fits: `bulletin` in
 * an empty document, `platform` as an item of `platforms`, `file` under a platform's `files`,
 * and so on. Each body is indented for the line it lands on (so the editor inserts it as is)
 * and its defaults are taken from the bulletin: its KB in package names and registry keys,
 * its id as an advisory's label, and a platform id the bulletin does not use yet.
 * `bulletin-ignore` (a suppression comment) goes wherever a key could start a line of its own,
 * once its first letters are typed.
 */
import type { Analysis } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { CursorContext, PathStep } from './cursor';
import type { SnippetDefinition } from './snippet';
import { yamlScalar } from './yaml-text';
import { SUPPRESS_LINE } from '../parse/suppressions';

export interface SnippetProposal {
  prefix: string;
  name: string;
  description?: string;
  /** VS Code snippet syntax, indented for the cursor's line. */
  body: string;
}

/** The list each item snippet belongs to, as a schema path (`*` for any list index). */
const listOf: Record<string, string> = {
  platform: 'platforms',
  file: 'platforms.*.files',
  registry: 'platforms.*.verify.registry',
  vuln: 'vulnerabilities',
  workaround: 'workarounds',
  advisory: 'advisories',
};

const pathKey = (path: readonly PathStep[]) => path.map((s) => (typeof s === 'number' ? '*' : s)).join('.');

/**
 * `context.path` is the item's mapping for a fresh `- ` line, or the list itself for a line
 * right under the list key without its dash yet (`bare`).
 */
export function snippetProposals(
  snippets: Record<string, SnippetDefinition>,
  context: CursorContext,
  workspace: { analysis: Analysis; index: WorkspaceIndex },
): SnippetProposal[] {
  const out: SnippetProposal[] = [];
  const { analysis, index } = workspace;
  const fresh = context.taken.size === 0 && !context.colonFollows;
  for (const [name, snippet] of Object.entries(snippets)) {
    const prefix = ([] as string[]).concat(snippet.prefix)[0];
    if (!prefix) continue;
    let lines = ([] as string[]).concat(snippet.body);
    if (lines.at(-1) === '$0') lines = lines.slice(0, -1);
    lines = withDefaults(lines, prefix, analysis, index);
    if (prefix === 'bulletin') {
      if (context.path.length === 0 && fresh && context.column === 0 && isEmptyDocument(analysis)) {
        out.push({ prefix, name, description: snippet.description, body: lines.join(context.eol) });
      }
      continue;
    }
    if (prefix === SUPPRESS_LINE) {
      // Once its first letters are typed (a key list asked for with nothing typed stays keys
      // only), never in an empty document (nothing to accept yet), never after a dash (`- # …`
      // is a comment on the item's line, which applies to nothing).
      const typed = context.prefix !== '' && prefix.startsWith(context.prefix);
      if (typed && context.kind === 'key' && context.listItem === 'none' && !context.colonFollows && !isEmptyDocument(analysis) && aloneOnLine(analysis.parsed.text, context)) {
        out.push({ prefix, name, description: snippet.description, body: lines.join(context.eol) });
      }
      continue;
    }
    const list = listOf[prefix];
    if (!list || !fresh) continue;
    if (context.listItem === 'dash' && pathKey(context.path.slice(0, -1)) === list) {
      out.push({ prefix, name, description: snippet.description, body: indent(lines, context.column - 2, context.eol, true) });
    } else if (context.listItem === 'bare' && pathKey(context.path) === list) {
      out.push({ prefix, name, description: snippet.description, body: indent(lines, context.column, context.eol, false) });
    }
  }
  return out;
}

/** The word being typed is all its line holds, besides indentation. */
function aloneOnLine(text: string, context: CursorContext): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', context.replace[0] - 1), text.lastIndexOf('\r', context.replace[0] - 1)) + 1;
  const rest = /^[^\r\n]*/.exec(text.slice(context.replace[1]))![0];
  return /^[ \t]*$/.test(text.slice(lineStart, context.replace[0])) && /^[ \t]*$/.test(rest);
}

/** Nothing but comments and blank lines besides the word being typed. */
function isEmptyDocument(analysis: Analysis): boolean {
  const value = analysis.parsed.value;
  return value === null || value === undefined || typeof value !== 'object' || Object.keys(value).length <= 1;
}

/** Lines of an item body (`- a: …`, `  b: …`) placed at `dashColumn`; the dash dropped when already typed. */
function indent(lines: string[], dashColumn: number, eol: string, dashTyped: boolean): string {
  const pad = ' '.repeat(Math.max(0, dashColumn));
  const [first, ...rest] = lines;
  const head = dashTyped ? first.replace(/^- /, '') : first;
  return [head, ...rest.map((l) => (l ? pad + l : l))].join(eol);
}

const escapeDefault = (value: string) => value.replace(/[$}\\]/g, (c) => `\\${c}`);

/** Replaces the default text of tab stop `stop` (`${n:old}` → `${n:value}`) everywhere it is defined. */
function setDefault(lines: string[], stop: number, value: string): string[] {
  const pattern = new RegExp(`\\$\\{${stop}:[^}$]*\\}`, 'g');
  return lines.map((l) => l.replace(pattern, `\${${stop}:${escapeDefault(value)}}`));
}

/** The tab stop written right after `marker` on some line (`KB${5:123456}` → 5). */
function stopAfter(lines: string[], marker: RegExp): number | undefined {
  for (const line of lines) {
    const m = new RegExp(`${marker.source}\\$\\{(\\d+):`).exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function withDefaults(lines: string[], prefix: string, analysis: Analysis, index: WorkspaceIndex): string[] {
  const bulletin = analysis.bulletin;
  if (prefix === 'bulletin') return lines;
  const kbStop = stopAfter(lines, /KB/);
  if (kbStop !== undefined && bulletin.kb !== undefined) lines = setDefault(lines, kbStop, String(bulletin.kb));
  if (prefix === 'advisory') {
    const labelStop = stopAfter(lines, /label: /);
    if (labelStop !== undefined && bulletin.id) lines = setDefault(lines, labelStop, bulletin.id);
  }
  if (prefix === 'platform') {
    const idStop = stopAfter(lines, /^- id: /);
    const nameStop = stopAfter(lines, /^ {2}name: /);
    const current = /\$\{\d+:([^}$]*)\}/.exec(lines.find((l) => l.startsWith('- id: ')) ?? '')?.[1];
    const used = new Set(bulletin.platforms.map((p) => p.id).filter((id): id is string => !!id));
    if (idStop !== undefined && current !== undefined && used.has(current)) {
      const next = unusedPlatform(analysis, index, used);
      lines = setDefault(lines, idStop, yamlScalar(next.id));
      if (nameStop !== undefined && next.name) lines = setDefault(lines, nameStop, yamlScalar(next.name));
    }
  }
  return lines;
}

/**
 * A platform id the bulletin does not use: first one its included and related bulletins
 * ship for, then one of the workspace, else a numbered placeholder.
 */
function unusedPlatform(analysis: Analysis, index: WorkspaceIndex, used: Set<string>): { id: string; name?: string } {
  const bulletin = analysis.bulletin;
  const sources = [...bulletin.includes, ...bulletin.related].flatMap((r) => index.byId(r.id));
  for (const other of [...sources, ...index.all()]) {
    if (other.uri === bulletin.uri) continue;
    for (const p of other.platforms) if (p.id && !used.has(p.id)) return { id: p.id, name: p.name };
  }
  let n = used.size + 1;
  while (used.has(`platform-${n}`)) n++;
  return { id: `platform-${n}` };
}
