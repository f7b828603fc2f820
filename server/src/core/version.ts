/**
 * Numeric dotted-version order: part by part as integers, a missing part counting as 0,
 * leading zeros allowed (`5.00.2195.6866` equals `5.0.2195.6866`; `5.2.3790.139` > `5.2.3790.88`).
 * Parts are compared as digit strings (no number overflow, no BigInt on the hot path).
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const fast = compareSmall(a, b);
  if (fast !== undefined) return fast;
  const pa = a.split('.');
  const pb = b.split('.');
  const length = Math.max(pa.length, pb.length);
  for (let i = 0; i < length; i++) {
    const c = compareDigits(part(pa[i]), part(pb[i]));
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * The common case without allocating: dotted parts of at most 15 digits, compared as numbers
 * (exact below 2^53). Undefined when a part is longer or not digits: the general path decides.
 */
function compareSmall(a: string, b: string): number | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let x = 0;
    let y = 0;
    let digits = 0;
    for (; i < a.length && a.charCodeAt(i) !== 46; i++, digits++) {
      const c = a.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || digits >= 15) return undefined;
      x = x * 10 + c;
    }
    digits = 0;
    for (; j < b.length && b.charCodeAt(j) !== 46; j++, digits++) {
      const c = b.charCodeAt(j) - 48;
      if (c < 0 || c > 9 || digits >= 15) return undefined;
      y = y * 10 + c;
    }
    if (x !== y) return x < y ? -1 : 1;
    i++;
    j++;
  }
  return 0;
}

/** A canonical form: equal versions (by `compareVersions`) have equal keys. */
export function versionKey(version: string): string {
  // Most versions are canonical already (digits without leading zeros, no trailing `.0`): the
  // key is the text itself, found by one pass over it and nothing allocated.
  return isCanonical(version) ? version : computeVersionKey(version);
}

/** Dotted parts of digits, none empty, none with a leading zero but `0` itself, the last not `0` unless alone. */
function isCanonical(version: string): boolean {
  const length = version.length;
  if (length === 0) return false;
  let partStart = 0;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? version.charCodeAt(i) : 46;
    if (c === 46 /* . */) {
      const partLength = i - partStart;
      if (partLength === 0) return false;
      if (partLength > 1 && version.charCodeAt(partStart) === 48) return false; // a leading zero
      partStart = i + 1;
    } else if (c < 48 || c > 57) return false;
  }
  // The last part: `4.0` is `4`, but `0` alone is canonical.
  const lastDot = version.lastIndexOf('.');
  return lastDot < 0 || version.slice(lastDot + 1) !== '0';
}

function computeVersionKey(version: string): string {
  const parts = version.split('.').map(part);
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

export const isVersion = (text: string): boolean => /^\d+(\.\d+){1,3}$/.test(text);

/** A part without its leading zeros; anything that is not digits counts as 0. */
function part(text: string | undefined): string {
  if (text === undefined || !/^\d+$/.test(text)) return '0';
  const stripped = text.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

function compareDigits(x: string, y: string): number {
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
