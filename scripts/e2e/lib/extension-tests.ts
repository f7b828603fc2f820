/**
 * Runs an extension's mocha suite inside the real extension host of code-server: the
 * workbench is opened with the extension-test payload (what desktop VS Code takes as
 * --extensionDevelopmentPath / --extensionTestsPath) and the test runner reports its exit code
 * through `codeAutomationExit`, which the smoke-test driver option of code-server enables.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './browser';
import type { CodeServer } from './code-server';

export interface ExtensionTestRun {
  folder: string;
  extensionDevelopmentPaths: string[];
  extensionTestsPath: string;
  /** Where the closing screenshot and the workbench's console log go. */
  screenshotDir: string;
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** Marks the suite's report lines in the workbench console; code-server passes its environment on to the extension host. */
export const reportPrefix = '\u2063mocha\u2063';

export function workbenchUrl(server: CodeServer, folder: string, payload?: [string, string][]): string {
  let url = `${server.origin}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Navigates to the workbench. A navigation that the browser reports as aborted (seen now and
 * then on a cold start) is retried once unless the workbench came up anyway.
 */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (!(error instanceof Error) || !/ERR_ABORTED/.test(error.message) || attempt >= 2) throw error;
      const loaded = await page.locator('.monaco-workbench').waitFor({ state: 'attached', timeout: 30_000 }).then(() => true, () => false);
      if (loaded) return;
      console.error(`navigation aborted, retrying: ${error.message.split('\n')[0]}`);
    }
  }
}

export async function runExtensionTests(server: CodeServer, launched: LaunchedBrowser, run: ExtensionTestRun): Promise<number> {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload: [string, string][] = [
    ...run.extensionDevelopmentPaths.map((path): [string, string] => ['extensionDevelopmentPath', remote(path)]),
    ['extensionTestsPath', remote(run.extensionTestsPath)],
  ];
  const page = await launched.browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    let report: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (report = resolve));
    // The workbench's whole console goes to a file; the suite's report (its lines carry
    // reportPrefix, see test/e2e/suite/index.ts) is also printed.
    const logFile = join(run.screenshotDir, 'workbench-console.log');
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      appendFileSync(logFile, `[${type}] ${text}\n`);
      for (const line of text.split('\n')) if (line.startsWith(reportPrefix)) console.log(line.slice(reportPrefix.length));
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => report(code));
    await openWorkbench(page, workbenchUrl(server, run.folder, payload));
    const timeoutMs = run.timeoutMs ?? 300_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`the extension tests did not finish within ${timeoutMs} ms`);
        resolve(124);
      }, timeoutMs);
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    await page.screenshot({ path: join(run.screenshotDir, 'extension-tests.png') }).catch(() => undefined);
    return code;
  } finally {
    await page.close().catch(() => undefined);
  }
}
