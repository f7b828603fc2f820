/**
 * The CWE list: the one that `@secvisogram/csaf-validator-lib` ships and checks CSAF `cwe`
 * against (mandatory test 6.1.11), so a bulletin that passes `unknown-cwe` exports a CSAF `cwe`
 * the validator accepts. No second copy of the list is kept here.
 */
import { weaknesses } from '@secvisogram/csaf-validator-lib/cwe.js';

export interface Weakness {
  id: string;
  name: string;
}

let byId: Map<string, Weakness> | undefined;

function index(): Map<string, Weakness> {
  return (byId ??= new Map(weaknesses.map((w) => [w.id, w])));
}

/** The weakness a `CWE-<number>` id names, if the list has it. */
export function weaknessOf(id: string): Weakness | undefined {
  return index().get(id);
}

/** Every weakness of the list, in id order (CWE-20 before CWE-119). */
export function allWeaknesses(): readonly Weakness[] {
  return [...index().values()].sort((a, b) => Number(a.id.slice(4)) - Number(b.id.slice(4)));
}

/**
 * Weaknesses whose id or name matches what was typed: `120`, `CWE-12`, or words of the name
 * (`buffer overflow` finds every name holding both words), best first: an id that starts with
 * the digits, then names by where the words occur.
 */
export function searchWeaknesses(query: string, limit = 50): Weakness[] {
  const q = query.trim().toLowerCase();
  const all = allWeaknesses();
  if (q === '') return all.slice(0, limit);
  const digits = /^(?:cwe-?)?(\d+)$/.exec(q)?.[1];
  if (digits) return all.filter((w) => w.id.slice(4).startsWith(digits)).sort((a, b) => a.id.length - b.id.length).slice(0, limit);
  const words = q.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  const scored: { w: Weakness; at: number }[] = [];
  for (const w of all) {
    const name = w.name.toLowerCase();
    let at = 0;
    let ok = true;
    for (const word of words) {
      const i = name.indexOf(word);
      if (i < 0) {
        ok = false;
        break;
      }
      at += i;
    }
    if (ok) scored.push({ w, at });
  }
  return scored.sort((a, b) => a.at - b.at).slice(0, limit).map((s) => s.w);
}
