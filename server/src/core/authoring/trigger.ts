/**
 * Which typed characters open completion by themselves. A slash opens it only inside a CVSS
 * vector (its next metric). A space opens it only where a value
 * or a list item starts (`key: `, `- `, `[a, `): a space typed to indent a line or between the
 * words of a title asks for nothing, so the list never pops up over prose. In a comment it opens
 * it only where a suppression comment's rule codes go (`# bulletin-ignore `, and after a comma).
 */
export const triggerCharacters = [':', ' ', '[', ',', '/'];

/** Whether completion triggered by `character` belongs at the end of `lineBefore` (the line up to the cursor). */
export function triggerFits(character: string | undefined, lineBefore: string): boolean {
  // A slash asks only inside a CVSS vector, for its next metric (never in a path or an address).
  if (character === '/') return /\bvector:\s*["']?CVSS:[^\s#]*\/$/.test(lineBefore);
  if (character !== ' ') return true;
  // A suppression comment's codes: after the directive, and after a comma.
  if (/^\s*#\s*bulletin-ignore(?:-file)?\s$|^\s*#\s*bulletin-ignore(?:-file)?\s[^:#]*,\s$/.test(lineBefore)) return true;
  return /(?:^\s*(?:-\s+)*-|:|\[|,)\s$/.test(lineBefore) && !/^\s*#/.test(lineBefore);
}
