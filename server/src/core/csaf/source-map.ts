/**
 * CSAF JSON pointer → the YAML pointer it was made from, so a validator finding at
 * `/vulnerabilities/1/cve` lands on the bulletin's `/vulnerabilities/1/id`. A pointer with no
 * entry of its own resolves through its nearest mapped ancestor.
 */
import { rangeOf, type NodeLocation, type Range } from '../parse';

export class CsafSourceMap {
  private readonly entries = new Map<string, string>();

  set(csafPointer: string, yamlPointer: string): void {
    this.entries.set(csafPointer, yamlPointer);
  }

  get(csafPointer: string): string | undefined {
    return this.entries.get(csafPointer);
  }

  /** The YAML pointer of the CSAF node or of its nearest mapped ancestor; '' (the root) at worst. */
  resolve(csafPointer: string): string {
    let pointer = csafPointer;
    for (;;) {
      const found = this.entries.get(pointer);
      if (found !== undefined) return found;
      if (pointer === '') return '';
      pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    }
  }

  /**
   * The YAML range for a CSAF pointer: the mapped node, or the nearest existing node above it;
   * a node spanning lines is cut to its first line, and the root becomes the `id` key.
   */
  /** The bulletin pointer of the nearest existing node for a CSAF pointer ('' for the root). */
  nodeFor(csafPointer: string, nodes: Map<string, NodeLocation>): string {
    let yamlPointer = this.resolve(csafPointer);
    while (yamlPointer !== '' && !nodes.has(yamlPointer)) yamlPointer = yamlPointer.slice(0, yamlPointer.lastIndexOf('/'));
    return yamlPointer;
  }

  rangeFor(csafPointer: string, nodes: Map<string, NodeLocation>, text: string): Range {
    const yamlPointer = this.nodeFor(csafPointer, nodes);
    const range = yamlPointer === '' ? rangeOf(nodes, '/id', 'key') : rangeOf(nodes, yamlPointer);
    if (!range) return [0, 0];
    const newline = text.slice(range[0], range[1]).search(/[\r\n]/);
    return newline < 0 ? range : [range[0], range[0] + newline];
  }

  get size(): number {
    return this.entries.size;
  }
}
