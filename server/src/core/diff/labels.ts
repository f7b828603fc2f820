/**
 * The words of the semantic diff, in the bulletin's language: one sentence per change (the
 * diff's views), and a revision summary drafted from all of them (the Add revision fix), e.g.
 * "rpcrt4.dll を 4.0.1381.7303 から 4.0.1381.7304 に更新、Windows NT Workstation 4.0 SP6a を対象外に".
 */
import { msg, registerMessages, type Locale } from '../messages';
import type { Change, ChangeSubject } from './index';

const en = {
  'diff.subject.field': 'Field',
  'diff.subject.summary': 'Summary',
  'diff.subject.advisory': 'Advisory',
  'diff.subject.vulnerability': 'Vulnerability',
  'diff.subject.includes': 'Included bulletin',
  'diff.subject.related': 'Related bulletin',
  'diff.subject.platform': 'Platform',
  'diff.subject.package': 'Package',
  'diff.subject.file': 'File',
  'diff.subject.registry': 'Registry check',
  'diff.subject.deployment': 'Deployment estimate',
  'diff.subject.unsupported': 'Unsupported platform',
  'diff.subject.workaround': 'Workaround',
  'diff.added': '{what} added: {name}',
  'diff.removed': '{what} removed: {name}',
  'diff.changed': '{where}{field}: {old} → {new}',
  'diff.fieldAdded': '{where}{field} added: {new}',
  'diff.fieldRemoved': '{where}{field} removed (was {old})',
  'diff.summaryChanged': 'Summary changed ({removed} lines removed, {added} added)',
  'diff.on': '{thing} on {platform}',
  'diff.draft.fileVersion': 'updated {file} from {old} to {new}',
  'diff.draft.platformRemoved': 'removed {name} from the fixed platforms',
  'diff.draft.platformAdded': 'added {name}',
  'diff.draft.added': 'added {what} {name}',
  'diff.draft.removed': 'removed {what} {name}',
  'diff.draft.changed': 'changed {field} from {old} to {new}',
  'diff.draft.changedOf': 'changed the {field} of {where}',
  'diff.draft.summary': 'revised the summary',
  'diff.draft.separator': '; ',
  'diff.draft.nothing': 'Revised',
} as const;

type Key = keyof typeof en;

const ja: Record<Key, string> = {
  'diff.subject.field': '項目',
  'diff.subject.summary': '概要',
  'diff.subject.advisory': '参照先',
  'diff.subject.vulnerability': '脆弱性',
  'diff.subject.includes': '含まれるセキュリティ情報',
  'diff.subject.related': '関連するセキュリティ情報',
  'diff.subject.platform': 'プラットフォーム',
  'diff.subject.package': 'パッケージ',
  'diff.subject.file': 'ファイル',
  'diff.subject.registry': 'レジストリの確認',
  'diff.subject.deployment': '予想適用時間',
  'diff.subject.unsupported': '修正プログラムのないプラットフォーム',
  'diff.subject.workaround': '回避策',
  'diff.added': '{what}を追加: {name}',
  'diff.removed': '{what}を削除: {name}',
  'diff.changed': '{where}{field}: {old} → {new}',
  'diff.fieldAdded': '{where}{field}を追加: {new}',
  'diff.fieldRemoved': '{where}{field}を削除 (旧: {old})',
  'diff.summaryChanged': '概要を変更 ({removed} 行削除、{added} 行追加)',
  'diff.on': '{platform} の {thing}',
  'diff.draft.fileVersion': '{file} を {old} から {new} に更新',
  'diff.draft.platformRemoved': '{name} を対象外に',
  'diff.draft.platformAdded': '{name} を追加',
  'diff.draft.added': '{what} {name} を追加',
  'diff.draft.removed': '{what} {name} を削除',
  'diff.draft.changed': '{field}を {old} から {new} に変更',
  'diff.draft.changedOf': '{where}の{field}を変更',
  'diff.draft.summary': '概要を修正',
  'diff.draft.separator': '、',
  'diff.draft.nothing': '改訂',
};

/** The names of fields, as the preview calls them. */
const FIELDS: Record<string, { en: string; ja: string }> = {
  id: { en: 'ID', ja: 'ID' },
  title: { en: 'Title', ja: '表題' },
  status: { en: 'Status', ja: '公開状態' },
  severity: { en: 'Severity', ja: '深刻度' },
  exploit: { en: 'Exploit code', ja: '攻撃コードの有無' },
  urgency: { en: 'Urgency', ja: '緊急対応度' },
  restart: { en: 'Restart', ja: '再起動' },
  uninstall: { en: 'Uninstall', ja: 'アンインストール' },
  targets: { en: 'Targets', ja: '対象環境' },
  kb: { en: 'KB', ja: 'KB 番号' },
  lang: { en: 'Language', ja: '言語' },
  published: { en: 'Published', ja: '登録日' },
  updated: { en: 'Updated', ja: '更新日' },
  name: { en: 'name', ja: '名前' },
  folder: { en: 'folder', ja: '展開フォルダ' },
  tested: { en: 'test result', ja: '適用テスト結果' },
  file: { en: 'file', ja: 'ファイル名' },
  version: { en: 'version', ja: 'バージョン' },
  size: { en: 'size', ja: 'サイズ' },
  date: { en: 'date', ja: '日付' },
  description: { en: 'description', ja: '機能' },
  type: { en: 'type', ja: '型' },
  data: { en: 'data', ja: 'データ' },
  label: { en: 'label', ja: '表示名' },
  impact: { en: 'impact', ja: '影響' },
  cvss: { en: 'CVSS', ja: 'CVSS' },
  cwe: { en: 'CWE', ja: 'CWE' },
  reason: { en: 'reason', ja: '理由' },
  note: { en: 'note', ja: '備考' },
  udp: { en: 'UDP ports', ja: 'UDP ポート' },
  tcp: { en: 'TCP ports', ja: 'TCP ポート' },
};

registerMessages({ en, ja });

const m = (locale: Locale, key: Key, args?: Record<string, string | number>) => msg(locale, key, args);
const fieldName = (field: string | undefined, locale: Locale) => (field ? (FIELDS[field]?.[locale] ?? field) : '');
const subjectName = (subject: ChangeSubject, locale: Locale) => m(locale, `diff.subject.${subject}` as Key);

/** The entry a change is about, as a reader names it: `rpcrt4.dll on nt4-server-sp6a`, `CVE-2004-0569`. */
function whereOf(change: Change, locale: Locale): string {
  const [list, id, part, name] = change.identity;
  if (list === 'platforms' && part === 'files' && name) return m(locale, 'diff.on', { thing: name, platform: id });
  if (list === 'platforms' && part === 'registry' && name) return m(locale, 'diff.on', { thing: name, platform: id });
  if (list === 'platforms' && part === 'package') return m(locale, 'diff.on', { thing: subjectName('package', locale), platform: id });
  if (change.subject === 'field') return '';
  return id ?? '';
}

/** The name of an added or removed entry: a platform's name with its id, a file with its version. */
function nameOf(change: Change): string {
  const last = change.identity[change.identity.length - 1];
  const value = change.kind === 'added' ? change.new : change.old;
  if (change.subject === 'platform') return change.name && change.name !== last ? `${change.name} (${last})` : last;
  if (change.subject === 'file') return `${last}${value ? ` ${value}` : ''} (${change.identity[1]})`;
  if (change.subject === 'package') return `${value ?? ''} (${change.identity[1]})`;
  if (change.subject === 'registry') return `${last} (${change.identity[1]})`;
  if (change.subject === 'advisory') return value ? `${value} <${last}>` : last;
  if (change.subject === 'vulnerability') return value ? `${last} ${value}` : last;
  return last;
}

export function describeChange(change: Change, locale: Locale): string {
  if (change.subject === 'summary' && change.kind === 'changed') {
    return m(locale, 'diff.summaryChanged', { removed: change.lines?.removed.length ?? 0, added: change.lines?.added.length ?? 0 });
  }
  const isEntry = change.field === undefined || (change.subject === 'deployment' && change.kind !== 'changed');
  if (isEntry && change.subject !== 'deployment' && change.subject !== 'summary') {
    return m(locale, change.kind === 'removed' ? 'diff.removed' : 'diff.added', { what: subjectName(change.subject, locale), name: nameOf(change) });
  }
  const where = whereOf(change, locale);
  const field = change.subject === 'deployment' || change.subject === 'summary' ? subjectName(change.subject, locale) : fieldName(change.field, locale);
  const prefix = where ? (locale === 'ja' ? `${where} の` : `${where}, `) : '';
  const args = { where: prefix, field, old: change.old ?? '', new: change.new ?? '' };
  if (change.kind === 'added') return m(locale, 'diff.fieldAdded', args);
  if (change.kind === 'removed') return m(locale, 'diff.fieldRemoved', args);
  return m(locale, 'diff.changed', args);
}

/** A revision summary drafted from the changes (the author edits the words). */
export function draftSummary(changes: readonly Change[], locale: Locale): string {
  const phrases: string[] = [];
  const add = (phrase: string) => !phrases.includes(phrase) && phrases.push(phrase);
  const removedPlatforms = new Set(changes.filter((c) => c.subject === 'platform' && c.kind === 'removed').map((c) => c.name));
  for (const c of changes) {
    if (c.subject === 'field' && (c.field === 'updated' || c.field === 'published')) continue;
    const last = c.identity[c.identity.length - 1];
    if (c.subject === 'file' && c.field === 'version' && c.kind === 'changed') add(m(locale, 'diff.draft.fileVersion', { file: last, old: c.old ?? '', new: c.new ?? '' }));
    else if (c.subject === 'platform' && c.field === undefined) add(m(locale, c.kind === 'removed' ? 'diff.draft.platformRemoved' : 'diff.draft.platformAdded', { name: c.name ?? last }));
    else if (c.subject === 'unsupported' && c.kind === 'added' && removedPlatforms.has(last)) continue;
    else if (c.subject === 'summary') add(m(locale, 'diff.draft.summary'));
    else if (c.subject === 'field' && c.kind === 'changed') add(m(locale, 'diff.draft.changed', { field: fieldName(c.field, locale), old: c.old ?? '', new: c.new ?? '' }));
    else if (c.field === undefined || c.subject === 'deployment') {
      if (c.kind === 'changed') add(m(locale, 'diff.draft.changedOf', { where: whereOf(c, locale) || last, field: subjectName(c.subject, locale) }));
      else add(m(locale, c.kind === 'added' ? 'diff.draft.added' : 'diff.draft.removed', { what: subjectName(c.subject, locale), name: c.subject === 'platform' ? (c.name ?? last) : last }));
    } else add(m(locale, 'diff.draft.changedOf', { where: whereOf(c, locale) || subjectName(c.subject, locale), field: fieldName(c.field, locale) }));
  }
  if (phrases.length === 0) return m(locale, 'diff.draft.nothing');
  const text = phrases.join(m(locale, 'diff.draft.separator'));
  return locale === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
