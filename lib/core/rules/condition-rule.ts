import { DescribedPool } from '../description/cluster-description';
import { DescribedValue } from '../description/described-value';
import { Rule } from '../validation/rule';
import { ClusterRule, ClusterRuleContext } from './cluster-rule';
import { conditionHolds } from './condition-holds';
import { Cond, ResourceCondition } from './resource-condition';

/** The REST path of the node pools, as Azure returns them on the cluster (every pool, separate resources included). */
export const NODE_POOLS_PATH = 'properties.agentPoolProfiles';

/**
 * A rule decided by one condition on the cluster resource: broken when
 * `brokenWhen` holds; `report` says where, with which value and fix (it
 * decides nothing). The same condition compiles to the rule's Azure Policy
 * definition.
 */
export function conditionRule(rule: Rule, brokenWhen: ResourceCondition, report: (c: ClusterRuleContext) => void): ClusterRule {
  return {
    rule,
    scope: 'cluster',
    condition: brokenWhen,
    check: (c) => {
      if (conditionHolds(c, brokenWhen)) report(c);
    },
  };
}

/**
 * A rule of each node pool: broken on every pool whose profile meets
 * `brokenWhere` (paths relative to the profile); an unknown value in one pool
 * leaves that pool undecided and the others decided.
 */
export function poolConditionRule(rule: Rule, brokenWhere: ResourceCondition, report: (c: ClusterRuleContext, pool: DescribedPool) => void): ClusterRule {
  return {
    rule,
    scope: 'cluster',
    condition: Cond.some(NODE_POOLS_PATH, brokenWhere),
    poolCondition: brokenWhere,
    judgesPools: true,
    check: (c) => c.each(c.pools(), (pool) => {
      if (conditionHolds(c, brokenWhere, pool.profile)) report(c, pool);
    }),
  };
}

/**
 * A rule of each element of the list at `list` on a cluster meeting `when`:
 * broken on every element that meets `brokenWhere` (paths relative to the element).
 */
export function elementConditionRule(
  rule: Rule,
  when: ResourceCondition,
  list: string,
  brokenWhere: ResourceCondition,
  report: (c: ClusterRuleContext, element: DescribedValue) => void,
): ClusterRule {
  return {
    rule,
    scope: 'cluster',
    condition: Cond.allOf(when, Cond.some(list, brokenWhere)),
    check: (c) => {
      if (!conditionHolds(c, when)) return;
      c.each(c.list(list), (element) => {
        if (conditionHolds(c, brokenWhere, element)) report(c, element);
      });
    },
  };
}
