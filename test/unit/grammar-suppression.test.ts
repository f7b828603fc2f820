/**
 * Highlighting of suppression comments (syntaxes/bulletin.tmLanguage.json): the keyword, the
 * codes as constants, the colon, the reason as comment text, a ` # ` note as a comment.
 *
 * Why JS RegExp and not vscode-textmate: the grammar embeds `source.yaml`, which ships inside
 * VS Code's built-in YAML extension and is not in node_modules, so a real tokenizer could only
 * run on the Bulletin grammar alone, which says nothing about how it meets the YAML rules. So
 * the grammar's regexes are kept to syntax that Oniguruma and JS read alike (checked below), and
 * this test runs them with a small scanner that follows TextMate's rule for one begin/end rule
 * (at each position the earliest match wins, ties go to the pattern listed first) over real
 * lines, and checks what the highlighting agrees with: the codes and the reason the server's
 * parser reads from the same lines. How the rule meets `source.yaml` (its block rules consume
 * a line's indentation before any pattern is tried, so a `^` pattern would miss indented
 * comments; hence the injection and the `(?<=^[ \t]*)` look-behind) is checked structurally.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../server/src/core/analyze';

const root = join(__dirname, '..', '..');

interface Pattern {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  patterns?: Pattern[];
}
interface Grammar {
  patterns: Pattern[];
  injections: Record<string, { patterns: Pattern[] }>;
  repository: Record<string, Pattern>;
}

const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'bulletin.tmLanguage.json'), 'utf8')) as Grammar;
const rule = grammar.repository.suppression;
const resolve = (p: Pattern): Pattern => (p.include?.startsWith('#') ? grammar.repository[p.include.slice(1)] : p);

/** Every regex of the grammar, with where it is. */
function regexes(): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, p] of Object.entries(grammar.repository)) for (const key of ['match', 'begin', 'end'] as const) if (p[key]) out.push([`${name}.${key}`, p[key]!]);
  for (const p of rule.patterns ?? []) if (p.match) out.push([`suppression.patterns ${p.name}`, p.match]);
  return out;
}

/** One token: its text and the innermost scope (the rule's own scope where nothing narrower applies). */
type Token = [string, string];

/** The tokens of the suppression rule on `line`, or undefined where the rule does not begin. */
function tokenize(line: string): Token[] | undefined {
  const begin = new RegExp(rule.begin!, 'dg').exec(line);
  if (!begin) return undefined;
  const tokens: Token[] = [];
  const push = (text: string, scope: string) => {
    if (text !== '') tokens.push([text, scope]);
  };
  const own = rule.name!;
  /** A match, with its captures as tokens and the rest of it under `scope`. */
  const emit = (m: RegExpExecArray, captures: Record<string, { name: string }> | undefined, scope: string) => {
    let at = m.index;
    for (let group = 1; group < m.length; group++) {
      const span = m.indices![group];
      const name = captures?.[String(group)]?.name;
      if (!span || !name) continue;
      push(line.slice(at, span[0]), scope);
      push(line.slice(span[0], span[1]), name);
      at = span[1];
    }
    push(line.slice(at, m.index + m[0].length), scope);
  };
  push(line.slice(0, begin.index), 'outside');
  emit(begin, rule.beginCaptures, own);
  let at = begin.index + begin[0].length;
  const inner = (rule.patterns ?? []).map(resolve);
  while (at < line.length) {
    let best: { m: RegExpExecArray; p: Pattern } | undefined;
    for (const p of inner) {
      const re = new RegExp(p.match!, 'dg');
      re.lastIndex = at;
      const m = re.exec(line);
      if (m && m[0] !== '' && (!best || m.index < best.m.index)) best = { m, p };
    }
    if (!best) break;
    push(line.slice(at, best.m.index), own);
    emit(best.m, best.p.captures, best.p.name ?? own);
    at = best.m.index + best.m[0].length;
  }
  push(line.slice(at), own);
  return tokens;
}

const COMMENT = 'comment.line.number-sign.yaml punctuation.definition.comment.yaml';
const KEYWORD = 'keyword.other.suppression.bulletin';
const CODE = 'constant.language.rule-code.bulletin';
const COLON = 'punctuation.separator.suppression.bulletin';
const REASON = 'meta.reason.bulletin comment.line.number-sign.yaml';
const META = 'meta.suppression.bulletin';

test('every regex of the grammar is read alike by Oniguruma and JS: no Oniguruma-only syntax, and it compiles as a JS RegExp', () => {
  for (const [where, source] of regexes()) {
    assert.doesNotMatch(source, /\\[AGzZhH]|[*+?}][+]|\(\?>|\(\?[imx-]+[):]/, `${where}: ${source}`);
    assert.doesNotThrow(() => new RegExp(source, 'u'), where);
  }
});

test('the rule is tried before source.yaml at the top, and injected with left priority outside comments and strings', () => {
  const includes = grammar.patterns.map((p) => p.include);
  assert.ok(includes.indexOf('#suppression') >= 0 && includes.indexOf('#suppression') < includes.indexOf('source.yaml'), JSON.stringify(includes));
  const [selector, ...others] = Object.keys(grammar.injections);
  assert.deepEqual(others, []);
  assert.equal(selector, 'L:source.bulletin -comment -string');
  assert.deepEqual(grammar.injections[selector].patterns, [{ include: '#suppression' }]);
  // It begins after indentation only (YAML's block rules consume it first, so no `^` at the start).
  assert.match(rule.begin!, /^\(\?<=\^\[ \\t\]\*\)/);
  assert.equal(rule.end, '$');
});

test('a line comment: keyword, codes and commas, colon, reason, note', () => {
  assert.deepEqual(tokenize('        # bulletin-ignore date-order, file-version-conflict: re-released with V2.0  # see KB890001'), [
    ['        ', 'outside'],
    ['#', COMMENT],
    [' ', META],
    ['bulletin-ignore', KEYWORD],
    [' ', META],
    ['date-order', CODE],
    [',', 'punctuation.separator.sequence.bulletin'],
    [' ', META],
    ['file-version-conflict', CODE],
    [':', COLON],
    [' re-released with V2.0 ', REASON],
    [' ', META],
    ['#', 'punctuation.definition.comment.yaml'],
    [' see KB890001', 'comment.line.number-sign.yaml'],
  ]);
});

test('a file-level comment, a comment without a reason, and one whose reason holds a colon and a `#` that is no note', () => {
  assert.deepEqual(tokenize("# bulletin-ignore-file deployment-order: the vendor's estimates"), [
    ['#', COMMENT],
    [' ', META],
    ['bulletin-ignore-file', KEYWORD],
    [' ', META],
    ['deployment-order', CODE],
    [':', COLON],
    [" the vendor's estimates", REASON],
  ]);
  assert.deepEqual(tokenize('  #bulletin-ignore unresolved-reference'), [
    ['  ', 'outside'],
    ['#', COMMENT],
    ['bulletin-ignore', KEYWORD],
    [' ', META],
    ['unresolved-reference', CODE],
  ]);
  assert.deepEqual(tokenize('# bulletin-ignore date-order: V2.0: see item#3'), [
    ['#', COMMENT],
    [' ', META],
    ['bulletin-ignore', KEYWORD],
    [' ', META],
    ['date-order', CODE],
    [':', COLON],
    [' V2.0: see item#3', REASON],
  ]);
});

test('what is not a suppression comment is left to YAML', () => {
  for (const line of ['# bulletin-ignored: not one', '# a note about bulletin-ignore', 'size: 1 # bulletin-ignore date-order: a trailing comment', '  - # bulletin-ignore date-order: r', 'title: "# bulletin-ignore date-order: r"', '#bulletin-ignore-files x: y']) {
    assert.equal(tokenize(line), undefined, line);
  }
});

test('over every suppression comment of the fixtures, the codes and reason highlighted are those the server reads', () => {
  const folders = join(root, 'test', 'fixtures', 'workspaces');
  let seen = 0;
  for (const folder of readdirSync(folders)) {
    for (const file of readdirSync(join(folders, folder)).filter((f) => f.endsWith('.bulletin.yaml'))) {
      const text = readFileSync(join(folders, folder, file), 'utf8');
      const { bulletin } = analyzeText(`file:///${folder}/${file}`, text);
      const byComment = new Map<number, { codes: string[]; reason?: string }>();
      for (const s of bulletin.suppressions) {
        const entry = byComment.get(s.range[0]) ?? { codes: [], reason: s.reason };
        if (s.code !== undefined) entry.codes.push(s.code);
        byComment.set(s.range[0], entry);
      }
      for (const [offset, read] of byComment) {
        const lineStart = text.lastIndexOf('\n', offset) + 1;
        const line = text.slice(lineStart, text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset));
        const tokens = tokenize(line);
        assert.ok(tokens, `${folder}/${file}: ${line}`);
        assert.deepEqual(tokens.filter(([, scope]) => scope === CODE).map(([t]) => t), read.codes, line);
        const reason = tokens.find(([, scope]) => scope === REASON)?.[0].trim();
        assert.equal(reason === '' ? undefined : reason, read.reason, line);
        seen++;
      }
    }
  }
  assert.ok(seen >= 8, `${seen} comments`);
});
