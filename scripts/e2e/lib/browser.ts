/**
 * Debian's chromium driven by playwright-core: the browser that makes code-server start a
 * workbench and its extension host. Launched as a browser server so that its PID is known and
 * its process group can be stopped by that PID.
 */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { chromiumPath } from './paths';
import { stopGroup, stopMarked, track, trackMarker } from './processes';

export interface LaunchedBrowser {
  browser: Browser;
  pid: number;
  stop(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  // chrome_crashpad_handler daemonizes out of the browser's process group; this variable,
  // which it inherits, finds it again at the end.
  const marker = `BULLETIN_E2E_BROWSER=${process.pid}-${Date.now()}`;
  const [markerName, markerValue] = marker.split('=') as [string, string];
  trackMarker(marker);
  const server: BrowserServer = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    env: { ...process.env, [markerName]: markerValue },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const pid = track(server.process().pid, 'chromium');
  let browser: Browser;
  try {
    browser = await chromium.connect(server.wsEndpoint());
  } catch (error) {
    await stopGroup(pid);
    await stopMarked(marker);
    throw error;
  }
  return {
    browser,
    pid,
    async stop() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await stopGroup(pid);
      await stopMarked(marker);
    },
  };
}
