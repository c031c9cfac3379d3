import { expect, test } from 'vitest';
import {
  ApiServerAccess,
  AZURE_POLICY_AKS_DEFINITIONS,
  BUILT_IN_POLICY_JUSTIFICATIONS,
  evaluateAksBuiltInPolicies,
  evaluateAzurePolicy,
  ManagedClusterModel,
  renderAksBuiltInPolicies,
} from '../../../lib';
import { UnknownValue } from '../../../lib/core/description/unknown-value';
import { Undecided } from '../../../lib/core/rules/undecided';

const def = (file: string) => AZURE_POLICY_AKS_DEFINITIONS.find((d) => d.file === file)!;
const cluster = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.ContainerService/managedClusters',
  name: 'c1',
  properties,
  ...extra,
});
const state = (file: string, resource: unknown, deployment: unknown[] = [], parameters?: Record<string, unknown>) =>
  evaluateAzurePolicy(def(file), resource, deployment, { parameters }).state;

test('the vendored definitions are the 22 built-ins, each with its published id', () => {
  expect(AZURE_POLICY_AKS_DEFINITIONS).toHaveLength(22);
  for (const d of AZURE_POLICY_AKS_DEFINITIONS) expect(d.id).toBe(`/providers/Microsoft.Authorization/policyDefinitions/${d.name}`);
});

test('a missing field: notEquals holds, equals does not (private cluster, local accounts)', () => {
  expect(state('AKS_PrivateCluster_Deny.json', cluster({}))).toBe('non-compliant');
  expect(state('AKS_PrivateCluster_Deny.json', cluster({ apiServerAccessProfile: { enablePrivateCluster: true } }))).toBe('compliant');
  expect(state('AKS_DisableLocalAccounts_Deny.json', cluster({ disableLocalAccounts: false }))).toBe('non-compliant');
});

test('string comparisons ignore case and compare booleans with their text', () => {
  expect(state('AKS_AzurePolicyAddOn_Audit.json', cluster({ addonProfiles: { azurepolicy: { enabled: true } } }))).toBe('compliant');
  expect(state('AKS_AzurePolicyAddOn_Audit.json', cluster({ addonProfiles: { azurepolicy: { enabled: false } } }))).toBe('non-compliant');
});

test('count with where over agent pools (SSH), and notIn with parameters (auto-upgrade)', () => {
  const pools = (ssh: (string | undefined)[]) => cluster({ agentPoolProfiles: ssh.map((s) => (s ? { securityProfile: { sshAccess: s } } : {})) });
  expect(state('AKS_DisableSSH_Audit.json', pools(['Disabled', 'Disabled']))).toBe('compliant');
  expect(state('AKS_DisableSSH_Audit.json', pools(['Disabled', undefined]))).toBe('non-compliant');
  expect(state('AKS_DisableSSH_Audit.json', pools(['LocalUser']))).toBe('non-compliant');
  const upgrade = (c: string) => cluster({ autoUpgradeProfile: { upgradeChannel: c } });
  expect(state('AKS_Autoupgrade_Cluster_Audit.json', upgrade('patch'))).toBe('compliant');
  expect(state('AKS_Autoupgrade_Cluster_Audit.json', upgrade('node-image'))).toBe('non-compliant');
  expect(state('AKS_Autoupgrade_Cluster_Audit.json', upgrade('node-image'), [], { allowedClusterAutoUpgradeChannels: ['node-image'] })).toBe('compliant');
  expect(state('AKS_Autoupgrade_Cluster_Audit.json', upgrade('patch'), [], { effect: 'Disabled' })).toBe('disabled');
});

test('AuditIfNotExists looks for the related resource in the same deployment (diagnostic settings)', () => {
  const c = cluster({});
  const setting = (logs: unknown[], extra: Record<string, unknown> = {}) => ({
    type: 'Microsoft.Insights/diagnosticSettings',
    name: 'audit',
    scope: "[resourceId('Microsoft.ContainerService/managedClusters', 'c1')]",
    properties: { logs, ...extra },
  });
  expect(state('AuditDiagnosticLog_Audit.json', c)).toBe('non-compliant');
  expect(state('AuditDiagnosticLog_Audit.json', c, [setting([{ category: 'kube-audit-admin', enabled: true }], { workspaceId: 'w' })])).toBe('compliant');
  expect(state('AuditDiagnosticLog_Audit.json', c, [setting([{ category: 'kube-audit-admin', enabled: false }])])).toBe('non-compliant');
  expect(state('AuditDiagnosticLog_Audit.json', c, [setting([{ enabled: true, retentionPolicy: { enabled: true, days: 30 } }], { storageAccountId: 's' })])).toBe('non-compliant');
  expect(state('AuditDiagnosticLog_Audit.json', c, [setting([{ enabled: true, retentionPolicy: { enabled: true, days: 400 } }], { storageAccountId: 's' })])).toBe('compliant');
  // A setting on another cluster does not count.
  expect(state('AuditDiagnosticLog_Audit.json', c, [{ ...setting([{ enabled: true }]), scope: "[resourceId('Microsoft.ContainerService/managedClusters', 'other')]" }])).toBe('non-compliant');
});

test('a frozen deployment, indexed by type once, gives every cluster the verdicts the same list gives unfrozen', () => {
  const setting = (clusterName: string, type = 'Microsoft.Insights/diagnosticSettings') => ({
    type,
    name: 'audit',
    scope: `[resourceId('Microsoft.ContainerService/managedClusters', '${clusterName}')]`,
    properties: { logs: [{ category: 'kube-audit', enabled: true }], workspaceId: 'w' },
  });
  const unknownType = new UnknownValue('the type is a parameter without a default', "[parameters('type')]");
  // Settings of c0 and c2 only, one of them with its type in other casing; a vnet; and, in the second list, a resource whose type is not text.
  const lists = [
    [setting('c0'), { type: 'Microsoft.Network/virtualNetworks', name: 'vnet' }, setting('c2', 'microsoft.insights/DIAGNOSTICSETTINGS')],
    [setting('c0'), { type: unknownType, name: 'x', scope: "[resourceId('Microsoft.ContainerService/managedClusters', 'c1')]" }, setting('c2')],
  ];
  for (const list of lists) {
    const frozen = Object.freeze([...list]);
    for (const name of ['c0', 'c1', 'c2']) {
      const c = cluster({}, { name });
      expect(decision('AuditDiagnosticLog_Audit.json', c, frozen as unknown[]), name).toBe(decision('AuditDiagnosticLog_Audit.json', c, list));
    }
  }
  expect(decision('AuditDiagnosticLog_Audit.json', cluster({}, { name: 'c2' }), Object.freeze([...lists[0]]) as unknown[])).toBe('compliant');
  expect(decision('AuditDiagnosticLog_Audit.json', cluster({}, { name: 'c1' }), Object.freeze([...lists[0]]) as unknown[])).toBe('non-compliant');
});

test('the default cluster, evaluated: what it meets today and what it does not', () => {
  const results = evaluateAksBuiltInPolicies(ManagedClusterModel.build({ name: 'c1', location: 'westeurope' }).toArmTemplate());
  const byFile = Object.fromEntries(results.map((r) => [r.definition.file, r.state]));
  for (const met of ['AuditDiagnosticLog_Audit.json', 'AKS_DisableSSH_Audit.json', 'AKS_ImageCleaner_Audit.json', 'AKS_WorkloadIdentity_Audit.json', 'AKS_PrivateCluster_Deny.json', 'AKS_DisableLocalAccounts_Deny.json', 'AKS_DisableRunCommand_Audit.json', 'AKS_EncryptionAtHost_Deny.json', 'AKS_AzurePolicyAddOn_Audit.json', 'ASC_Azure_Defender_AKS_SecurityProfile_Audit.json', 'AKS_MSI_Audit.json', 'AKS_EnableCNI.json']) {
    expect(byFile[met], met).toBe('compliant');
  }
  // A public cluster with authorized ranges passes the ranges definition, not the private one.
  const pub = evaluateAksBuiltInPolicies(ManagedClusterModel.build({ name: 'c1', location: 'westeurope', apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) }).toArmTemplate());
  expect(pub.find((r) => r.definition.file === 'ASC_EnableIpRanges_KubernetesService_Audit.json')!.state).toBe('compliant');
  expect(pub.find((r) => r.definition.file === 'AKS_PrivateCluster_Deny.json')!.state).toBe('non-compliant');
});

test('on the default cluster, every built-in not met needs something only the customer can bring, and the report says what', () => {
  const results = evaluateAksBuiltInPolicies(ManagedClusterModel.build({ name: 'c1', location: 'westeurope' }).toArmTemplate());
  const notMet = results.filter((r) => r.state === 'non-compliant').map((r) => r.definition.name).sort();
  expect(notMet).toEqual(Object.keys(BUILT_IN_POLICY_JUSTIFICATIONS).sort());
  const md = renderAksBuiltInPolicies(results).join('\n');
  for (const reason of Object.values(BUILT_IN_POLICY_JUSTIFICATIONS)) expect(md).toContain(reason);
});

test('identity.type is a field of every resource, read beside the aliases', () => {
  const definition = { ...def('AKS_DisableLocalAccounts_Deny.json'), policyRule: { if: { field: 'identity.type', notEquals: 'UserAssigned' }, then: { effect: 'Audit' } } };
  expect(evaluateAzurePolicy(definition, cluster({}, { identity: { type: 'SystemAssigned' } })).state).toBe('non-compliant');
  expect(evaluateAzurePolicy(definition, cluster({}, { identity: { type: 'userassigned' } })).state).toBe('compliant');
  expect(evaluateAzurePolicy(definition, cluster({})).state).toBe('non-compliant');
});

/** The state, or `undecided: <reason>` when the evaluation depends on a value not known offline. */
const decision = (file: string, resource: unknown, deployment: unknown[] = []) => {
  try {
    return state(file, resource, deployment);
  } catch (e) {
    if (e instanceof Undecided) return `undecided: ${e.reason}`;
    throw e;
  }
};

test('a null property is not set, as Azure reports an unset property: exists is false, equals does not hold', () => {
  // Customer-managed keys: no disk encryption set.
  expect(state('AKS_CMK_Deny.json', cluster({ diskEncryptionSetID: null }))).toBe('non-compliant');
  expect(state('AKS_CMK_Deny.json', cluster({ diskEncryptionSetID: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/diskEncryptionSets/d' }))).toBe('compliant');
  // Entra ID integration: aadProfile null is no integration.
  expect(state('AKS_AAD_Integration_Audit.json', cluster({ aadProfile: null }))).toBe('non-compliant');
  expect(state('AKS_AAD_Integration_Audit.json', cluster({ aadProfile: { managed: true } }))).toBe('compliant');
  // Authorized ranges: null ranges on a public cluster are no ranges.
  expect(state('ASC_EnableIpRanges_KubernetesService_Audit.json', cluster({ apiServerAccessProfile: { authorizedIPRanges: null, enablePrivateCluster: false } }))).toBe('non-compliant');
  expect(state('ASC_EnableIpRanges_KubernetesService_Audit.json', cluster({ apiServerAccessProfile: { authorizedIPRanges: null, enablePrivateCluster: null } }))).toBe('non-compliant');
  // Managed identity: a null service principal profile is none.
  expect(state('AKS_MSI_Audit.json', cluster({ servicePrincipalProfile: null }))).toBe('compliant');
  expect(state('AKS_MSI_Audit.json', cluster({ servicePrincipalProfile: { clientId: 'a-client-id' } }))).toBe('non-compliant');
  // Inside a count: a pool whose sshAccess is null has SSH as Azure's default leaves it.
  expect(state('AKS_DisableSSH_Audit.json', cluster({ agentPoolProfiles: [{ securityProfile: { sshAccess: null } }] }))).toBe('non-compliant');
});

test('a value not known offline leaves the definition undecided, with the reason, never compliant or non-compliant', () => {
  const unknown = new UnknownValue("parameter 'privateCluster' has no default value");
  expect(decision('AKS_PrivateCluster_Deny.json', cluster({ apiServerAccessProfile: { enablePrivateCluster: unknown } }))).toBe(`undecided: ${unknown.reason}`);
  // Unknown on the way to the field (the whole profile), or the property's container itself.
  expect(decision('AKS_PrivateCluster_Deny.json', cluster({ apiServerAccessProfile: unknown }))).toBe(`undecided: ${unknown.reason}`);
  expect(decision('AKS_AAD_Integration_Audit.json', cluster({ aadProfile: unknown }))).toBe(`undecided: ${unknown.reason}`);
  // An unknown element of a count, or an unknown list.
  expect(decision('AKS_DisableSSH_Audit.json', cluster({ agentPoolProfiles: [{ securityProfile: { sshAccess: 'Disabled' } }, unknown] }))).toBe(`undecided: ${unknown.reason}`);
  expect(decision('AKS_DisableSSH_Audit.json', cluster({ agentPoolProfiles: unknown }))).toBe(`undecided: ${unknown.reason}`);
  // The related resource's logs are not known: whether it is the setting the definition asks for is not known.
  const setting = { type: 'Microsoft.Insights/diagnosticSettings', name: 'audit', scope: "[resourceId('Microsoft.ContainerService/managedClusters', 'c1')]", properties: { logs: unknown } };
  expect(decision('AuditDiagnosticLog_Audit.json', cluster({}), [setting])).toBe(`undecided: ${unknown.reason}`);
});

test('conditions combine in three values: what an unknown value cannot change is decided', () => {
  const unknown = new UnknownValue("parameter 'privateCluster' has no default value");
  // allOf: the ranges are set, so the definition holds whatever the private flag is.
  expect(decision('ASC_EnableIpRanges_KubernetesService_Audit.json', cluster({ apiServerAccessProfile: { authorizedIPRanges: ['203.0.113.0/24'], enablePrivateCluster: unknown } }))).toBe('compliant');
  // ... and when they are not, the unknown private flag decides: undecided.
  expect(decision('ASC_EnableIpRanges_KubernetesService_Audit.json', cluster({ apiServerAccessProfile: { enablePrivateCluster: unknown } }))).toBe(`undecided: ${unknown.reason}`);
  // A resource of another type is out of scope whatever its unknown values are.
  expect(decision('AKS_PrivateCluster_Deny.json', { type: 'Microsoft.Storage/storageAccounts', name: 's', properties: { apiServerAccessProfile: unknown } })).toBe('compliant');
  // A known related resource that is the one asked for decides, beside one whose logs are unknown.
  const setting = (logs: unknown) => ({ type: 'Microsoft.Insights/diagnosticSettings', name: 'audit', scope: "[resourceId('Microsoft.ContainerService/managedClusters', 'c1')]", properties: { logs } });
  expect(decision('AuditDiagnosticLog_Audit.json', cluster({}), [setting(unknown), setting([{ category: 'kube-audit-admin', enabled: true }])])).toBe('compliant');
  // The names of an object's members are known even where its values are not (containsKey reads only them).
  const definition = { ...def('AKS_DisableLocalAccounts_Deny.json'), policyRule: { if: { field: 'Microsoft.ContainerService/managedClusters/addonProfiles', containsKey: 'azurepolicy' }, then: { effect: 'Audit' } } };
  expect(evaluateAzurePolicy(definition, cluster({ addonProfiles: { azurepolicy: { enabled: unknown } } })).state).toBe('non-compliant');
});

test('template functions of value conditions: if takes one branch only, split, last and int read a prefix length, and an alias reaches into a nested resource\'s properties', () => {
  const S = 'Microsoft.Network/virtualNetworks/subnets';
  const length = (read: string) => `[if(empty(${read}), 0, if(contains(${read}, '/'), int(last(split(${read}, '/'))), 0))]`;
  const definition = (condition: Record<string, unknown>) => ({ name: 'd', id: 'd', file: 'd.json', displayName: 'd', parameters: {}, policyRule: { if: condition, then: { effect: 'audit' } } });
  const longer = definition({ value: length(`field('${S}/addressPrefix')`), greater: 28 });
  const subnet = (properties: Record<string, unknown>) => ({ type: S, name: 'net/api', properties });
  expect(evaluateAzurePolicy(longer, subnet({ addressPrefix: '10.0.0.0/29' })).state).toBe('non-compliant');
  expect(evaluateAzurePolicy(longer, subnet({ addressPrefix: '10.0.0.0/28' })).state).toBe('compliant');
  // Missing, or without "/": the branch with int() is not taken.
  expect(evaluateAzurePolicy(longer, subnet({})).state).toBe('compliant');
  expect(evaluateAzurePolicy(longer, subnet({ addressPrefix: '10.0.0.0' })).state).toBe('compliant');
  // int() of text that is not a whole number fails, as it does in Azure Policy.
  expect(() => evaluateAzurePolicy(longer, subnet({ addressPrefix: '10.0.0.0/abc' }))).toThrow(/not a whole number/);
  // Unknown offline: undecided, not compliant.
  expect(() => evaluateAzurePolicy(longer, subnet({ addressPrefix: new UnknownValue('a parameter') }))).toThrow(Undecided);
  // A virtual network's inline subnet keeps its settings under properties, which the alias leaves out.
  const inline = definition({ count: { field: 'Microsoft.Network/virtualNetworks/subnets[*]', where: { value: length(`current('Microsoft.Network/virtualNetworks/subnets[*].addressPrefix')`), greater: 28 } }, greater: 0 });
  const vnet = (prefix: string) => ({ type: 'Microsoft.Network/virtualNetworks', name: 'net', properties: { subnets: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }, { name: 'b', properties: { addressPrefix: prefix } }] } });
  expect(evaluateAzurePolicy(inline, vnet('10.0.1.0/29')).state).toBe('non-compliant');
  expect(evaluateAzurePolicy(inline, vnet('10.0.1.0/28')).state).toBe('compliant');
});
