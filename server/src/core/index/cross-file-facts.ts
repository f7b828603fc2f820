/**
 * What the cross-file rules read from a bulletin other than the one they check, apart from
 * ranges, each rule declaring its own (`Rule.reads`; a test fails when a rule reads a fact it
 * did not declare). When an edit leaves every declared fact equal, other bulletins' findings
 * can differ only in the related locations they point into the edited one (offsets), so a
 * dependent without such locations need not be re-checked.
 */
import type { Bulletin, Ref } from '../model';

/**
 * - `id`: the bulletin's id;
 * - `published`: its publication date;
 * - `references`: the ids it names in `includes` and `related` (and how);
 * - `files`: every file of every platform with an id (platform id and pointer; file name,
 *   variant, version, size and pointer).
 */
export type CrossFileFact = 'id' | 'published' | 'references' | 'files';

type Compare = (a: Bulletin, b: Bulletin) => boolean;

const compare: Record<CrossFileFact, Compare> = {
  id: (a, b) => a.id === b.id,
  published: (a, b) => a.published === b.published,
  references: (a, b) => sameRefs(a.includes, b.includes) && sameRefs(a.related, b.related),
  files: sameFiles,
};

/** Whether `a` and `b` (two versions of one document) agree on every fact in `facts`. */
export function sameCrossFileFacts(a: Bulletin, b: Bulletin, facts: ReadonlySet<CrossFileFact>): boolean {
  if (a.uri !== b.uri) return false;
  for (const fact of facts) if (!compare[fact](a, b)) return false;
  return true;
}

function sameFiles(a: Bulletin, b: Bulletin): boolean {
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
