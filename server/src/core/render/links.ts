/**
 * Links from a page to the pages of the bulletins it names (`includes`, `related`): a relative
 * `href` to the referenced bulletin's HTML page for the exported file, and the referenced
 * bulletin's source file relative to this one (`data-source`) for the preview, which opens it.
 * Locations are the index's keys: URIs in the server (`file:///…`), paths in the CLI.
 */
import type { Bulletin } from '../model';
import type { WorkspaceIndex } from '../index/workspace-index';

export interface PageLocations {
  /** Where this bulletin's page is (or will be written); undefined: unknown, so no `href` can be made. */
  page: string | undefined;
  /** Where the page of the bulletin with this source location is, when known. */
  pageOf(source: string): string | undefined;
}

export interface RefLink {
  /** Relative URL of the referenced bulletin's page, from this page. */
  href: string;
  /** Relative URL of the referenced bulletin's source file, from this one's (percent-encoded segments). */
  source?: string;
}

const BULLETIN_SOURCE = /\.bulletin\.ya?ml$/i;

/** A bulletin's page beside its source, as Export HTML saves it by default: `MS04-012.bulletin.yaml` → `MS04-012.html`. */
export function pageBesideSource(source: string): string | undefined {
  return BULLETIN_SOURCE.test(source) ? source.replace(BULLETIN_SOURCE, '.html') : undefined;
}

export const pagesBesideSources = (self: string): PageLocations => ({ page: pageBesideSource(self), pageOf: pageBesideSource });

interface Location {
  /** Scheme and authority of a URI (`file://`), '' for a path; two locations relate only when equal. */
  base: string;
  absolute: boolean;
  /** Path segments, percent-encoded. */
  segments: string[];
}

const URI = /^([a-z][a-z0-9+.-]+:)(\/\/[^/?#]*)?([^?#]*)/i;
const DRIVE = /^[a-z]:[\\/]/i;

function normalSegment(segment: string, first: boolean): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return segment;
  }
  if (first && /^[a-z]:$/i.test(decoded)) decoded = decoded.toLowerCase();
  return encodeURIComponent(decoded);
}

function locate(key: string): Location | undefined {
  if (!DRIVE.test(key)) {
    const uri = URI.exec(key);
    if (uri) {
      const path = uri[3];
      // One spelling per segment (VS Code writes `c%3A`, Node `C:`; escapes in either case).
      const segments = path.split('/').filter((s) => s !== '' && s !== '.').map((s, i) => normalSegment(s, i === 0));
      return { base: `${uri[1].toLowerCase()}${uri[2] ?? ''}`, absolute: path.startsWith('/'), segments };
    }
  }
  const path = key.replace(/\\/g, '/');
  const absolute = path.startsWith('/') || DRIVE.test(key);
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    segments.push(encodeURIComponent(segment));
  }
  return { base: '', absolute, segments };
}

/** The relative URL that leads from the file at `from` to the file at `to`; undefined when no relative URL does (other scheme or host, mixed kinds). */
export function relativeUrl(from: string, to: string): string | undefined {
  const a = locate(from);
  const b = locate(to);
  if (!a || !b || a.base !== b.base || a.absolute !== b.absolute || b.segments.length === 0) return undefined;
  const fromDir = a.segments.slice(0, -1);
  const toDir = b.segments.slice(0, -1);
  // A path that climbs above its start cannot be related to another by a relative URL.
  if (fromDir.includes('..') || toDir.includes('..')) return undefined;
  let common = 0;
  while (common < fromDir.length && common < toDir.length && fromDir[common] === toDir[common]) common++;
  const up = fromDir.slice(common).map(() => '..');
  const url = [...up, ...b.segments.slice(common)].join('/');
  // A first segment with a colon would read as a scheme (`c:x.html`).
  return url.split('/')[0].includes(':') ? `./${url}` : url;
}

/** The link for each id a bulletin names: to the first other bulletin of the workspace with that id, when its page's place is known. */
export function refLinker(bulletin: Bulletin, index: WorkspaceIndex, locations: PageLocations): (id: string) => RefLink | undefined {
  return (id) => {
    const target = index.byId(id).find((candidate) => candidate.uri !== bulletin.uri);
    if (!target || !locations.page) return undefined;
    const targetPage = locations.pageOf(target.uri);
    const href = targetPage === undefined ? undefined : relativeUrl(locations.page, targetPage);
    if (href === undefined) return undefined;
    return { href, source: relativeUrl(bulletin.uri, target.uri) };
  };
}
