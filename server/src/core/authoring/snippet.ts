/**
 * Expands a VS Code snippet body to plain text: every tab stop and mirror takes its default
 * (or a value given by the caller), a choice its first option (or the given one), a variable
 * its value. The snippets file is the one template (New Bulletin inserts the `bulletin` snippet,
 * see new-bulletin-template.ts); the tests expand every snippet to check it yields a valid bulletin.
 */
export interface ExpandOptions {
  /** Values for tab stops by number (a choice accepts any of its options or other text). */
  values?: Record<number, string>;
  /** Variables such as CURRENT_YEAR; an unknown variable is an error, not silent text. */
  variables: Record<string, string>;
}

type Part = string | { stop: number; parts?: Part[]; choices?: string[] } | { variable: string; parts?: Part[] };

class SnippetSyntaxError extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Part[] {
    const parts = this.parts(new Set());
    if (this.i < this.s.length) throw new SnippetSyntaxError(`unexpected "${this.s[this.i]}" at ${this.i}`);
    return parts;
  }

  /** Text and placeholders until one of `stops` (not consumed). */
  private parts(stops: Set<string>): Part[] {
    const out: Part[] = [];
    let text = '';
    while (this.i < this.s.length && !stops.has(this.s[this.i])) {
      const c = this.s[this.i];
      if (c === '\\' && '$}\\'.includes(this.s[this.i + 1] ?? '')) {
        text += this.s[this.i + 1];
        this.i += 2;
      } else if (c === '$') {
        const placeholder = this.placeholder();
        if (placeholder === undefined) {
          text += c;
          this.i++;
          continue;
        }
        if (text) out.push(text);
        text = '';
        out.push(placeholder);
      } else {
        text += c;
        this.i++;
      }
    }
    if (text) out.push(text);
    return out;
  }

  private placeholder(): Part | undefined {
    const rest = this.s.slice(this.i);
    let m = /^\$(\d+)/.exec(rest) ?? /^\$([A-Z_][A-Z_0-9]*)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return /^\d/.test(m[1]) ? { stop: Number(m[1]) } : { variable: m[1] };
    }
    m = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)/.exec(rest);
    if (!m) return undefined;
    this.i += m[0].length;
    const name = m[1];
    const isStop = /^\d/.test(name);
    const next = this.s[this.i];
    if (next === '}') {
      this.i++;
      return isStop ? { stop: Number(name) } : { variable: name };
    }
    if (next === ':') {
      this.i++;
      const parts = this.parts(new Set(['}']));
      this.expect('}');
      return isStop ? { stop: Number(name), parts } : { variable: name, parts };
    }
    if (next === '|' && isStop) {
      this.i++;
      const choices: string[] = [];
      let option = '';
      for (;;) {
        const c = this.s[this.i];
        if (c === undefined) throw new SnippetSyntaxError('unclosed choice');
        if (c === '\\' && ',|\\'.includes(this.s[this.i + 1] ?? '')) {
          option += this.s[this.i + 1];
          this.i += 2;
        } else if (c === ',') {
          choices.push(option);
          option = '';
          this.i++;
        } else if (c === '|' && this.s[this.i + 1] === '}') {
          choices.push(option);
          this.i += 2;
          return { stop: Number(name), choices };
        } else {
          option += c;
          this.i++;
        }
      }
    }
    throw new SnippetSyntaxError(`unsupported placeholder syntax at ${this.i} (transforms are not used in these snippets)`);
  }

  private expect(c: string): void {
    if (this.s[this.i] !== c) throw new SnippetSyntaxError(`expected "${c}" at ${this.i}`);
    this.i++;
  }
}

export function parseSnippet(body: string): Part[] {
  return new Parser(body).parse();
}

export function expandSnippet(body: string | string[], options: ExpandOptions): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const parts = parseSnippet(text);
  // A tab stop's value comes from its first definition with a default; mirrors repeat it.
  const defaults = new Map<number, Part[] | string>();
  const collect = (list: Part[]) => {
    for (const part of list) {
      if (typeof part === 'string') continue;
      if ('stop' in part) {
        if (!defaults.has(part.stop) && part.choices) defaults.set(part.stop, part.choices[0] ?? '');
        if (!defaults.has(part.stop) && part.parts) defaults.set(part.stop, part.parts);
      }
      if (part.parts) collect(part.parts);
    }
  };
  collect(parts);
  const render = (list: Part[], depth: number): string => {
    if (depth > 20) throw new SnippetSyntaxError('placeholders nest too deeply');
    return list
      .map((part) => {
        if (typeof part === 'string') return part;
        if ('variable' in part) {
          const value = options.variables[part.variable];
          if (value !== undefined) return value;
          if (part.parts) return render(part.parts, depth + 1);
          throw new SnippetSyntaxError(`unknown variable ${part.variable}`);
        }
        const given = options.values?.[part.stop];
        if (given !== undefined) return given;
        const fallback = defaults.get(part.stop);
        if (fallback === undefined) return '';
        return typeof fallback === 'string' ? fallback : render(fallback, depth + 1);
      })
      .join('');
  };
  return render(parts, 0);
}

/** The date variables VS Code gives snippets, for a given day. */
export function dateVariables(now: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { CURRENT_YEAR: String(now.getFullYear()), CURRENT_MONTH: pad(now.getMonth() + 1), CURRENT_DATE: pad(now.getDate()) };
}

/** The tab stops a snippet body uses, each with its choices if it has any. */
export function tabStops(body: string | string[]): Map<number, string[] | undefined> {
  const stops = new Map<number, string[] | undefined>();
  const walk = (list: Part[]) => {
    for (const part of list) {
      if (typeof part === 'string') continue;
      if ('stop' in part) stops.set(part.stop, part.choices ?? stops.get(part.stop));
      if (part.parts) walk(part.parts);
    }
  };
  walk(parseSnippet(Array.isArray(body) ? body.join('\n') : body));
  return stops;
}

export interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}
