/**
 * What the cross-file rules (`rules/*` with `crossFile: true`) read from a bulletin other than
 * the one they check, apart from ranges: its id, `published`, the ids it names (and how), and
 * every file of every platform with an id (name, variant, version, size, JSON pointer). When
 * an edit leaves these equal, other bulletins' findings can differ only in the related
 * locations they point into the edited one (offsets), so a dependent without such locations
 * need not be re-checked. A new cross-file rule that reads more must add it here.
 */
import type { Bulletin, Ref } from '../model';

export function sameCrossFileFacts(a: Bulletin, b: Bulletin): boolean {
  if (a.uri !== b.uri || a.id !== b.id || a.published !== b.published) return false;
  if (!sameRefs(a.includes, b.includes) || !sameRefs(a.related, b.related)) return false;
  if (a.platforms.length !== b.platforms.length) return false;
  for (let p = 0; p < a.platforms.length; p++) {
    const pa = a.platforms[p];
    const pb = b.platforms[p];
    if (pa.id !== pb.id || pa.pointer !== pb.pointer) return false;
    // A platform without an id has no file identities: no rule reads its files elsewhere.
    if (pa.id === undefined) continue;
    if (pa.files.length !== pb.files.length) return false;
    for (let f = 0; f < pa.files.length; f++) {
      const fa = pa.files[f];
      const fb = pb.files[f];
      if (fa.name !== fb.name || fa.variant !== fb.variant || fa.version !== fb.version || fa.size !== fb.size || fa.pointer !== fb.pointer) return false;
    }
  }
  return true;
}

function sameRefs(a: readonly Ref[], b: readonly Ref[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id) return false;
  return true;
}
