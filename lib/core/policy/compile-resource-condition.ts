import { ResourceCondition } from '../rules/resource-condition';
import { ResourceRule } from '../rules/resource-rule';
import { PolicyCondition } from './azure-policy-definition';

/**
 * The resource type every compiled definition judges.
 * @category Azure Policy
 */
export const MANAGED_CLUSTER_POLICY_TYPE = 'Microsoft.ContainerService/managedClusters';

/**
 * A node pool created as a resource of its own, which Azure Policy judges
 * apart from its cluster (its aliases are `<type>/<p>` for `properties.<p>`).
 * @category Azure Policy
 */
export const AGENT_POOL_POLICY_TYPE = 'Microsoft.ContainerService/managedClusters/agentPools';

/**
 * Azure Policy's field for a REST path of a resource of `type`:
 * `identity.type` is a field of every resource; the others are the
 * provider's aliases, which name `properties.<p>` as `<type>/<p>` and
 * `sku.<p>` as `<type>/sku.<p>`, leaving out the `properties` of a nested
 * resource on the way (a subnet's `properties.delegations[*].properties.serviceName`
 * is `Microsoft.Network/virtualNetworks/subnets/delegations[*].serviceName`).
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#fields
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias
 * @internal
 */
export function policyField(path: string, type: string = MANAGED_CLUSTER_POLICY_TYPE): string {
  if (path.toLowerCase() === 'identity.type') return 'identity.type';
  if (path.startsWith('properties.')) return `${type}/${aliasPath(path.slice('properties.'.length))}`;
  if (path.startsWith('sku.')) return `${type}/${path}`;
  throw new Error(`no Azure Policy field for ${path}`);
}

/** A REST path as an alias names it: without the `properties` member of a nested resource. */
function aliasPath(path: string): string {
  return path
    .split('.')
    .filter((key) => key !== 'properties')
    .join('.');
}

/**
 * The Azure Policy condition of a rule's condition on a resource of `type`
 * (a managed cluster unless said). Each operator keeps the rule's meaning
 * under Azure Policy's: comparisons ignore case, a missing field equals
 * nothing (so `notEquals` and `notIn` hold on it), and "some element meets"
 * is a `count` with `where` above zero.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#field-count
 * @internal
 */
export function compileResourceCondition(condition: ResourceCondition, element?: string, type: string = MANAGED_CLUSTER_POLICY_TYPE): PolicyCondition {
  const field = (path: string) => (element === undefined ? policyField(path, type) : path === '' ? `${element}[*]` : `${element}[*].${aliasPath(path)}`);
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
      return { not: compileResourceCondition(inner, element, type) };
    }
    case 'allOf':
      return { allOf: condition.conditions.map((c) => compileResourceCondition(c, element, type)) };
    case 'anyOf':
      return { anyOf: condition.conditions.map((c) => compileResourceCondition(c, element, type)) };
    case 'some': {
      const list = field(condition.path);
      return { count: { field: `${list}[*]`, where: compileResourceCondition(condition.where, list, type) }, greater: 0 };
    }
    case 'prefixLonger': {
      // A value condition, as Azure Policy reads a part of a text: `current()` names the element of a `count`, `field()` the resource's.
      // `if` evaluates only the branch it takes, so a missing prefix, or one without "/", never reaches int().
      // https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#avoiding-template-failures
      const read = `${element === undefined ? 'field' : 'current'}('${field(condition.path)}')`;
      return { value: `[if(empty(${read}), 0, if(contains(${read}, '/'), int(last(split(${read}, '/'))), 0))]`, greater: condition.length };
    }
  }
}

/**
 * The policy rule's `if`: the resource is a managed cluster and the rule's
 * condition holds; for a rule of each node pool (`poolCondition`, paths
 * relative to a pool's profile), also a node pool created as an `agentPools`
 * resource that meets it, since Azure Policy judges that resource apart from
 * its cluster.
 * @internal
 */
export function compilePolicyIf(condition: ResourceCondition, poolCondition?: ResourceCondition): PolicyCondition {
  const cluster = { allOf: [{ field: 'type', equals: MANAGED_CLUSTER_POLICY_TYPE }, compileResourceCondition(condition)] };
  if (poolCondition === undefined) return cluster;
  const pool = { allOf: [{ field: 'type', equals: AGENT_POOL_POLICY_TYPE }, compileResourceCondition(underProperties(poolCondition), undefined, AGENT_POOL_POLICY_TYPE)] };
  return { anyOf: [cluster, pool] };
}

/**
 * The policy rule's `if` of a rule on a resource alone: a resource of its
 * type that the rule applies to and that breaks it; where such resources are
 * also written inline in a parent (a virtual network's subnets), also a
 * parent with one such element, since Azure Policy judges a request to
 * create the parent with its elements as the parent.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-alias#understanding-the-array-alias
 * @see https://learn.microsoft.com/azure/governance/policy/how-to/author-policies-for-arrays
 * @internal
 */
export function compileResourceRuleIf(rule: ResourceRule): PolicyCondition {
  const own = {
    allOf: [{ field: 'type', equals: rule.type }, compileResourceCondition(rule.appliesWhen, undefined, rule.type), compileResourceCondition(rule.brokenWhen, undefined, rule.type)],
  };
  if (rule.inline === undefined) return own;
  const list = policyField(rule.inline.list, rule.inline.type);
  const where = { allOf: [compileResourceCondition(rule.appliesWhen, list, rule.inline.type), compileResourceCondition(rule.brokenWhen, list, rule.inline.type)] };
  return { anyOf: [own, { allOf: [{ field: 'type', equals: rule.inline.type }, { count: { field: `${list}[*]`, where }, greater: 0 }] }] };
}

/**
 * The `then.details` of an AuditIfNotExists definition: the related resource
 * of `type` on the cluster, and the condition one of them must meet.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists
 * @internal
 */
export function compileExistenceDetails(type: string, meets: ResourceCondition): { readonly type: string; readonly existenceCondition: PolicyCondition } {
  return { type, existenceCondition: compileResourceCondition(meets, undefined, type) };
}

/** A pool profile's condition as a condition on an `agentPools` resource, whose body holds the profile under `properties`. */
function underProperties(condition: ResourceCondition): ResourceCondition {
  switch (condition.kind) {
    case 'is':
    case 'in':
    case 'exists':
    case 'some':
    case 'prefixLonger':
      return { ...condition, path: `properties.${condition.path}` };
    case 'not':
      return { kind: 'not', condition: underProperties(condition.condition) };
    case 'allOf':
    case 'anyOf':
      return { kind: condition.kind, conditions: condition.conditions.map(underProperties) };
  }
}
