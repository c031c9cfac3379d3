import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { armGuid } from '../../../lib/core/arm/arm-guid';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { NOT_EXPRESSIBLE_RULES } from '../../../lib/core/aks/rules/azure-policy-reach';
import { azurePolicyOf } from '../../../lib/core/policy/rule-policy-coverage';
import { BUILT_IN_POLICY_ALIASES } from '../../../lib/core/policy/built-in-policy-aliases.generated';
import { evaluateAzurePolicy } from '../../../lib/core/policy/evaluate-azure-policy';
import { ALIASES_NEWER_THAN_SNAPSHOTS, POLICY_RESOURCE_FIELDS, PROVIDER_SNAPSHOT_ALIASES } from '../../../lib/core/policy/policy-alias-evidence';
import { POLICY_API_VERSION, policyDefinitionDigest, rulePolicyDefinitions } from '../../../lib/core/policy/rule-policy-definitions';
import { initiativeDigest, INITIATIVE_NAME, INITIATIVE_VERSION_KEY, rulePolicyInitiative, rulePolicyTemplate } from '../../../lib/core/policy/rule-policy-initiative';
import { RULE_POLICY_VERSIONS } from '../../../lib/core/policy/rule-policy-versions';
import { hardenedPayload } from '../../support/misconfiguration-corpus';
import { evaluable } from '../../support/policy-agreement';

const definitions = rulePolicyDefinitions();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('one definition for every rule written as a condition, named by a stable GUID of its rule id', () => {
  expect(definitions.map((d) => d.properties.metadata.ruleId)).toEqual(CLUSTER_RULES.filter((r) => r.condition).map((r) => r.rule.id));
  expect(definitions.length).toBeGreaterThanOrEqual(16);
  expect(new Set(definitions.map((d) => d.name)).size).toBe(definitions.length);
  for (const d of definitions) expect(d.name).toMatch(GUID);
  // ARM's guid('secure-aks', '<rule id>'), as a template would compute it: the name survives releases.
  for (const d of definitions) expect(d.name).toBe(armGuid(['secure-aks', d.properties.metadata.ruleId]));
  expect(JSON.stringify(rulePolicyDefinitions())).toBe(JSON.stringify(definitions));
});

test('every definition follows Microsoft\'s conventions for built-ins: effect Audit, Deny or Disabled (Audit by default), category Kubernetes, a semantic version, the rule and its sources', () => {
  for (const d of definitions) {
    const p = d.properties;
    expect(p.parameters.effect).toMatchObject({ type: 'String', allowedValues: ['Audit', 'Deny', 'Disabled'], defaultValue: 'Audit' });
    expect(p.policyRule.then).toEqual({ effect: "[parameters('effect')]" });
    expect(p.metadata.category).toBe('Kubernetes');
    expect(p.metadata.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(p.version).toBe(p.metadata.version);
    expect(p.metadata.sources.length).toBeGreaterThan(0);
    expect(p.displayName.length).toBeLessThanOrEqual(128);
    expect(p.description.length).toBeLessThanOrEqual(512);
    expect(p.displayName).toContain(p.metadata.ruleId);
    expect(p.policyRule.if.allOf[0]).toEqual({ field: 'type', equals: 'Microsoft.ContainerService/managedClusters' });
  }
});

test('the effect parameter decides what a non-compliant cluster gets: Audit, Deny, or nothing when Disabled', () => {
  const d = evaluable(definitions.find((x) => x.properties.metadata.ruleId === 'SAKS-BASE-016')!);
  const open = hardenedPayload({ disableLocalAccounts: false });
  expect(evaluateAzurePolicy(d, open)).toMatchObject({ effect: 'Audit', state: 'non-compliant' });
  expect(evaluateAzurePolicy(d, open, [], { parameters: { effect: 'Deny' } })).toMatchObject({ effect: 'Deny', state: 'non-compliant' });
  expect(evaluateAzurePolicy(d, open, [], { parameters: { effect: 'Disabled' } }).state).toBe('disabled');
  expect(evaluateAzurePolicy(d, hardenedPayload()).state).toBe('compliant');
});

test('a definition changes only with a new version: each definition\'s rule, parameters and mode match the digest of its version', () => {
  const recorded = Object.fromEntries(definitions.map((d) => [d.properties.metadata.ruleId, { version: d.properties.version, digest: policyDefinitionDigest(d.properties) }]));
  recorded[INITIATIVE_VERSION_KEY] = { version: RULE_POLICY_VERSIONS[INITIATIVE_VERSION_KEY]?.version ?? '', digest: initiativeDigest(definitions) };
  // On a failure: raise the version of what changed in rule-policy-versions.ts and record its new digest.
  expect(recorded).toEqual(RULE_POLICY_VERSIONS);
});

test('every alias a definition uses is proven: used by a built-in definition, listed in the provider snapshot, or a documented property newer than every snapshot', () => {
  const proven = new Set([...BUILT_IN_POLICY_ALIASES.map((a) => a.alias), ...PROVIDER_SNAPSHOT_ALIASES, ...ALIASES_NEWER_THAN_SNAPSHOTS.map((a) => a.alias), ...POLICY_RESOURCE_FIELDS].map((a) => a.toLowerCase()));
  const used = new Set(definitions.flatMap((d) => fieldsOf(d.properties.policyRule.if)));
  expect([...used].filter((f) => !proven.has(f.toLowerCase()))).toEqual([]);
  // And no evidence is kept for an alias nothing uses any more.
  const usedLower = new Set([...used].map((f) => f.toLowerCase()));
  expect([...PROVIDER_SNAPSHOT_ALIASES, ...ALIASES_NEWER_THAN_SNAPSHOTS.map((a) => a.alias)].filter((a) => !usedLower.has(a.toLowerCase()))).toEqual([]);
  // The provider's list and the newer properties do not claim what a built-in already proves.
  const builtIn = new Set(BUILT_IN_POLICY_ALIASES.map((a) => a.alias.toLowerCase()));
  expect([...PROVIDER_SNAPSHOT_ALIASES, ...ALIASES_NEWER_THAN_SNAPSHOTS.map((a) => a.alias)].filter((a) => builtIn.has(a.toLowerCase()))).toEqual([]);
});

test('the initiative groups every definition by its rule id, with one effect parameter passed to each', () => {
  const initiative = rulePolicyInitiative(definitions, (name) => `/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyDefinitions/${name}`);
  expect(initiative.name).toBe(INITIATIVE_NAME);
  expect(initiative.properties.policyDefinitions.map((p) => p.policyDefinitionReferenceId)).toEqual(definitions.map((d) => d.properties.metadata.ruleId));
  expect(initiative.properties.policyDefinitions[0].policyDefinitionId).toBe(`/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyDefinitions/${definitions[0].name}`);
  for (const p of initiative.properties.policyDefinitions) expect(p.parameters).toEqual({ effect: { value: "[parameters('effect')]" } });
});

test.each(['managementGroup', 'subscription'] as const)('the %s template creates every definition and the initiative, with the policies\' own expressions escaped', (scope) => {
  const template = rulePolicyTemplate(definitions, scope);
  expect(template.$schema).toContain(scope === 'managementGroup' ? 'managementGroupDeploymentTemplate' : 'subscriptionDeploymentTemplate');
  const defs = template.resources.filter((r) => r.type === 'Microsoft.Authorization/policyDefinitions');
  expect(defs.map((r) => r.name)).toEqual(definitions.map((d) => d.name));
  const text = JSON.stringify(template);
  // Azure Policy's expressions are escaped so the deployment writes them as text; ARM's own are not.
  expect(text).not.toMatch(/"\[parameters\('effect'\)\]"/);
  expect(text).toContain(`"[[parameters('effect')]"`);
  const set = template.resources.find((r) => r.type === 'Microsoft.Authorization/policySetDefinitions') as any;
  const fn = scope === 'managementGroup' ? 'managementGroupResourceId' : 'subscriptionResourceId';
  expect(set.properties.policyDefinitions[0].policyDefinitionId).toBe(`[${fn}('Microsoft.Authorization/policyDefinitions', '${definitions[0].name}')]`);
  expect(set.dependsOn).toHaveLength(definitions.length);
  // Unescaped, each definition is exactly the compiled one; text that only starts with "[" is not an expression and stays.
  const unescaped = JSON.parse(JSON.stringify(defs[0].properties).replace(/"\[\[/g, '"['));
  expect(unescaped).toEqual(definitions[0].properties);
  const bracketed = rulePolicyTemplate([{ ...definitions[0], properties: { ...definitions[0].properties, displayName: '[Preview]: a name' } }], scope);
  expect((bracketed.resources[0].properties as { displayName: string }).displayName).toBe('[Preview]: a name');
});

/** Every `field` of a policy condition (of `count` too). */
function fieldsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(fieldsOf);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'field' && typeof v === 'string' ? [v] : fieldsOf(v)));
}

test('every cluster rule is a definition or says why Azure Policy cannot express it, never both', () => {
  const missing = CLUSTER_RULES.filter((r) => !r.condition && !NOT_EXPRESSIBLE_RULES.has(r.rule)).map((r) => r.rule.id);
  const both = CLUSTER_RULES.filter((r) => r.condition && NOT_EXPRESSIBLE_RULES.has(r.rule)).map((r) => r.rule.id);
  expect({ missing, both }).toEqual({ missing: [], both: [] });
  expect(NOT_EXPRESSIBLE_RULES.size + definitions.length).toBe(CLUSTER_RULES.length);
  const local = CLUSTER_RULES.find((r) => r.rule.id === 'SAKS-BASE-016')!.rule;
  expect(azurePolicyOf(local)).toBe(`definition ${armGuid(['secure-aks', 'SAKS-BASE-016'])}`);
  expect(azurePolicyOf(CLUSTER_RULES.find((r) => r.rule.id === 'SAKS-NET-003')!.rule)).toMatch(/^not expressible: needs CIDR arithmetic/);
});

test('the templates\' API version of policy definitions is the one azure-native\'s typed resources send', () => {
  for (const file of ['policyDefinition', 'policyDefinitionAtManagementGroup', 'policySetDefinition', 'policySetDefinitionAtManagementGroup']) {
    const typed = fs.readFileSync(path.resolve(__dirname, `../../../node_modules/@pulumi/azure-native/authorization/${file}.d.ts`), 'utf8');
    expect(typed, file).toContain(`Uses Azure REST API version ${POLICY_API_VERSION}.`);
  }
});
