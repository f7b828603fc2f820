/**
 * Where each node of a parsed bulletin is: its `NodeLocation`s, kept as a tree (each
 * collection's entries in `children`, which the model walks along the path it reads) and listed
 * by JSON pointer when a feature asks (`locationsByPointer`). Both readers (`index.ts`,
 * `quick-parse.ts`) make them with `newLocation`.
 */

export type Range = readonly [number, number];

export interface NodeLocation {
  /** The key of the pair that holds this node (absent for the root and sequence items). */
  key?: Range;
  /** The value node itself. */
  value: Range;
  /** The value is a block collection spanning lines: underline the key instead. */
  block: boolean;
  /** The value as written, for scalars (versions are read from it, never from the number). */
  source: string | undefined;
  /** The key's text, for a mapping's entries (undefined for the root and sequence items). */
  name: string | undefined;
  /**
   * A collection's entries in document order: a sequence's items by index, a mapping's by
   * `name`. Readers that know their path (the model) walk these, with no pointer to build or hash.
   */
  children: NodeLocation[] | undefined;
}

/** A location of the one shape both readers give (one hidden class, and equal when compared). */
export function newLocation(key: Range | undefined, value: Range, name: string | undefined): NodeLocation {
  return { key, value, block: false, source: undefined, name, children: undefined };
}

/** The entry of a mapping's location under `name` (the last one, as a pointer would find it). */
export function entryOf(location: NodeLocation | undefined, name: string): NodeLocation | undefined {
  const children = location?.children;
  if (!children) return undefined;
  for (let i = children.length - 1; i >= 0; i--) if (children[i].name === name) return children[i];
  return undefined;
}

/** The location of a sequence's item `index`. */
export function itemOf(location: NodeLocation | undefined, index: number): NodeLocation | undefined {
  const item = location?.children?.[index];
  return item && item.name === undefined ? item : undefined;
}

/** Longest key kept whole in JSON pointers (YAML's own bound on implicit keys). */
const MAX_POINTER_KEY = 1024;

export function escapePointerToken(token: string): string {
  // Most tokens (keys, indices) have neither: two searches cost less than two replaces.
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A key as it appears in pointers: escaped, and cut when longer than any real key. */
export function pointerToken(name: string): string {
  return escapePointerToken(name.length > MAX_POINTER_KEY ? name.slice(0, MAX_POINTER_KEY) : name);
}

/** Every location of the tree under `root` by JSON pointer, in document order (the full parser's order). */
export function locationsByPointer(root: NodeLocation | undefined): Map<string, NodeLocation> {
  const nodes = new Map<string, NodeLocation>();
  const walk = (location: NodeLocation, pointer: string): void => {
    nodes.set(pointer, location);
    const children = location.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      walk(child, `${pointer}/${child.name === undefined ? i : pointerToken(child.name)}`);
    }
  };
  if (root) walk(root, '');
  return nodes;
}

/** The location findings about a node should underline: the key for block collections. */
export function rangeOf(nodes: Map<string, NodeLocation>, pointer: string, prefer: 'key' | 'value' = 'value'): Range | undefined {
  const loc = nodes.get(pointer);
  return loc && rangeOfLocation(loc, prefer);
}

export function rangeOfLocation(loc: NodeLocation, prefer: 'key' | 'value' = 'value'): Range {
  if (prefer === 'key' && loc.key) return loc.key;
  if (loc.block && loc.key) return loc.key;
  return loc.value;
}
