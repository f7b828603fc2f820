/**
 * Authoring features never throw, whatever the text and wherever the cursor: real bulletins
 * (LF, CRLF with a BOM), half-typed and hostile documents. Completion always replaces a range
 * on the cursor's own line that holds the cursor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, checkBulletin } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/index/workspace-index';
import { complete } from '../../../server/src/core/authoring/completion';
import { hover } from '../../../server/src/core/authoring/hover';
import { suppressionHover } from '../../../server/src/core/authoring/suppress-hover';
import { idAt } from '../../../server/src/core/authoring/navigation';
import { folds, outline } from '../../../server/src/core/authoring/outline';
import { fixesFor } from '../../../server/src/core/authoring/fixes';
import { positionAt } from '../../../server/src/core/text';

const root = join(__dirname, '..', '..', '..');
const examples = ['MS04-012', 'MS04-029'].map((name) => readFileSync(join(root, 'examples', `${name}.bulletin.yaml`), 'utf8'));
const index = new WorkspaceIndex();
examples.forEach((text, i) => index.set(analyzeText(`file:///e${i}.bulletin.yaml`, text).bulletin));

const documents: [string, string][] = [
  ['MS04-029', examples[1]],
  ['MS04-012 as CRLF with a BOM', `\uFEFF${examples[0].replace(/\n/g, '\r\n')}`],
  ['lone CR line ends', examples[1].slice(0, 1200).replace(/\n/g, '\r')],
  ['half-typed', 'bulletin: 1\nid: MS04-\nplatforms:\n  - id: \n    files:\n      - na\n      -\n    verify:\n      registry:\n        - key: "HKLM\\\\x\n'],
  ['hostile', '- a\n? [x]\n: {y: *z}\n&a b: !!binary c\n"unclosed\n\t- tab\n{{{{\n]]]\n'],
  ['suppression comments, whole and half-typed', readFileSync(join(root, 'test', 'fixtures', 'workspaces', 'suppression', 'a.bulletin.yaml'), 'utf8') + '# bulletin-ignore\n#bulletin-ignore-file ,, :\n  # bulletin-ignore date-order,'],
  ['empty', ''],
  ['only a BOM', '\uFEFF'],
];

for (const [name, text] of documents) {
  test(`${name}: completion, hover, navigation, outline, folds and fixes at every offset never throw`, () => {
    const analysis = analyzeText('file:///t.bulletin.yaml', text);
    const step = text.length > 2000 ? 3 : 1;
    for (let offset = 0; offset <= text.length; offset += step) {
      const proposals = complete({ analysis, index, offset, locale: 'ja', today: '2004-10-16' });
      const line = positionAt(analysis.parsed.lineStarts, offset).line;
      for (const p of proposals) {
        assert.ok(p.replace[0] <= offset && offset <= p.replace[1], `${name}@${offset}: ${p.label} replaces ${p.replace}`);
        assert.equal(positionAt(analysis.parsed.lineStarts, p.replace[0]).line, line);
        assert.equal(positionAt(analysis.parsed.lineStarts, p.replace[1]).line, line);
      }
      hover({ analysis, index, offset, locale: 'en' });
      const onComment = suppressionHover({ analysis, index, offset, locale: 'ja', check: { severities: { 'date-order': 'off' } }, workspaceRead: offset % 2 === 0 });
      if (onComment) assert.ok(onComment.range[0] <= offset && offset <= onComment.range[1] && onComment.markdown !== '', `${name}@${offset}`);
      idAt(analysis, offset);
    }
    outline(analysis.parsed);
    folds(analysis.parsed);
    for (const problem of checkBulletin(analysis.bulletin, index)) fixesFor(problem, { analysis, index, locale: 'en' });
  });
}
