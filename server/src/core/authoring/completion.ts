/**
 * Completion proposals from the schema and the workspace: the keys still free at the cursor,
 * enum values with their meaning in the bulletin's language, bulletin ids, platform ids, the
 * files related and included bulletins ship for the same platform, today's date.
 */
import type { Analysis } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Bulletin, BulletinFile } from '../model';
import type { Locale } from '../messages';
import type { Range } from '../parse';
import { compareVersions } from '../version';
import { cursorContext, type CursorContext, type PathStep } from './cursor';
import { choicesOf, describe, isArraySchema, isDateSchema, isObjectSchema, resolve, schemaAt, type SchemaNode } from './schema-info';
import { msg } from './messages';
import { registryEntryLines, registryKeyFor } from './registry';
import { yamlScalar } from './yaml-text';
import type { SnippetDefinition } from './snippet';
import { snippetProposals } from './snippet-proposals';
import { cvssCompletion } from './cvss';
import { suppressionCodeProposals } from './suppress-fix';
import { positionAt } from '../text';
import { isObj, type Obj } from '../plain';

export type ProposalKind = 'property' | 'value' | 'reference' | 'file' | 'platform' | 'date' | 'snippet' | 'metric';

export interface CompletionProposal {
  label: string;
  kind: ProposalKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  replace: Range;
  sortText: string;
  /** What the editor matches the typed word against (the label when absent). */
  filterText?: string;
  /** The inserted key takes one of a few values: ask for completion again right away. */
  retrigger?: boolean;
  /** `insertText` is VS Code snippet syntax (tab stops), not plain text. */
  snippet?: boolean;
  /** Shown beside the label on every row (a file's version), and right-aligned (where it comes from). */
  labelDetail?: string;
  labelDescription?: string;
  /** The list depends on more than the typed word (CWE by words of the name): ask again as typing goes on. */
  incomplete?: boolean;
}

export interface CompletionInput {
  analysis: Analysis;
  index: WorkspaceIndex;
  offset: number;
  /** Language of the user interface (details, documentation). */
  locale: Locale;
  /** YYYY-MM-DD, given so the core stays pure. */
  today: string;
  /** The snippets file, offered where each snippet's node fits. */
  snippets?: Record<string, SnippetDefinition>;
}


function valueAt(root: unknown, path: readonly PathStep[]): unknown {
  let value = root;
  for (const step of path) {
    if (Array.isArray(value) && typeof step === 'number') value = value[step];
    else if (isObj(value)) value = value[String(step)];
    else return undefined;
  }
  return value;
}

const schemaSteps = (path: readonly PathStep[]) => path.map((s) => (typeof s === 'number' ? '*' : s));

export function complete(input: CompletionInput): CompletionProposal[] {
  const { analysis, offset } = input;
  // Inside a suppression comment's codes: rule codes, nothing else.
  const { lineStarts, text } = analysis.parsed;
  const codes = suppressionCodeProposals(text, lineStarts[positionAt(lineStarts, offset).line], offset, input.locale);
  if (codes) return codes;
  const cvss = cvssCompletion(analysis, offset);
  if (cvss) return cvss;
  const context = cursorContext(analysis.parsed, offset);
  if (!context) return [];
  const schema = schemaAt(schemaSteps(context.path));
  if (context.kind === 'value' || (context.listItem === 'dash' && schema && !isObjectSchema(schema))) {
    return valueProposals(input, context, schema);
  }
  if (isObjectSchema(schema)) {
    // A fresh list item wants a whole entry first (a related bulletin's file); an item already
    // begun wants its missing keys first, and never a second name.
    const fresh = context.listItem === 'dash' && context.taken.size === 0;
    const out = keyProposals(input, context, schema!);
    if (!context.taken.has('name')) out.push(...ranked(entryProposals(input, context, context.path), fresh ? 0 : 2));
    out.push(...snippetItems(input, context));
    return out;
  }
  if (isArraySchema(schema) && isObjectSchema(resolve(schema!.items))) {
    // Key position right under a list key, without a dash yet: whole entries, as new items.
    const bare = { ...context, listItem: 'bare' as const };
    return [
      ...ranked(entryProposals(input, bare, [...context.path, listLength(input.analysis, context.path)]), 0),
      ...snippetItems(input, bare),
    ];
  }
  return snippetItems(input, context);
}

/** Entries ranked as a group before (0) or after (2) the keys, which rank 1. */
const ranked = (proposals: CompletionProposal[], rank: number) => proposals.map((p) => ({ ...p, sortText: `${rank}${p.sortText}` }));

/** The snippets whose node is the cursor's, after everything else. */
function snippetItems(input: CompletionInput, context: CursorContext): CompletionProposal[] {
  if (!input.snippets) return [];
  return snippetProposals(input.snippets, context, input).map((s) => ({
    label: s.prefix,
    kind: 'snippet' as const,
    detail: s.name,
    documentation: s.description,
    insertText: s.body,
    snippet: true,
    replace: context.replace,
    sortText: `9${s.prefix}`,
  }));
}

function listLength(analysis: Analysis, path: readonly PathStep[]): number {
  const list = valueAt(analysis.parsed.value, path);
  return Array.isArray(list) ? list.length : 0;
}

function keyProposals(input: CompletionInput, context: CursorContext, schema: SchemaNode): CompletionProposal[] {
  const required = new Set(schema.required ?? []);
  const typed = context.prefix;
  const out: CompletionProposal[] = [];
  Object.entries(schema.properties ?? {}).forEach(([key, raw], order) => {
    if (context.taken.has(key) && key !== typed) return;
    const property = resolve(raw);
    const description = describe(raw, input.locale) ?? describe(property, input.locale);
    const block = !context.colonFollows && isBlockText([...schemaSteps(context.path), key]);
    out.push({
      label: key,
      kind: 'property',
      detail: required.has(key) ? msg(input.locale, 'authoring.required') : undefined,
      documentation: description,
      // Markdown goes in a literal block: the cursor waits on the next line, indented.
      insertText: context.colonFollows ? key : block ? `${key}: |${context.eol}${' '.repeat(context.column + 2)}$0` : keyInsert(key, property, context),
      ...(block ? { snippet: true } : {}),
      replace: context.replace,
      retrigger: !context.colonFollows && (choicesOf(property, 'en').length > 0 || (isDateSchema(property) && context.path.length === 0)),
      sortText: `1${required.has(key) ? 0 : 1}${String(order).padStart(3, '0')}`,
    });
  });
  return out;
}

/** The Markdown fields, written as block text (`key: |`). */
const blockTextPaths = new Set(['summary', 'comment', 'workarounds.*.note', 'unsupported.*.reason']);
const isBlockText = (steps: readonly string[]) => blockTextPaths.has(steps.join('.'));

/** `key: ` for scalars; for collections the key and its first nested line, indented. */
function keyInsert(key: string, property: SchemaNode | undefined, context: CursorContext): string {
  const inner = ' '.repeat(context.column + 2);
  if (isArraySchema(property)) return `${key}:${context.eol}${inner}- `;
  if (isObjectSchema(property)) return `${key}:${context.eol}${inner}`;
  return `${key}: `;
}

function valueProposals(input: CompletionInput, context: CursorContext, schema: SchemaNode | undefined): CompletionProposal[] {
  const { analysis, index, locale } = input;
  const bulletin = analysis.bulletin;
  const path = context.path;
  const step = (i: number) => path[i];
  const out: CompletionProposal[] = [];
  const push = (p: Omit<CompletionProposal, 'replace' | 'sortText'> & { sortText?: string }) =>
    out.push({ replace: context.replace, sortText: p.sortText ?? String(out.length).padStart(4, '0'), ...p });

  // Bulletin ids in `includes` / `related`: every other bulletin, with its title.
  if (path.length === 2 && (step(0) === 'includes' || step(0) === 'related')) {
    const listed = new Set(context.siblings);
    const seen = new Set<string>();
    for (const other of index.all()) {
      if (!other.id || other.id === bulletin.id || other.uri === bulletin.uri || listed.has(other.id) || seen.has(other.id)) continue;
      seen.add(other.id);
      push({ label: other.id, kind: 'reference', detail: other.title, labelDescription: other.title, documentation: bulletinSummary(other, locale, bulletin.lang), insertText: other.id, sortText: other.id });
    }
    return out;
  }
  // Platform ids used elsewhere in the workspace, with their names.
  if (path.length === 3 && step(0) === 'platforms' && step(2) === 'id') {
    const own = new Set(bulletin.platforms.filter((_, i) => i !== step(1)).map((p) => p.id));
    const names = new Map<string, { name?: string; in: string[] }>();
    for (const other of index.all()) {
      if (other.uri === bulletin.uri) continue;
      for (const p of other.platforms) {
        if (!p.id || own.has(p.id)) continue;
        const entry = names.get(p.id) ?? { name: p.name, in: [] };
        entry.name ??= p.name;
        if (other.id) entry.in.push(other.id);
        names.set(p.id, entry);
      }
    }
    for (const [id, entry] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
      push({ label: id, kind: 'platform', detail: entry.name, labelDescription: entry.name, documentation: msg(locale, 'authoring.platformFrom', { bulletins: entry.in.sort().join(', ') }), insertText: id, sortText: id });
    }
    return out;
  }
  // A platform's name: the names the workspace gives the platform id written above.
  if (path.length === 3 && step(0) === 'platforms' && step(2) === 'name') {
    const platform = valueAt(analysis.parsed.value, path.slice(0, 2));
    const id = isObj(platform) && typeof platform.id === 'string' ? platform.id : undefined;
    const names = new Set<string>();
    for (const other of index.all()) {
      if (other.uri === bulletin.uri) continue;
      for (const p of other.platforms) if (id && p.id === id && p.name) names.add(p.name);
    }
    for (const name of [...names].sort()) push({ label: name, kind: 'platform', detail: id, insertText: yamlScalar(name), sortText: name });
    return out;
  }
  // A file's name: the files related and included bulletins ship for this platform.
  if (path.length === 5 && step(0) === 'platforms' && step(2) === 'files' && step(4) === 'name') {
    return entryProposals(input, context, path.slice(0, 4), true);
  }
  if (isDateSchema(schema) && path.length === 1) {
    push({ label: input.today, kind: 'date', detail: msg(locale, 'authoring.today'), insertText: input.today });
  }
  const listed = new Set(context.siblings);
  const description = describe(schema, locale);
  for (const choice of choicesOf(schema, bulletin.lang)) {
    if (listed.has(choice.value)) continue;
    push({ label: choice.value, kind: 'value', detail: choice.meaning, documentation: description, insertText: choice.value });
  }
  return out;
}

/** Whole entries for a list item: files from related/included bulletins, the registry check for `kb`. */
function entryProposals(input: CompletionInput, context: CursorContext, itemPath: readonly PathStep[], nameOnly = false): CompletionProposal[] {
  const p = itemPath;
  if (p.length === 4 && p[0] === 'platforms' && p[2] === 'files' && typeof p[1] === 'number') return fileProposals(input, context, p[1], nameOnly);
  if (p.length === 5 && p[0] === 'platforms' && p[2] === 'verify' && p[3] === 'registry' && typeof p[1] === 'number' && !nameOnly) {
    return registryProposals(input, context, p[1]);
  }
  return [];
}

/** Lines of an entry joined for insertion: first line after the cursor, the others at the item's column. */
function entryText(lines: string[], context: CursorContext, firstAlreadyTyped = false): string {
  const bare = context.listItem === 'bare';
  const column = bare ? context.column + 2 : context.column;
  const pad = ' '.repeat(column);
  const [first, ...rest] = lines;
  return `${bare ? '- ' : ''}${firstAlreadyTyped ? first.replace(/^[^:]+:\s*/, '') : first}${rest.map((l) => `${context.eol}${pad}${l}`).join('')}`;
}

function fileProposals(input: CompletionInput, context: CursorContext, platformIndex: number, nameOnly: boolean): CompletionProposal[] {
  const { analysis, index, locale } = input;
  const bulletin = analysis.bulletin;
  const platform = valueAt(analysis.parsed.value, ['platforms', platformIndex]);
  const platformId = isObj(platform) && typeof platform.id === 'string' ? platform.id : undefined;
  if (!platformId) return [];
  const present = new Set<string>();
  const files = isObj(platform) && Array.isArray(platform.files) ? platform.files : [];
  for (const f of files) if (isObj(f) && typeof f.name === 'string') present.add(fileKey(f.name, typeof f.variant === 'string' ? f.variant : undefined));
  if (nameOnly && context.prefix) present.delete(fileKey(context.prefix, undefined));
  const best = new Map<string, { file: BulletinFile; from: string[] }>();
  const sources = [...bulletin.includes, ...bulletin.related].map((r) => r.id);
  for (const id of new Set(sources)) {
    for (const other of index.byId(id)) {
      if (other.uri === bulletin.uri) continue;
      for (const p of other.platforms) {
        if (p.id !== platformId) continue;
        for (const file of p.files) {
          const key = fileKey(file.name, file.variant);
          if (present.has(key)) continue;
          const known = best.get(key);
          if (!known) best.set(key, { file, from: [id] });
          else {
            known.from.push(id);
            if (file.version && (!known.file.version || compareVersions(file.version, known.file.version) > 0)) known.file = file;
          }
        }
      }
    }
  }
  // The keys the item already has are not inserted again.
  const taken = nameOnly ? context.taken : new Set<string>();
  return [...best.values()]
    .sort((a, b) => a.file.name.localeCompare(b.file.name))
    .map(({ file, from }) => ({
      label: file.variant ? `${file.name} (${file.variant})` : file.name,
      kind: 'file' as const,
      filterText: file.name,
      detail: msg(locale, 'authoring.fileFrom', { version: file.version ?? '?', bulletins: from.join(', ') }),
      documentation: file.description,
      ...(file.version ? { labelDetail: ` ${file.version}` } : {}),
      labelDescription: from.map((id) => titled(index, id)).join(', '),
      insertText: entryText(fileEntryLines(file, taken), context, nameOnly),
      snippet: true,
      replace: context.replace,
      sortText: file.name.toLowerCase(),
    }));
}

/**
 * A file entry copied from another bulletin, as a snippet in the schema's key order: this
 * bulletin ships its own build of the file, so the version (first), size and date are tab
 * stops holding the old values to type over; name, description and variant are kept.
 */
function fileEntryLines(file: BulletinFile, taken: ReadonlySet<string>): string[] {
  const escape = (value: string) => value.replace(/[\\$}]/g, '\\$&');
  const text = (value: string) => escape(yamlScalar(value));
  // Versions and dates as written in the other bulletin (a version is read from its source text).
  const stop = (n: number, value: string | number) => `\${${n}:${escape(String(value))}}`;
  const lines = [`name: ${text(file.name)}`];
  if (file.date && !taken.has('date')) lines.push(`date: ${stop(3, file.date)}`);
  if (file.version && !taken.has('version')) lines.push(`version: ${stop(1, file.version)}`);
  if (file.size !== undefined && !taken.has('size')) lines.push(`size: ${stop(2, file.size)}`);
  if (file.description && !taken.has('description')) lines.push(`description: ${text(file.description)}`);
  if (file.variant && !taken.has('variant')) lines.push(`variant: ${text(file.variant)}`);
  return lines;
}

function registryProposals(input: CompletionInput, context: CursorContext, platformIndex: number): CompletionProposal[] {
  const { analysis, locale } = input;
  const kb = analysis.bulletin.kb;
  const platform = valueAt(analysis.parsed.value, ['platforms', platformIndex]);
  if (kb === undefined || !isObj(platform)) return [];
  const key = registryKeyFor({ id: typeof platform.id === 'string' ? platform.id : undefined, name: typeof platform.name === 'string' ? platform.name : undefined }, kb);
  return [
    {
      label: msg(locale, 'authoring.registryCheck', { kb }),
      kind: 'snippet',
      filterText: `key ${msg(locale, 'authoring.registryCheck', { kb })}`,
      detail: key,
      documentation: msg(locale, 'authoring.registryCheckDoc', { key }),
      insertText: entryText(registryEntryLines(key, yamlScalar), context),
      replace: context.replace,
      sortText: '~registry',
    },
  ];
}

/** A bulletin id with its title, as a completion row shows where an item comes from. */
function titled(index: WorkspaceIndex, id: string): string {
  const title = index.byId(id).find((b) => b.title)?.title;
  return title ? `${id} ${title}` : id;
}

const fileKey = (name: string, variant: string | undefined) => `${name.toLowerCase()}\u0000${variant ?? ''}`;

/** One paragraph about a bulletin: title, severity with its meaning, dates, platforms. */
export function bulletinSummary(b: Bulletin, locale: Locale, meaningLocale: Locale): string {
  const severity = b.severity ? choicesOf(schemaAt(['severity']), meaningLocale).find((c) => c.value === b.severity) : undefined;
  const lines = [`**${b.id ?? '?'}** — ${b.title ?? ''}`.trimEnd(), ''];
  const facts: string[] = [];
  if (b.severity) facts.push(`${msg(locale, 'hover.severity')}: \`${b.severity}\`${severity?.meaning ? ` (${severity.meaning})` : ''}`);
  if (b.published) facts.push(`${msg(locale, 'hover.published')}: ${b.published}`);
  if (b.updated) facts.push(`${msg(locale, 'hover.updated')}: ${b.updated}`);
  if (facts.length) lines.push(facts.join(' · '), '');
  const platforms = b.platforms.filter((p) => p.id).map((p) => `\`${p.id}\`${p.name ? ` ${p.name}` : ''}`);
  lines.push(`${msg(locale, 'hover.platforms')}: ${platforms.length ? platforms.join(', ') : msg(locale, 'hover.noPlatforms')}`);
  return lines.join('\n');
}
