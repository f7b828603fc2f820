/**
 * Entry point the extension host loads (`extensionTestsPath`): runs every compiled
 * `*.test.js` beside this file with mocha (tdd UI) and rejects when a test fails, which
 * becomes the test run's exit code.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export async function run(): Promise<void> {
  // Under code-server the report reaches the driver mixed into the workbench's console; a
  // prefix on each line (BULLETIN_E2E_REPORT_PREFIX, set by the driver) lets it pick them out.
  const prefix = process.env.BULLETIN_E2E_REPORT_PREFIX;
  if (prefix) {
    const log = console.log.bind(console);
    Mocha.reporters.Base.consoleLog = (...data: unknown[]) =>
      log(format(...data).split('\n').map((line) => prefix + line).join('\n'));
  }
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const only = process.env.BULLETIN_E2E_GREP;
  if (only) mocha.grep(only);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
}
