/**
 * The messages between the preview panel and its webview, as typed unions. Whatever the
 * webview sends is checked here: the shape, and the document it claims to come from.
 */

/** Host → webview. `source` is the URI of the bulletin the page shows. */
export type ToWebview =
  | { type: 'update'; source: string; version: number; html: string; title: string; locked: boolean }
  | { type: 'scrollToLine'; source: string; line: number }
  | { type: 'error'; source: string; message: string };

/** Webview → host. */
export type FromWebview =
  | { type: 'ready'; source: string }
  | { type: 'didScroll'; source: string; line: number }
  | { type: 'revealLine'; source: string; line: number }
  /** A link to another bulletin was clicked: its source, relative to this one's (percent-encoded segments). */
  | { type: 'openBulletin'; source: string; path: string };

/** What the webview keeps with `setState`, so the panel comes back after a window reload. */
export interface PreviewState {
  resource: string;
  locked: boolean;
  line?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 10_000_000;

/** A well-formed message about `expectedSource`, or undefined (stale, forged or malformed). */
export function parseFromWebview(value: unknown, expectedSource: string): FromWebview | undefined {
  if (!isRecord(value) || value.source !== expectedSource) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready', source: expectedSource };
    case 'didScroll':
    case 'revealLine':
      return isLine(value.line) ? { type: value.type, source: expectedSource, line: value.line } : undefined;
    case 'openBulletin':
      return isBulletinPath(value.path) ? { type: 'openBulletin', source: expectedSource, path: value.path } : undefined;
    default:
      return undefined;
  }
}

/** A relative URL of a bulletin's source, as the renderer writes it: no scheme, no query, ends in .bulletin.yaml/.yml. */
function isBulletinPath(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 4096 || /[?#\\\u0000-\u001f]/.test(v) || v.startsWith('/')) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return false; // a scheme: not relative
  let decoded: string[];
  try {
    decoded = v.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return false;
  }
  return decoded.every((segment) => !segment.includes('/') && !segment.includes('\\')) && /\.bulletin\.ya?ml$/i.test(decoded.at(-1)!);
}

/** The segments of such a path, decoded, for `Uri.joinPath`. */
export function bulletinPathSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && segment !== '.').map((segment) => decodeURIComponent(segment));
}

export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (!isRecord(value) || typeof value.resource !== 'string' || value.resource.length === 0) return undefined;
  return { resource: value.resource, locked: value.locked === true, line: isLine(value.line) ? value.line : undefined };
}
