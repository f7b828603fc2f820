/**
 * Which of two bulletins is "newer" (the later `published`, then the greater `id`), and which
 * one a finding involving both is reported on (the one whose `includes`/`related` names the
 * other, else the newer one).
 */
import type { Bulletin } from '../model';
import { compareVersions } from '../version';

/** > 0 when `a` is newer than `b`; the document key breaks a full tie so the order is total. */
export function compareNewer(a: Bulletin, b: Bulletin): number {
  const pa = a.published ?? '';
  const pb = b.published ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ia = a.id ?? '';
  const ib = b.id ?? '';
  if (ia !== ib) return ia < ib ? -1 : 1;
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

export function names(from: Bulletin, other: Bulletin): boolean {
  const id = other.id;
  if (id === undefined) return false;
  return from.includes.some((r) => r.id === id) || from.related.some((r) => r.id === id);
}

/** The bulletin a finding about the pair (a, b) belongs to. */
export function reporterOf(a: Bulletin, b: Bulletin): Bulletin {
  const aNamesB = names(a, b);
  const bNamesA = names(b, a);
  if (aNamesB !== bNamesA) return aNamesB ? a : b;
  return compareNewer(a, b) >= 0 ? a : b;
}

/** What a file's history row says of the bulletin that ships it. */
export interface Shipped {
  published?: string;
  id?: string;
  version?: string;
}

/**
 * A file's history, newest first: the later `published`, then the greater id, then the higher
 * version. The one order of every list of a file's shipments (hover on a file name, Show Index,
 * hover on a version), so they never disagree.
 */
export function newestFirst(a: Shipped, b: Shipped): number {
  const pa = a.published ?? '';
  const pb = b.published ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  const ia = a.id ?? '';
  const ib = b.id ?? '';
  if (ia !== ib) return ia < ib ? 1 : -1;
  if (a.version && b.version) return compareVersions(b.version, a.version);
  return 0;
}
