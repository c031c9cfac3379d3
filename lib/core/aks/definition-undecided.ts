import { isDocumentLocation } from '../description/fact';
import { RuleOutcome, UndecidedReason } from '../rules/rule-outcome';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { DefinitionReading } from './definition-description';

/** The property named when a reason names none. */
const WHOLE_DEFINITION = '(the definition)';

/**
 * What a definition leaves undecided, refused (SAKS-INPUT-003): the library
 * writes the definition's template from its values, so a rule that cannot
 * decide on that template, or a part of it that cannot be read back, comes
 * from a value that does not build what it should (an expression, a name
 * that breaks a resource id). Only what the definition does not hold stays
 * undecided without an error: a resource it brings by id, a setting Azure
 * chooses at deployment, a version the support tables do not date; the
 * security baseline reports those as not verified, and `secure-aks audit`
 * decides them on what is deployed.
 * One violation per property, naming every rule and reason at it.
 * @param valueOf the definition's value at one of its properties, as the user gave it
 */
export function definitionUndecided(reading: DefinitionReading, outcomes: readonly RuleOutcome[], valueOf: (property: string) => unknown): Violation[] {
  const byProperty = new Map<string, string[]>();
  const add = (u: UndecidedReason, detail: string) => {
    const property = u.at && !isDocumentLocation(u.at) && u.at.definition !== '' ? u.at.definition : WHOLE_DEFINITION;
    const details = byProperty.get(property) ?? [];
    if (!details.includes(detail)) details.push(detail);
    byProperty.set(property, details);
  };
  for (const u of reading.unread) add(u, `the template it builds cannot be read back: ${u.reason}`);
  for (const o of outcomes) for (const u of o.undecided) if (!u.notHeld) add(u, `${o.rule.id} cannot be decided on what it builds: ${u.reason}`);
  return [...byProperty].map(([property, details]) => ({
    rule: Rules.definitionUndecided,
    property,
    value: property === WHOLE_DEFINITION ? null : valueOf(property),
    fix: `give ${property === WHOLE_DEFINITION ? 'the definition' : property} a value of its documented form: a literal, not an expression, that the named rules can decide on`,
    detail: details.join('; '),
    at: property === WHOLE_DEFINITION ? undefined : { definition: property },
  }));
}

/**
 * The value at a definition's property path (`apiServerAccess.dnsZone.subzone`,
 * `userNodePools[1].vmSize`) of `definition`; `undefined` where it has none.
 */
export function valueAtProperty(definition: unknown, property: string): unknown {
  let value: unknown = definition;
  for (const key of property.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
