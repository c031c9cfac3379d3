/**
 * A condition on one ARM resource, over REST paths of its body
 * (`properties.disableLocalAccounts`, `sku.tier`, `identity.type`): the
 * small language in which a rule that Azure Policy can express is written.
 * The rule engine decides it over a cluster's description (an unknown value
 * leaves it undecided), and the Azure Policy compiler turns the same
 * condition into a policy rule's `if` (`lib/core/policy/`), so a rule and its
 * policy definition are one implementation.
 *
 * Every comparison is Azure Resource Manager's: names and enum values without
 * regard to case, `"true"`/`"false"` as booleans, and an absent value equal
 * to nothing (Azure Policy's own semantics of a missing field).
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions
 * @category Azure Policy
 */
export type ResourceCondition =
  | IsCondition
  | InCondition
  | ExistsCondition
  | NotCondition
  | AllOfCondition
  | AnyOfCondition
  | SomeCondition
  | PrefixLongerCondition;

/**
 * The value at `path` is `value` (text without regard to case, or a boolean).
 * @category Azure Policy
 */
export interface IsCondition {
  readonly kind: 'is';
  readonly path: string;
  readonly value: string | boolean;
}

/**
 * The text at `path` is one of `values`, without regard to case.
 * @category Azure Policy
 */
export interface InCondition {
  readonly kind: 'in';
  readonly path: string;
  readonly values: readonly string[];
}

/**
 * A value is set at `path` (`null` is not set).
 * @category Azure Policy
 */
export interface ExistsCondition {
  readonly kind: 'exists';
  readonly path: string;
}

/**
 * The condition does not hold.
 * @category Azure Policy
 */
export interface NotCondition {
  readonly kind: 'not';
  readonly condition: ResourceCondition;
}

/**
 * Every condition holds.
 * @category Azure Policy
 */
export interface AllOfCondition {
  readonly kind: 'allOf';
  readonly conditions: readonly ResourceCondition[];
}

/**
 * At least one condition holds.
 * @category Azure Policy
 */
export interface AnyOfCondition {
  readonly kind: 'anyOf';
  readonly conditions: readonly ResourceCondition[];
}

/**
 * At least one element of the list at `path` meets `where` (paths in `where` are relative to the element).
 * @category Azure Policy
 */
export interface SomeCondition {
  readonly kind: 'some';
  readonly path: string;
  readonly where: ResourceCondition;
}

/**
 * The text at `path` is a CIDR block `<address>/<n>` whose prefix length `n`
 * is greater than `length`: a smaller block than a /`length` (a /29 is
 * smaller than a /28). Absent, or text without a `/<n>` suffix (which Azure
 * Resource Manager refuses as an address prefix), does not hold. An empty
 * `path` is the value itself: an element of a list of prefixes in a `some`.
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq
 * @category Azure Policy
 */
export interface PrefixLongerCondition {
  readonly kind: 'prefixLonger';
  readonly path: string;
  readonly length: number;
}

/**
 * The constructors of the language, so rules read as sentences.
 * @category Azure Policy
 */
export const Cond = {
  is: (path: string, value: string | boolean): IsCondition => ({ kind: 'is', path, value }),
  in: (path: string, values: readonly string[]): InCondition => ({ kind: 'in', path, values }),
  exists: (path: string): ExistsCondition => ({ kind: 'exists', path }),
  not: (condition: ResourceCondition): NotCondition => ({ kind: 'not', condition }),
  allOf: (...conditions: ResourceCondition[]): AllOfCondition => ({ kind: 'allOf', conditions }),
  anyOf: (...conditions: ResourceCondition[]): AnyOfCondition => ({ kind: 'anyOf', conditions }),
  some: (path: string, where: ResourceCondition): SomeCondition => ({ kind: 'some', path, where }),
  prefixLonger: (path: string, length: number): PrefixLongerCondition => ({ kind: 'prefixLonger', path, length }),
} as const;

/**
 * Every REST path a condition reads, relative to the resource (a `some` element's paths under `<list>[*]`).
 * @internal
 */
export function conditionPaths(condition: ResourceCondition, prefix = ''): string[] {
  switch (condition.kind) {
    case 'is':
    case 'in':
    case 'exists':
      return [`${prefix}${condition.path}`];
    case 'prefixLonger':
      return [condition.path === '' ? prefix.replace(/\.$/, '') : `${prefix}${condition.path}`];
    case 'not':
      return conditionPaths(condition.condition, prefix);
    case 'allOf':
    case 'anyOf':
      return condition.conditions.flatMap((c) => conditionPaths(c, prefix));
    case 'some':
      return conditionPaths(condition.where, `${prefix}${condition.path}[*].`);
  }
}
