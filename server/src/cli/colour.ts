/**
 * Colour for text meant for a person: on a terminal only, by the conventions Node itself follows
 * (`tty.WriteStream.getColorDepth`): FORCE_COLOR forces it (and wins over NO_COLOR) unless it is
 * `0` or `false`; otherwise NO_COLOR (any value but empty, as no-color.org says),
 * NODE_DISABLE_COLORS, TERM=dumb or an output that is not a terminal turn it off.
 */
import type { Severity } from '../core/problems';

export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export interface TextStyle {
  /** `file:line:column` */
  location(text: string): string;
  severity(severity: Severity, text: string): string;
  code(text: string): string;
}

const identity = (text: string) => text;
export const plainStyle: TextStyle = { location: identity, severity: (_, text) => text, code: identity };

// SGR on/off pairs that switch off only what they switched on, so a coloured part can sit inside another.
const sgr = (on: number, off: number) => (text: string) => `\u001b[${on}m${text}\u001b[${off}m`;
const bold = sgr(1, 22);
const dim = sgr(2, 22);
const bySeverity: Record<Severity, (text: string) => string> = { error: sgr(31, 39), warning: sgr(33, 39), information: sgr(36, 39), hint: dim };

export const ansiStyle: TextStyle = { location: bold, severity: (severity, text) => bySeverity[severity](text), code: dim };

export function textStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): TextStyle {
  return colourEnabled(stream, env) ? ansiStyle : plainStyle;
}
