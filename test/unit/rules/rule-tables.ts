/** The codes and default severities of a Markdown rule table (`| code | default | … |` rows, the code linked or not). */
export function tableCodes(markdown: string): string[] {
  return [...markdown.matchAll(/^\| (?:\[)?`([a-z-]+)`(?:\]\([^)]*\))? \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
}
