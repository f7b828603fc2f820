/**
 * Typing over stdio, one keystroke at a time: while the edited bulletin does not parse, the
 * index keeps its last good record, so no other file's diagnostics change, and the edited
 * file shows no finding other than syntax errors from its first syntax error on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/core/parse';
import { DiskWorkspace, example, startOn, until } from './workspace-helpers';

// A platform entry, typed at the top of MS04-029's platforms.
const ENTRY = '  - id: nt4-ws-sp6a\n    name: Windows NT Workstation 4.0 SP6a\n    tested: passed\n    files:\n      - name: ole32.dll\n        date: 2004-02-27\n        version: 4.0.1381.7263\n';

/** A later bulletin that includes MS04-029 and ships its rpcrt4.dll lower: its findings read MS04-029's record. */
const including = (base: string) =>
  base
    .replace(/^id: MS04-029$/m, 'id: MS04-031')
    .replace(/^published: 2004-10-16$/m, 'published: 2004-11-01')
    .replace(/^updated: 2004-10-16$/m, 'updated: 2004-11-01')
    .replace(/^includes: \[\]$/m, 'includes: [MS04-029]')
    .replace('4.0.1381.7303', '4.0.1381.7302');

const positionOf = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const snapshot = (ds: readonly Diagnostic[] | undefined) => JSON.stringify(ds ?? []);
const before = (a: Diagnostic['range']['start'], b: Diagnostic['range']['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

test('typing a platform entry: other files keep their diagnostics while the text does not parse; nothing but syntax errors after the first one', async () => {
  const ws = new DiskWorkspace();
  const base = example('MS04-029');
  ws.write('MS04-012.bulletin.yaml', example('MS04-012'));
  ws.write('MS04-029.bulletin.yaml', base);
  ws.write('MS04-031.bulletin.yaml', including(base));
  const { server, statuses } = await startOn(ws);
  try {
    await until('the index to be ready', () => statuses.find((s) => s.ready && s.bulletins === 3), 10_000, server);
    const edited = ws.uri('MS04-029.bulletin.yaml');
    const others = [ws.uri('MS04-012.bulletin.yaml'), ws.uri('MS04-031.bulletin.yaml')];
    const othersNow = () => others.map((uri) => snapshot(server.diagnostics.get(uri)?.diagnostics)).join('\n');
    server.open(edited, base);
    await server.waitForDiagnostics(edited, () => true, 1);
    await server.waitForDiagnostics(others[1], (ds) => ds.some((d) => d.code === 'incomplete-supersedence'));
    let othersBefore = othersNow();
    const at = base.indexOf('\n  - id: nt4-server-sp6a') + 1;
    let text = base;
    let broken = 0;
    let wasBroken = false;
    for (let i = 0; i < ENTRY.length; i++) {
      const offset = at + i;
      const position = positionOf(text, offset);
      text = text.slice(0, offset) + ENTRY[i] + text.slice(offset);
      const told = statuses.length;
      const version = server.change(edited, [{ range: { start: position, end: position }, text: ENTRY[i] }]);
      const ds = await server.waitForDiagnostics(edited, () => true, version);
      // The status follows every diagnostic of the pass that checked this version.
      await until('the pass to end', () => statuses.length > told && statuses.at(-1)!.ready, 10_000, server);
      const parses = !parse(text, { reader: 'full' }).problems.some((p) => p.code === 'yaml-syntax');
      const syntax = ds.filter((d) => d.code === 'yaml-syntax');
      assert.equal(syntax.length === 0, parses, `keystroke ${i}: the syntax errors shown are the text's`);
      if (!parses) {
        broken++;
        const first = syntax.map((d) => d.range.start).reduce((a, b) => (before(b, a) ? b : a));
        const late = ds.filter((d) => d.code !== 'yaml-syntax' && !before(d.range.start, first));
        assert.deepEqual(late, [], `keystroke ${i} (${JSON.stringify(ENTRY.slice(0, i + 1))}): a finding after the first syntax error`);
        assert.equal(othersNow(), othersBefore, `keystroke ${i}: another file's diagnostics changed while MS04-029 does not parse`);
      } else {
        // Parsing: this version takes over; what other files show may change now.
        othersBefore = othersNow();
      }
      wasBroken = !parses;
    }
    assert.ok(broken > 0, 'some keystrokes leave the text unparsable');
    // Whole again: MS04-029 parses, and the including bulletin still reads its files.
    const final = await server.waitForDiagnostics(edited, () => true);
    assert.ok(!final.some((d) => d.code === 'yaml-syntax'), JSON.stringify(final));
    assert.ok(server.diagnostics.get(others[1])!.diagnostics.some((d) => d.code === 'incomplete-supersedence'));
  } finally {
    await server.stop();
    ws.dispose();
  }
});
