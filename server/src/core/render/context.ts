/**
 * What every section needs while rendering: the language, the editor line of a YAML node
 * (for `data-line`), and the checker's findings, each shown once beside the deepest element
 * that concerns it.
 */
import type { ParsedDocument } from '../parse';
import type { Problem } from '../problems';
import type { Locale } from '../messages';
import { positionAt } from '../text';
import { escapeHtml } from './html';
import { enumLabel } from './labels';
import type { RefLink } from './links';
import type { Change } from '../diff';

interface PlacedFinding {
  problem: Problem;
  /** JSON pointer of the smallest node whose key or value holds the finding's offset. */
  pointer: string;
  shown: boolean;
}

export class RenderContext {
  /** Each finding under its node's pointer and every ancestor's (`/platforms/0/files/1` → `/platforms/0/files`, …, ``). */
  private readonly byAncestor = new Map<string, PlacedFinding[]>();

  /** Markdown images from `https:` addresses as images (render.ts `RenderInput`). */
  allowRemoteImages = false;

  /** Changes since the last commit to mark (`bulletin.preview.showChanges`); changes.ts places them. */
  changes: readonly Change[] | undefined;
  private changedNodes: Map<string, Change> | undefined;

  /**
   * The change made at this node: a changed value or an added entry. A removed thing has no
   * node of its own (its change points at its list), so it is never found here.
   */
  changeAt(pointer: string): Change | undefined {
    if (!this.changes) return undefined;
    this.changedNodes ??= new Map(this.changes.filter((c) => c.kind !== 'removed').map((c) => [c.pointer, c]));
    return this.changedNodes.get(pointer);
  }

  /** Changes of one kind that match, for what has no node in the new text (removed entries and fields). */
  changesOf(subject: Change['subject'], match: (change: Change) => boolean = () => true): Change[] {
    return (this.changes ?? []).filter((c) => c.subject === subject && match(c));
  }

  /**
   * A value's HTML, marked when it changed: the old value struck through, the new one
   * highlighted. `oldHtml` words the old value as the page does (an enum's label); by default
   * it is the old value as written.
   */
  marked(pointer: string, html: string, oldHtml?: (change: Change) => string): string {
    const change = this.changeAt(pointer);
    if (!change) return html;
    const old = change.kind === 'changed' && change.old !== undefined ? `<del class="change-old">${oldHtml ? oldHtml(change) : escapeHtml(change.old)}</del> ` : '';
    return `${old}<ins class="change-new">${html}</ins>`;
  }
  /** The link to the bulletin an id names (links.ts), undefined when none can be made. */
  refLink: (id: string) => RefLink | undefined = () => undefined;

  constructor(
    readonly locale: Locale,
    readonly parsed: ParsedDocument,
    findings: readonly Problem[],
  ) {
    for (const problem of findings) {
      const entry: PlacedFinding = { problem, pointer: this.pointerAt(problem.offset), shown: false };
      for (let at = entry.pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
        let list = this.byAncestor.get(at);
        if (!list) this.byAncestor.set(at, (list = []));
        list.push(entry);
        if (at === '') break;
      }
    }
  }

  /** Editor line (0-based) of a node: its key's line when it has one. */
  lineOf(pointer: string): number | undefined {
    const location = this.parsed.nodes.get(pointer);
    if (!location) return undefined;
    return positionAt(this.parsed.lineStarts, location.key?.[0] ?? location.value[0]).line;
  }

  lineAtOffset(offset: number): number {
    return positionAt(this.parsed.lineStarts, offset).line;
  }

  /** ` data-line="N"` for the node, or nothing when the node does not exist. */
  dataLine(pointer: string): string {
    const line = this.lineOf(pointer);
    return line === undefined ? '' : ` data-line="${line}"`;
  }

  /** Findings on this node or below it that no element has shown yet, marked as shown. */
  takeFindings(pointer: string, exact = false): Problem[] {
    const out: Problem[] = [];
    for (const entry of this.byAncestor.get(pointer) ?? []) {
      if (entry.shown || (exact && entry.pointer !== pointer)) continue;
      entry.shown = true;
      out.push(entry.problem);
    }
    return out;
  }

  /** The findings of a node as a list placed beside its element (empty string when none). */
  findingsHtml(pointer: string, exact = false): string {
    return this.findingList(this.takeFindings(pointer, exact));
  }

  /** Worst severity among findings not yet shown under a node, for marking rows and cells. */
  worstUnder(pointer: string): string | undefined {
    let worst: string | undefined;
    const rank: Record<string, number> = { error: 4, warning: 3, information: 2, hint: 1 };
    for (const entry of this.byAncestor.get(pointer) ?? []) {
      if (entry.shown) continue;
      if (!worst || rank[entry.problem.severity] > rank[worst]) worst = entry.problem.severity;
    }
    return worst;
  }

  findingList(problems: readonly Problem[]): string {
    if (problems.length === 0) return '';
    const items = problems.map(
      (p) =>
        `<li class="finding finding-${escapeHtml(p.severity)}" data-line="${this.lineAtOffset(p.offset)}">` +
        `<span class="finding-severity">${escapeHtml(enumLabel(this.locale, 'render.finding', p.severity))}</span> ` +
        `<code class="finding-code">${escapeHtml(p.code)}</code> ${escapeHtml(p.message)}</li>`,
    );
    return `<ul class="findings">${items.join('')}</ul>`;
  }

  /** Node spans as flat arrays, made once: finding each finding's node allocates nothing. */
  private spans: { pointers: string[]; starts: Float64Array; ends: Float64Array } | undefined;

  private pointerAt(offset: number): string {
    if (!this.spans) {
      const pointers: string[] = [];
      const starts: number[] = [];
      const ends: number[] = [];
      this.parsed.nodes.forEach((location, pointer) => {
        pointers.push(pointer);
        starts.push(location.key?.[0] ?? location.value[0]);
        ends.push(Math.max(location.value[1], location.key?.[1] ?? 0));
      });
      this.spans = { pointers, starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
    }
    const { pointers, starts, ends } = this.spans;
    let best = '';
    let bestSpan = Number.POSITIVE_INFINITY;
    for (let i = 0; i < pointers.length; i++) {
      const start = starts[i];
      const end = ends[i];
      const span = end - start;
      if (offset >= start && (offset < end || (span === 0 && offset === start)) && span < bestSpan) {
        best = pointers[i];
        bestSpan = span;
      }
    }
    return best;
  }
}
