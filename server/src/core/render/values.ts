/** Tolerant readers over the plain JSON value: a value of the wrong type reads as absent. */
import type { Obj } from '../plain';
export { isObj, list, type Obj } from '../plain';
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Text of a scalar the author may have typed as a number or boolean (`data: 1`). */
export const scalarText = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
