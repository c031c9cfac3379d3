import { describe, expect, test } from 'vitest';
import {
  ApiServerAccess,
  ClusterMonitoring,
  calicoFelixConfiguration,
  checkovColumn,
  definitionRuleOutcomes,
  evaluateSecurityBaseline,
  frameworkClausesLine,
  markdownCell,
  renderSecurityBaseline,
  HardenedClusterProps,
  ManagedClusterModel,
  SECURITY_BASELINE,
  TransitEncryption,
} from '../../../lib';
import { VALID_CLUSTERS } from '../../support/cluster-fixtures';

const DEFAULT: HardenedClusterProps = { name: 'baseline', location: 'westeurope' };
/** Evaluates the baseline as the synth does: from the rules' outcomes on the payload and on what the deployment applies. */
const results = (props: HardenedClusterProps, objects: unknown[] = []) => {
  const model = ManagedClusterModel.build(props);
  return evaluateSecurityBaseline(definitionRuleOutcomes(model, objects), model.cluster);
};
/** The baseline report of a definition whose deployment applies no Kubernetes objects. */
const report = (model: ManagedClusterModel) => renderSecurityBaseline(model, definitionRuleOutcomes(model, []));
const status = (props: HardenedClusterProps, id: string, objects: unknown[] = []) => results(props, objects).find((r) => r.check.id === id)!.status;

/** For each control, a configuration that opts out of it: proof the control can fail. */
const OPT_OUT: Record<string, Partial<HardenedClusterProps>> = {
  'CIS 5.4.1 (control plane endpoint)': { apiServerAccess: ApiServerAccess.unrestrictedPublic() },
  'CIS 5.4.2 (private endpoint, public access disabled)': { apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) },
  'CIS 5.4.4': { transitEncryption: TransitEncryption.none(), networkDataplane: 'azure', networkPolicy: 'none' },
  'Azure Policy add-on': { azurePolicy: false },
  'node SSH': { nodeSshAccess: 'LocalUser' },
  'control-plane audit logs': { auditLogs: { enabled: false } },
  'image cleaner': { imageCleaner: { enabled: false } },
  'workload identity': { workloadIdentity: false },
  'CIS 5.1.1 (image scanning)': { monitoring: ClusterMonitoring.none(), auditLogs: { enabled: false } },
  'Container Insights': { monitoring: ClusterMonitoring.none(), auditLogs: { enabled: false } },
  'automatic upgrades': { autoUpgrade: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
  'uptime SLA': { tier: 'Free' },
  'encryption at host': { encryptionAtHost: false },
  'secret rotation': { keyVaultSecretsProvider: false },
  'system pool isolation': { systemPool: { onlyCriticalAddons: false } },
  'transit encryption': { transitEncryption: TransitEncryption.none() },
  'run command': { apiServerAccess: ApiServerAccess.private({ disableRunCommand: false }) },
};

describe.each(SECURITY_BASELINE.map((c) => [c.id, c] as const))('security baseline %s', (id, check) => {
  test(`${check.title}: met by the default configuration, or a documented opt-out`, () => {
    expect(status(DEFAULT, id)).toBe(check.optOut ? 'opt-out' : 'pass');
  });
  if (OPT_OUT[id]) {
    test('fails when the definition opts out', () => {
      expect(status({ ...DEFAULT, ...OPT_OUT[id] }, id)).toBe('fail');
    });
  }
});

test('a cluster with no transit encryption fails the control; it is never "not applicable"', () => {
  expect(status({ ...DEFAULT, transitEncryption: TransitEncryption.none() }, 'transit encryption')).toBe('fail');
  const md = report(ManagedClusterModel.build({ ...DEFAULT, transitEncryption: TransitEncryption.none() }));
  expect(md).not.toMatch(/not-applicable/);
});

test('Calico WireGuard passes only with its FelixConfiguration deployed; VNet encryption is partial', () => {
  const calico = TransitEncryption.calicoWireGuard();
  expect(status({ ...DEFAULT, transitEncryption: calico }, 'transit encryption')).toBe('fail');
  expect(status({ ...DEFAULT, transitEncryption: calico }, 'transit encryption', [calicoFelixConfiguration(calico)])).toBe('pass');
  // Two "default" objects overwrite each other: Felix's WireGuard is not known to be on.
  expect(status({ ...DEFAULT, transitEncryption: calico }, 'transit encryption', [calicoFelixConfiguration(calico), calicoFelixConfiguration(calico)])).toBe('fail');
  const vnet = { ...DEFAULT, transitEncryption: TransitEncryption.virtualNetworkEncryption(), apiServerAccess: ApiServerAccess.private({ vnetIntegration: false }) };
  expect(status(vnet, 'transit encryption')).toBe('partial');
});

test('the Checkov column never says pass where Checkov\'s ARM check fails, and says why it differs', () => {
  const rows = results(DEFAULT);
  const col = (id: string) => checkovColumn(rows.find((r) => r.check.id === id)!);
  // Checkov's ARM checks (replicas proven on Checkov's own fixtures) on the default payload.
  expect(col('CIS 5.4.1 (control plane endpoint)')).toMatch(/^CKV_AZURE_6: fail\. Checkov checks .*without exempting private clusters/);
  expect(col('CIS 5.4.2 (private endpoint, public access disabled)')).toMatch(/^CKV_AZURE_115: Checkov ships this check for Terraform only/);
  expect(col('Azure Policy add-on')).toMatch(/^CKV_AZURE_116: Checkov ships this check for Terraform only \(.*AKSUsesAzurePoliciesAddon\.py\)/);
  expect(col('secret rotation')).toMatch(/^CKV_AZURE_172: fail\. .*boolean true/);
  expect(col('Kubernetes dashboard')).toMatch(/^CKV_AZURE_8: fail\./);
  expect(col('system pool isolation')).toMatch(/^CKV_AZURE_232: Checkov ships this check for Terraform only/);
  expect(col('local accounts')).toBe('CKV_AZURE_141: pass');
  expect(col('uptime SLA')).toMatch(/^CKV_AZURE_170: Checkov ships this check for Terraform only/);
  // Where Checkov is less strict than the control, the column says so too.
  const none = results({ ...DEFAULT, transitEncryption: TransitEncryption.none(), networkDataplane: 'azure', networkPolicy: 'none' });
  expect(checkovColumn(none.find((r) => r.check.id === 'CIS 5.4.4')!)).toMatch(/^CKV_AZURE_7: pass\. Checkov checks .*"none" included/);
  for (const r of rows) {
    if (r.checkov === 'fail') expect(checkovColumn(r)).not.toMatch(/: pass/);
  }
});

test('ephemeral OS disks only where the size has a local disk; at least 50 pods per node', () => {
  const m = ManagedClusterModel.build({ ...DEFAULT, userNodePools: [{ name: 'nodisk', vmSize: 'Standard_D4s_v5' }] });
  const pools = m.cluster.properties.agentPoolProfiles as any[];
  expect(pools.map((p) => [p.vmSize, p.osDiskType, p.maxPods])).toEqual([
    ['Standard_D4ds_v5', 'Ephemeral', 110],
    ['Standard_D4s_v5', 'Managed', 110],
  ]);
  expect(status({ ...DEFAULT, userNodePools: [{ name: 'nodisk', vmSize: 'Standard_D4s_v5' }] }, 'ephemeral OS disks')).toBe('pass');
});

test('customer-managed disk keys pass once a disk encryption set is given', () => {
  const des = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/keys/providers/Microsoft.Compute/diskEncryptionSets/aks';
  expect(status({ ...DEFAULT, diskEncryptionSetId: des }, 'customer-managed disk keys')).toBe('pass');
});

test('a tainted system pool brings a user pool for workloads by default', () => {
  const pools = ManagedClusterModel.build(DEFAULT).cluster.properties.agentPoolProfiles as any[];
  expect(pools.map((p) => [p.name, p.mode, p.nodeTaints])).toEqual([
    ['system', 'System', ['CriticalAddonsOnly=true:NoSchedule']],
    ['user', 'User', undefined],
  ]);
});

test('CIS 5.4.2 fails on a public API server, even one limited to authorized ranges; CIS 5.4.1 passes it', () => {
  const rows = results({ ...DEFAULT, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) });
  const status = (id: string) => rows.find((r) => r.check.id === id)!.status;
  expect(status('CIS 5.4.2 (private endpoint, public access disabled)')).toBe('fail');
  expect(status('CIS 5.4.1 (control plane endpoint)')).toBe('pass');
  expect(results(DEFAULT).find((r) => r.check.id === 'CIS 5.4.2 (private endpoint, public access disabled)')!.status).toBe('pass');
});

test('each control\'s row in the report gives the framework clauses it supports, or "unmapped"', () => {
  const md = report(ManagedClusterModel.build(DEFAULT));
  expect(md).toMatch(/^\| Control \| What \| Status \| Decided by \| Checkov \| Frameworks \| How, or why not \|$/m);
  for (const c of SECURITY_BASELINE) {
    const row = md.split('\n').find((l) => l.startsWith(`| ${markdownCell(c.id)} |`))!;
    expect(row.split(' | ')[5], c.id).toBe(markdownCell(frameworkClausesLine(c.id)));
  }
  expect(frameworkClausesLine('CIS 5.4.1 (control plane endpoint)')).not.toBe('unmapped');
  expect(frameworkClausesLine('uptime SLA')).toBe('unmapped');
});

test('an acknowledged warning is reported with the clauses its rule supports, and the acknowledgement with its own', () => {
  const model = ManagedClusterModel.build({
    ...DEFAULT,
    azurePolicy: false,
    acknowledgements: [{ ruleId: 'SAKS-BASE-002', reason: 'Gatekeeper is run by the platform team instead' }],
  });
  const md = report(model);
  const row = md.split('\n').find((l) => l.startsWith('| SAKS-BASE-002 |'))!;
  expect(row.endsWith(`| ${markdownCell(frameworkClausesLine('SAKS-BASE-002'))} |`)).toBe(true);
  expect(frameworkClausesLine('SAKS-BASE-002')).not.toBe('unmapped');
  expect(md).toContain(`(SAKS-ACK-001: ${frameworkClausesLine('SAKS-ACK-001')})`);
});

test('the egress path: a firewall route or an isolated network meets it; a route table brought by id is not verified; a public IP is the opt-out', () => {
  expect(status(VALID_CLUSTERS.egressThroughHubFirewall, 'egress path')).toBe('pass');
  expect(status(VALID_CLUSTERS.networkIsolated, 'egress path')).toBe('pass');
  expect(status(VALID_CLUSTERS.egressThroughHubRouteTable, 'egress path')).toBe('not-verified');
  expect(status(VALID_CLUSTERS.userAssignedNatGateway, 'egress path')).toBe('opt-out');
  expect(status(DEFAULT, 'egress path')).toBe('opt-out');
});
