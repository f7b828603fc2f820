/**
 * The outline and the folds of a bulletin: top-level keys, platforms with their files,
 * vulnerabilities, references; a fold for every block that spans lines and every comment run.
 */
import type { ParsedDocument, Range } from '../parse';
import { positionAt } from '../text';
import { isObj, type Obj } from '../plain';

export type OutlineKind = 'key' | 'platform' | 'file' | 'vulnerability' | 'reference' | 'item' | 'package';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

export function outline(parsed: ParsedDocument): OutlineNode[] {
  const root = parsed.value;
  if (!isObj(root)) return [];
  const span = (pointer: string): { range: Range; selection: Range } | undefined => {
    const loc = parsed.nodes.get(pointer);
    if (!loc) return undefined;
    const start = loc.key?.[0] ?? loc.value[0];
    let end = Math.max(loc.value[1], loc.key?.[1] ?? 0);
    while (end > start && /\s/.test(parsed.text[end - 1])) end--;
    return { range: [start, end], selection: loc.key ?? [loc.value[0], Math.min(loc.value[1], lineEnd(parsed.text, loc.value[0]))] };
  };
  const node = (pointer: string, name: string, kind: OutlineKind, detail?: string, children: OutlineNode[] = []): OutlineNode | undefined => {
    const s = span(pointer);
    return s && { name: name || '?', detail, kind, range: s.range, selectionRange: s.selection, children };
  };
  const items = (key: string, make: (item: Obj, pointer: string, i: number) => OutlineNode | undefined): OutlineNode[] => {
    const list = root[key];
    if (!Array.isArray(list)) return [];
    return list.map((item, i) => (isObj(item) ? make(item, `/${key}/${i}`, i) : undefined)).filter((n): n is OutlineNode => !!n);
  };
  const out: OutlineNode[] = [];
  for (const key of Object.keys(root)) {
    const pointer = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    let children: OutlineNode[] = [];
    let detail: string | undefined = text(root[key]);
    if (key === 'platforms') {
      children = items('platforms', (p, pp) => {
        const files = Array.isArray(p.files)
          ? p.files.map((f, fi) => (isObj(f) ? node(`${pp}/files/${fi}`, text(f.name) ?? '?', 'file', [text(f.version), text(f.variant)].filter(Boolean).join(' ')) : undefined)).filter((n): n is OutlineNode => !!n)
          : [];
        const pkg = isObj(p.package) ? node(`${pp}/package`, text(p.package.file) ?? 'package', 'package', text(p.package.version)) : undefined;
        return node(pp, text(p.name) ?? text(p.id) ?? '?', 'platform', text(p.id), [...(pkg ? [pkg] : []), ...files]);
      });
      detail = undefined;
    } else if (key === 'vulnerabilities') {
      children = items('vulnerabilities', (v, vp) => node(vp, text(v.id) ?? '?', 'vulnerability', text(v.title)));
      detail = undefined;
    } else if (key === 'includes' || key === 'related') {
      const list = root[key];
      children = Array.isArray(list) ? list.map((id, i) => node(`/${key}/${i}`, text(id) ?? '?', 'reference')).filter((n): n is OutlineNode => !!n) : [];
      detail = undefined;
    } else if (key === 'advisories' || key === 'workarounds' || key === 'unsupported') {
      children = items(key, (item, ip) => node(ip, text(item.label) ?? text(item.title) ?? text(item.name) ?? '?', 'item', text(item.url) ?? text(item.reason)));
      detail = undefined;
    } else if (typeof root[key] === 'string' && (root[key] as string).includes('\n')) {
      detail = (root[key] as string).split('\n')[0];
    }
    const made = node(pointer, key, 'key', detail, children);
    if (made) out.push(made);
  }
  return out;
}

function lineEnd(textValue: string, offset: number): number {
  let end = offset;
  while (end < textValue.length && textValue[end] !== '\n' && textValue[end] !== '\r') end++;
  return end;
}

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

/** Folds: every key or list item whose value spans lines; every run of two or more comment lines. */
export function folds(parsed: ParsedDocument): Fold[] {
  const out: Fold[] = [];
  const seen = new Set<number>();
  for (const [pointer, loc] of parsed.nodes) {
    if (pointer === '') continue; // the whole document is not a fold
    const start = loc.key?.[0] ?? loc.value[0];
    let end = loc.value[1];
    while (end > start && /\s/.test(parsed.text[end - 1])) end--;
    const startLine = positionAt(parsed.lineStarts, start).line;
    const endLine = positionAt(parsed.lineStarts, Math.max(start, end - 1)).line;
    if (endLine > startLine && !seen.has(startLine)) {
      seen.add(startLine);
      out.push({ startLine, endLine });
    }
  }
  let runStart = -1;
  const lineCount = parsed.lineStarts.length;
  for (let l = 0; l <= lineCount; l++) {
    const isComment = l < lineCount && /^\uFEFF?[ \t]*#/.test(lineText(parsed, l));
    if (isComment && runStart < 0) runStart = l;
    if (!isComment && runStart >= 0) {
      if (l - 1 > runStart) out.push({ startLine: runStart, endLine: l - 1, kind: 'comment' });
      runStart = -1;
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function lineText(parsed: ParsedDocument, line: number): string {
  const start = parsed.lineStarts[line];
  const end = line + 1 < parsed.lineStarts.length ? parsed.lineStarts[line + 1] : parsed.text.length;
  return parsed.text.slice(start, end);
}
