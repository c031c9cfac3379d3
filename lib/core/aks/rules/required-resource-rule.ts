import { DescribedResource } from '../../description/described-resource';
import { DescribedValue } from '../../description/described-value';
import { ClusterRule, ClusterRuleContext, Fix, RequiredResource } from '../../rules/cluster-rule';
import { conditionHolds } from '../../rules/condition-holds';
import { Undecided } from '../../rules/undecided';
import { Rule } from '../../validation/rule';
import { certain, extensionResources } from './cluster-facts';

/** How a required resource is named in findings, and where a definition creates it. */
export interface RequiredResourceReport {
  /** What the resources are called in a reason, plural (`diagnostic settings`, `locks`). */
  readonly what: string;
  /** The REST path of each found resource's value that decides it (`properties.logs`): recorded as an observed fact, which evidence shows and re-reads. */
  readonly reads: string;
  /** The definition's property that creates the resource (`auditLogs.enabled`). */
  readonly definitionProperty: string;
  readonly fix: Fix;
}

/**
 * A rule that requires a resource of `required.type` on the cluster meeting
 * `required.meets`: one found for certain that meets it passes; one that may
 * be there (under a condition, or with a value, not known offline) leaves the
 * rule undecided; none found fails only where the whole deployment was read.
 * The same requirement compiles to the rule's AuditIfNotExists definition.
 */
export function requiredResourceRule(rule: Rule, required: RequiredResource, report: RequiredResourceReport): ClusterRule {
  return {
    rule,
    scope: 'deployment',
    requiredResource: required,
    check: (c) => {
      const found = extensionResources(c, required.type);
      for (const r of found) c.observed.push(c.cluster.describe(r).fact(report.reads));
      const meets = found.map((r) => ({ certain: certain(r), meets: resourceMeets(c, r, required) }));
      if (meets.some((m) => m.certain && m.meets === true)) return;
      if (meets.some((m) => !m.certain || m.meets === undefined)) {
        c.cannotDecide(`${report.what} of the cluster may be deployed: under a condition, or with a value, that is not known offline`);
        return;
      }
      if (!c.cluster.wholeDeployment) {
        c.cannotDecide(`no ${report.what.replace(/s$/, '')} of the cluster is among the resources read (it is a separate resource)`, undefined, true);
        return;
      }
      c.fail(absenceFact(c, report), report.fix, { value: null });
    },
  };
}

/** Whether a resource meets the requirement; `undefined` where a value it needs is not known. */
function resourceMeets(c: ClusterRuleContext, resource: DescribedResource, required: RequiredResource): boolean | undefined {
  try {
    return conditionHolds(c, required.meets, new DescribedValue(resource.body, '', resource.origin));
  } catch (e) {
    if (e instanceof Undecided) return undefined;
    throw e;
  }
}

/** The absence of the resource, as a fact: named in the deployment, or by the definition's property that creates it. */
function absenceFact(c: ClusterRuleContext, report: RequiredResourceReport) {
  const at = c.cluster.origin === 'definition' ? { definition: report.definitionProperty } : c.cluster.resource.origin;
  return { state: 'absent' as const, path: report.what, at };
}
