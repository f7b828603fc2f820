/** `bulletin diff`: its arguments, its help (en, ja) and its exit status. */
import { registerMessages } from '../core/messages';
import { parseCommandArgs, parseRuleSeverities } from './args';
import { cliLocale } from './locale';
import { closest } from '../core/schema/suggest';
import { UsageError } from './errors';
import { diffFiles, diffSince } from './diff';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from './diff-format';

registerMessages({
  en: {
    'cli.help.diff': `Usage: bulletin diff [OPTION]... OLD NEW
       bulletin diff --since REF [OPTION]... [PATH]...

The semantic diff of a bulletin: what a reader would call a change (a platform removed, a file's
version changed, a vulnerability added …), never a text diff; reordering, comments, quoting and
formatting are no change. Each change's sentence is in the bulletin's own language.

With OLD NEW: the two files, and the findings the change adds or removes in that bulletin.
With --since REF: every bulletin under the PATHs (default: the current folder) that changed since
the git commit REF (committed or not, new, deleted or renamed), and the effect on the workspace:
the findings that exist now and not at REF, and at REF and not now, in every bulletin. Only the
changed files are read at REF.

Options:
  --since REF               a git commit, branch or tag (origin/main, HEAD~1, v1.2 …)
  --format text|json|markdown  text (default); json, one object; markdown, for a pull request comment
  --rule CODE=SEVERITY      set a rule's severity, as bulletin check does; repeat for several rules
  --lang ja|en              language of the headings (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help                show this help and exit

Exit status: 0 the change adds no error finding; 1 it adds an error finding; 2 a usage or
input/output error, not a git repository, an unknown REF (one line on stderr).
`,
  },
  ja: {
    'cli.help.diff': `使い方: bulletin diff [OPTION]... OLD NEW
        bulletin diff --since REF [OPTION]... [PATH]...

セキュリティ情報の意味の差分を示します。読者が変更と呼ぶもの (プラットフォームの削除、ファイルの
バージョンの変更、脆弱性の追加 など) であり、テキストの差分ではありません。並べ替え、コメント、
引用符、書式は変更に数えません。各変更の文はセキュリティ情報自身の言語で書かれます。

OLD NEW を指定すると、二つのファイルの差分と、その変更で増減する検査結果を示します。
--since REF を指定すると、PATH (既定: 現在のフォルダー) 以下で git のコミット REF 以降に変わった
(コミット済みかどうかを問わず、新規・削除・名前の変更を含む) すべてのセキュリティ情報と、
ワークスペースへの影響 (REF にはなく今ある検査結果、REF にあって今はない検査結果) を示します。
REF の時点で読むのは変わったファイルだけです。

オプション:
  --since REF               git のコミット、ブランチ、タグ (origin/main、HEAD~1、v1.2 など)
  --format text|json|markdown  text (既定)、json (一つのオブジェクト)、markdown (プルリクエストのコメント用)
  --rule CODE=SEVERITY      bulletin check と同じく規則の重大度を設定する。複数の規則には繰り返す
  --lang ja|en              見出しの言語 (既定: LC_ALL、LC_MESSAGES、LANG から決める)
  -h, --help                このヘルプを表示して終了する

終了ステータス: 0 変更でエラーの検査結果が増えない。1 エラーの検査結果が増える。2 使い方または
入出力のエラー、git リポジトリではない、REF が見つからない (標準エラーに 1 行)。
`,
  },
});

const FORMATS = ['text', 'json', 'markdown'] as const;

export async function diffCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', args);
  const locale = cliLocale(values.lang);
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    const near = closest(values.format, FORMATS);
    throw new UsageError(`--format takes text, json or markdown, not '${values.format}'${near ? `; did you mean '${near}'?` : ''}`);
  }
  const severities = parseRuleSeverities(values.rule);
  const options = { locale, severities };
  let report;
  if (values.since !== undefined) {
    if (!values.since) throw new UsageError('--since needs a git ref');
    report = await diffSince(values.since, positionals, options, process.cwd());
  } else {
    if (positionals.length !== 2) throw new UsageError('diff takes two files (OLD NEW), or --since REF');
    report = diffFiles(positionals[0], positionals[1], options, process.cwd());
  }
  process.stdout.write(values.format === 'json' ? formatDiffJson(report) : values.format === 'markdown' ? formatDiffMarkdown(report, locale) : formatDiffText(report, locale));
  return report.added.some((f) => f.severity === 'error') ? 1 : 0;
}
