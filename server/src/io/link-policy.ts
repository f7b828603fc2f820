/**
 * Which folders and files a listing of bulletins may enter through a symbolic link (the
 * server's workspace scan and the CLI's folder arguments alike). A link is followed only while
 * its real target stays inside the folder being listed, unless the user widens that
 * (`bulletin.followLinksOutside`, ignored in Restricted Mode). Nothing under /proc, /sys or /dev
 * is ever entered, whatever the setting: those are endless or not files at all. Skipped links
 * are counted, so the status bar and the CLI's summary can say how many.
 */
import { sep } from 'node:path';

const NEVER = process.platform === 'win32' ? [] : ['/proc', '/sys', '/dev'];

export class LinkPolicy {
  /** Links not followed in this listing. */
  skipped = 0;
  private readonly roots: string[];

  /** `roots`: real paths (after `realpath`) of the folders being listed. */
  constructor(roots: readonly string[], readonly followOutside = false) {
    this.roots = [...roots];
  }

  /** A folder or file reached without a link may be entered (never /proc, /sys, /dev). */
  static allowedPlace(real: string): boolean {
    return !NEVER.some((system) => real === system || real.startsWith(`${system}/`));
  }

  /** Whether a link whose real target is `real` is followed; a refusal is counted. */
  follow(real: string): boolean {
    const allowed = LinkPolicy.allowedPlace(real) && (this.followOutside || this.roots.some((root) => isInside(real, root)));
    if (!allowed) this.skipped++;
    return allowed;
  }
}

function isInside(path: string, root: string): boolean {
  if (path === root) return true;
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}
