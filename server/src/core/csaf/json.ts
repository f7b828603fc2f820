/** Tolerant readers over the bulletin's plain JSON value (a wrong type reads as absent). */
import type { Obj } from '../plain';
export { isObj, list, type Obj } from '../plain';
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
