import * as authorization from '@pulumi/azure-native/authorization';
import * as pulumi from '@pulumi/pulumi';
import { assertInput, nonEmptyText, present, text } from '../core/validation/input-boundary';
import { lazySchema, zod } from '../core/validation/lazy-zod';
import { MIN_ACKNOWLEDGEMENT_REASON } from '../core/validation/rule-catalog';
import { EXISTENCE_POLICY_EFFECTS, ExistencePolicyEffect, POLICY_EFFECTS, PolicyEffect, RulePolicyDefinition, rulePolicyDefinitions } from '../core/policy/rule-policy-definitions';
import { rulePolicyInitiative } from '../core/policy/rule-policy-initiative';
import { failAsRunError } from './pulumi-errors';

/**
 * An exemption of a scope from the initiative's assignment: recorded in Azure
 * with its reason, so an auditor sees why a cluster does not comply.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/exemption-structure
 * @category Azure Policy
 */
export interface AzurePolicyExemptionProps {
  /** The exemption's name in Azure (and of its Pulumi resource): letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  /** The resource id of what is exempt (a cluster, a resource group, a subscription) inside the assignment's scope. */
  readonly scope: pulumi.Input<string>;
  /**
   * The rules exempted, by id (`SAKS-BASE-005`): each must have a definition ("Azure Policy" in docs/validation-rules.md).
   * @default - every definition of the initiative
   */
  readonly ruleIds?: readonly string[];
  /**
   * `Mitigated` when the risk is handled otherwise, `Waiver` when it is accepted.
   * @see https://learn.microsoft.com/azure/governance/policy/concepts/exemption-structure#exemption-category
   */
  readonly category: 'Mitigated' | 'Waiver';
  /** Why the scope is exempt, in at least 20 characters: the exemption's description in Azure. */
  readonly reason: string;
  /**
   * When the exemption ends (ISO 8601, e.g. `2027-03-31T00:00:00Z`).
   * @default - it does not expire
   */
  readonly expiresOn?: string;
}

/**
 * The assignment of the initiative.
 * @category Azure Policy
 */
export interface AzurePolicyAssignmentProps {
  /** Where the initiative is assigned: a management group, subscription or resource group id, inside the definitions' scope. */
  readonly scope: pulumi.Input<string>;
  /**
   * The assignment's name (at most 24 characters at management group scope).
   * @default 'secure-aks'
   */
  readonly name?: string;
  /**
   * The effect of every definition of a condition (Audit, Deny or Disabled).
   * @default 'Audit'
   */
  readonly effect?: PolicyEffect;
  /**
   * The effect of every definition that requires a resource on the cluster (a diagnostic setting, a lock).
   * @default 'AuditIfNotExists'
   * @see https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists
   */
  readonly effectIfNotExists?: ExistencePolicyEffect;
  /**
   * The effect of some definitions by rule id, over `effect` and `effectIfNotExists` (an assignment
   * override): one of the effects the rule's definition allows.
   * @default {}
   * @see https://learn.microsoft.com/azure/governance/policy/concepts/assignment-structure#overrides
   */
  readonly effects?: Readonly<Record<string, PolicyEffect | ExistencePolicyEffect>>;
  /**
   * Scopes exempt from the assignment, each with its reason.
   * @default []
   */
  readonly exemptions?: readonly AzurePolicyExemptionProps[];
}

/**
 * Arguments of {@link AzurePolicyInitiative}.
 * @category Azure Policy
 */
export interface AzurePolicyInitiativeArgs {
  /**
   * The management group (its name) the definitions and the initiative are created in, for every subscription under it.
   * @default - the subscription of the azure-native provider
   */
  readonly managementGroupId?: string;
  /**
   * Assigns the initiative, with exemptions.
   * @default - the initiative is created, not assigned
   */
  readonly assignment?: AzurePolicyAssignmentProps;
}

const EFFECT = () => zod.enum(POLICY_EFFECTS);
const EXISTENCE_EFFECT = () => zod.enum(EXISTENCE_POLICY_EFFECTS);

/** The effects each rule's definition allows, by rule id. */
function allowedEffects(): ReadonlyMap<string, readonly string[]> {
  return new Map(rulePolicyDefinitions().map((d) => [d.properties.metadata.ruleId, d.properties.parameters.effect.allowedValues]));
}
const RULE_ID = () =>
  zod.enum(rulePolicyDefinitions().map((d) => d.properties.metadata.ruleId) as [string, ...string[]], {
    message: 'expected the id of a rule with an Azure Policy definition ("Azure Policy" in docs/validation-rules.md)',
  });
const AZURE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const ARGS = lazySchema(() =>
  zod.strictObject({
    managementGroupId: nonEmptyText('the name of a management group').optional(),
    assignment: zod
      .strictObject({
        scope: present('the resource id of a management group, subscription or resource group'),
        name: text().refine((s) => /^[A-Za-z0-9][A-Za-z0-9_.-]{0,23}$/.test(s), { message: 'expected 1 to 24 letters, digits, "-", "_" or "."' }).optional(),
        effect: EFFECT().optional(),
        effectIfNotExists: EXISTENCE_EFFECT().optional(),
        effects: zod
          .partialRecord(RULE_ID(), zod.enum([...POLICY_EFFECTS, ...EXISTENCE_POLICY_EFFECTS]))
          .superRefine((effects, ctx) => {
            const allowed = allowedEffects();
            for (const [ruleId, e] of Object.entries(effects)) {
              const values = allowed.get(ruleId);
              if (e !== undefined && values !== undefined && !values.includes(e)) ctx.addIssue({ code: 'custom', path: [ruleId], message: `expected one of ${values.join(', ')}: the effects ${ruleId}'s definition allows` });
            }
          })
          .optional(),
        exemptions: zod
          .array(
            zod.strictObject({
              name: text().refine((s) => AZURE_NAME.test(s), { message: 'expected 1 to 64 letters, digits, "-", "_" or "."' }),
              scope: present('the resource id of what is exempt'),
              ruleIds: zod.array(RULE_ID()).min(1, { message: 'expected at least one rule id, or no ruleIds for every definition' }).optional(),
              category: zod.enum(['Mitigated', 'Waiver']),
              reason: text().refine((s) => s.trim().length >= MIN_ACKNOWLEDGEMENT_REASON, { message: `expected a reason of at least ${MIN_ACKNOWLEDGEMENT_REASON} characters` }),
              expiresOn: text().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), { message: 'expected an ISO 8601 date and time, e.g. 2027-03-31T00:00:00Z' }).optional(),
            }),
          )
          // Run even when an exemption has other problems, so that every problem is reported at once.
          .superRefine(
            (list, ctx) => {
              const names = list.map((e) => (typeof e?.name === 'string' ? e.name.toLowerCase() : undefined));
              names.forEach((n, i) => {
                if (n !== undefined && names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'expected a name no other exemption has' });
              });
            },
            { when: () => true },
          )
          .optional(),
      })
      .optional(),
  }),
);

/**
 * The Azure Policy definitions compiled from the library's rules (the same
 * conditions its validation, policy pack and audit decide), the initiative
 * grouping them, and optionally its assignment with exemptions that carry
 * their reasons. Every input is checked before anything is registered.
 * @example
 * new AzurePolicyInitiative('secure-aks', {
 *   managementGroupId: 'platform',
 *   assignment: {
 *     scope: '/providers/Microsoft.Management/managementGroups/platform',
 *     effect: 'Audit',
 *     effects: { 'SAKS-BASE-016': 'Deny' },
 *     exemptions: [{ name: 'legacy-aks', scope: legacyClusterId, ruleIds: ['SAKS-BASE-005'], category: 'Waiver', reason: 'replaced by payments-v2 in Q3, ticket OPS-142' }],
 *   },
 * });
 * @see https://learn.microsoft.com/azure/governance/policy/overview
 * @category Azure Policy
 */
export class AzurePolicyInitiative extends pulumi.ComponentResource {
  /** Each definition's resource id, by rule id. */
  public readonly definitionIds: Readonly<Record<string, pulumi.Output<string>>>;
  /** The initiative's resource id. */
  public readonly initiativeId: pulumi.Output<string>;
  /** The assignment's resource id, when assigned. */
  public readonly assignmentId: pulumi.Output<string | undefined>;

  constructor(name: string, args: AzurePolicyInitiativeArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    failAsRunError(() => assertInput(ARGS, args, `Azure Policy initiative "${name}"`));
    super('secure-aks:azure:AzurePolicyInitiative', name, {}, opts);
    const definitions = rulePolicyDefinitions();
    const mg = args.managementGroupId;
    const registered = definitions.map((d) => ({ d, resource: this.definition(name, d, mg) }));
    this.definitionIds = Object.fromEntries(registered.map(({ d, resource }) => [d.properties.metadata.ruleId, resource.id]));

    const ids = new Map(registered.map(({ d, resource }) => [d.name, resource.id]));
    const initiative = rulePolicyInitiative(definitions, (n) => n);
    const set = this.initiative(name, initiative, (n) => ids.get(n)!, mg, registered.map((r) => r.resource));
    this.initiativeId = set.id;

    const assignment = args.assignment ? this.assign(name, args.assignment, set.id) : undefined;
    this.assignmentId = assignment ? assignment.id : pulumi.output(undefined);
    this.registerOutputs({ definitionIds: this.definitionIds, initiativeId: this.initiativeId, assignmentId: this.assignmentId });
  }

  private definition(name: string, d: RulePolicyDefinition, managementGroupId: string | undefined): pulumi.CustomResource & { id: pulumi.Output<string> } {
    const p = d.properties;
    const common = {
      policyDefinitionName: d.name,
      displayName: p.displayName,
      description: p.description,
      policyType: p.policyType,
      mode: p.mode,
      version: p.version,
      metadata: p.metadata,
      parameters: p.parameters as unknown as authorization.PolicyDefinitionArgs['parameters'],
      policyRule: p.policyRule,
    };
    const logical = `${name}-${p.metadata.ruleId.toLowerCase()}`;
    return managementGroupId === undefined
      ? new authorization.PolicyDefinition(logical, common as authorization.PolicyDefinitionArgs, { parent: this })
      : new authorization.PolicyDefinitionAtManagementGroup(logical, { ...common, managementGroupId } as authorization.PolicyDefinitionAtManagementGroupArgs, { parent: this });
  }

  private initiative(
    name: string,
    initiative: ReturnType<typeof rulePolicyInitiative>,
    idOf: (definitionName: string) => pulumi.Output<string>,
    managementGroupId: string | undefined,
    dependsOn: pulumi.Resource[],
  ): pulumi.CustomResource & { id: pulumi.Output<string> } {
    const p = initiative.properties;
    const args = {
      policySetDefinitionName: initiative.name,
      displayName: p.displayName,
      description: p.description,
      policyType: p.policyType,
      version: p.version,
      metadata: p.metadata,
      parameters: p.parameters as unknown as authorization.PolicySetDefinitionArgs['parameters'],
      policyDefinitions: p.policyDefinitions.map((r) => ({ ...r, policyDefinitionId: idOf(r.policyDefinitionId) })),
    };
    const logical = `${name}-initiative`;
    return managementGroupId === undefined
      ? new authorization.PolicySetDefinition(logical, args, { parent: this, dependsOn })
      : new authorization.PolicySetDefinitionAtManagementGroup(logical, { ...args, managementGroupId }, { parent: this, dependsOn });
  }

  private assign(name: string, a: AzurePolicyAssignmentProps, initiativeId: pulumi.Output<string>): authorization.PolicyAssignment {
    const effect = a.effect ?? 'Audit';
    const effectIfNotExists = a.effectIfNotExists ?? 'AuditIfNotExists';
    const existence = new Set(rulePolicyDefinitions().filter((d) => d.properties.policyRule.then.details).map((d) => d.properties.metadata.ruleId));
    // One override per effect that differs from the assignment's for that definition, selecting the definitions by rule id.
    const byEffect = new Map<string, string[]>();
    for (const [ruleId, e] of Object.entries(a.effects ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      if (e !== undefined && e !== (existence.has(ruleId) ? effectIfNotExists : effect)) byEffect.set(e, [...(byEffect.get(e) ?? []), ruleId]);
    }
    const overrides = [...byEffect].sort(([x], [y]) => x.localeCompare(y)).map(([value, ids]) => ({ kind: 'policyEffect', value, selectors: [{ kind: 'policyDefinitionReferenceId', in: ids }] }));
    const assignment = new authorization.PolicyAssignment(
      `${name}-assignment`,
      {
        policyAssignmentName: a.name ?? 'secure-aks',
        displayName: 'secure-aks: managed clusters meet the library\'s rules',
        scope: a.scope,
        policyDefinitionId: initiativeId,
        parameters: { effect: { value: effect }, effectIfNotExists: { value: effectIfNotExists } },
        ...(overrides.length > 0 ? { overrides } : {}),
      },
      { parent: this },
    );
    for (const e of a.exemptions ?? []) {
      new authorization.PolicyExemption(
        `${name}-exemption-${e.name}`,
        {
          policyExemptionName: e.name,
          scope: e.scope,
          policyAssignmentId: assignment.id,
          exemptionCategory: e.category,
          description: e.reason,
          displayName: `secure-aks exemption ${e.name}`,
          ...(e.ruleIds ? { policyDefinitionReferenceIds: [...e.ruleIds] } : {}),
          ...(e.expiresOn ? { expiresOn: e.expiresOn } : {}),
          metadata: { reason: e.reason },
        },
        { parent: this },
      );
    }
    return assignment;
  }
}
