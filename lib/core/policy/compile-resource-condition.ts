import { ResourceCondition } from '../rules/resource-condition';
import { PolicyCondition } from './azure-policy-definition';

/**
 * The resource type every compiled definition judges.
 * @category Azure Policy
 */
export const MANAGED_CLUSTER_POLICY_TYPE = 'Microsoft.ContainerService/managedClusters';

/**
 * Azure Policy's field for a REST path of a managed cluster: `identity.type`
 * is a field of every resource; the others are the provider's aliases, which
 * name `properties.<p>` as `<type>/<p>` and `sku.<p>` as `<type>/sku.<p>`.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#fields
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias
 * @internal
 */
export function policyField(path: string): string {
  if (path.toLowerCase() === 'identity.type') return 'identity.type';
  if (path.startsWith('properties.')) return `${MANAGED_CLUSTER_POLICY_TYPE}/${path.slice('properties.'.length)}`;
  if (path.startsWith('sku.')) return `${MANAGED_CLUSTER_POLICY_TYPE}/${path}`;
  throw new Error(`no Azure Policy field for ${path}`);
}

/**
 * The Azure Policy condition of a rule's condition on a managed cluster.
 * Each operator keeps the rule's meaning under Azure Policy's: comparisons
 * ignore case, a missing field equals nothing (so `notEquals` and `notIn`
 * hold on it), and "some element meets" is a `count` with `where` above zero.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#field-count
 * @internal
 */
export function compileResourceCondition(condition: ResourceCondition, element?: string): PolicyCondition {
  const field = (path: string) => (element === undefined ? policyField(path) : `${element}[*].${path}`);
  switch (condition.kind) {
    case 'is':
      return { field: field(condition.path), equals: condition.value };
    case 'in':
      return { field: field(condition.path), in: [...condition.values] };
    case 'exists':
      return { field: field(condition.path), exists: true };
    case 'not': {
      const inner = condition.condition;
      if (inner.kind === 'is') return { field: field(inner.path), notEquals: inner.value };
      if (inner.kind === 'in') return { field: field(inner.path), notIn: [...inner.values] };
      if (inner.kind === 'exists') return { field: field(inner.path), exists: false };
      return { not: compileResourceCondition(inner, element) };
    }
    case 'allOf':
      return { allOf: condition.conditions.map((c) => compileResourceCondition(c, element)) };
    case 'anyOf':
      return { anyOf: condition.conditions.map((c) => compileResourceCondition(c, element)) };
    case 'some': {
      const list = field(condition.path);
      return { count: { field: `${list}[*]`, where: compileResourceCondition(condition.where, list) }, greater: 0 };
    }
  }
}

/**
 * The policy rule's `if`: the resource is a managed cluster and the rule's condition holds.
 * @internal
 */
export function compilePolicyIf(condition: ResourceCondition): PolicyCondition {
  return { allOf: [{ field: 'type', equals: MANAGED_CLUSTER_POLICY_TYPE }, compileResourceCondition(condition)] };
}
