/**
 * What the CLI prints of names it did not choose (file names, arguments): control characters,
 * line breaks and bidirectional overrides would let a file name fake a summary line or drive
 * the terminal, so they are escaped as in JSON.
 */

// C0 and C1 controls, DEL, line/paragraph separators and the bidirectional embedding/override/isolate marks.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Escapes unsafe characters in place (for messages: prose stays readable). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE_ALL, (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A path as printed: as it is when harmless, else a JSON string (quoted, so it is unambiguous). */
export function displayPath(path: string): string {
  return UNSAFE.test(path) ? JSON.stringify(path).replace(UNSAFE_ALL, (c) => escapeControl(c)) : path;
}
