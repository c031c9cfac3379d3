import { ClusterDescription } from '../description/cluster-description';
import { DocumentLocation } from '../description/described-resource';
import { RelatedResources } from '../description/related-resources';
import { Rule } from '../validation/rule';
import { ClusterRuleContext } from './cluster-rule';
import { conditionHolds } from './condition-holds';
import { Cond, ResourceCondition } from './resource-condition';
import { Undecided } from './undecided';

/**
 * A rule of the catalog on a resource made for clusters, decided on that
 * resource alone, wherever the cluster that uses it is defined (a subnet of
 * another team's network): a resource of `type` that meets `appliesWhen`
 * breaks the rule when it meets `brokenWhen`. The audit and the policy pack
 * decide these conditions with the rule engine, and the rule's Azure Policy
 * definition is compiled from the same conditions.
 */
export interface ResourceRule {
  readonly rule: Rule;
  /** The resources it judges, in words (`subnets delegated to Microsoft.ContainerService/managedClusters`). */
  readonly judges: string;
  /** The ARM type judged, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  readonly type: string;
  /** Where resources of the type are also written inline: the parent's type and the REST path of its list (a virtual network's `properties.subnets`). */
  readonly inline?: { readonly type: string; readonly list: string };
  /** Which resources of the type the rule is about, over REST paths of the resource's body (`properties.delegations`). */
  readonly appliesWhen: ResourceCondition;
  /** When such a resource breaks the rule. */
  readonly brokenWhen: ResourceCondition;
  /** The members under `properties` a finding names: the first one the resource sets (`addressPrefix`, else `addressPrefixes`). */
  readonly properties: readonly string[];
  /** What to change. */
  readonly fix: string;
}

/**
 * Whether a resource's body (its REST shape: `properties`, ...) breaks the
 * rule: `undefined` when a value the decision needs is not known.
 */
export function resourceBreaksRule(rule: ResourceRule, body: Readonly<Record<string, unknown>>, origin: DocumentLocation): boolean | undefined {
  // Both in three values: a decided "not broken" stands even where whether the rule applies is not known.
  return conditionHoldsOnResource(rule.rule, rule.type, Cond.allOf(rule.appliesWhen, rule.brokenWhen), body, origin);
}

/**
 * Whether a condition holds on a resource's body, decided by the rule
 * engine for `rule`: `undefined` when a value it needs is not known.
 */
export function conditionHoldsOnResource(rule: Rule, type: string, condition: ResourceCondition, body: Readonly<Record<string, unknown>>, origin: DocumentLocation): boolean | undefined {
  // The rule engine reads one described resource; here the resource stands alone, with nothing read beside it.
  const described = new ClusterDescription({ type, name: '', body, origin }, [], new RelatedResources([], false));
  const c = new ClusterRuleContext(described, rule);
  try {
    return conditionHolds(c, condition);
  } catch (e) {
    if (e instanceof Undecided) return undefined;
    throw e;
  }
}
