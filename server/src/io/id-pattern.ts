/**
 * A custom bulletin id pattern (setting `bulletin.idPattern`, CLI `--id-pattern`) is compiled
 * only when the ReDoS checker `recheck` finds no input on which backtracking takes more than
 * linear time: a pattern like `^(a+)+$` would block the server's thread or the CLI for minutes
 * on an id of 30 `a`s and a `b`. Its pure-JavaScript build is used (no native binary, no Java),
 * loaded on the first custom pattern only: the bundles take it from `dist/recheck.js` beside
 * them (esbuild.mjs), sources run through tsx from the package.
 */

interface Diagnostics {
  status: 'safe' | 'vulnerable' | 'unknown';
  complexity?: { type: string };
  attack?: { pattern: string };
  error?: { kind: string };
}
type CheckSync = (source: string, flags: string, params?: Record<string, unknown>) => Diagnostics;

let checkSync: CheckSync | undefined;

function checker(): CheckSync {
  if (!checkSync) {
    const { checkSync: check } = require('recheck/lib/main.js') as { checkSync: CheckSync };
    // The pure-JavaScript backend, in this thread: by default `checkSync` starts a worker that
    // runs the package's native binary or its JAR, which the extension does not ship.
    checkSync = (source, flags, params) => {
      const before = process.env.RECHECK_SYNC_BACKEND;
      process.env.RECHECK_SYNC_BACKEND = 'pure';
      try {
        return check(source, flags, params);
      } finally {
        if (before === undefined) delete process.env.RECHECK_SYNC_BACKEND;
        else process.env.RECHECK_SYNC_BACKEND = before;
      }
    };
  }
  return checkSync;
}

export type CompiledIdPattern = { pattern: RegExp } | { error: string };

const compiled = new Map<string, CompiledIdPattern>();

/** The pattern as a RegExp, or why it is refused (not a regular expression, or open to ReDoS). */
export function compileIdPattern(source: string): CompiledIdPattern {
  const known = compiled.get(source);
  if (known) return known;
  const result = compile(source);
  if (compiled.size > 32) compiled.clear();
  compiled.set(source, result);
  return result;
}

function compile(source: string): CompiledIdPattern {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    return { error: `is not a valid regular expression: ${(error as Error).message}` };
  }
  let diagnostics: Diagnostics;
  try {
    // A fixed seed: the same pattern is judged the same way on every machine and every run.
    diagnostics = checker()(source, '', { timeout: 5000, randomSeed: 0 });
  } catch (error) {
    return { error: `could not be checked for catastrophic backtracking: ${(error as Error).message}` };
  }
  if (diagnostics.status === 'safe') return { pattern };
  if (diagnostics.status === 'vulnerable') {
    const attack = diagnostics.attack?.pattern ? ` (for example on ${diagnostics.attack.pattern})` : '';
    return { error: `can take ${diagnostics.complexity?.type ?? 'super-linear'} time to match${attack}: a regular expression like this can hang the checker (ReDoS); write it without nested or overlapping repetition` };
  }
  return { error: `could not be shown safe from catastrophic backtracking (${diagnostics.error?.kind ?? 'unknown'}); write it more simply` };
}
