/**
 * `summary` and `comment` are Markdown: markdown-it with raw HTML off, links limited to
 * http(s) and mailto, and every block carrying the editor line it came from (`data-line`).
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml, safeUrl } from './html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url: string) => safeUrl(url) !== undefined;

const BLOCK_OPENERS = new Set([
  'paragraph_open', 'heading_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open',
  'blockquote_open', 'table_open', 'tr_open', 'code_block', 'fence', 'hr',
]);

md.core.ruler.push('bulletin_source_lines', (state) => {
  const firstLine = (state.env as { firstLine?: number }).firstLine ?? 0;
  const lastLine = (state.env as { lastLine?: number }).lastLine ?? Number.MAX_SAFE_INTEGER;
  for (const token of state.tokens) {
    if (token.map && BLOCK_OPENERS.has(token.type)) {
      token.attrSet('data-line', String(Math.min(firstLine + token.map[0], lastLine)));
    }
  }
});

// Links leave the page in a new context and never carry the referrer.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Remote images are not loaded unless the reader allows them (`bulletin.preview.allowRemoteImages`,
// as VS Code's Markdown preview): the image is shown as its alt text, a link to its address.
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  if ((env as { allowRemoteImages?: boolean }).allowRemoteImages) return defaultImage(tokens, idx, options, env, self);
  const token = tokens[idx];
  const src = token.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  return `<a class="remote-image" href="${escapeHtml(src)}" rel="noopener noreferrer">${escapeHtml(alt || src)}</a>`;
};

/**
 * `firstLine` is the editor line of the Markdown's first line (the line after `key: |` for a
 * block scalar); `lastLine` bounds the markers for folded or quoted scalars whose lines move.
 */
export function renderMarkdown(text: string, firstLine: number, lastLine: number, allowRemoteImages = false): string {
  return md.render(text, { firstLine, lastLine, allowRemoteImages });
}
