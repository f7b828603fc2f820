/** The workbench's command palette, driven by playwright: the e2e UI tests and the README pictures run commands through it. */
import type { Page } from 'playwright-core';

/** Opens the palette, types the command's title and runs the first row that shows it. */
export async function runCommand(page: Page, title: string, timeout: number): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}
