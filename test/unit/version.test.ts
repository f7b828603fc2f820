import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, versionKey } from '../../server/src/core/version';

test('versions compare numerically, part by part', () => {
  assert.equal(compareVersions('5.2.3790.139', '5.2.3790.88'), 1);
  assert.equal(compareVersions('5.2.3790.88', '5.2.3790.139'), -1);
  assert.equal(compareVersions('4.0.1381.39779', '4.0.1381.7263'), 1);
  assert.equal(compareVersions('10.0', '9.9'), 1);
});

test('leading zeros are allowed and missing parts count as 0', () => {
  assert.equal(compareVersions('5.00.2195.6866', '5.0.2195.6866'), 0);
  assert.equal(compareVersions('4.00', '4.0.0.0'), 0);
  assert.equal(compareVersions('4.0', '4.0.0.1'), -1);
  assert.equal(compareVersions('4.0.0.1', '4.0'), 1);
  assert.equal(compareVersions('007.1', '7.01'), 0);
});

test('parts longer than a safe integer still compare exactly', () => {
  assert.equal(compareVersions('1.90071992547409931', '1.90071992547409930'), 1);
  assert.equal(compareVersions('1.00000000000000000000002', '1.2'), 0);
});

test('versionKey is equal exactly when versions compare equal', () => {
  assert.equal(versionKey('5.00.2195.6866'), versionKey('5.0.2195.6866'));
  assert.equal(versionKey('4.00'), versionKey('4.0.0.0'));
  assert.notEqual(versionKey('4.0.0.1'), versionKey('4.0'));
  assert.equal(versionKey('0.0'), '0');
});

test('the allocation-free path and the general path agree', () => {
  const versions = ['1', '1.0', '01.0.0', '1.2.3.4', '1.2.3.40', '1.2.30.4', '10.0', '9.99.99.99', '1.a', '', '1..2', '123456789012345.1', '1234567890123456.1'];
  for (const a of versions) {
    for (const b of versions) {
      const slow = (x: string, y: string) => {
        const px = x.split('.');
        const py = y.split('.');
        for (let i = 0; i < Math.max(px.length, py.length); i++) {
          const u = BigInt(/^\d+$/.test(px[i] ?? '') ? px[i] : '0');
          const v = BigInt(/^\d+$/.test(py[i] ?? '') ? py[i] : '0');
          if (u !== v) return u < v ? -1 : 1;
        }
        return 0;
      };
      assert.equal(compareVersions(a, b), slow(a, b), `${a} vs ${b}`);
    }
  }
});

test('versionKey: a canonical version is its own key, every other the general path’s', () => {
  const general = (version: string) => {
    const parts = version.split('.').map((p) => (/^\d+$/.test(p) ? p.replace(/^0+(?=\d)/, '') : '0'));
    while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
    return parts.join('.');
  };
  const versions = ['1', '0', '0.0', '1.0', '1.0.0', '01.2', '1.02', '1.2.3.4', '1.2.3.40', '10.0.1', '4.00', '5.00.2195.6866', '5.0.2195.6866', '1.a', '', '.', '1..2', '1.', '.1', '007', '1.2.0.0', '123456789012345678901.1'];
  for (const version of versions) assert.equal(versionKey(version), general(version), JSON.stringify(version));
  const canonical = '5.2.3790.139';
  assert.equal(versionKey(canonical), canonical);
});
