import { Rules } from '../validation/rule-catalog';
import { escapeUnsafeCharacters, findUnsafeCharacter } from '../validation/unsafe-characters';
import { Violation } from '../validation/violation';

/**
 * The findings as a report may print them: a value or property holding a
 * control, bidirectional-override or zero-width character is not printed as
 * it is. The finding is kept with the character escaped, and the string is
 * refused where it was read (SAKS-INPUT-002, at its JSON pointer). A string no
 * finding prints is never refused: the document is read whole.
 * @see https://www.unicode.org/reports/tr36/
 */
export function guardEmittedStrings(violations: readonly Violation[]): Violation[] {
  const out: Violation[] = [];
  for (const v of violations) {
    const texts = [v.property, ...stringsOf(v.value)];
    const unsafe = texts.map(findUnsafeCharacter).find((x) => x !== undefined);
    if (!unsafe) {
      out.push(v);
      continue;
    }
    const escaped: Violation = { ...v, property: escapeUnsafeCharacters(v.property), value: escapeValue(v.value) };
    out.push(escaped, { rule: Rules.unsafeCharacters, property: escaped.property, value: escaped.value, fix: 'remove the character: Azure names and settings hold none', detail: unsafe, at: v.at });
  }
  return out;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
  return [];
}

function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeUnsafeCharacters(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeUnsafeCharacters(k), escapeValue(v)]));
  return value;
}
