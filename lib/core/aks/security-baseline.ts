import { ArmResource } from '../arm/arm-resource';
import { ManagedClusterModel } from './managed-cluster-model';
import { hasLocalTempDisk } from './vm-size';

/** The outcome of one baseline check on a cluster definition. */
export type BaselineStatus = 'pass' | 'fail' | 'not-applicable' | 'opt-out';

/** One well-known AKS security check that applies to a cluster definition. */
export interface BaselineCheck {
  /** Checkov policy ids and CIS AKS benchmark items it corresponds to. */
  readonly id: string;
  readonly title: string;
  /** How the library meets it by default. */
  readonly how: string;
  /** Evaluates the check on the cluster's exact payload. */
  readonly evaluate: (cluster: ArmResource) => BaselineStatus;
  /**
   * Why the library does not meet it by default, for a documented opt-out.
   * @default - none: the default configuration passes
   */
  readonly optOut?: string;
}

type Props = Record<string, any>;
const props = (c: ArmResource) => c.properties as Props;
const pools = (c: ArmResource) => (props(c).agentPoolProfiles ?? []) as Props[];
const ok = (b: boolean): BaselineStatus => (b ? 'pass' : 'fail');

/**
 * The checks of Checkov's AKS policies and the CIS AKS benchmark that a
 * cluster definition can satisfy. docs/security-baseline.md is generated from
 * this list, and a test runs every check on the default configuration.
 * @see https://www.checkov.io/5.Policy%20Index/arm.html
 */
export const SECURITY_BASELINE: readonly BaselineCheck[] = [
  {
    id: 'CKV_AZURE_115, CKV_AZURE_6; CIS 5.4.2',
    title: 'private API server, or one limited to authorized IP ranges',
    how: 'ApiServerAccess.private() by default; public only with authorized ranges (SAKS-API-005)',
    evaluate: (c) => ok(props(c).apiServerAccessProfile?.enablePrivateCluster === true || (props(c).apiServerAccessProfile?.authorizedIPRanges ?? []).length > 0),
  },
  {
    id: 'CKV_AZURE_141',
    title: 'local accounts disabled',
    how: 'disableLocalAccounts: true, always',
    evaluate: (c) => ok(props(c).disableLocalAccounts === true),
  },
  {
    id: 'CKV_AZURE_5; CIS 5.5.1',
    title: 'Kubernetes RBAC with Entra ID and Azure RBAC',
    how: 'enableRBAC: true and aadProfile.enableAzureRBAC: true, always',
    evaluate: (c) => ok(props(c).enableRBAC === true && props(c).aadProfile?.enableAzureRBAC === true),
  },
  {
    id: 'CKV_AZURE_7; CIS 5.4.4',
    title: 'a network policy engine',
    how: 'the dataplane\'s network policy (cilium by default; calico or azure)',
    evaluate: (c) => ok(!!props(c).networkProfile?.networkPolicy && props(c).networkProfile.networkPolicy !== 'none'),
  },
  {
    id: 'CKV_AZURE_116',
    title: 'Azure Policy add-on',
    how: 'addonProfiles.azurepolicy enabled (azurePolicy: true)',
    evaluate: (c) => ok(props(c).addonProfiles?.azurepolicy?.enabled === true),
  },
  {
    id: 'CIS 5.1.1 (image scanning); Microsoft cloud security benchmark',
    title: 'Microsoft Defender for Containers',
    how: 'securityProfile.defender with a Log Analytics workspace the library creates (ClusterMonitoring.createWorkspace())',
    evaluate: (c) => ok(props(c).securityProfile?.defender?.securityMonitoring?.enabled === true),
  },
  {
    id: 'CKV_AZURE_4',
    title: 'logging to Azure Monitor (Container Insights)',
    how: 'addonProfiles.omsagent with the same workspace, Entra ID authentication',
    evaluate: (c) => ok(props(c).addonProfiles?.omsagent?.enabled === true),
  },
  {
    id: 'CKV_AZURE_171',
    title: 'automatic upgrade channel',
    how: 'autoUpgradeProfile.upgradeChannel "patch" and nodeOSUpgradeChannel "NodeImage"',
    evaluate: (c) =>
      ok(
        !!props(c).autoUpgradeProfile?.upgradeChannel &&
          props(c).autoUpgradeProfile.upgradeChannel !== 'none' &&
          ['NodeImage', 'SecurityPatch'].includes(props(c).autoUpgradeProfile.nodeOSUpgradeChannel),
      ),
  },
  {
    id: 'CKV_AZURE_170',
    title: 'a paid SLA tier',
    how: 'sku.tier "Standard" (uptime SLA)',
    evaluate: (c) => ok(['Standard', 'Premium'].includes((c.sku as Props | undefined)?.tier)),
  },
  {
    id: 'CKV_AZURE_227',
    title: 'host-based encryption on every node pool',
    how: 'enableEncryptionAtHost: true on every pool (needs the EncryptionAtHost subscription feature)',
    evaluate: (c) => ok(pools(c).length > 0 && pools(c).every((p) => p.enableEncryptionAtHost === true)),
  },
  {
    id: 'CKV_AZURE_226',
    title: 'ephemeral OS disks where supported',
    how: 'osDiskType "Ephemeral" on every pool whose VM size has a local disk',
    evaluate: (c) => ok(pools(c).every((p) => !hasLocalTempDisk(p.vmSize) || p.osDiskType === 'Ephemeral')),
  },
  {
    id: 'CKV_AZURE_172',
    title: 'Secrets Store CSI driver with secret rotation',
    how: 'addonProfiles.azureKeyvaultSecretsProvider with enableSecretRotation "true"',
    evaluate: (c) =>
      ok(props(c).addonProfiles?.azureKeyvaultSecretsProvider?.enabled === true && props(c).addonProfiles.azureKeyvaultSecretsProvider.config?.enableSecretRotation === 'true'),
  },
  {
    id: 'CKV_AZURE_232',
    title: 'the system pool runs critical add-ons only',
    how: 'CriticalAddonsOnly=true:NoSchedule on the system pool, and a user pool for workloads',
    evaluate: (c) => ok(pools(c).filter((p) => p.mode === 'System').every((p) => (p.nodeTaints ?? []).includes('CriticalAddonsOnly=true:NoSchedule'))),
  },
  {
    id: 'CKV_AZURE_168',
    title: 'at least 50 pods per node',
    how: 'maxPods: 110 on every pool',
    evaluate: (c) => ok(pools(c).every((p) => (p.maxPods ?? 0) >= 50)),
  },
  {
    id: 'secure-aks: seed 000',
    title: 'pod traffic between nodes encrypted in transit',
    how: 'ACNS WireGuard by default (or Calico WireGuard, or virtual network encryption)',
    // Calico WireGuard and VNet encryption are outside the cluster payload; the coverage report states them.
    evaluate: (c) =>
      props(c).networkProfile?.advancedNetworking?.security?.transitEncryption?.type === 'WireGuard' ? 'pass' : 'not-applicable',
  },
  {
    id: 'secure-aks: seed 002',
    title: 'run command disabled',
    how: 'disableRunCommand: true unless named principals keep it',
    evaluate: (c) => ok(props(c).apiServerAccessProfile?.disableRunCommand === true),
  },
  {
    id: 'CKV_AZURE_117',
    title: 'OS and data disks encrypted with customer-managed keys (disk encryption set)',
    how: 'with diskEncryptionSetId (your disk encryption set); by default platform-managed keys, with encryption at host for temp disks and caches',
    optOut:
      'customer-managed keys need a Key Vault and a disk encryption set that the customer owns and rotates; the library does not create key material. Pass diskEncryptionSetId where your policy requires it.',
    evaluate: (c) => (props(c).diskEncryptionSetID ? 'pass' : 'opt-out'),
  },
  {
    id: 'CKV_AZURE_8',
    title: 'Kubernetes dashboard disabled',
    how: 'not applicable: the dashboard add-on no longer exists on AKS',
    evaluate: () => 'not-applicable',
  },
];

/** The result of every baseline check on a cluster. */
export function evaluateSecurityBaseline(model: ManagedClusterModel): { check: BaselineCheck; status: BaselineStatus }[] {
  return SECURITY_BASELINE.map((check) => ({ check, status: check.evaluate(model.cluster) }));
}

/** The results as Markdown, for a cluster's dist folder. */
export function renderSecurityBaseline(model: ManagedClusterModel): string {
  const rows = evaluateSecurityBaseline(model).map(({ check, status }) => `| ${check.id} | ${check.title} | ${status} | ${check.optOut ?? check.how} |`);
  return [
    `# Security baseline: ${model.config.name}`,
    '',
    '<!-- Generated by secure-aks from the cluster definition. Do not edit. -->',
    '',
    '| Check | What | Status | How, or why not |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
