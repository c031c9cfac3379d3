import type { z } from 'zod';
import { zod } from './lazy-zod';
import { Rule } from './rule';
import { Rules } from './rule-catalog';
import { findUnsafeCharacter } from './unsafe-characters';
import { SecureAksValidationError } from './validation-error';
import { Violation } from './violation';

/**
 * The runtime boundary of every public input. Configuration arrives from
 * `pulumi config`, JSON and YAML as well as from typed code, so each input is
 * checked against one declared schema before any validator reads a value: a
 * wrong type, a missing field, an unknown property or a plain object in place of
 * a factory's result becomes a violation (SAKS-INPUT-001), never a `TypeError`.
 * Every string passes the unsafe-character check (SAKS-INPUT-002).
 */

const INPUT_VIOLATIONS = Symbol.for('secure-aks.input-violations');

/** A string of any public input: no control, bidirectional or zero-width characters. @internal */
export function text(): z.ZodType<string> {
  return zod.string().superRefine((s, ctx) => {
    const unsafe = findUnsafeCharacter(s);
    if (unsafe) ctx.addIssue({ code: 'custom', message: `contains ${unsafe}`, params: { unsafe } });
  });
}

/** A string of a public input that must not be empty (`expected` says what it should be). @internal */
export function nonEmptyText(expected: string): z.ZodType<string> {
  return text().refine((s) => s.length > 0, { message: `expected ${expected}` });
}

/**
 * How a definition is named in an error headline (`cluster "payments"`): its
 * `name` when that is safe text, otherwise the kind alone, so that a broken
 * input never breaks the message about it.
 * @internal
 */
export function subject(kind: string, input: unknown): string {
  const name = isRecord(input) ? input.name : undefined;
  return typeof name === 'string' && name.length <= 80 && !findUnsafeCharacter(name) ? `${kind} "${name}"` : kind;
}

/**
 * {@link text} that must also be well formed for what it is (a DNS name, an
 * https URL, a path): otherwise a violation of `rule`, with `fix`.
 * @internal
 */
export function wellFormedText(rule: Rule, fix: string, test: (s: string) => boolean): z.ZodType<string> {
  return text().superRefine((s, ctx) => {
    if (!findUnsafeCharacter(s) && !test(s)) ctx.addIssue({ code: 'custom', message: fix, params: { rule, fix } });
  });
}

/** A list of {@link text}. @internal */
export function textList(): z.ZodType<readonly string[]> {
  return zod.array(text()).readonly();
}

/**
 * The result of a factory (`ApiServerAccess.private()`): a plain object with the
 * same fields is refused, since only the factory applies defaults and rules. The
 * factory's own option problems are reported at this property.
 * @internal
 */
export function factoryResult<T>(cls: { readonly prototype: T }, factories: string): z.ZodType<T> {
  return zod
    .custom<T>((v) => v instanceof (cls as unknown as new (...args: never[]) => T), { message: `expected the result of ${factories}`, params: { factories } })
    .superRefine((v, ctx) => {
      for (const violation of inputViolationsOf(v)) ctx.addIssue({ code: 'custom', message: violation.rule.statement, params: { violation } });
    });
}

/** Records the option problems of a factory call on its result, for the definition that uses it to report. @internal */
function withInputViolations<T extends object>(result: T, violations: readonly Violation[]): T {
  if (violations.length > 0) Object.defineProperty(result, INPUT_VIOLATIONS, { value: violations, enumerable: false });
  return result;
}

/** The option problems recorded on a factory's result. @internal */
export function inputViolationsOf(value: unknown): readonly Violation[] {
  return (value !== null && typeof value === 'object' && (value as Record<symbol, readonly Violation[]>)[INPUT_VIOLATIONS]) || [];
}

/** The outcome of {@link checkInput}. @internal */
export interface CheckedInput<T> {
  /**
   * The input, when it is usable: as given when valid; otherwise with every
   * property that broke the schema removed (so that defaults take its place),
   * when what is left is still valid. Undefined when a required part is broken.
   */
  readonly value: T | undefined;
  /** Every schema violation, located at its property under `root`. */
  readonly violations: readonly Violation[];
}

/** Checks `input` against `schema`; never throws. @internal */
export function checkInput<T>(schema: z.ZodType<T>, input: unknown, root = ''): CheckedInput<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { value: input as T, violations: [] };
  const issues = parsed.error.issues;
  const violations = issues.flatMap((issue) => toViolations(issue, input, root));
  let value: T | undefined;
  if (isRecord(input) && !issues.some((i) => i.path.length === 0 && i.code !== 'unrecognized_keys')) {
    const broken = new Set(issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : i.path.slice(0, 1).map(String))));
    const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !broken.has(k)));
    if (schema.safeParse(rest).success) value = rest as T;
  }
  return { value, violations };
}

/** Checks `input` and throws the library's validation error listing every problem. @internal */
export function assertInput<T>(schema: z.ZodType<T>, input: unknown, subjectText: string): T {
  const checked = checkInput(schema, input);
  if (checked.violations.length > 0) throw new SecureAksValidationError(subjectText, checked.violations);
  return input as T;
}

/** A value that must be present: a Pulumi `Input` (a value, promise or output), not checked further. @internal */
export function present(what: string): z.ZodType<unknown> {
  return zod.custom<unknown>((v) => v !== undefined && v !== null, { message: `expected ${what}` });
}

/**
 * Builds a factory's result from its options: they are checked against
 * `schema`, the broken ones removed (so the factory's locked-down defaults
 * apply), and their problems recorded on the result, located relative to the
 * options, for the definition that uses it to report.
 * @internal
 */
export function fromOptions<O extends object, T extends object>(schema: z.ZodType<O>, options: unknown, build: (options: O) => T): T {
  const checked = checkInput(schema, options ?? {});
  return withInputViolations(build(checked.value ?? ({} as O)), checked.violations);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `a.b[0]["odd key"]` from a path. @internal */
export function propertyPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(seg))) out += out === '' ? String(seg) : `.${String(seg)}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

const join = (a: string, b: string) => (a === '' ? b : b === '' ? a : b.startsWith('[') ? `${a}${b}` : `${a}.${b}`);

function toViolations(issue: z.core.$ZodIssue, input: unknown, root: string): Violation[] {
  const property = propertyPath(root, issue.path);
  const value = valueAt(input, issue.path);
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  if (params.violation) {
    const inner = params.violation as Violation;
    return [{ ...inner, property: join(property, inner.property) }];
  }
  if (params.rule) {
    return [{ rule: params.rule as Rule, property, value, fix: String(params.fix) }];
  }
  if (params.unsafe) {
    return [{ rule: Rules.unsafeCharacters, property, value, fix: 'remove the character: type the text again by hand', detail: `it ${issue.message}` }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        rule: Rules.inputType,
        property: join(property, propertyPath('', [key])),
        value: valueAt(input, [...issue.path, key]),
        fix: `remove "${key}", or correct its spelling: it is not a property here`,
      }));
    case 'invalid_value':
      return [{ rule: Rules.choice, property, value, fix: `use one of ${issue.values.map((x) => JSON.stringify(x)).join(', ')}` }];
    case 'invalid_type':
      return [
        {
          rule: Rules.inputType,
          property,
          value,
          fix: value === undefined ? `set ${property || 'the input'} (${expectedType(issue.expected)})` : `give ${expectedType(issue.expected)} (received ${describeType(value)})`,
        },
      ];
    case 'custom':
      if (params.factories) {
        return [{ rule: Rules.inputType, property, value, fix: `use ${String(params.factories)}: a plain object with the same fields is not accepted`, detail: `received ${describeType(value)}` }];
      }
      return [{ rule: Rules.inputType, property, value, fix: 'correct the value', detail: issue.message }];
    default:
      return [{ rule: Rules.inputType, property, value, fix: 'correct the value', detail: issue.message }];
  }
}

const EXPECTED: Readonly<Record<string, string>> = { array: 'a list', object: 'an object', boolean: 'true or false', string: 'a string', number: 'a number' };
const expectedType = (t: string) => EXPECTED[t] ?? `a ${t}`;

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return v.constructor && v.constructor !== Object ? `an instance of ${v.constructor.name}` : 'a plain object';
  return `a ${typeof v}`;
}

type KeysDiffer<O, I> = [Exclude<keyof I, keyof O>, Exclude<keyof O, keyof I>] extends [never, never] ? unknown : { readonly keysDiffer: [Exclude<keyof I, keyof O>, Exclude<keyof O, keyof I>] };

/**
 * Declares the runtime schema of interface `I`. Compile-time checks keep the
 * two in step: what the schema accepts is assignable to `I`, and its keys are
 * exactly `I`'s (a property added to the interface and not to the schema does
 * not compile).
 * @internal
 */
export function schemaOf<I>() {
  return <S extends z.ZodType<I>>(schema: S & KeysDiffer<z.output<S>, I>): S => schema;
}
