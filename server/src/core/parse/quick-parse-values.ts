/**
 * What the quick reader (`quick-parse.ts`) makes of keys and scalars: key names interned once,
 * plain scalars resolved as the `yaml` library's core schema does, double-quoted escapes.
 * Anything it cannot take as the full parser would, it steps aside from (`stepAside`).
 */
export class StepAside extends Error {}
export const stepAside = (): never => {
  throw new StepAside();
};

/** Keys that resolve to null or a boolean: the full parser decides. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Implicit keys are bounded by the YAML spec; long ones step aside. */
const MAX_KEY = 1000;
/**
 * Whether `text[start, end)` is a key taken as written: `[A-Za-z_][A-Za-z0-9_.-]*` but no null
 * or boolean (no escaping in pointers, no tag resolution), or a canonical integer of up to 15
 * digits. A loop over the characters: two expressions per key cost more than reading its value.
 */
function isPlainKey(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const first = text.charCodeAt(start);
  if (first >= 48 && first <= 57) {
    if (end - start > 15 || (first === 48 && end - start > 1)) return false;
    for (let i = start + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    return true;
  }
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) return false;
  }
  // n, N, t, T, f, F: perhaps null or a boolean.
  if (first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70) return !SPECIAL_KEY.test(text.slice(start, end));
  return true;
}

/**
 * Key names already read, interned, by length and first and last character. Bulletins use a few
 * dozen names: comparing with the known one costs less than cutting the key from the text and
 * having it interned as a property name again (a third of reading a mapping).
 */
const knownKeys = new Map<number, string[]>();
const MAX_KNOWN_KEYS = 4096;
let knownKeyCount = 0;

/** The key `text[start, end)` as an interned string; steps aside unless it is a plain key. */
export function keyName(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_KEY) stepAside();
  const id = length * 0x10000 + ((text.charCodeAt(start) << 8) ^ text.charCodeAt(end - 1));
  const known = knownKeys.get(id);
  if (known) for (let i = 0; i < known.length; i++) if (text.startsWith(known[i], start)) return known[i];
  if (!isPlainKey(text, start, end)) stepAside();
  // The property key V8 keeps for this name: the interned string itself.
  const name = Object.keys({ [text.slice(start, end)]: 0 })[0];
  if (knownKeyCount < MAX_KNOWN_KEYS) {
    if (known) known.push(name);
    else knownKeys.set(id, [name]);
    knownKeyCount++;
  }
  return name;
}

/** Double-quoted escapes with a fixed meaning (`\x`, `\u` and `\U` are read by the reader). */
export const ESCAPES: Record<string, string | undefined> = Object.assign(Object.create(null), {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
});

// The `yaml` library's core schema (YAML 1.2), in its order, with its resolution.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/**
 * A plain scalar's value; under a `version` key a number keeps its written form ("4.00").
 * Each test runs only where the first character allows a match: dates, versions and sizes
 * are most of a bulletin's scalars, and a chain of failing expressions cost more than the
 * rest of reading them.
 */
export function resolvePlain(source: string, isVersion: boolean): unknown {
  const first = source.charCodeAt(0);
  if (first === 126 /* ~ */ || first === 110 /* n */ || first === 78 /* N */ || source === '') return NULL.test(source) ? null : source;
  if (first === 116 /* t */ || first === 84 /* T */) return BOOL.test(source) ? true : source;
  if (first === 102 /* f */ || first === 70 /* F */) return BOOL.test(source) ? false : source;
  const digit = first >= 48 && first <= 57;
  if (!digit && first !== 43 /* + */ && first !== 45 /* - */ && first !== 46 /* . */) return source;
  let number: number;
  if (first === 48 && source.charCodeAt(1) === 111 /* 0o */ && INT_OCT.test(source)) number = parseInt(source.substring(2), 8);
  else if (INT.test(source)) number = parseInt(source, 10);
  else if (first === 48 && source.charCodeAt(1) === 120 /* 0x */ && INT_HEX.test(source)) number = parseInt(source.substring(2), 16);
  else if (!digit && FLOAT_NAN.test(source)) number = source.slice(-3).toLowerCase() === 'nan' ? NaN : first === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  else if (FLOAT_EXP.test(source) || FLOAT.test(source)) number = parseFloat(source);
  else return source;
  return isVersion ? source : number;
}

/**
 * Integer keys (`deployment: {500: 94}`) are an object's elements, kept by V8 in an array as
 * long as the largest key: 4 KB for `500`, which the schema check's `for…in` then copied twice
 * per table (most of what checking a bulletin allocated). A store far past the end turns the
 * elements into a dictionary of the keys present; it stays one after the delete. Nothing
 * observable changes (keys, their order, values). Both parsers make their mappings so.
 */
export function sparseElements(object: Record<string, unknown>): true {
  object[SPARSE_INDEX] = null;
  delete object[SPARSE_INDEX];
  return true;
}
const SPARSE_INDEX = 2 ** 30;
