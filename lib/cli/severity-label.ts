import { RuleSeverity } from '../core/validation/rule';

/** ANSI SGR colours: red, yellow, cyan. @see https://en.wikipedia.org/wiki/ANSI_escape_code#SGR */
const COLOUR: Readonly<Record<RuleSeverity, string>> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

/** A finding's severity as written before it in the text report, coloured when `colour`. */
export function severityLabel(severity: RuleSeverity, colour: boolean): string {
  return colour ? `${COLOUR[severity]}${severity}\x1b[0m` : severity;
}
