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

interface PlacedFinding {
  problem: Problem;
  /** JSON pointer of the smallest node whose key or value holds the finding's offset. */
  pointer: string;
  shown: boolean;
}

export class RenderContext {
  private readonly placed: PlacedFinding[];

  constructor(
    readonly locale: Locale,
    readonly parsed: ParsedDocument,
    findings: readonly Problem[],
  ) {
    this.placed = findings.map((problem) => ({ problem, pointer: this.pointerAt(problem.offset), shown: false }));
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
    for (const entry of this.placed) {
      if (entry.shown) continue;
      const inside = entry.pointer === pointer || (!exact && (pointer === '' || entry.pointer.startsWith(pointer + '/')));
      if (inside) {
        entry.shown = true;
        out.push(entry.problem);
      }
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
    for (const entry of this.placed) {
      if (entry.shown || (entry.pointer !== pointer && !entry.pointer.startsWith(pointer + '/'))) continue;
      if (!worst || rank[entry.problem.severity] > rank[worst]) worst = entry.problem.severity;
    }
    return worst;
  }

  findingList(problems: readonly Problem[]): string {
    if (problems.length === 0) return '';
    const items = problems.map(
      (p) =>
        `<li class="finding finding-${escapeHtml(p.severity)}" data-line="${this.lineAtOffset(p.offset)}">` +
        `<span class="finding-severity">${escapeHtml(p.severity)}</span> ` +
        `<code class="finding-code">${escapeHtml(p.code)}</code> ${escapeHtml(p.message)}</li>`,
    );
    return `<ul class="findings">${items.join('')}</ul>`;
  }

  private pointerAt(offset: number): string {
    let best = '';
    let bestSpan = Number.POSITIVE_INFINITY;
    for (const [pointer, location] of this.parsed.nodes) {
      const start = location.key?.[0] ?? location.value[0];
      const end = Math.max(location.value[1], location.key?.[1] ?? 0);
      const span = end - start;
      if (offset >= start && (offset < end || (span === 0 && offset === start)) && span < bestSpan) {
        best = pointer;
        bestSpan = span;
      }
    }
    return best;
  }
}
