import * as pulumi from '@pulumi/pulumi';
import { beforeAll, expect, test } from 'vitest';
import { SecureAksValidationError } from '../../lib';
import { rulePolicyDefinitions } from '../../lib/core/policy/rule-policy-definitions';
import { INITIATIVE_NAME } from '../../lib/core/policy/rule-policy-initiative';
import { AzurePolicyInitiative } from '../../lib/pulumi';
import { SUB } from '../support/cluster-fixtures';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

const MG = '/providers/Microsoft.Management/managementGroups/platform';
const LEGACY = `/subscriptions/${SUB}/resourceGroups/legacy/providers/Microsoft.ContainerService/managedClusters/legacy-aks`;
const definitions = rulePolicyDefinitions();

test('creates every compiled definition and the initiative in the management group, assigns it, and records each exemption with its reason', async () => {
  const initiative = new AzurePolicyInitiative('gov', {
    managementGroupId: 'platform',
    assignment: {
      scope: MG,
      effect: 'Audit',
      effects: { 'SAKS-BASE-016': 'Deny', 'SAKS-NET-011': 'Deny', 'SAKS-BASE-015': 'Disabled', 'SAKS-BASE-014': 'Disabled', 'SAKS-BASE-013': 'AuditIfNotExists' },
      exemptions: [{ name: 'legacy-aks', scope: LEGACY, ruleIds: ['SAKS-BASE-005'], category: 'Waiver', reason: 'replaced by payments-v2 in Q3, ticket OPS-142', expiresOn: '2027-03-31T00:00:00Z' }],
    },
  });
  await settle(initiative.initiativeId, initiative.assignmentId);
  const mine = resources.filter((r) => r.name.startsWith('gov-'));
  const defs = mine.filter((r) => r.type === 'azure-native:authorization:PolicyDefinitionAtManagementGroup');
  expect(defs.map((r) => r.inputs.policyDefinitionName).sort()).toEqual(definitions.map((d) => d.name).sort());
  const local = defs.find((r) => r.inputs.policyDefinitionName === definitions.find((d) => d.properties.metadata.ruleId === 'SAKS-BASE-016')!.name)!;
  // The very definition synth writes: the same rule, parameters and metadata.
  expect(local.inputs).toMatchObject({ managementGroupId: 'platform', mode: 'Indexed', policyType: 'Custom', policyRule: definitions.find((d) => d.properties.metadata.ruleId === 'SAKS-BASE-016')!.properties.policyRule });
  expect(local.inputs.metadata).toMatchObject({ ruleId: 'SAKS-BASE-016', category: 'Kubernetes' });

  const set = mine.find((r) => r.type === 'azure-native:authorization:PolicySetDefinitionAtManagementGroup')!;
  expect(set.inputs.policySetDefinitionName).toBe(INITIATIVE_NAME);
  expect(set.inputs.policyDefinitions.map((p: any) => p.policyDefinitionReferenceId)).toEqual(definitions.map((d) => d.properties.metadata.ruleId));

  const assignment = mine.find((r) => r.type === 'azure-native:authorization:PolicyAssignment')!;
  expect(assignment.inputs).toMatchObject({ scope: MG, policyAssignmentName: 'secure-aks', parameters: { effect: { value: 'Audit' }, effectIfNotExists: { value: 'AuditIfNotExists' } } });
  // An effect equal to the one its definition already gets (AuditIfNotExists for SAKS-BASE-013) needs no override.
  expect(assignment.inputs.overrides).toEqual([
    { kind: 'policyEffect', value: 'Deny', selectors: [{ kind: 'policyDefinitionReferenceId', in: ['SAKS-BASE-016', 'SAKS-NET-011'] }] },
    { kind: 'policyEffect', value: 'Disabled', selectors: [{ kind: 'policyDefinitionReferenceId', in: ['SAKS-BASE-014', 'SAKS-BASE-015'] }] },
  ]);
  // A pool rule's definition judges agentPools resources too, which only mode All evaluates.
  const pools = defs.find((r) => r.inputs.policyDefinitionName === definitions.find((d) => d.properties.metadata.ruleId === 'SAKS-NET-011')!.name)!;
  expect(pools.inputs.mode).toBe('All');

  const exemption = mine.find((r) => r.type === 'azure-native:authorization:PolicyExemption')!;
  expect(exemption.inputs).toMatchObject({
    policyExemptionName: 'legacy-aks',
    scope: LEGACY,
    exemptionCategory: 'Waiver',
    description: 'replaced by payments-v2 in Q3, ticket OPS-142',
    policyDefinitionReferenceIds: ['SAKS-BASE-005'],
    expiresOn: '2027-03-31T00:00:00Z',
  });
});

test('without a management group the definitions go to the provider\'s subscription, and nothing is assigned unless asked', async () => {
  const initiative = new AzurePolicyInitiative('sub');
  await settle(initiative.initiativeId);
  const mine = resources.filter((r) => r.name.startsWith('sub-'));
  expect(mine.filter((r) => r.type === 'azure-native:authorization:PolicyDefinition')).toHaveLength(definitions.length);
  expect(mine.filter((r) => r.type === 'azure-native:authorization:PolicySetDefinition')).toHaveLength(1);
  expect(mine.some((r) => r.type === 'azure-native:authorization:PolicyAssignment')).toBe(false);
});

test('an exemption without a reason, of a rule with no definition, or a wrong effect is refused, all at once, before anything is registered', () => {
  const before = resources.length;
  let thrown: unknown;
  try {
    new AzurePolicyInitiative('bad', {
      assignment: {
        scope: MG,
        effect: 'Deny ' as 'Deny',
        effects: { 'SAKS-NET-003': 'Deny' },
        exemptions: [
          { name: 'a', scope: LEGACY, category: 'Waiver', reason: 'legacy' },
          { name: 'a', scope: LEGACY, ruleIds: ['SAKS-NAME-001'], category: 'Waiver', reason: 'the name rule does not apply to this one' },
        ],
      },
    });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(SecureAksValidationError);
  expect(pulumi.RunError.isInstance(thrown)).toBe(true);
  const message = (thrown as Error).message;
  expect(message).toContain('assignment.effect');
  expect(message).toContain('assignment.effects');
  expect(message).toContain('assignment.exemptions[0].reason');
  expect(message).toContain('assignment.exemptions[1].name');
  expect(message).toContain('assignment.exemptions[1].ruleIds[0]');
  expect(message).toMatch(/at least 20 characters/);
  expect(resources.length).toBe(before);
});

test('an effect the rule\'s definition does not allow is refused, naming the rule and the effects it allows', () => {
  let thrown: unknown;
  try {
    new AzurePolicyInitiative('wrong-effect', {
      assignment: { scope: MG, effectIfNotExists: 'Disabled', effects: { 'SAKS-BASE-013': 'Deny', 'SAKS-BASE-016': 'AuditIfNotExists' } },
    });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(SecureAksValidationError);
  const message = (thrown as Error).message;
  expect(message).toContain('assignment.effects["SAKS-BASE-013"] = "Deny"');
  expect(message).toMatch(/AuditIfNotExists, Disabled/);
  expect(message).toContain('assignment.effects["SAKS-BASE-016"] = "AuditIfNotExists"');
  expect(message).toMatch(/Audit, Deny, Disabled/);
});
