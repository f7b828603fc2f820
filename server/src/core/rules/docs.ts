/**
 * The rule registry rendered for people: docs/rules.md whole, and the rule table that
 * docs/format.md and the README carry (`npm run docs:rules`, `npm run generate:manifest`);
 * tests keep every copy in step with the registry.
 */
import type { Rule } from './types';

/** The table of codes, default severities and titles; `rulesDoc` is the path of docs/rules.md from the page it is on ('' on that page). */
export function rulesTable(rules: readonly Rule[], rulesDoc: string): string[] {
  return ['| code | default | finds |', '|---|---|---|', ...rules.map((r) => `| [\`${r.code}\`](${rulesDoc}#${r.code}) | ${r.defaultSeverity} | ${r.title.en} |`)];
}

/** The page a rule link opens in the author's language: docs/rules.md, or docs/rules.ja.md for Japanese. */
export function rulesDocName(lang: 'en' | 'ja'): string {
  return lang === 'ja' ? 'rules.ja.md' : 'rules.md';
}

/**
 * docs/rules.ja.md: the same sections (anchors are the codes) with the registry's Japanese
 * titles; the registry's descriptions are English only, so each section keeps its English text.
 */
export function rulesMarkdownJa(rules: readonly Rule[]): string {
  const lines = [
    '# 規則',
    '',
    '<!-- Generated from server/src/core/rules (npm run docs:rules); edit the rule modules, not this file. -->',
    '',
    '指摘にはそれぞれ変わらないコードがあり、診断はこのページの該当する節へリンクします。重大度は',
    '設定 `bulletin.rules`(エディター、例: `{"missing-registry-check": "error", "urgency-mismatch": "off"}`)',
    'またはコマンドラインの `--rule CODE=SEVERITY` で変更・無効化できます。各節の説明文は英語です。',
    '',
    '作成者が意図した指摘は、その場所で理由を添えて受け入れられます: 次の行の指摘には',
    '`# bulletin-ignore CODE: 理由`、ファイル全体には先頭 (最初のキーより前) に',
    '`# bulletin-ignore-file CODE: 理由` を書きます ([format.md](format.md#suppressing-a-finding-where-it-is-known-and-accepted))。',
    '理由のない抑制や何も抑制していない抑制は [`suppression`](#suppression) として報告されます。',
    'エディターではこのコメントが色分けされ、スニペット `bulletin-ignore` でコードを選んで書け、コードに',
    'ポインターを置くとその規則 (このページの内容) が、コメントのほかの部分に置くと各コードが現在抑制している指摘の数が表示されます。',
    '',
    '| コード | 既定の重大度 | 見つけるもの |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.defaultSeverity} | ${r.title.ja} |`),
  ];
  for (const rule of rules) {
    lines.push('', `## ${rule.code}`, '', `既定の重大度: ${rule.defaultSeverity}。${rule.title.ja}(${rule.title.en})。`, '', rule.description);
  }
  return lines.join('\n') + '\n';
}

export function rulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from server/src/core/rules (npm run docs:rules); edit the rule modules, not this file. -->',
    '',
    'Every finding has a stable code; each diagnostic links to its section here. Severities can be',
    'changed or turned off with the setting `bulletin.rules` (editor), for example',
    '`{"missing-registry-check": "error", "urgency-mismatch": "off"}`, or with',
    '`--rule CODE=SEVERITY` (command line). The format itself, key by key, is in',
    '[format.md](format.md).',
    '',
    'A finding the author meant can be accepted where it is, with a reason:',
    '`# bulletin-ignore CODE: REASON` on the line before it, or `# bulletin-ignore-file CODE: REASON`',
    'at the top of the file for the whole file',
    '([format.md](format.md#suppressing-a-finding-where-it-is-known-and-accepted)). A suppression',
    'without a reason, or one that accepts nothing, is reported as [`suppression`](#suppression). In the',
    'editor the comment is highlighted, the snippet `bulletin-ignore` writes it with a choice of codes,',
    'and hovering a code shows its rule (what this page says), hovering the rest of the comment how',
    'many findings each code suppresses now.',
    '',
    'Between two bulletins, the *newer* one is the later `published`, then the greater `id`. A',
    'finding that involves two bulletins is reported on the one whose `includes` or `related`',
    'names the other, else on the newer one, with the other side as related information.',
    '',
    ...rulesTable(rules, ''),
  ];
  for (const rule of rules) {
    lines.push('', `## ${rule.code}`, '', `Default severity: ${rule.defaultSeverity}. ${rule.title.en} (${rule.title.ja}).`, '', rule.description);
  }
  return lines.join('\n') + '\n';
}
