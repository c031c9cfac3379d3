/**
 * Characters that make text read differently from what it is: C0/C1 controls,
 * bidirectional overrides and isolates, and zero-width characters. In a name,
 * host or label they hide a different identity behind a familiar one (the
 * "Trojan Source" class of attacks); in a report they reorder what a reviewer
 * reads. Unicode's security considerations list them as the characters to refuse
 * in identifiers.
 * @see https://www.unicode.org/reports/tr36/
 * @see https://trojansource.codes/
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

const NAMES: Readonly<Record<number, string>> = {
  0x061c: 'arabic letter mark',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
};

/** The first unsafe character of `text`, described (`U+202E right-to-left override at 3`), or undefined. */
export function findUnsafeCharacter(text: string): string | undefined {
  const m = UNSAFE.exec(text);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0)!;
  const name = NAMES[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? 'control character' : 'invisible character');
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${name} at position ${m.index}`;
}

const EVERY_UNSAFE = new RegExp(UNSAFE.source, 'gu');

/** `text` with every unsafe character written as its escape (`\u202E`), so that printing it cannot reorder or hide what a reader sees. */
export function escapeUnsafeCharacters(text: string): string {
  // Almost every text holds none: it is given back as it is.
  if (!UNSAFE.test(text)) return text;
  return text.replace(EVERY_UNSAFE, (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
