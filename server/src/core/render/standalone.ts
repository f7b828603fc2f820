/**
 * One self-contained HTML file: the same page body as the preview, the stylesheet inline,
 * no script at all, and a CSP that allows exactly that stylesheet (by its hash) and no image
 * (remote images only when allowed), so even a payload that escaped escaping could not run or
 * make the reader's browser contact a host.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './html';
import type { RenderedBulletin } from './render';

export function standaloneHtml(rendered: Pick<RenderedBulletin, 'html' | 'title' | 'lang'>, css: string, allowRemoteImages = false): string {
  const styleHash = createHash('sha256').update(css, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src ${allowRemoteImages ? 'https:' : "'none'"}; form-action 'none'; base-uri 'none'`;
  return (
    `<!DOCTYPE html>\n<html lang="${rendered.lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${escapeHtml(rendered.title)}</title>\n<style>${css}</style>\n</head>\n` +
    `<body class="standalone">\n${rendered.html}\n</body>\n</html>\n`
  );
}
