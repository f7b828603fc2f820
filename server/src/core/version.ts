/**
 * Numeric dotted-version order: part by part as integers, a missing part counting as 0,
 * leading zeros allowed (`5.00.2195.6866` equals `5.0.2195.6866`; `5.2.3790.139` > `5.2.3790.88`).
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  const length = Math.max(pa.length, pb.length);
  for (let i = 0; i < length; i++) {
    const x = BigInt(/^\d+$/.test(pa[i] ?? '') ? pa[i] : '0');
    const y = BigInt(/^\d+$/.test(pb[i] ?? '') ? pb[i] : '0');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export const isVersion = (text: string): boolean => /^\d+(\.\d+){1,3}$/.test(text);
