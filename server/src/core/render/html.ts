/**
 * The only ways text reaches the page: every value is escaped, every link is checked.
 */
import { msg, type Locale } from '../messages';
import type { LabelKey } from './labels';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Only `http(s)` and `mailto` links are followed; anything else (javascript:, data:, file:) is not a link. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(trimmed) ? trimmed : undefined;
}

/** A label whose `{name}` placeholders take ready HTML (escaped by the caller); the template itself is escaped. */
export function labelHtml(locale: Locale, key: LabelKey, htmlArgs: Record<string, string>): string {
  const template = msg(locale, key);
  let out = '';
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    out += escapeHtml(template.slice(last, match.index));
    out += match[1] in htmlArgs ? htmlArgs[match[1]] : escapeHtml(match[0]);
    last = match.index! + match[0].length;
  }
  return out + escapeHtml(template.slice(last));
}

/** `614544` → `614,544`, as the seed writes sizes. */
export function formatSize(bytes: number): string {
  return Number.isFinite(bytes) ? Math.trunc(bytes).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(bytes);
}

/** `2004-10-16` → `2004/10/16` in Japanese (as the seed), unchanged in English. */
export function formatDate(locale: Locale, date: string | undefined): string {
  if (!date) return '';
  return locale === 'ja' ? date.replace(/-/g, '/') : date;
}

/** A value used in a class name: only letters, digits and dashes survive. */
export function classToken(value: unknown): string {
  return String(value ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '_');
}
