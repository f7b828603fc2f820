/** The codes and default severities of a Markdown rule table (`| code | default | … |` rows, the code linked or not). */
export function tableCodes(markdown: string): string[] {
  return [...markdown.matchAll(/^\| (?:\[)?`([a-z-]+)`(?:\]\([^)]*\))? \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
}

/**
 * The codes a specification defines in its prose rather than in a table, with their default
 * severity: "is itself a finding, `suppression` (warning)".
 */
export function proseCodes(markdown: string): string[] {
  return [...markdown.replace(/\s+/g, ' ').matchAll(/is itself a finding, `([a-z-]+)` \((error|warning|information|hint)\)/g)].map((m) => `${m[1]} ${m[2]}`);
}
