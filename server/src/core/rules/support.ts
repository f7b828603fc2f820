/** Small helpers the rule modules share: names for bulletins, related locations. */
import type { Bulletin, BulletinFile } from '../model';
import { identityHash, sameIdentity } from '../index/file-hash';
import type { Range } from '../parse';
import type { RelatedLocation } from '../problems';

/** How a message names a bulletin: its id, else its file name. */
export function label(bulletin: Bulletin): string {
  return bulletin.id ?? baseName(bulletin.uri);
}

export function baseName(uri: string): string {
  const decoded = (() => {
    try {
      return decodeURIComponent(uri);
    } catch {
      return uri;
    }
  })();
  return decoded.slice(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1);
}

export function relatedAt(bulletin: Bulletin, range: Range, message: string): RelatedLocation {
  return { uri: bulletin.uri, offset: range[0], length: Math.max(0, range[1] - range[0]), message };
}

/** The file's variant, for messages: ` [uniproc]` or nothing. */
export function variantSuffix(variant: string | undefined): string {
  return variant ? ` [${variant}]` : '';
}

const NO_FILES: readonly BulletinFile[] = Object.freeze([]);

/**
 * A bulletin's files by identity (platform id, name case-insensitively, variant), in document
 * order. Keyed by a number (`identityHash`), not a built string: the cross-file rules make one
 * for every bulletin they compare, and building key strings was most of their time.
 */
export class FilesByIdentity {
  private readonly byHash = new Map<number, number | number[]>();
  private readonly files: BulletinFile[] = [];
  private readonly platformIds: string[] = [];

  constructor(bulletin: Bulletin) {
    for (const platform of bulletin.platforms) {
      if (platform.id === undefined) continue;
      for (const file of platform.files) {
        const at = this.files.push(file) - 1;
        this.platformIds.push(platform.id);
        const hash = identityOfFile(platform.id, file);
        const present = this.byHash.get(hash);
        if (present === undefined) this.byHash.set(hash, at);
        else if (Array.isArray(present)) present.push(at);
        else this.byHash.set(hash, [present, at]);
      }
    }
  }

  /** The bulletin's files with the identity of `file` on its platform `platformId`, in document order. */
  get(platformId: string, file: BulletinFile): readonly BulletinFile[] {
    const present = this.byHash.get(identityOfFile(platformId, file));
    if (present === undefined) return NO_FILES;
    if (!Array.isArray(present)) return sameIdentity(this.platformIds[present], this.files[present], platformId, file) ? [this.files[present]] : NO_FILES;
    const out: BulletinFile[] = [];
    for (const at of present) {
      if (sameIdentity(this.platformIds[at], this.files[at], platformId, file)) out.push(this.files[at]);
    }
    return out;
  }

  /** The first of them, if any. */
  first(platformId: string, file: BulletinFile): BulletinFile | undefined {
    const present = this.byHash.get(identityOfFile(platformId, file));
    if (present === undefined) return undefined;
    if (!Array.isArray(present)) return sameIdentity(this.platformIds[present], this.files[present], platformId, file) ? this.files[present] : undefined;
    for (const at of present) {
      if (sameIdentity(this.platformIds[at], this.files[at], platformId, file)) return this.files[at];
    }
    return undefined;
  }
}

/**
 * `FilesByIdentity` of a bulletin, made once and kept with it (a bulletin never changes, and
 * one that many others name is asked about once per naming bulletin).
 */
export function filesByIdentityOf(bulletin: Bulletin): FilesByIdentity {
  return bulletin.derived(FilesByIdentity, () => new FilesByIdentity(bulletin));
}

/** `identityHash` of a file on its own platform (`platformId` is that platform's id): the one its record keeps. */
function identityOfFile(platformId: string, file: BulletinFile): number {
  return file.identityHash >= 0 ? file.identityHash : identityHash(platformId, file.name, file.variant);
}
