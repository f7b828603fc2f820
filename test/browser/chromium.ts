/** Debian's chromium driven by playwright-core (no browser download): the settings that work here. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * A developer without chromium sees the browser tests skipped with a reason; CI installs it
 * (scripts/debian-packages.txt), so there a missing browser fails the tests instead of hiding them.
 */
export const hasChromium = existsSync(chromiumPath) || process.env.CI === 'true';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
