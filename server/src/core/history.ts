/**
 * What the rules know of a bulletin's last committed version (from git, found by the caller: the
 * core never runs anything). `unrevisedChange` reads it: a material change since that version
 * needs a new revision. Pure: the committed text and the current parse in, facts out.
 */
import { parse, type ParsedDocument } from './parse';
import { diffBulletins, type Change } from './diff';
import type { Locale } from './messages';
import { isObj, type Obj } from './plain';

export interface CommittedVersion {
  /** The commit the text was read at (HEAD). */
  commit: string;
  /** The committed version's `status` as written (absent: final). */
  status?: string;
  /** Its `updated` as written. */
  updated?: string;
  /** Its number of revisions and the last one's date. */
  revisionCount: number;
  lastRevisionDate?: string;
  /** The current text's language (the changes' labels are in it). */
  lang: Locale;
  /** The semantic diff from it to the current text (empty: nothing material changed). */
  changes: Change[];
}

/** Answers the committed version of a bulletin (by its key in the workspace), or undefined: no git, no repository, not tracked. */
export type HistoryLookup = (uri: string) => CommittedVersion | undefined;


/** The facts of a committed text against the current parse. */
export function committedVersion(commit: string, committed: string | ParsedDocument, current: ParsedDocument, locale?: Locale): CommittedVersion {
  const before = typeof committed === 'string' ? parse(committed) : committed;
  const root: Obj = isObj(before.value) ? before.value : {};
  const revisions = Array.isArray(root.revisions) ? root.revisions.filter(isObj) : [];
  const last = revisions[revisions.length - 1];
  return {
    commit,
    status: typeof root.status === 'string' ? root.status : undefined,
    updated: typeof root.updated === 'string' ? root.updated : undefined,
    revisionCount: revisions.length,
    lastRevisionDate: last && typeof last.date === 'string' ? last.date : undefined,
    lang: locale ?? (isObj(current.value) && current.value.lang === 'en' ? 'en' : 'ja'),
    changes: diffBulletins(before, current, locale),
  };
}
