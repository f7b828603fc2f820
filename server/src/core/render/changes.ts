/**
 * Change marks for entries of lists (`bulletin.preview.showChanges`): an entry added since the
 * last commit is marked as new where it is, one removed is shown struck through where it was
 * (its old position among the entries that are left). Values are marked by `ctx.marked`.
 */
import type { Change } from '../diff';
import type { RenderContext } from './context';

/** Class of an added entry's element. */
export const ADDED = 'change-entry-added';
/** Class of a removed entry's element (its content in `<del>`). */
export const REMOVED = 'change-entry-removed';

/** `class="…"` with ` change-entry-added` appended when the entry at `pointer` was added. */
export function entryClass(ctx: RenderContext, pointer: string, classes = ''): string {
  const all = ctx.changeAt(pointer)?.kind === 'added' ? `${classes} ${ADDED}`.trim() : classes;
  return all ? ` class="${all}"` : '';
}

/** An entry's content, highlighted when the entry at `pointer` was added. */
export function entryContent(ctx: RenderContext, pointer: string, html: string): string {
  return ctx.changeAt(pointer)?.kind === 'added' ? `<ins class="change-new">${html}</ins>` : html;
}

/** A removed entry: its old content struck through, on the line of its list (for scrolling together). */
export function removedEntry(ctx: RenderContext, change: Change, tag: string, classes: string, html: string): string {
  return `<${tag} class="${`${classes} ${REMOVED}`.trim()}" data-line="${ctx.lineAtOffset(change.range[0])}"><del class="change-old">${html}</del></${tag}>`;
}

/** The entries with the removed ones put back at their old positions, in order of those positions. */
export function withRemoved(entries: readonly string[], removed: readonly Change[], render: (change: Change) => string): string[] {
  const out = [...entries];
  for (const change of [...removed].sort((a, b) => (a.wasIndex ?? Infinity) - (b.wasIndex ?? Infinity))) {
    out.splice(Math.min(change.wasIndex ?? out.length, out.length), 0, render(change));
  }
  return out;
}

/**
 * Members of a set-like list (impacts, ports) as the page shows them: each new member
 * highlighted, each member that went struck through where it was (after the kept member that
 * preceded it). Without a change to the list, the members as they are.
 */
export function setMembers(ctx: RenderContext, pointer: string, now: readonly unknown[], item: (value: unknown, mark: 'added' | 'removed' | undefined) => string): string[] {
  const change = ctx.changeAt(pointer);
  if (!change) return now.map((value) => item(value, undefined));
  const was = Array.isArray(change.was) ? change.was : [];
  const before = was.map(String);
  const after = now.map(String);
  const out: string[] = [];
  let next = 0;
  const upTo = (end: number) => {
    for (; next <= end && next < now.length; next++) out.push(item(now[next], before.includes(after[next]!) ? undefined : 'added'));
  };
  for (const value of was) {
    const at = after.indexOf(String(value));
    if (at >= 0) upTo(at);
    else out.push(item(value, 'removed'));
  }
  upTo(now.length - 1);
  return out;
}
