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
    const unsafe = findUnsafeCharacter(v.property) ?? firstUnsafe(v.value);
    if (!unsafe) {
      out.push(v);
      continue;
    }
    const escaped: Violation = { ...v, property: escapeUnsafeCharacters(v.property), value: escapeValue(v.value) };
    out.push(escaped, { rule: Rules.unsafeCharacters, property: escaped.property, value: escaped.value, fix: 'remove the character: Azure names and settings hold none', detail: unsafe, at: v.at });
  }
  return out;
}

/** The first unsafe character of the strings of `value` (each member's name before its value), described; without copying them out. */
function firstUnsafe(value: unknown): string | undefined {
  if (typeof value === 'string') return findUnsafeCharacter(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnsafe(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnsafeCharacter(k) ?? firstUnsafe(v);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeUnsafeCharacters(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeUnsafeCharacters(k), escapeValue(v)]));
  return value;
}
