/**
 * Reading history from git, for the server's runtime and the CLI: the last committed text of a
 * file (`git show HEAD:path`) and its commit, the text at any ref, the files changed since a
 * ref. Only ever given to a caller in a trusted workspace: a repository's own configuration can
 * run commands (core.fsmonitor, a pager, textconv), so every call turns those off, runs with no
 * prompt and no pager, and a missing `git`, a folder outside a repository or an unborn branch
 * simply answers `undefined` (the git features are off), never an error.
 */
import { execFile, spawn } from 'node:child_process';
import { dirname, relative, resolve, sep } from 'node:path';

/** What git says of one file at one commit. */
export interface CommittedText {
  /** The full commit id the text was read at. */
  commit: string;
  text: string;
}

export interface GitHistory {
  /** The file's text at HEAD, or undefined: no git, not in a repository, unborn branch, not tracked. */
  committed(path: string): Promise<CommittedText | undefined>;
  /** The file's text at `ref` (a path of the working tree), or undefined. */
  textAt(ref: string, path: string): Promise<CommittedText | undefined>;
  /** Several files' texts at one commit, read by one git process (`cat-file --batch`); a path git does not have is left out. */
  textsAt(commit: string, paths: readonly string[], folder?: string): Promise<Map<string, string> | undefined>;
  /** The repository's top folder holding `path`, or undefined. */
  root(path: string): Promise<string | undefined>;
  /** The commit `ref` names, or undefined (unknown ref, unborn branch, no repository). */
  resolve(ref: string, folder: string): Promise<string | undefined>;
  /**
   * Files that differ between `ref` and the working tree (tracked changes, committed or not, and
   * untracked files), as absolute paths: `status` A (new since ref), D (gone), M (changed);
   * a rename is a D of the old path and an A of the new one (each side is judged alone).
   */
  changedSince(ref: string, folder: string): Promise<{ status: 'A' | 'D' | 'M'; path: string }[] | undefined>;
}

/** Options that keep a repository's configuration from running anything or asking anything. */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=', '-c', 'core.pager=cat', '-c', 'diff.external=', '-c', 'core.hooksPath=/dev/null', '-c', 'credential.helper=', '-c', 'protocol.allow=never'];
const MAX_BUFFER = 64 * 1024 * 1024;

export interface GitOptions {
  /** The git executable (default `git` on the PATH). */
  executable?: string;
  /** Milliseconds before a call is given up (default 10 s). */
  timeout?: number;
}

/** Runs git with no prompt and no pager; answers stdout, or undefined on any failure (missing git included). */
function run(args: string[], cwd: string, options: GitOptions): Promise<string | undefined> {
  return new Promise((done) => {
    try {
      execFile(
        options.executable ?? 'git',
        ['--no-pager', ...SAFE_CONFIG, ...args],
        {
          cwd,
          encoding: 'utf8',
          maxBuffer: MAX_BUFFER,
          timeout: options.timeout ?? 10_000,
          windowsHide: true,
          env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', LC_ALL: 'C' },
        },
        (error, stdout) => done(error ? undefined : stdout),
      );
    } catch {
      done(undefined);
    }
  });
}

/** Writes `input` to git's stdin and answers its stdout as bytes, or undefined on any failure. */
function runWithInput(args: string[], cwd: string, input: string, options: GitOptions): Promise<Buffer | undefined> {
  return new Promise((done) => {
    try {
      const child = spawn(options.executable ?? 'git', ['--no-pager', ...SAFE_CONFIG, ...args], {
        cwd,
        windowsHide: true,
        stdio: ['pipe', 'pipe', 'ignore'],
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', LC_ALL: 'C' },
      });
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 10_000);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BUFFER) child.kill('SIGKILL');
        else chunks.push(chunk);
      });
      child.on('error', () => (clearTimeout(timer), done(undefined)));
      child.on('close', (code) => (clearTimeout(timer), done(code === 0 && size <= MAX_BUFFER ? Buffer.concat(chunks) : undefined)));
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    } catch {
      done(undefined);
    }
  });
}

/** `git cat-file --batch` output → the content of each object asked for, in order (undefined: missing). */
function parseBatch(out: Buffer, count: number): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count && at < out.length; i++) {
    const end = out.indexOf(10, at);
    if (end < 0) break;
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = header.match(/ (blob|tree|commit|tag) (\d+)$/);
    if (!match) {
      texts.push(undefined); // `<name> missing` or ambiguous
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  return texts;
}

/** A path as git names it inside its repository (forward slashes). */
function inRepository(top: string, path: string): string {
  return relative(top, path).split(sep).join('/');
}

export function gitHistory(options: GitOptions = {}): GitHistory {
  const tops = new Map<string, Promise<string | undefined>>();
  const root = (path: string): Promise<string | undefined> => {
    const folder = dirname(resolve(path));
    let top = tops.get(folder);
    if (!top) {
      top = run(['rev-parse', '--show-toplevel'], folder, options).then((out) => out?.trim() || undefined);
      tops.set(folder, top);
    }
    return top;
  };
  const textAt = async (ref: string, path: string): Promise<CommittedText | undefined> => {
    const top = await root(path);
    if (!top || ref.startsWith('-')) return undefined;
    const commit = (await run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, options))?.trim();
    if (!commit) return undefined;
    const text = await run(['show', '--no-textconv', `${commit}:${inRepository(top, resolve(path))}`], top, options);
    return text === undefined ? undefined : { commit, text };
  };
  return {
    root,
    textAt,
    committed: (path) => textAt('HEAD', path),
    async textsAt(commit, paths, folder) {
      if (paths.length === 0) return new Map();
      // A folder that still exists (a deleted file's own folder may be gone).
      const top = await root(folder ? resolve(folder, 'x') : paths[0]);
      if (!top || !/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
      const names = paths.map((path) => inRepository(top, resolve(path)));
      // A name with a line break cannot be asked for on one line: left out, like a missing one.
      const asked = names.map((name, i) => [name, i] as const).filter(([name]) => !/[\r\n]/.test(name));
      const out = await runWithInput(['cat-file', '--batch'], top, asked.map(([name]) => `${commit}:${name}\n`).join(''), options);
      if (!out) return undefined;
      const texts = parseBatch(out, asked.length);
      const found = new Map<string, string>();
      asked.forEach(([, i], k) => texts[k] !== undefined && found.set(paths[i], texts[k]!));
      return found;
    },
    async resolve(ref, folder) {
      if (ref.startsWith('-')) return undefined;
      const top = await root(resolve(folder, 'x'));
      if (!top) return undefined;
      return (await run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, options))?.trim() || undefined;
    },
    async changedSince(ref, folder) {
      const top = await root(resolve(folder, 'x'));
      if (!top || ref.startsWith('-')) return undefined;
      const commit = (await run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, options))?.trim();
      if (!commit) return undefined;
      const [tracked, untracked] = await Promise.all([
        run(['diff', '--name-status', '--no-renames', '-z', '--no-ext-diff', commit, '--'], top, options),
        run(['ls-files', '--others', '--exclude-standard', '-z'], top, options),
      ]);
      if (tracked === undefined || untracked === undefined) return undefined;
      const out: { status: 'A' | 'D' | 'M'; path: string }[] = [];
      const fields = tracked.split('\0');
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const status = fields[i].charAt(0);
        out.push({ status: status === 'A' ? 'A' : status === 'D' ? 'D' : 'M', path: resolve(top, fields[i + 1]) });
      }
      for (const name of untracked.split('\0')) if (name) out.push({ status: 'A', path: resolve(top, name) });
      return out;
    },
  };
}
