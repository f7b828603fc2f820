/**
 * Hostile text in every field of a bulletin is rendered inert: no element, attribute or link
 * comes from the document, and each payload is shown as the text the author typed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkspace, root, text } from '../fixtures/render/support';
import { standaloneHtml } from '../../server/src/core/render';
import { safeUrl } from '../../server/src/core/render/html';

const source = readFileSync(join(root, 'test', 'fixtures', 'render', 'xss.bulletin.yaml'), 'utf8');
const page = renderWorkspace([{ uri: 'file:///ws/xss.bulletin.yaml', text: source }]);

/** Every tag of the page with its attributes. */
const tags = [...page.html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({ name: m[2].toLowerCase(), attributes: m[3] }));
const ALLOWED_TAGS = new Set(['article', 'aside', 'header', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'span', 'strong', 'em', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'blockquote', 'hr']);

test('only the renderer\'s own elements appear: no script, img, iframe, style, form', () => {
  assert.deepEqual([...new Set(tags.map((t) => t.name))].filter((name) => !ALLOWED_TAGS.has(name)), []);
});

test('no attribute is an event handler, a style, or a script link', () => {
  for (const { name, attributes } of tags) {
    assert.doesNotMatch(attributes, /\son[a-z]+\s*=/i, `<${name}${attributes}>`);
    assert.doesNotMatch(attributes, /\sstyle\s*=/i, `<${name}${attributes}>`);
    assert.doesNotMatch(attributes, /(?:javascript|vbscript|data):/i, `<${name}${attributes}>`);
  }
});

test('links are only http(s) and mailto', () => {
  const hrefs = [...page.html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(hrefs.length > 0);
  for (const href of hrefs) assert.match(href, /^(https?:\/\/|mailto:)/);
  assert.equal(safeUrl("javascript:alert(1)"), undefined);
  assert.equal(safeUrl(' JaVaScRiPt:alert(1)'), undefined);
  assert.equal(safeUrl('https://exa mple.com'), undefined);
  assert.equal(safeUrl('java\nscript:alert(1)'), undefined);
  assert.equal(safeUrl('mailto:info@hotfix.jp'), 'mailto:info@hotfix.jp');
});

test('every payload is shown as text', () => {
  const shown = text(page.html);
  for (const marker of ['title', 'exploit', 'urgency', 'advisory-label', 'vuln-id', 'vuln-title', 'summary', 'summary-img', 'code', 'platform-name', 'package', 'file-name', 'description', 'variant', 'key', 'value', 'unsupported-name', 'unsupported-reason', 'workaround-title', 'workaround-note', 'related', 'includes', 'id']) {
    assert.ok(shown.includes(`window.__xss='${marker}'`), `payload ${marker} is not shown as text`);
  }
  assert.ok(shown.includes("<script>window.__xss='title'</script>"));
  assert.ok(shown.includes('</style><style>body{display:none}</style>'));
});

test('the standalone page has a CSP, its own stylesheet and no script; a </style> in the text cannot end the stylesheet', () => {
  const css = 'body { color: red; }';
  const html = standaloneHtml(page, css);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;; img-src &#39;none&#39;;/);
  assert.equal((html.match(/<style>/g) ?? []).length, 1);
  assert.equal((html.match(/<\/style>/g) ?? []).length, 1);
  assert.ok(html.indexOf('</style>') < html.indexOf('<body'));
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /<title>&lt;script&gt;window.__xss=&#39;title&#39;&lt;\/script&gt;/);
});
