import { createHash } from 'node:crypto';
import { CLUSTER_RULES } from '../aks/cluster-rule-set';
import { armGuid } from '../arm/arm-guid';
import { SUBNET_RULES } from '../aks/rules/subnet-rules';
import { ClusterRule, RequiredResource } from '../rules/cluster-rule';
import { ResourceCondition } from '../rules/resource-condition';
import { ResourceRule } from '../rules/resource-rule';
import { Rule } from '../validation/rule';
import { PolicyCondition } from './azure-policy-definition';
import { compileExistenceDetails, compilePolicyIf, compileResourceRuleIf, MANAGED_CLUSTER_POLICY_TYPE } from './compile-resource-condition';
import { RULE_POLICY_VERSIONS } from './rule-policy-versions';

/**
 * The REST API version of `Microsoft.Authorization/policyDefinitions` and
 * `policySetDefinitions` the templates are written for: the version of
 * azure-native 3.28's typed `authorization.PolicyDefinition` and
 * `PolicySetDefinition`, so the templates and the Pulumi component send the same.
 * @see https://learn.microsoft.com/rest/api/policy/policy-definitions/create-or-update
 * @category Azure Policy
 */
export const POLICY_API_VERSION = '2025-01-01';

/**
 * The effects a definition's `effect` parameter allows, as Microsoft's built-ins for managed clusters do.
 * @category Azure Policy
 */
export const POLICY_EFFECTS = ['Audit', 'Deny', 'Disabled'] as const;

/**
 * The effects of a definition that requires a resource on the cluster (a
 * diagnostic setting, a lock), as Microsoft's built-ins of that kind allow
 * (e.g. "Resource logs in Azure Kubernetes Service should be enabled").
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists
 * @category Azure Policy
 */
export const EXISTENCE_POLICY_EFFECTS = ['AuditIfNotExists', 'Disabled'] as const;

/**
 * An effect of a compiled definition.
 * @category Azure Policy
 */
export type PolicyEffect = (typeof POLICY_EFFECTS)[number];

/**
 * An effect of a compiled definition that requires a resource on the cluster.
 * @category Azure Policy
 */
export type ExistencePolicyEffect = (typeof EXISTENCE_POLICY_EFFECTS)[number];

/**
 * A custom Azure Policy definition compiled from one rule of the library, in
 * the form of Microsoft's built-in definitions (and of the body
 * `az policy definition create` and the REST API take).
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics
 * @category Azure Policy
 */
export interface RulePolicyDefinition {
  /** A GUID derived from the rule id as ARM's `guid('secure-aks', '<rule id>')` derives it: stable across releases. */
  readonly name: string;
  readonly properties: {
    readonly displayName: string;
    readonly description: string;
    readonly policyType: 'Custom';
    /**
     * `Indexed` for a definition on the cluster alone, as Microsoft's built-ins for managed clusters;
     * `All` for one that judges `agentPools` resources or subnets, which `Indexed` leaves out (they carry no tags or location of their own).
     * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics#mode
     */
    readonly mode: 'Indexed' | 'All';
    readonly version: string;
    readonly metadata: {
      readonly version: string;
      /** `Kubernetes` for a definition on the cluster, `Network` for one on a subnet, as Microsoft's built-ins categorise them. */
      readonly category: 'Kubernetes' | 'Network';
      /** The rule of the library the definition is compiled from. */
      readonly ruleId: string;
      readonly severity: string;
      /** The documents the rule comes from. */
      readonly sources: readonly string[];
    };
    readonly parameters: {
      readonly effect: {
        readonly type: 'String';
        readonly metadata: { readonly displayName: string; readonly description: string };
        readonly allowedValues: readonly (PolicyEffect | ExistencePolicyEffect)[];
        readonly defaultValue: PolicyEffect | ExistencePolicyEffect;
      };
    };
    readonly policyRule: {
      readonly if: PolicyCondition;
      readonly then: { readonly effect: string; readonly details?: { readonly type: string; readonly existenceCondition: PolicyCondition } };
    };
  };
}

/** The most characters Azure accepts in a definition's display name and description. */
const DISPLAY_NAME_MAX = 128;
const DESCRIPTION_MAX = 512;

/**
 * The cluster rules Azure Policy can express as a condition on the cluster (and its node pools).
 * @internal
 */
export function expressibleRules(rules: readonly ClusterRule[] = CLUSTER_RULES): Array<ClusterRule & { readonly condition: ResourceCondition }> {
  return rules.filter((r): r is ClusterRule & { readonly condition: ResourceCondition } => r.condition !== undefined);
}

/**
 * The cluster rules Azure Policy can express as a resource required on the cluster (AuditIfNotExists).
 * @internal
 */
export function existenceRules(rules: readonly ClusterRule[] = CLUSTER_RULES): Array<ClusterRule & { readonly requiredResource: RequiredResource }> {
  return rules.filter((r): r is ClusterRule & { readonly requiredResource: RequiredResource } => r.requiredResource !== undefined);
}

/**
 * The definition's name for a rule: ARM's `guid('secure-aks', '<rule id>')`.
 * @category Azure Policy
 */
export function policyDefinitionName(rule: Rule): string {
  return armGuid(['secure-aks', rule.id]);
}

/**
 * What a definition's version covers: its rule, parameters and mode (a change to any needs a new version).
 * @internal
 */
export function policyDefinitionDigest(d: Pick<RulePolicyDefinition['properties'], 'mode' | 'parameters' | 'policyRule'>): string {
  return createHash('sha256').update(JSON.stringify([d.mode, d.parameters, d.policyRule])).digest('hex').slice(0, 16);
}

/**
 * The definition compiled from one rule's condition (on the cluster, and on
 * each node pool for a rule of each pool) or from the resource it requires
 * on the cluster.
 * @internal
 */
export function rulePolicyDefinition(rule: ClusterRule & ({ readonly condition: ResourceCondition } | { readonly requiredResource: RequiredResource })): RulePolicyDefinition {
  const r = rule.rule;
  const required = rule.requiredResource;
  const judged = required
    ? `flagging the managed clusters without a ${required.type} resource that meets it`
    : rule.poolCondition
      ? 'flagging the managed clusters, and the node pools created as agentPools resources, that break it'
      : 'flagging the managed clusters that break it';
  return definitionOf(r, judged, {
    mode: rule.poolCondition ? 'All' : 'Indexed',
    category: 'Kubernetes',
    effect: required ? EXISTENCE_EFFECT_PARAMETER : EFFECT_PARAMETER,
    policyRule: policyRuleOf(rule),
  });
}

/** The policy rule: AuditIfNotExists of the required resource on a cluster, or the rule's condition on the cluster (and its pools). */
function policyRuleOf(rule: ClusterRule): RulePolicyDefinition['properties']['policyRule'] {
  const effect = "[parameters('effect')]";
  if (rule.requiredResource) {
    return { if: { field: 'type', equals: MANAGED_CLUSTER_POLICY_TYPE }, then: { effect, details: compileExistenceDetails(rule.requiredResource.type, rule.requiredResource.meets) } };
  }
  if (rule.condition) return { if: compilePolicyIf(rule.condition, rule.poolCondition), then: { effect } };
  throw new Error(`rule ${rule.rule.id} has neither a condition nor a required resource`);
}

const EFFECT_PARAMETER: RulePolicyDefinition['properties']['parameters']['effect'] = {
  type: 'String',
  metadata: { displayName: 'Effect', description: 'Audit reports a non-compliant cluster, Deny refuses its creation or update, Disabled turns the definition off.' },
  allowedValues: [...POLICY_EFFECTS],
  defaultValue: 'Audit',
};

const EXISTENCE_EFFECT_PARAMETER: RulePolicyDefinition['properties']['parameters']['effect'] = {
  type: 'String',
  metadata: { displayName: 'Effect', description: 'AuditIfNotExists reports a cluster without the resource, Disabled turns the definition off.' },
  allowedValues: [...EXISTENCE_POLICY_EFFECTS],
  defaultValue: 'AuditIfNotExists',
};

/**
 * The definition compiled from a rule on a resource alone (a subnet): its
 * two conditions, on the resource and on its parent's inline list.
 * @internal
 */
export function resourceRulePolicyDefinition(rule: ResourceRule): RulePolicyDefinition {
  return definitionOf(rule.rule, `flagging ${rule.judges} that break it`, {
    mode: 'All',
    category: 'Network',
    effect: RESOURCE_EFFECT_PARAMETER,
    policyRule: { if: compileResourceRuleIf(rule), then: { effect: "[parameters('effect')]" } },
  });
}

type DefinitionProperties = RulePolicyDefinition['properties'];

/** A definition of rule `r`: its names, version and metadata from the rule, `judged` saying what it flags. */
function definitionOf(
  r: Rule,
  judged: string,
  compiled: { readonly mode: DefinitionProperties['mode']; readonly category: DefinitionProperties['metadata']['category']; readonly effect: DefinitionProperties['parameters']['effect']; readonly policyRule: DefinitionProperties['policyRule'] },
): RulePolicyDefinition {
  const version = RULE_POLICY_VERSIONS[r.id]?.version ?? '1.0.0';
  const displayName = truncate(`${r.id}: ${r.statement}`, DISPLAY_NAME_MAX);
  const description = truncate(`Compiled from secure-aks rule ${r.id} (${r.severity}), ${judged}: ${r.statement}.${r.citation ? ` ${r.citation}.` : ''} See ${r.sources[0]}`, DESCRIPTION_MAX);
  return {
    name: policyDefinitionName(r),
    properties: {
      displayName,
      description,
      policyType: 'Custom',
      mode: compiled.mode,
      version,
      metadata: { version, category: compiled.category, ruleId: r.id, severity: r.severity, sources: [...r.sources] },
      parameters: { effect: compiled.effect },
      policyRule: compiled.policyRule,
    },
  };
}

const RESOURCE_EFFECT_PARAMETER: RulePolicyDefinition['properties']['parameters']['effect'] = {
  type: 'String',
  metadata: { displayName: 'Effect', description: 'Audit reports a non-compliant resource, Deny refuses its creation or update, Disabled turns the definition off.' },
  allowedValues: [...POLICY_EFFECTS],
  defaultValue: 'Audit',
};

/**
 * Every definition: the cluster rules' in the order of the rule set, then the rules on a resource alone (subnets).
 * @internal
 */
export function rulePolicyDefinitions(rules: readonly ClusterRule[] = CLUSTER_RULES, resourceRules: readonly ResourceRule[] = SUBNET_RULES): RulePolicyDefinition[] {
  return [
    ...rules
      .filter((r): r is ClusterRule & ({ readonly condition: ResourceCondition } | { readonly requiredResource: RequiredResource }) => r.condition !== undefined || r.requiredResource !== undefined)
      .map(rulePolicyDefinition),
    ...resourceRules.map(resourceRulePolicyDefinition),
  ];
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
