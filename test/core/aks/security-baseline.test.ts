import { describe, expect, test } from 'vitest';
import {
  ApiServerAccess,
  ClusterMonitoring,
  evaluateSecurityBaseline,
  HardenedClusterProps,
  ManagedClusterModel,
  SECURITY_BASELINE,
  TransitEncryption,
} from '../../../lib';

const DEFAULT: HardenedClusterProps = { name: 'baseline', location: 'westeurope' };
const status = (props: HardenedClusterProps, id: string) =>
  evaluateSecurityBaseline(ManagedClusterModel.build(props)).find((r) => r.check.id === id)!.status;

/** For each check, a configuration that opts out of it: proof the check can fail. */
const OPT_OUT: Record<string, Partial<HardenedClusterProps>> = {
  'CKV_AZURE_115, CKV_AZURE_6; CIS 5.4.2': { apiServerAccess: ApiServerAccess.unrestrictedPublic() },
  'CKV_AZURE_7; CIS 5.4.4': { transitEncryption: TransitEncryption.none(), networkDataplane: 'azure', networkPolicy: 'none' },
  CKV_AZURE_116: { azurePolicy: false },
  'CIS 5.1.1 (image scanning); Microsoft cloud security benchmark': { monitoring: ClusterMonitoring.none() },
  CKV_AZURE_4: { monitoring: ClusterMonitoring.none() },
  CKV_AZURE_171: { autoUpgrade: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
  CKV_AZURE_170: { tier: 'Free' },
  CKV_AZURE_227: { encryptionAtHost: false },
  CKV_AZURE_172: { keyVaultSecretsProvider: false },
  CKV_AZURE_232: { systemPool: { onlyCriticalAddons: false } },
  'secure-aks: seed 002': { apiServerAccess: ApiServerAccess.private({ disableRunCommand: false }) },
};

describe.each(SECURITY_BASELINE.map((c) => [c.id, c] as const))('security baseline %s', (id, check) => {
  test(`${check.title}: met by the default configuration, or a documented opt-out`, () => {
    const s = status(DEFAULT, id);
    if (check.optOut) expect(s).toBe('opt-out');
    else if (check.how.startsWith('not applicable')) expect(s).toBe('not-applicable');
    else expect(s).toBe('pass');
  });
  if (OPT_OUT[id]) {
    test('fails when the definition opts out', () => {
      expect(status({ ...DEFAULT, ...OPT_OUT[id] }, id)).toBe('fail');
    });
  }
});

test('ephemeral OS disks only where the size has a local disk; at least 50 pods per node', () => {
  const m = ManagedClusterModel.build({ ...DEFAULT, userNodePools: [{ name: 'nodisk', vmSize: 'Standard_D4s_v5' }] });
  const pools = m.cluster.properties.agentPoolProfiles as any[];
  expect(pools.map((p) => [p.vmSize, p.osDiskType, p.maxPods])).toEqual([
    ['Standard_D4ds_v5', 'Ephemeral', 110],
    ['Standard_D4s_v5', 'Managed', 110],
  ]);
  expect(status({ ...DEFAULT, userNodePools: [{ name: 'nodisk', vmSize: 'Standard_D4s_v5' }] }, 'CKV_AZURE_226')).toBe('pass');
});

test('customer-managed disk keys pass once a disk encryption set is given', () => {
  const des = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/keys/providers/Microsoft.Compute/diskEncryptionSets/aks';
  expect(status({ ...DEFAULT, diskEncryptionSetId: des }, 'CKV_AZURE_117')).toBe('pass');
});

test('a tainted system pool brings a user pool for workloads by default', () => {
  const pools = ManagedClusterModel.build(DEFAULT).cluster.properties.agentPoolProfiles as any[];
  expect(pools.map((p) => [p.name, p.mode, p.nodeTaints])).toEqual([
    ['system', 'System', ['CriticalAddonsOnly=true:NoSchedule']],
    ['user', 'User', undefined],
  ]);
});
