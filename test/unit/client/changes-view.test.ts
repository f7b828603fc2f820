/** The Compare with Last Commit view: one line per change, each leading to its line of the bulletin. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changesDocument } from '../../../client/src/changes-view';

const t = { heading: (file: string, commit: string) => `Changes in ${file} since commit ${commit}`, none: 'No change a reader would notice.', line: (line: number) => `line ${line}` };

test('a heading, then one line per change with its mark and line; the links lead to the changed lines', () => {
  const { text, targets } = changesDocument(
    {
      uri: 'file:///w/MS04-029.bulletin.yaml',
      version: 3,
      commit: '0123456789abcdef0123456789abcdef01234567',
      lang: 'ja',
      changes: [
        { kind: 'removed', subject: 'platform', identity: ['platforms', 'nt4-wks-sp6a'], label: 'プラットフォームを削除: Windows NT Workstation 4.0 SP6a (nt4-wks-sp6a)', line: 42, character: 0 },
        { kind: 'changed', subject: 'file', identity: ['platforms', 'nt4-server-sp6a', 'files', 'rpcrt4.dll'], field: 'version', label: 'a\nb', line: 60, character: 17 },
      ],
    },
    'MS04-029.bulletin.yaml',
    t,
  );
  assert.equal(text, 'Changes in MS04-029.bulletin.yaml since commit 0123456\n\n- プラットフォームを削除: Windows NT Workstation 4.0 SP6a (nt4-wks-sp6a)  (line 43)\n~ a b  (line 61)\n');
  assert.deepEqual(targets, [undefined, undefined, 42, 60]);
});

test('no change: says so, and nothing links', () => {
  const { text, targets } = changesDocument({ uri: 'u', version: 1, commit: 'abcdef0123', lang: 'en', changes: [] }, 'x.bulletin.yaml', t);
  assert.equal(text, 'Changes in x.bulletin.yaml since commit abcdef0\n\nNo change a reader would notice.\n');
  assert.deepEqual(targets, [undefined, undefined, undefined]);
});
