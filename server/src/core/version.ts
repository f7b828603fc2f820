/**
 * Numeric dotted-version order: part by part as integers, a missing part counting as 0,
 * leading zeros allowed (`5.00.2195.6866` equals `5.0.2195.6866`; `5.2.3790.139` > `5.2.3790.88`).
 * Parts are compared as digit strings (no number overflow, no BigInt on the hot path).
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  const length = Math.max(pa.length, pb.length);
  for (let i = 0; i < length; i++) {
    const c = compareDigits(part(pa[i]), part(pb[i]));
    if (c !== 0) return c;
  }
  return 0;
}

/** A canonical form: equal versions (by `compareVersions`) have equal keys. */
export function versionKey(version: string): string {
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
