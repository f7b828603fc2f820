/**
 * The number the workspace index finds a file at a version by (see `fileHash`). Records
 * carry it, computed where they are written (an index worker) and kept in the cache, so
 * indexing 250,000 files at start computes none.
 */
import type { BulletinFile } from '../model';
import { versionKey } from '../version';

/**
 * Files at a version are found by a number made from (platform id, name and variant
 * case-insensitively, canonical version), not by a string key: at 10,000 bulletins a key string
 * per file cost 250,000 strings and as many arrays, and building and hashing them was most of
 * indexing. Equal files have equal numbers; a bucket may also hold others (a collision), so
 * every lookup compares the entries themselves.
 */
function mixText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return Math.imul(h ^ 0xffff, 16777619); // the end of a part (no char code is 0xffff in a key)
}

/** As `mixText` of `text.toLowerCase()`, without a copy when the text is ASCII. */
function mixLower(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return mixText(hash, text.toLowerCase());
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return Math.imul(h ^ 0xffff, 16777619);
}

export function fileHash(platformId: string, name: string, variant: string | undefined, version: string): number {
  return atVersion(identityMix(platformId, name, variant), version);
}

/** A number for the file's identity (platform id, name and variant case-insensitively), no version. */
export function identityHash(platformId: string, name: string, variant: string | undefined): number {
  return identityMix(platformId, name, variant) & 0x3fffffff;
}

function identityMix(platformId: string, name: string, variant: string | undefined): number {
  return mixLower(mixLower(mixText(0x811c9dc5, platformId), name), variant ?? '');
}

/** `fileHash` from the identity's mix: the canonical version mixed in, as a small integer (the cheapest Map key). */
function atVersion(identity: number, version: string): number {
  return mixText(identity, versionKey(version)) & 0x3fffffff;
}

/**
 * `[fileHash, identityHash]` of a file of a platform, computed together (the identity is where
 * the file hash starts), for the record to keep: -1 for what a missing id or version leaves.
 */
export function fileHashes(platformId: string | undefined, name: string, variant: string | undefined, version: string | undefined): [number, number] {
  if (platformId === undefined) return [-1, -1];
  const identity = identityMix(platformId, name, variant);
  return [version === undefined ? -1 : atVersion(identity, version), identity & 0x3fffffff];
}

const sameText = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

/** Whether the file is (name, variant) at `version` (numerically: `5.00.1` is `5.0.1`). */
export function isAtVersion(file: BulletinFile, name: string, variant: string | undefined, version: string): boolean {
  return (
    file.version !== undefined &&
    sameText(file.name, name) &&
    sameText(file.variant ?? '', variant ?? '') &&
    (file.version === version || versionKey(file.version) === versionKey(version))
  );
}

/** Whether two files of these platforms are the same file (identity: platform id, name, variant). */
export function sameIdentity(platformA: string, a: BulletinFile, platformB: string, b: BulletinFile): boolean {
  return platformA === platformB && sameText(a.name, b.name) && sameText(a.variant ?? '', b.variant ?? '');
}
