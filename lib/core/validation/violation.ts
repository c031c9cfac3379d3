import { Provenance } from '../description/fact';
import { Rule } from './rule';

/**
 * One broken rule, located at a property of the user's input.
 * @category Validation
 */
export interface Violation {
  /** The rule that is broken. */
  readonly rule: Rule;
  /** Path of the offending property in the user's input, e.g. `apiServerAccess.authorizedIpRanges[2]`. */
  readonly property: string;
  /** The offending value, as the user gave it. */
  readonly value: unknown;
  /** What to change to satisfy the rule. */
  readonly fix: string;
  /** Extra facts about this case (the computed limit, the conflicting setting). */
  readonly detail?: string;
  /** Where it was read: a definition's property, or a document and the JSON pointer of the value. */
  readonly at?: Provenance;
}

/**
 * Renders a value for a message: JSON, but short.
 * @category Validation
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/**
 * Formats one violation as the multi-line block used in every error and warning.
 * @category Validation
 */
export function formatViolation(v: Violation): string {
  const { statement, source } = ruleLines(v.rule);
  const detail = v.detail ? `\n    detail: ${v.detail}` : '';
  return `[${v.rule.id}] ${v.property} = ${describeValue(v.value)}\n${statement}${detail}\n    fix: ${v.fix}\n${source}`;
}

/** A rule's own lines of the block, written once per rule: a tenant's report repeats them for every cluster. */
const RULE_LINES = new WeakMap<Rule, { readonly statement: string; readonly source: string }>();

function ruleLines(rule: Rule): { readonly statement: string; readonly source: string } {
  let found = RULE_LINES.get(rule);
  if (found === undefined) {
    found = { statement: `    rule: ${rule.statement}`, source: `    source: ${rule.sources.join(' ; ')}${rule.citation ? ` (${rule.citation})` : ''}` };
    RULE_LINES.set(rule, found);
  }
  return found;
}
