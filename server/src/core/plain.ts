/**
 * The bulletin's plain JSON value, as parsed and before any check: readers take what has the
 * right type and read the rest as absent.
 */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
