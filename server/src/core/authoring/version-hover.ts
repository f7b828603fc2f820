/**
 * Hover on a file's `version`: how it compares with the same file (platform id, name
 * case-insensitively, variant) in the bulletins this one `includes` or is `related` to —
 * newer, older or the same, with each bulletin's id and version, newest bulletin first (the
 * order of every file history: core/index/order.ts). Worded in the bulletin's own language.
 */
import type { Analysis } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import { newestFirst } from '../index/order';
import type { Bulletin, BulletinFile } from '../model';
import { msg, registerMessages } from '../messages';
import { compareVersions } from '../version';

registerMessages({
  en: {
    'hover.versionCompare': '`{name}` {version} on `{platform}`, against the bulletins this one names (newest first):',
    'hover.versionCompare.none': 'No bulletin this one includes or relates to ships `{name}` on `{platform}`.',
    'hover.versionCompare.names': 'Named in',
    'hover.versionCompare.here': 'This version is',
    'hover.versionCompare.newer': 'newer',
    'hover.versionCompare.older': 'older',
    'hover.versionCompare.equal': 'the same',
  },
  ja: {
    'hover.versionCompare': '`{platform}` の `{name}` {version} と、このセキュリティ情報が参照するセキュリティ情報の同じファイルとの比較 (新しい順):',
    'hover.versionCompare.none': 'このセキュリティ情報が含む、または関連するセキュリティ情報に、`{platform}` 向けの `{name}` はありません。',
    'hover.versionCompare.names': '参照',
    'hover.versionCompare.here': 'このバージョンは',
    'hover.versionCompare.newer': '新しい',
    'hover.versionCompare.older': '古い',
    'hover.versionCompare.equal': '同じ',
  },
});

export const FILE_VERSION_POINTER = /^\/platforms\/\d+\/files\/\d+\/version$/;
const DOTTED = /^\d+(\.\d+)*$/;

interface Row {
  bulletin: Bulletin;
  kind: 'includes' | 'related';
  version: string;
}

/** The comparison's Markdown, or undefined when the version is not a dotted version (the key's description is hovered instead). */
export function versionHover(analysis: Analysis, index: WorkspaceIndex, pointer: string): string | undefined {
  const filePointer = pointer.slice(0, -'/version'.length);
  const platformPointer = filePointer.replace(/\/files\/\d+$/, '');
  const self = analysis.bulletin;
  const platform = self.platforms.find((p) => p.pointer === platformPointer);
  const file = platform?.files.find((f) => f.pointer === filePointer);
  if (!platform?.id || !file?.version || !DOTTED.test(file.version)) return undefined;
  const lang = self.lang;
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const [kind, refs] of [['includes', self.includes], ['related', self.related]] as const) {
    for (const ref of refs) {
      for (const other of index.byId(ref.id)) {
        if (other.uri === self.uri || seen.has(other.uri)) continue;
        seen.add(other.uri);
        for (const same of sameFiles(other, platform.id, file)) rows.push({ bulletin: other, kind, version: same.version! });
      }
    }
  }
  const args = { name: file.variant ? `${file.name} (${file.variant})` : file.name, version: file.version, platform: platform.id };
  if (rows.length === 0) return msg(lang, 'hover.versionCompare.none', args);
  rows.sort((a, b) => newestFirst({ published: a.bulletin.published, id: a.bulletin.id, version: a.version }, { published: b.bulletin.published, id: b.bulletin.id, version: b.version }));
  const lines = [
    msg(lang, 'hover.versionCompare', args),
    '',
    `| ${msg(lang, 'hover.bulletin')} | ${msg(lang, 'hover.versionCompare.names')} | ${msg(lang, 'hover.version')} | ${msg(lang, 'hover.versionCompare.here')} |`,
    '|---|---|---|---|',
  ];
  for (const row of rows) {
    const c = compareVersions(file.version, row.version);
    const verdict = msg(lang, c > 0 ? 'hover.versionCompare.newer' : c < 0 ? 'hover.versionCompare.older' : 'hover.versionCompare.equal');
    lines.push(`| ${row.bulletin.id ?? '?'} | \`${row.kind}\` | ${row.version} | ${c < 0 ? `**${verdict}**` : verdict} |`);
  }
  return lines.join('\n');
}

/** The same file in another bulletin: same platform id, name (case-insensitive) and variant, with a dotted version. */
function sameFiles(other: Bulletin, platformId: string, file: BulletinFile): BulletinFile[] {
  const name = file.name.toLowerCase();
  const out: BulletinFile[] = [];
  for (const p of other.platforms) {
    if (p.id !== platformId) continue;
    for (const f of p.files) if (f.name.toLowerCase() === name && f.variant === file.variant && f.version && DOTTED.test(f.version)) out.push(f);
  }
  return out;
}
