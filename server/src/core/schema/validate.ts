/**
 * Schema check: the generated ajv validator, then each error mapped from its JSON pointer
 * to the exact YAML node, one problem per fault, in words a person understands.
 */
import validateGenerated, { type GeneratedError } from './generated/validate-bulletin';
import { escapePointerToken, rangeOf, type ParsedDocument, type Range } from '../parse';
import { problem, type Problem } from '../problems';
import { msg, registerMessages, type Locale } from '../messages';
import { lineEndAt } from '../text';
import { closest } from './suggest';

export interface SchemaOptions {
  locale?: Locale;
  /** Replaces the spec's id pattern (setting `bulletin.idPattern`). */
  idPattern?: RegExp;
}

const ID_DEF_PATH = '#/$defs/bulletinId/pattern';

/** Problems listed before the rest are summed up: a pasted table of 50,000 unknown keys stays readable and fast. */
export const SCHEMA_PROBLEM_LIMIT = 1000;

registerMessages({
  en: { 'schema.tooMany': 'More than {limit} schema problems; the rest are not listed.' },
  ja: { 'schema.tooMany': 'スキーマの問題が {limit} 個を超えたため、残りは表示しません。' },
});

export function validateSchema(parsed: ParsedDocument, options: SchemaOptions = {}): Problem[] {
  const locale = options.locale ?? 'en';
  const value = parsed.value;
  const firstLine: Range = firstLineRange(parsed.text);
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    // A syntax error already explains an unreadable document; do not pile on.
    if (parsed.problems.length > 0) return [];
    const range = value === undefined || value === null ? firstLine : (rangeOf(parsed.nodes, '') ?? firstLine);
    const narrowed: Range = [range[0], Math.min(range[1], lineEndAt(parsed.text, range[0]))];
    return [problem('schema', 'error', narrowed, msg(locale, 'schema.rootType', { actual: describeType(value, locale) }))];
  }
  const errors = runValidator(value);
  const mapper = new ErrorMapper(parsed, locale, firstLine);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of selectErrors(errors)) {
    if (problems.length >= SCHEMA_PROBLEM_LIMIT) {
      problems.push(problem('schema', 'error', firstLine, msg(locale, 'schema.tooMany', { limit: SCHEMA_PROBLEM_LIMIT })));
      break;
    }
    if (options.idPattern && error.schemaPath.endsWith(ID_DEF_PATH)) continue;
    const mapped = mapper.map(error);
    if (!mapped) continue;
    const identity = `${mapped.offset}:${mapped.length}:${mapped.message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    problems.push(mapped);
  }
  if (options.idPattern) problems.push(...checkIdPattern(parsed, options.idPattern, locale));
  return problems;
}

/**
 * ajv's deep equality (`uniqueItems` over mappings) calls `valueOf`/`toString` on the items it
 * compares, which the parser's prototype-less mappings (and a key named `valueOf`) lack: on
 * that failure the check runs again on a copy made of plain objects, where such keys hold the
 * inherited functions (those keys are unknown keys whatever their value).
 */
function runValidator(value: unknown): GeneratedError[] {
  try {
    validateGenerated(value);
  } catch {
    validateGenerated(comparableCopy(value));
  }
  return validateGenerated.errors ?? [];
}

function comparableCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparableCopy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const inherited = key === 'valueOf' || key === 'toString' ? Object.prototype[key] : comparableCopy(item);
    Object.defineProperty(out, key, { value: inherited, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * One error per fault: a type error hides the other keywords on the same value, a pattern
 * error hides the format error of the same value, `propertyNames` wrappers are dropped.
 */
function selectErrors(errors: GeneratedError[]): GeneratedError[] {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const patterned = new Set(errors.filter((e) => e.keyword === 'pattern' && !e.propertyName).map((e) => e.instancePath));
  return errors.filter((e) => {
    // `published` is required unless `revisions` dates it: the `required` error says so alone.
    if (e.keyword === 'propertyNames' || e.keyword === 'if') return false;
    if (e.keyword !== 'type' && typed.has(e.instancePath) && !e.propertyName && e.keyword !== 'required' && e.keyword !== 'additionalProperties') return false;
    if (e.keyword === 'format' && patterned.has(e.instancePath)) return false;
    return true;
  });
}

class ErrorMapper {
  constructor(
    private readonly parsed: ParsedDocument,
    private readonly locale: Locale,
    private readonly firstLine: Range,
  ) {}

  map(error: GeneratedError): Problem | undefined {
    const pointer = error.instancePath;
    const where = this.where(pointer);
    const parent = error.parentSchema ?? {};
    const m = (key: Parameters<typeof msg>[1], args: Record<string, string | number>) => msg(this.locale, key, args);
    switch (error.keyword) {
      case 'required': {
        const key = String(error.params.missingProperty);
        const range = this.containerRange(pointer);
        const message = pointer === '' ? m('schema.required', { key }) : m('schema.requiredIn', { key, where });
        return problem('schema', 'error', range, message, { data: { missingKey: key, pointer } });
      }
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const keyPointer = `${pointer}/${escapePointerToken(key)}`;
        const range = this.parsed.nodes.get(keyPointer)?.key ?? this.containerRange(pointer);
        // A key spanning lines is a word typed above a key (`co` over `platforms:`): the
        // syntax finding on the typed line says so; the key below is not to blame.
        if (/[\r\n]/.test(this.parsed.text.slice(range[0], range[1]))) return undefined;
        const known = Object.keys((parent.properties as Record<string, unknown>) ?? {});
        const suggestion = closest(key, known);
        const shown = shortKey(key);
        const message = suggestion ? m('schema.unknownKeySuggest', { key: shown, suggestion }) : m('schema.unknownKey', { key: shown });
        return problem('schema', 'error', range, message, { data: { unknownKey: key, suggestion, pointer: keyPointer } });
      }
      case 'type': {
        const expected = ([] as string[]).concat(error.params.type as string | string[]).map((t) => m(`type.${t}` as never, {})).join(' / ');
        return this.onValue(pointer, m('schema.type', { where, expected, actual: describeType(error.data, this.locale) }));
      }
      case 'enum': {
        const allowed = (error.params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``);
        const suggestion = typeof error.data === 'string' ? closest(error.data, (error.params.allowedValues as unknown[]).map(String)) : undefined;
        const message = suggestion
          ? m('schema.enumSuggest', { where, allowed: allowed.join(', '), suggestion })
          : m('schema.enum', { where, allowed: allowed.join(', ') });
        return this.onValue(pointer, message, { suggestion, allowed: (error.params.allowedValues as unknown[]).map(String) });
      }
      case 'const':
        return this.onValue(pointer, m('schema.const', { where, expected: JSON.stringify(error.params.allowedValue) }));
      case 'pattern': {
        const expected = String((this.locale === 'ja' ? parent.patternMessageJa : undefined) ?? parent.patternMessage ?? '');
        if (error.propertyName !== undefined) {
          const keyPointer = `${pointer}/${escapePointerToken(error.propertyName)}`;
          const range = this.parsed.nodes.get(keyPointer)?.key ?? this.containerRange(pointer);
          return problem('schema', 'error', range, m('schema.keyPattern', { key: shortKey(error.propertyName), expected }));
        }
        const message = expected ? m('schema.pattern', { where, expected }) : m('schema.patternGeneric', { where, pattern: String(error.params.pattern) });
        return this.onValue(pointer, message);
      }
      case 'format':
        return this.onValue(pointer, m(error.params.format === 'date' ? 'schema.formatDate' : 'schema.formatUri', { where }));
      case 'minimum':
      case 'exclusiveMinimum':
        return this.onValue(pointer, m('schema.minimum', { where, limit: String(error.params.limit) }));
      case 'maximum':
      case 'exclusiveMaximum':
        return this.onValue(pointer, m('schema.maximum', { where, limit: String(error.params.limit) }));
      case 'minLength':
        return this.onValue(pointer, m('schema.minLength', { where }));
      case 'uniqueItems': {
        // ajv names the later duplicate `i` and the earlier `j`.
        const later = Number(error.params.i);
        const earlier = Number(error.params.j);
        const itemPointer = `${pointer}/${Math.max(later, earlier)}`;
        const range = rangeOf(this.parsed.nodes, itemPointer) ?? this.valueRange(pointer);
        return problem('schema', 'error', range, m('schema.uniqueItems', { where: this.where(itemPointer), first: Math.min(later, earlier) + 1 }));
      }
      default:
        return this.onValue(pointer, `${where}: ${error.message ?? error.keyword}`);
    }
  }

  private onValue(pointer: string, message: string, data?: Record<string, unknown>): Problem {
    return problem('schema', 'error', this.valueRange(pointer), message, { data: { pointer, ...data } });
  }

  private valueRange(pointer: string): Range {
    const range = rangeOf(this.parsed.nodes, pointer);
    if (!range) return this.firstLine;
    return this.narrow(range);
  }

  /** Where a missing key is reported: the parent's key, a list item's first line, or the root's first line. */
  private containerRange(pointer: string): Range {
    if (pointer === '') return this.firstLine;
    const loc = this.parsed.nodes.get(pointer);
    if (!loc) return this.firstLine;
    if (loc.key) return loc.key;
    return this.narrow(loc.value);
  }

  /** Never more than one line: a multi-line value is underlined on its first line only. */
  private narrow(range: Range): Range {
    const end = lineEndAt(this.parsed.text, range[0]);
    return [range[0], Math.max(range[0], Math.min(range[1], end))];
  }

  private where(pointer: string): string {
    if (pointer === '') return msg(this.locale, 'where.root');
    const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = tokens[tokens.length - 1];
    if (/^\d+$/.test(last) && tokens.length >= 2) {
      return msg(this.locale, 'where.item', { key: tokens[tokens.length - 2], index: Number(last) + 1 });
    }
    return msg(this.locale, 'where.key', { key: last });
  }
}

function checkIdPattern(parsed: ParsedDocument, pattern: RegExp, locale: Locale): Problem[] {
  const value = parsed.value as Record<string, unknown>;
  const out: Problem[] = [];
  const check = (pointer: string, v: unknown, where: string) => {
    if (typeof v !== 'string' || pattern.test(v)) return;
    const range = rangeOf(parsed.nodes, pointer);
    if (range) out.push(problem('schema', 'error', range, msg(locale, 'schema.idPattern', { where, pattern: pattern.source }), { data: { pointer } }));
  };
  check('/id', value.id, '`id`');
  for (const list of ['includes', 'related'] as const) {
    const items = value[list];
    if (Array.isArray(items)) items.forEach((v, i) => check(`/${list}/${i}`, v, msg(locale, 'where.item', { key: list, index: i + 1 })));
  }
  return out;
}

function firstLineRange(text: string): Range {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return [start, lineEndAt(text, start)];
}

/** A key as a message shows it: a pasted megabyte is not repeated in every diagnostic. */
function shortKey(key: string): string {
  return key.length > 60 ? `${key.slice(0, 60)}…` : key;
}

function describeType(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return msg(locale, 'type.null');
  if (Array.isArray(value)) return msg(locale, 'type.array');
  if (typeof value === 'object') return msg(locale, 'type.object');
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return `\`${String(value)}\``;
}
