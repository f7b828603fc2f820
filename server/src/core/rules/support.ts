/** Small helpers the rule modules share: names for bulletins, related locations. */
import type { Bulletin, BulletinFile } from '../model';
import { fileIdentity } from '../index/workspace-index';
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

/** A bulletin's files by identity (platform id, name case-insensitively, variant), in document order. */
export function filesByIdentity(bulletin: Bulletin): Map<string, BulletinFile[]> {
  const out = new Map<string, BulletinFile[]>();
  for (const platform of bulletin.platforms) {
    if (platform.id === undefined) continue;
    for (const file of platform.files) {
      const key = fileIdentity(platform.id, file.name, file.variant);
      const list = out.get(key);
      if (list) list.push(file);
      else out.set(key, [file]);
    }
  }
  return out;
}
