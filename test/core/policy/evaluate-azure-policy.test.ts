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
