/**
 * docs/format.md against the format specification it is written from, given by path in
 * BULLETIN_FORMAT_SPEC (the project's specification lives outside the repository, so a clone
 * alone skips this test: `BULLETIN_FORMAT_SPEC=path/to/bulletin-format.md npm test`). Every code
 * the repository documents is in the spec with the same default severity (in a rule table, or in
 * its prose: "is itself a finding, `suppression` (warning)"); codes the spec has
 * added and no rule implements yet are listed, not failed (they join docs/format.md when
 * their rule joins the registry).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { proseCodes, tableCodes } from './rule-tables';

const root = join(__dirname, '..', '..', '..');
const specPath = process.env.BULLETIN_FORMAT_SPEC ?? '';
const skip = !(specPath && existsSync(specPath)) && 'no format specification given (BULLETIN_FORMAT_SPEC)';

test('the rule codes of docs/format.md are those of the format specification', { skip }, (t) => {
  const specText = readFileSync(specPath, 'utf8');
  const spec = [...tableCodes(specText), ...proseCodes(specText)];
  const documented = tableCodes(readFileSync(join(root, 'docs', 'format.md'), 'utf8'));
  assert.ok(spec.length > 0, 'the specification has a rule table');
  const specByCode = new Map(spec.map((row) => [row.split(' ')[0], row]));
  for (const row of documented) assert.equal(specByCode.get(row.split(' ')[0]), row, `docs/format.md: ${row}`);
  const pending = spec.filter((row) => !documented.includes(row));
  if (pending.length > 0) t.diagnostic(`in the specification, not implemented yet: ${pending.join(', ')}`);
});
