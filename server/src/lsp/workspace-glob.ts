/**
 * The glob dialect of VS Code settings (`bulletin.files`, `files.exclude`): `**` any folders,
 * `*` and `?` within one path segment, `{a,b}` alternatives, `[…]` character classes.
 * Paths are matched relative to their workspace folder, with `/` separators.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        // `**/` matches zero or more whole folders; a trailing `**` anything.
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:[^/]*(?:/|$))*';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  while (braces-- > 0) out += ')';
  return new RegExp(`^${out}$`, process.platform === 'win32' || process.platform === 'darwin' ? 'i' : '');
}

/** Which workspace-relative paths are bulletins: `include` matches, no exclusion matches it or a parent. */
export class FileFilter {
  private readonly include: RegExp;
  private readonly exclude: RegExp[];

  constructor(include: string, exclude: Record<string, unknown> = {}) {
    this.include = globToRegExp(include || DEFAULT_FILES);
    this.exclude = Object.entries(exclude)
      .filter(([, on]) => on === true)
      .map(([pattern]) => globToRegExp(pattern));
  }

  /** Whether a folder (relative path) is excluded, so a walk need not enter it. */
  excludesFolder(relativePath: string): boolean {
    return ALWAYS_SKIPPED.has(relativePath.slice(relativePath.lastIndexOf('/') + 1)) || this.exclude.some((re) => re.test(relativePath));
  }

  matches(relativePath: string): boolean {
    if (!this.include.test(relativePath)) return false;
    const parts = relativePath.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (i < parts.length && ALWAYS_SKIPPED.has(parts[i - 1])) return false;
      if (this.exclude.some((re) => re.test(prefix))) return false;
    }
    return true;
  }
}

export const DEFAULT_FILES = '**/*.bulletin.{yaml,yml}';
/** Never bulletins, and walking them costs more than everything else together. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
