/**
 * Strongly connected components of the `includes` graph (nodes are bulletin ids), found by an
 * iterative Tarjan walk: no recursion, every node and edge visited once, so no input loops it.
 */
export function cyclicComponents(edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, ReadonlySet<string>> {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Map<string, ReadonlySet<string>>();
  let counter = 0;
  for (const start of edges.keys()) {
    if (indexOf.has(start)) continue;
    const work: { node: string; children: Iterator<string> }[] = [];
    const enter = (node: string) => {
      indexOf.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: (edges.get(node) ?? new Set<string>()).values() });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const next = frame.children.next();
      if (!next.done) {
        const child = next.value;
        if (!indexOf.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(child)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const members = new Set<string>();
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.add(member);
        } while (member !== frame.node);
        const selfLoop = edges.get(frame.node)?.has(frame.node) ?? false;
        if (members.size > 1 || selfLoop) for (const m of members) out.set(m, members);
      }
    }
  }
  return out;
}

/** Successors of a node in a graph that may be computed on demand. */
export interface Edges {
  get(node: string): Iterable<string> | undefined;
}

/**
 * The strongly connected component of one node, from it alone: the nodes it reaches (at most
 * `limit` of them) that also reach it. Undefined when it is in no cycle; `'too-big'` when more
 * than `limit` nodes are reachable (the caller computes every component at once instead).
 * Cost: the part of the graph reachable from `node`, not the whole graph, so a query after
 * every change (an edit while a workspace is read) stays proportionate to one bulletin's chain.
 */
export function componentOf(node: string, successors: Edges, predecessors: Edges, limit: number): ReadonlySet<string> | undefined | 'too-big' {
  const reached = new Set<string>([node]);
  const queue = [node];
  let cyclic = false;
  for (let i = 0; i < queue.length; i++) {
    for (const next of successors.get(queue[i]) ?? []) {
      if (next === node) cyclic = true;
      if (reached.has(next)) continue;
      if (reached.size >= limit) return 'too-big';
      reached.add(next);
      queue.push(next);
    }
  }
  if (!cyclic) return undefined;
  // Of what it reaches, what reaches it back.
  const members = new Set<string>([node]);
  const back = [node];
  for (let i = 0; i < back.length; i++) {
    for (const previous of predecessors.get(back[i]) ?? []) {
      if (!reached.has(previous) || members.has(previous)) continue;
      members.add(previous);
      back.push(previous);
    }
  }
  return members;
}

/** A shortest `includes` path from `from` to `to` inside one component (both ends included). */
export function pathWithin(edges: Edges, component: ReadonlySet<string>, from: string, to: string): string[] {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (node === to && i > 0) break;
    for (const next of edges.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === to) {
        const path = [to, node];
        for (let at = node; at !== from; ) {
          at = previous.get(at)!;
          path.push(at);
        }
        return path.reverse();
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [from, to];
}
