/**
 * `bulletin --help`, `bulletin help [COMMAND]`, `bulletin COMMAND --help`: the usage of the CLI
 * and of each command with every option explained, in English and Japanese (the catalogs the
 * l10n tests check). Printed on stdout; the text names the documentation on the public site.
 */
import { msg, registerMessages, type Locale } from '../core/messages';
import { rules } from '../core/rules';
import type { CommandName } from './args';
import { homepageUrl, rulesDocUrl } from './package-info';

registerMessages({
  en: {
    'cli.help.main': `Usage: bulletin COMMAND [OPTION]... [PATH]...

Checks, renders and exports security bulletins written in YAML (*.bulletin.yaml), with the
same rules as the editor extension.

Commands:
  check PATH...     check bulletins, and every bulletin under the folders given, as one workspace
  render FILE...    write each bulletin's preview page as a standalone HTML file
  csaf FILE         export a bulletin as a CSAF 2.0 security advisory (JSON)
  diff OLD NEW      what changed between two versions of a bulletin, as a reader would say it
  diff --since REF  what changed in every bulletin since a git ref, and the effect on the findings
  help [COMMAND]    show this help, or the help of a command

Options:
  -h, --help        show help and exit
  --version         print the version and exit
  --lang ja|en      language of the help and the messages (default: from LC_ALL, LC_MESSAGES, LANG)

Run 'bulletin COMMAND --help' for the options of a command.
Documentation: {docs}
`,
    'cli.help.check': `Usage: bulletin check [OPTION]... PATH...

Checks the bulletins named and every *.bulletin.yaml or *.bulletin.yml under the folders named,
read together as one workspace with the editor's rules. Prints one line per finding
(file:line:column severity code message), then a summary. In a git repository, a bulletin that
differs from its last commit is also checked for a missing revision (unrevised-change).

Options:
  --format text|json|sarif  text (default), coloured on a terminal; json, one object with every
                            finding; sarif, SARIF 2.1.0 for code-scanning services
  --max-warnings N          fail (exit 1) when there are more than N warnings; N is a whole
                            number such as 0
  --rule CODE=SEVERITY      set a rule's severity to error, warning, information, hint or off;
                            repeat the option for several rules
  --id-pattern REGEX        a regular expression every bulletin id must match, instead of the
                            format's (as the setting bulletin.idPattern does)
  --cache DIR               keep what was read and found in DIR and reuse it on the next run
                            for the files that did not change (a damaged cache is rebuilt)
  --max-file-size BYTES     a larger file is not parsed and gets one finding (default 8388608)
  --show-suppressed         also list the findings that '# bulletin-ignore' comments accept,
                            with their reasons (they never fail the run)
  --lang ja|en              language of the messages (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help                show this help and exit

Rule codes for --rule:
{rules}

Exit status: 0 no finding is an error; 1 a finding is an error, or there are more warnings
than --max-warnings allows; 2 a usage or input/output error (one line on stderr).
Colour: on a terminal only; NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it.
Rules explained: {rulesDoc}
`,
    'cli.help.render': `Usage: bulletin render [OPTION]... FILE...

Writes each bulletin's preview page as one standalone HTML file (stylesheet inline, no script).
The comparison tables read every bulletin under each file's folder.

Options:
  -o, --out FILE       write the page of the one bulletin given to FILE (default: standard
                       output); missing folders are created
  --out-dir DIR        write one page per bulletin into DIR: X.bulletin.yaml becomes DIR/X.html;
                       folders among the FILEs are searched for bulletins
  --workspace DIR      read the bulletins under DIR for the comparison tables instead
  --lang ja|en         language of the findings shown in the page (default: from LC_ALL,
                       LC_MESSAGES, LANG)
  -h, --help           show this help and exit

An output is never written through a symbolic link, over a bulletin or over an input, and two
bulletins may not write the same page: such a run writes nothing.
Exit status: 0 every page is written (findings are shown in the page); 2 a usage or
input/output error (one line on stderr).
`,
    'cli.help.csaf': `Usage: bulletin csaf [OPTION]... FILE

Exports a bulletin as a CSAF 2.0 security advisory (JSON). It is written only when it passes
the CSAF 2.0 strict schema and every mandatory test; otherwise each failure is listed at its
line of the bulletin.

Options:
  -o, --out FILE                  write the advisory to FILE (default: standard output); its
                                  folder must exist
  --publisher-name NAME           the publisher's name (default: bulletin.csaf.publisher in
                                  the nearest .vscode/settings.json)
  --publisher-namespace URI       the publisher's web address, such as https://example.com
  --publisher-category CATEGORY   coordinator, discoverer, other (default), translator, user
                                  or vendor
  --base-url URL                  where the publisher serves its CSAF files, such as
                                  https://example.com/csaf: the advisory names its canonical
                                  URL, URL/<id>.json, as a self reference (default:
                                  bulletin.csaf.baseUrl in the nearest .vscode/settings.json)
  --lang ja|en                    language of the messages (default: from LC_ALL,
                                  LC_MESSAGES, LANG)
  -h, --help                      show this help and exit

An output is never written through a symbolic link or over the bulletin.
Exit status: 0 the advisory is written; 1 it fails a CSAF test (each failure on stderr);
2 a usage or input/output error (one line on stderr).
`,
    'cli.hint': "run '{command} --help'",
  },
  ja: {
    'cli.help.main': `使い方: bulletin COMMAND [OPTION]... [PATH]...

YAML で書いたセキュリティ情報 (*.bulletin.yaml) を、エディター拡張機能と同じ規則で
検査し、プレビューページや CSAF に書き出します。

コマンド:
  check PATH...     セキュリティ情報と、指定したフォルダー以下のすべてのセキュリティ情報を一つのワークスペースとして検査する
  render FILE...    各セキュリティ情報のプレビューページを単独の HTML ファイルとして書き出す
  csaf FILE         セキュリティ情報を CSAF 2.0 のセキュリティアドバイザリー (JSON) として書き出す
  diff OLD NEW      セキュリティ情報の二つの版の間で、読者から見て何が変わったかを示す
  diff --since REF  git の REF 以降に変わったすべてのセキュリティ情報の変更と、検査結果への影響を示す
  help [COMMAND]    このヘルプ、またはコマンドのヘルプを表示する

オプション:
  -h, --help        ヘルプを表示して終了する
  --version         バージョンを表示して終了する
  --lang ja|en      ヘルプとメッセージの言語 (既定: LC_ALL、LC_MESSAGES、LANG から決める)

コマンドのオプションは 'bulletin COMMAND --help' で表示されます。
説明書: {docs}
`,
    'cli.help.check': `使い方: bulletin check [OPTION]... PATH...

指定したセキュリティ情報と、指定したフォルダー以下のすべての *.bulletin.yaml と
*.bulletin.yml を一つのワークスペースとして読み、エディターと同じ規則で検査します。
検出事項を 1 件 1 行 (ファイル:行:列 重大度 コード メッセージ) で表示し、最後に集計を表示します。
git リポジトリーでは、最後のコミットから変わったセキュリティ情報の改訂履歴の漏れ (unrevised-change)
も検査します。

オプション:
  --format text|json|sarif  text (既定) は端末では色付き、json はすべての検出事項を持つ一つの
                            オブジェクト、sarif はコードスキャンサービス向けの SARIF 2.1.0
  --max-warnings N          警告が N 件を超えたら失敗 (終了コード 1) にする。N は 0 などの整数
  --rule CODE=SEVERITY      規則の重大度を error、warning、information、hint、off のいずれかに
                            変える。複数の規則にはオプションを繰り返す
  --id-pattern REGEX        形式の既定に代えて、すべてのセキュリティ情報 ID が一致すべき正規表現
                            (設定 bulletin.idPattern と同じ)
  --cache DIR               読み取った内容と検出事項を DIR に保存し、次の実行で変更のない
                            ファイルに再利用する (壊れたキャッシュは作り直す)
  --max-file-size BYTES     これより大きいファイルは解析せず検出事項を 1 件出す (既定 8388608)
  --show-suppressed         '# bulletin-ignore' コメントで抑制した検出事項も理由とともに表示する
                            (実行の成否には影響しない)
  --lang ja|en              メッセージの言語 (既定: LC_ALL、LC_MESSAGES、LANG から決める)
  -h, --help                このヘルプを表示して終了する

--rule の規則コード:
{rules}

終了コード: 0 エラーの検出事項がない。1 エラーの検出事項がある、または警告が --max-warnings を
超えた。2 使い方または入出力の誤り (標準エラー出力に 1 行)。
色: 端末でのみ付ける。NO_COLOR=1 で付けず、FORCE_COLOR=1 で必ず付ける。
規則の説明: {rulesDoc}
`,
    'cli.help.render': `使い方: bulletin render [OPTION]... FILE...

各セキュリティ情報のプレビューページを、単独の HTML ファイル (スタイルシートを埋め込み、
スクリプトなし) として書き出します。比較表には各ファイルのフォルダー以下のセキュリティ情報を使います。

オプション:
  -o, --out FILE       指定した一つのセキュリティ情報のページを FILE に書く (既定: 標準出力)。
                       ないフォルダーは作る
  --out-dir DIR        セキュリティ情報ごとに一つのページを DIR に書く: X.bulletin.yaml は
                       DIR/X.html になる。FILE の中のフォルダーはセキュリティ情報を探して読む
  --workspace DIR      比較表には代わりに DIR 以下のセキュリティ情報を使う
  --lang ja|en         ページに表示する検出事項の言語 (既定: LC_ALL、LC_MESSAGES、LANG から決める)
  -h, --help           このヘルプを表示して終了する

出力はシンボリックリンクを通して書かず、セキュリティ情報や入力ファイルを上書きせず、二つの
セキュリティ情報が同じページを書くこともない。そうなる場合は何も書かない。
終了コード: 0 すべてのページを書いた (検出事項はページに表示する)。2 使い方または入出力の誤り
(標準エラー出力に 1 行)。
`,
    'cli.help.csaf': `使い方: bulletin csaf [OPTION]... FILE

セキュリティ情報を CSAF 2.0 のセキュリティアドバイザリー (JSON) として書き出します。CSAF 2.0 の
厳格なスキーマとすべての必須テストに合格したときだけ書き、合格しなければ失敗を一つずつ
セキュリティ情報の該当行に示します。

オプション:
  -o, --out FILE                  アドバイザリーを FILE に書く (既定: 標準出力)。フォルダーは
                                  あらかじめ必要
  --publisher-name NAME           発行者の名前 (既定: いちばん近い .vscode/settings.json の
                                  bulletin.csaf.publisher)
  --publisher-namespace URI       発行者の Web アドレス (https://example.com など)
  --publisher-category CATEGORY   coordinator、discoverer、other (既定)、translator、user、
                                  vendor のいずれか
  --base-url URL                  発行者が CSAF ファイルを置く場所 (https://example.com/csaf
                                  など)。アドバイザリーに正規 URL URL/<id>.json を self 参照
                                  として書く (既定: いちばん近い .vscode/settings.json の
                                  bulletin.csaf.baseUrl)
  --lang ja|en                    メッセージの言語 (既定: LC_ALL、LC_MESSAGES、LANG から決める)
  -h, --help                      このヘルプを表示して終了する

出力はシンボリックリンクを通して書かず、セキュリティ情報を上書きしない。
終了コード: 0 アドバイザリーを書いた。1 CSAF のテストに失敗した (失敗は標準エラー出力に表示)。
2 使い方または入出力の誤り (標準エラー出力に 1 行)。
`,
    'cli.hint': "'{command} --help' で使い方を表示できます",
  },
});

/** The usage of the CLI (`main`) or of one command. */
export function helpText(command: CommandName | 'main', locale: Locale): string {
  return msg(locale, `cli.help.${command}`, { docs: homepageUrl, rulesDoc: rulesDocUrl, rules: wrap(rules.map((rule) => rule.code), '  ', 96) });
}

/** Words joined by commas in lines of at most `width` characters, each line indented. */
function wrap(words: readonly string[], indent: string, width: number): string {
  const lines: string[] = [];
  let line = indent;
  for (const [i, word] of words.entries()) {
    const piece = word + (i < words.length - 1 ? ',' : '');
    if (line.length > indent.length && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = indent;
    }
    line += (line.length > indent.length ? ' ' : '') + piece;
  }
  return [...lines, line].join('\n');
}

/** "run 'bulletin check --help'": where a usage error sends the user. */
export function helpHint(command: CommandName | undefined, locale: Locale): string {
  return msg(locale, 'cli.hint', { command: command ? `bulletin ${command}` : 'bulletin' });
}
