/**
 * How the workbench checks run: each is named, its failure recorded (with a screenshot) and the
 * next one run, so one broken check does not hide the others.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WorkbenchCheck } from './workbench';

export function checkRecorder(page: Page, screenshotDir: string, afterFailure?: () => Promise<void>) {
  const results: WorkbenchCheck[] = [];
  const shot = (name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) }).catch(() => undefined);
  const check = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: error instanceof Error ? error.message : String(error) });
      await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-')}`);
      await afterFailure?.();
    }
  };
  return { results, shot, check };
}
