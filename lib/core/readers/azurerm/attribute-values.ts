import { recordPointer } from '../../description/described-resource';
import { UnknownValue } from '../../description/unknown-value';
import { AttributeReader } from './attribute-reader';

/** A value as the provider sends it: known, unknown, or absent (undefined: Azure's default applies). */
export type Sent<T> = T | UnknownValue | undefined;

/**
 * A boolean attribute as the provider sends it. `fallback` is what the
 * provider sends when the attribute is unset (its schema default, or Go's
 * zero value `false` where it sends `d.Get(...)` unconditionally); undefined
 * when it then sends nothing.
 */
export function boolOf(r: AttributeReader, names: readonly string[], fallback?: boolean): Sent<boolean> {
  const read = r.get(...names);
  if (!read) return fallback;
  if (read.value instanceof UnknownValue || typeof read.value === 'boolean') return read.value;
  return new UnknownValue(`${names[0]} is not a boolean`);
}

/** A string attribute; an empty string is unset, as the provider treats it (`if v != ""`). */
export function stringOf(r: AttributeReader, names: readonly string[], fallback?: string): Sent<string> {
  const read = r.get(...names);
  if (!read || read.value === '') return fallback;
  if (read.value instanceof UnknownValue || typeof read.value === 'string') return read.value;
  if (typeof read.value === 'number') return String(read.value);
  return new UnknownValue(`${names[0]} is not a string`);
}

/** A number attribute; `positive` drops 0, which the provider does not send (`if v > 0`). */
export function numberOf(r: AttributeReader, names: readonly string[], positive = false): Sent<number> {
  const read = r.get(...names);
  if (!read) return undefined;
  if (read.value instanceof UnknownValue) return read.value;
  if (typeof read.value !== 'number') return new UnknownValue(`${names[0]} is not a number`);
  return positive && read.value <= 0 ? undefined : read.value;
}

/** A list of strings (numbers, such as zones, as strings); an empty list is unset. */
export function stringListOf(r: AttributeReader, names: readonly string[]): Sent<Array<string | UnknownValue>> {
  const read = r.get(...names);
  if (!read) return undefined;
  if (read.value instanceof UnknownValue) return read.value;
  if (!Array.isArray(read.value)) return new UnknownValue(`${names[0]} is not a list`);
  if (read.value.length === 0) return undefined;
  const list = read.value.map((v) => (v instanceof UnknownValue || typeof v === 'string' ? v : typeof v === 'number' ? String(v) : new UnknownValue(`an item of ${names[0]} is not a string`)));
  recordPointer(list, read.pointer);
  return list;
}

/** A map of strings (tags, labels); an empty map is unset. */
export function stringMapOf(r: AttributeReader, names: readonly string[]): Sent<Record<string, unknown>> {
  const read = r.get(...names);
  if (!read) return undefined;
  if (read.value instanceof UnknownValue) return read.value;
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) return new UnknownValue(`${names[0]} is not a map`);
  if (Object.keys(read.value).length === 0) return undefined;
  return read.value as Record<string, unknown>;
}

/** `String(v)` of a known boolean, as the provider writes booleans into an add-on's string config. */
export function configFlag(v: Sent<boolean>): Sent<string> {
  return typeof v === 'boolean' ? String(v) : v;
}

/**
 * An object without its absent members, recorded as written at `pointer`
 * (the block it was mapped from), so that a finding inside it points there.
 */
export function built<T extends Record<string, unknown>>(members: T, pointer: string): Partial<T> {
  const out = Object.fromEntries(Object.entries(members).filter(([, v]) => v !== undefined)) as Partial<T>;
  recordPointer(out, pointer);
  return out;
}
