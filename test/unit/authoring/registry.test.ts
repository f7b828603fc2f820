/** The registry key of a platform's era, and the KB segments of a key as written. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eraOf, kbSegments, registryKeyFor } from '../../../server/src/core/authoring/registry';

test('the era is read from the platform id or name, NT 4.0 when nothing says otherwise', () => {
  assert.equal(eraOf({ id: 'nt4-server-sp6a', name: 'Windows NT Server 4.0 SP6a' }), 'nt4');
  assert.equal(eraOf({ id: 'w2k-sp4' }), 'w2k');
  assert.equal(eraOf({ name: 'Windows 2000 Professional SP3' }), 'w2k');
  assert.equal(eraOf({ id: 'xp-sp1' }), 'xp');
  assert.equal(eraOf({ name: 'Windows XP Professional' }), 'xp');
  assert.equal(eraOf({ id: 'ws03', name: 'Windows Server 2003' }), 'ws03');
  assert.equal(eraOf({ id: 'expert-edition' }), 'nt4'); // "xp" inside a word is not XP
  assert.equal(eraOf({}), 'nt4');
});

test('keys by era', () => {
  assert.equal(registryKeyFor({ id: 'nt4' }, 873350), 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB873350');
  assert.equal(registryKeyFor({ id: 'w2k' }, 828035), 'HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows 2000\\SP5\\KB828035');
  assert.equal(registryKeyFor({ id: 'xp-sp2' }, 1), 'HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows XP\\SP2\\KB1');
  assert.equal(registryKeyFor({ name: 'Windows Server 2003 Enterprise' }, 2), 'HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows Server 2003\\SP1\\KB2');
});

test('KB and Q segments are found as path segments only, in plain and double-quoted source', () => {
  assert.deepEqual(kbSegments('HKLM\\SOFTWARE\\Hotfix\\KB828741'), [{ start: 21, end: 29, prefix: 'KB', digits: '828741' }]);
  assert.deepEqual(
    kbSegments('"HKLM\\\\Hotfix\\\\Q123456\\\\x"').map((s) => s.digits),
    ['123456'],
  );
  assert.deepEqual(kbSegments('HKLM\\SOFTWARE\\KB828741x\\NOTKB1'), []);
});
