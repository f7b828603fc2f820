/** Tolerant readers over the bulletin's plain JSON value (a wrong type reads as absent). */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
