/**
 * Inline range markers for fixtures: `⟦` and `⟧` delimit the expected ranges and are removed
 * from the text, so a test states exactly which characters a finding must underline.
 */
export function marked(source: string): { text: string; ranges: [number, number][] } {
  let text = '';
  const ranges: [number, number][] = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') ranges.push([open.pop()!, text.length]);
    else text += ch;
  }
  return { text, ranges };
}

/** The same YAML with the minimal valid header, so only the fault under test is reported. */
export const header = 'bulletin: 1\nid: MS04-029\ntitle: T\npublished: 2004-10-16\nseverity: important\n';
