import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { armGuid } from '../../../lib/core/arm/arm-guid';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { NOT_EXPRESSIBLE_RULES } from '../../../lib/core/aks/rules/azure-policy-reach';
import { SUBNET_RULES } from '../../../lib/core/aks/rules/subnet-rules';
import { azurePolicyOf } from '../../../lib/core/policy/rule-policy-coverage';
import { BUILT_IN_POLICY_ALIASES } from '../../../lib/core/policy/built-in-policy-aliases.generated';
import { evaluateAzurePolicy } from '../../../lib/core/policy/evaluate-azure-policy';
import { ALIAS_LISTINGS, ALIASES_ABSENT_FROM_LISTINGS, LISTED_ALIASES } from '../../../lib/core/policy/listed-aliases.generated';
import { ALIASES_NEWER_THAN_SNAPSHOTS, POLICY_RESOURCE_FIELDS } from '../../../lib/core/policy/policy-alias-evidence';
import { policyRuleFields } from '../../../lib/core/policy/policy-rule-fields';
import { ALIASES_ABSENT_FROM_SNAPSHOTS, PROVIDER_ALIAS_SNAPSHOTS, PROVIDER_SNAPSHOT_ALIASES } from '../../../lib/core/policy/provider-aliases.generated';
import { POLICY_API_VERSION, policyDefinitionDigest, rulePolicyDefinitions } from '../../../lib/core/policy/rule-policy-definitions';
import { initiativeDigest, INITIATIVE_NAME, INITIATIVE_VERSION_KEY, rulePolicyInitiative, rulePolicyTemplate } from '../../../lib/core/policy/rule-policy-initiative';
import { RULE_POLICY_VERSIONS } from '../../../lib/core/policy/rule-policy-versions';
import { hardenedPayload } from '../../support/misconfiguration-corpus';
import { evaluable } from '../../support/policy-agreement';

const definitions = rulePolicyDefinitions();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('one definition for every rule written as a condition or a required resource, in the order of the rule set, then every rule on a subnet alone, named by a stable GUID of its rule id', () => {
  expect(definitions.map((d) => d.properties.metadata.ruleId)).toEqual([...CLUSTER_RULES.filter((r) => r.condition || r.requiredResource).map((r) => r.rule.id), ...SUBNET_RULES.map((r) => r.rule.id)]);
  expect(definitions.length).toBeGreaterThanOrEqual(19);
  expect(new Set(definitions.map((d) => d.name)).size).toBe(definitions.length);
  for (const d of definitions) expect(d.name).toMatch(GUID);
  // ARM's guid('secure-aks', '<rule id>'), as a template would compute it: the name survives releases.
  for (const d of definitions) expect(d.name).toBe(armGuid(['secure-aks', d.properties.metadata.ruleId]));
  expect(JSON.stringify(rulePolicyDefinitions())).toBe(JSON.stringify(definitions));
});

const ruleOf = (d: (typeof definitions)[number]) => CLUSTER_RULES.find((r) => r.rule.id === d.properties.metadata.ruleId)!;
const subnetRuleOf = (d: (typeof definitions)[number]) => SUBNET_RULES.find((r) => r.rule.id === d.properties.metadata.ruleId);

test('every definition follows Microsoft\'s conventions for built-ins: category Kubernetes (Network on a subnet), a semantic version, the rule and its sources, and the effects of its kind', () => {
  for (const d of definitions) {
    const p = d.properties;
    const rule = ruleOf(d);
    const onSubnet = subnetRuleOf(d);
    if (onSubnet) {
      // As Microsoft's built-ins on subnets ("Subnets should be private"): mode All, category Network; the subnet on its own and inline in its network.
      expect(p.parameters.effect).toMatchObject({ type: 'String', allowedValues: ['Audit', 'Deny', 'Disabled'], defaultValue: 'Audit' });
      expect(p.mode).toBe('All');
      expect(p.metadata.category).toBe('Network');
      expect(p.policyRule.if.anyOf.map((x: any) => x.allOf[0])).toEqual([
        { field: 'type', equals: 'Microsoft.Network/virtualNetworks/subnets' },
        { field: 'type', equals: 'Microsoft.Network/virtualNetworks' },
      ]);
      expect(p.policyRule.if.anyOf[1].allOf[1].count.field).toBe('Microsoft.Network/virtualNetworks/subnets[*]');
      expect(p.policyRule.then).toEqual({ effect: "[parameters('effect')]" });
    } else if (rule.requiredResource) {
      // As "Resource logs in Azure Kubernetes Service should be enabled": AuditIfNotExists or Disabled, on the cluster, with the related type and condition.
      expect(p.parameters.effect).toMatchObject({ type: 'String', allowedValues: ['AuditIfNotExists', 'Disabled'], defaultValue: 'AuditIfNotExists' });
      expect(p.mode).toBe('Indexed');
      expect(p.policyRule.if).toEqual({ field: 'type', equals: 'Microsoft.ContainerService/managedClusters' });
      expect(p.policyRule.then).toMatchObject({ effect: "[parameters('effect')]", details: { type: rule.requiredResource.type } });
    } else {
      expect(p.parameters.effect).toMatchObject({ type: 'String', allowedValues: ['Audit', 'Deny', 'Disabled'], defaultValue: 'Audit' });
      expect(p.policyRule.then).toEqual({ effect: "[parameters('effect')]" });
      // A pool rule also judges agentPools resources, which only mode All evaluates.
      const cluster = rule.poolCondition ? p.policyRule.if.anyOf[0] : p.policyRule.if;
      expect(cluster.allOf[0]).toEqual({ field: 'type', equals: 'Microsoft.ContainerService/managedClusters' });
      expect(p.mode).toBe(rule.poolCondition ? 'All' : 'Indexed');
      if (rule.poolCondition) expect(p.policyRule.if.anyOf[1].allOf[0]).toEqual({ field: 'type', equals: 'Microsoft.ContainerService/managedClusters/agentPools' });
    }
    if (!onSubnet) expect(p.metadata.category).toBe('Kubernetes');
    expect(p.metadata.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(p.version).toBe(p.metadata.version);
    expect(p.metadata.sources.length).toBeGreaterThan(0);
    expect(p.displayName.length).toBeLessThanOrEqual(128);
    expect(p.description.length).toBeLessThanOrEqual(512);
    expect(p.displayName).toContain(p.metadata.ruleId);
  }
  // Each kind is present: cluster conditions, pool conditions and required resources.
  expect(definitions.filter((d) => d.properties.mode === 'All').map((d) => d.properties.metadata.ruleId).sort()).toEqual(['SAKS-BASE-005', 'SAKS-BASE-009', 'SAKS-NET-011', 'SAKS-VNI-001']);
  expect(definitions.filter((d) => d.properties.policyRule.then.details).map((d) => d.properties.metadata.ruleId).sort()).toEqual(['SAKS-BASE-013', 'SAKS-BASE-014']);
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

test('every alias a definition uses, in a condition or a value expression, is proven: used by a built-in definition, listed in its provider\'s snapshot or alias list, or a documented property newer than every snapshot', () => {
  const snapshot = new Set(PROVIDER_SNAPSHOT_ALIASES.map((a) => a.alias.toLowerCase()));
  const listed = new Set(LISTED_ALIASES.map((a) => a.alias.toLowerCase()));
  const newer = new Set(ALIASES_NEWER_THAN_SNAPSHOTS.map((a) => a.alias.toLowerCase()));
  const proven = new Set([...BUILT_IN_POLICY_ALIASES.map((a) => a.alias), ...snapshot, ...listed, ...newer, ...POLICY_RESOURCE_FIELDS].map((a) => a.toLowerCase()));
  const used = new Set(definitions.flatMap((d) => [...policyRuleFields(d.properties.policyRule)]));
  expect([...used].filter((f) => !proven.has(f.toLowerCase()))).toEqual([]);
  // The aliases read in value expressions are among them (the subnet's prefix, read with field() and current()).
  expect(used).toContain('Microsoft.Network/virtualNetworks/subnets/addressPrefix');
  expect(used).toContain('Microsoft.Network/virtualNetworks/subnets[*].addressPrefixes[*]');
  // The vendored snapshots and lists were read for every alias used now (else: run scripts/vendor-provider-aliases.ts or scripts/vendor-listed-aliases.ts again).
  const aliases = [...used].filter((f) => f.includes('/')).map((f) => f.toLowerCase());
  const looked = new Set([...snapshot, ...ALIASES_ABSENT_FROM_SNAPSHOTS.map((a) => a.toLowerCase()), ...listed, ...ALIASES_ABSENT_FROM_LISTINGS.map((a) => a.toLowerCase())]);
  expect(aliases.filter((a) => !looked.has(a))).toEqual([]);
  // Each alias is looked for in the source of its provider: the lists for theirs, the snapshots for the others.
  const ofListedProvider = (a: string) => ALIAS_LISTINGS.namespaces.some((n) => a.startsWith(`${n.toLowerCase()}/`));
  expect([...listed].filter((a) => !ofListedProvider(a))).toEqual([]);
  expect([...snapshot].filter(ofListedProvider)).toEqual([]);
  // An alias is "newer" exactly when its provider's snapshot does not list it, and says why.
  expect([...newer].sort()).toEqual(ALIASES_ABSENT_FROM_SNAPSHOTS.map((a) => a.toLowerCase()).sort());
  expect(ALIASES_ABSENT_FROM_LISTINGS).toEqual([]);
  for (const a of ALIASES_NEWER_THAN_SNAPSHOTS) expect(a.why.length, a.alias).toBeGreaterThan(40);
  // And no evidence is kept for an alias nothing uses any more.
  const usedLower = new Set([...used].map((f) => f.toLowerCase()));
  expect([...snapshot, ...listed, ...newer].filter((a) => !usedLower.has(a))).toEqual([]);
});

/** The alias a provider gives a REST path by its naming rule: `properties.` off the front, and off each nested resource. */
const aliasOfPath = (path: string) => (path.startsWith('sku.') ? path : path.split('.').filter((k) => k !== 'properties').join('.'));

test('each alias the snapshots and lists name names the REST property the rule reads, by the provider\'s naming rule: <type>/<p> is properties.<p>, <type>/sku.<p> is sku.<p>, nested resources\' properties left out', () => {
  for (const a of [...PROVIDER_SNAPSHOT_ALIASES, ...LISTED_ALIASES]) {
    const property = a.alias.slice(a.alias.lastIndexOf('/') + 1);
    expect(aliasOfPath(a.path).toLowerCase(), a.alias).toBe(property.toLowerCase());
    expect(a.path.startsWith('properties.') || a.path.startsWith('sku.'), a.alias).toBe(true);
    expect(a.listedAs.toLowerCase()).toBe(a.alias.toLowerCase());
  }
  // Nested resources are among them: a subnet's delegation, an inline subnet's prefix.
  expect(LISTED_ALIASES.find((a) => a.alias === 'Microsoft.Network/virtualNetworks/subnets[*].addressPrefix')?.path).toBe('properties.subnets[*].properties.addressPrefix');
  for (const a of ALIASES_NEWER_THAN_SNAPSHOTS) expect(a.property.toLowerCase()).toBe(`properties.${a.alias.slice(a.alias.lastIndexOf('/') + 1)}`.toLowerCase());
  // Each snapshot is recorded with its repository, path, commit and licence; each list with its repository, commit and files.
  for (const s of PROVIDER_ALIAS_SNAPSHOTS) {
    expect(s).toMatchObject({ repository: 'Azure/PSRule.Rules.Azure', licence: 'MIT' });
    expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(s.path).toBe(`data/providers/${s.namespace.toLowerCase()}/types.json`);
  }
  expect(ALIAS_LISTINGS.commit).toMatch(/^[0-9a-f]{40}$/);
  for (const a of LISTED_ALIASES) expect(ALIAS_LISTINGS.files).toContain(a.file);
});

test('the initiative groups every definition by its rule id, with the effect parameter of its kind passed to each', () => {
  const initiative = rulePolicyInitiative(definitions, (name) => `/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyDefinitions/${name}`);
  expect(initiative.name).toBe(INITIATIVE_NAME);
  expect(initiative.properties.policyDefinitions.map((p) => p.policyDefinitionReferenceId)).toEqual(definitions.map((d) => d.properties.metadata.ruleId));
  expect(initiative.properties.policyDefinitions[0].policyDefinitionId).toBe(`/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyDefinitions/${definitions[0].name}`);
  // AuditIfNotExists definitions take the initiative's effectIfNotExists; the others its effect.
  for (const [i, p] of initiative.properties.policyDefinitions.entries()) {
    const existence = definitions[i].properties.policyRule.then.details !== undefined;
    expect(p.parameters).toEqual({ effect: { value: existence ? "[parameters('effectIfNotExists')]" : "[parameters('effect')]" } });
  }
  expect(initiative.properties.parameters.effectIfNotExists).toMatchObject({ allowedValues: ['AuditIfNotExists', 'Disabled'], defaultValue: 'AuditIfNotExists' });
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

test('every cluster rule is a definition (on the cluster, or on a subnet alone) or says why Azure Policy cannot express it, never both', () => {
  const compiled = (r: (typeof CLUSTER_RULES)[number]) => r.condition !== undefined || r.requiredResource !== undefined || SUBNET_RULES.some((s) => s.rule === r.rule);
  const missing = CLUSTER_RULES.filter((r) => !compiled(r) && !NOT_EXPRESSIBLE_RULES.has(r.rule)).map((r) => r.rule.id);
  const both = CLUSTER_RULES.filter((r) => compiled(r) && NOT_EXPRESSIBLE_RULES.has(r.rule)).map((r) => r.rule.id);
  expect({ missing, both }).toEqual({ missing: [], both: [] });
  expect(NOT_EXPRESSIBLE_RULES.size + definitions.length).toBe(CLUSTER_RULES.length);
  const local = CLUSTER_RULES.find((r) => r.rule.id === 'SAKS-BASE-016')!.rule;
  expect(azurePolicyOf(local)).toBe(`definition ${armGuid(['secure-aks', 'SAKS-BASE-016'])}`);
  expect(azurePolicyOf(CLUSTER_RULES.find((r) => r.rule.id === 'SAKS-NET-003')!.rule)).toMatch(/^not expressible: needs CIDR arithmetic/);
  const size = CLUSTER_RULES.find((r) => r.rule.id === 'SAKS-VNI-001')!.rule;
  expect(azurePolicyOf(size)).toBe(`definition ${armGuid(['secure-aks', 'SAKS-VNI-001'])}, on the subnets delegated to Microsoft.ContainerService/managedClusters (as their own resources or inline in their virtual network)`);
  // Each rule on a subnet alone is a rule the library also decides on the cluster.
  for (const r of SUBNET_RULES) expect(CLUSTER_RULES.some((c) => c.rule === r.rule), r.rule.id).toBe(true);
});

test('the templates\' API version of policy definitions is the one azure-native\'s typed resources send', () => {
  for (const file of ['policyDefinition', 'policyDefinitionAtManagementGroup', 'policySetDefinition', 'policySetDefinitionAtManagementGroup']) {
    const typed = fs.readFileSync(path.resolve(__dirname, `../../../node_modules/@pulumi/azure-native/authorization/${file}.d.ts`), 'utf8');
    expect(typed, file).toContain(`Uses Azure REST API version ${POLICY_API_VERSION}.`);
  }
});
