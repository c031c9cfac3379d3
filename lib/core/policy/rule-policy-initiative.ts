import { createHash } from 'node:crypto';
import { armGuid } from '../arm/arm-guid';
import { ArmTemplate } from '../arm/arm-template';
import { EXISTENCE_POLICY_EFFECTS, ExistencePolicyEffect, POLICY_API_VERSION, POLICY_EFFECTS, PolicyEffect, RulePolicyDefinition } from './rule-policy-definitions';
import { RULE_POLICY_VERSIONS } from './rule-policy-versions';

/**
 * The initiative's name: ARM's `guid('secure-aks', 'initiative')`.
 * @category Azure Policy
 */
export const INITIATIVE_NAME = armGuid(['secure-aks', 'initiative']);
/**
 * The key of the initiative's own version in RULE_POLICY_VERSIONS.
 * @internal
 */
export const INITIATIVE_VERSION_KEY = 'initiative';

/**
 * The initiative (policy set definition) grouping every compiled definition,
 * each referenced by its rule id; one `effect` parameter for all the
 * definitions of a condition, and one `effectIfNotExists` for all those that
 * require a resource on the cluster (an assignment's `overrides` can change
 * either per definition).
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/initiative-definition-structure
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/assignment-structure#overrides
 * @category Azure Policy
 */
export interface RulePolicyInitiative {
  readonly name: string;
  readonly properties: {
    readonly displayName: string;
    readonly description: string;
    readonly policyType: 'Custom';
    readonly version: string;
    readonly metadata: { readonly version: string; readonly category: 'Kubernetes' };
    readonly parameters: {
      readonly effect: { readonly type: 'String'; readonly metadata: { readonly displayName: string; readonly description: string }; readonly allowedValues: readonly PolicyEffect[]; readonly defaultValue: PolicyEffect };
      readonly effectIfNotExists: {
        readonly type: 'String';
        readonly metadata: { readonly displayName: string; readonly description: string };
        readonly allowedValues: readonly ExistencePolicyEffect[];
        readonly defaultValue: ExistencePolicyEffect;
      };
    };
    readonly policyDefinitions: ReadonlyArray<{
      readonly policyDefinitionReferenceId: string;
      readonly policyDefinitionId: string;
      readonly parameters: { readonly effect: { readonly value: string } };
    }>;
  };
}

/**
 * The initiative over `definitions`, each referenced by `definitionId(name)` (an id, or a template expression giving one).
 * @category Azure Policy
 */
export function rulePolicyInitiative(definitions: readonly RulePolicyDefinition[], definitionId: (name: string) => string): RulePolicyInitiative {
  const version = RULE_POLICY_VERSIONS[INITIATIVE_VERSION_KEY]?.version ?? '1.0.0';
  return {
    name: INITIATIVE_NAME,
    properties: {
      displayName: 'secure-aks: managed clusters meet the library\'s rules',
      description: 'Every rule of secure-aks that Azure Policy can express on a managed cluster, its node pools, the resources required on it and the subnets made for it, compiled from the rule itself. The rules Azure Policy cannot express are listed in the library\'s docs/validation-rules.md.',
      policyType: 'Custom',
      version,
      metadata: { version, category: 'Kubernetes' },
      parameters: {
        effect: {
          type: 'String',
          metadata: { displayName: 'Effect', description: 'The effect of every definition of the initiative: Audit, Deny or Disabled.' },
          allowedValues: [...POLICY_EFFECTS],
          defaultValue: 'Audit',
        },
        effectIfNotExists: {
          type: 'String',
          metadata: { displayName: 'Effect if not exists', description: 'The effect of every definition that requires a resource on the cluster (a diagnostic setting, a lock): AuditIfNotExists or Disabled.' },
          allowedValues: [...EXISTENCE_POLICY_EFFECTS],
          defaultValue: 'AuditIfNotExists',
        },
      },
      policyDefinitions: definitions.map((d) => ({
        policyDefinitionReferenceId: d.properties.metadata.ruleId,
        policyDefinitionId: definitionId(d.name),
        parameters: { effect: { value: d.properties.policyRule.then.details ? "[parameters('effectIfNotExists')]" : "[parameters('effect')]" } },
      })),
    },
  };
}

/**
 * What the initiative's version covers: its parameters and the definitions it groups (by name and reference id).
 * @internal
 */
export function initiativeDigest(definitions: readonly RulePolicyDefinition[]): string {
  const i = rulePolicyInitiative(definitions, (name) => name).properties;
  return createHash('sha256').update(JSON.stringify([i.parameters, i.policyDefinitions])).digest('hex').slice(0, 16);
}

/**
 * Where the definitions are created: a management group (the usual place, for every subscription under it) or one subscription.
 * @category Azure Policy
 */
export type PolicyDeploymentScope = 'managementGroup' | 'subscription';

const SCHEMAS: Readonly<Record<PolicyDeploymentScope, string>> = {
  managementGroup: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
  subscription: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
};

/**
 * An ARM template that creates every definition and the initiative at the
 * scope it is deployed to (`az deployment mg create` or `az deployment sub
 * create`). The initiative's `[parameters('effect')]` is escaped (`[[`) so the
 * deployment writes it as text for Azure Policy to evaluate.
 * @see https://learn.microsoft.com/azure/governance/policy/how-to/programmatically-create
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
 * @category Azure Policy
 */
export function rulePolicyTemplate(definitions: readonly RulePolicyDefinition[], scope: PolicyDeploymentScope): ArmTemplate {
  const idOf = (type: string, name: string) =>
    scope === 'managementGroup' ? `[managementGroupResourceId('Microsoft.Authorization/${type}', '${name}')]` : `[subscriptionResourceId('Microsoft.Authorization/${type}', '${name}')]`;
  const initiative = rulePolicyInitiative(definitions, (name) => idOf('policyDefinitions', name));
  const { policyDefinitions, ...rest } = initiative.properties;
  const initiativeProperties = { ...escape(rest), policyDefinitions: policyDefinitions.map((p) => ({ ...p, parameters: escape(p.parameters) })) };
  return {
    $schema: SCHEMAS[scope],
    contentVersion: '1.0.0.0',
    resources: [
      ...definitions.map((d) => ({
        type: 'Microsoft.Authorization/policyDefinitions',
        apiVersion: POLICY_API_VERSION,
        name: d.name,
        properties: escape(d.properties),
      })),
      {
        type: 'Microsoft.Authorization/policySetDefinitions',
        apiVersion: POLICY_API_VERSION,
        name: initiative.name,
        dependsOn: definitions.map((d) => idOf('policyDefinitions', d.name)),
        properties: initiativeProperties,
      },
    ],
    outputs: {
      initiativeId: { type: 'string', value: idOf('policySetDefinitions', initiative.name) },
    },
  };
}

/**
 * The value with every string ARM would read as an expression (one that
 * starts with `[` and ends with `]`) escaped as `[[...]`, for Azure Policy to
 * evaluate instead of the deployment; other strings are left as they are.
 */
function escape<T>(value: T): T {
  if (typeof value === 'string') return (value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']') ? `[${value}` : value) as T;
  if (Array.isArray(value)) return value.map(escape) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escape(v)])) as T;
  return value;
}
