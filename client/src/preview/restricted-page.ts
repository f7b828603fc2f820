/**
 * The preview page in Restricted Mode (an untrusted workspace): the rendered bulletin with its
 * stylesheet and nothing else. The CSP names no script source, so nothing runs, whatever the
 * page contains; updates replace the whole page (no scroll sync). Pure, for the browser test.
 */
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface RestrictedPage {
  /** The rendered bulletin (or an error paragraph). */
  body: string;
  /** The stylesheet's webview URI. */
  stylesheet: string;
  /** The webview's `cspSource`. */
  cspSource: string;
}

export function restrictedPreviewHtml({ body, stylesheet, cspSource }: RestrictedPage): string {
  const csp = [`default-src 'none'`, `style-src ${cspSource}`, `img-src ${cspSource}`, `form-action 'none'`, `base-uri 'none'`].join('; ');
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<link rel="stylesheet" href="${escapeAttribute(stylesheet)}">` +
    `</head><body><div id="bulletin-root" role="document">${body}</div></body></html>`
  );
}
