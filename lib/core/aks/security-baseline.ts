import { ArmReference } from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS } from './aks-limits';
import { deployedEgressPath } from './egress-path';
import { FlowCoverage } from '../encryption/encryption-coverage';
import { FRAMEWORKS_NOTE, frameworkClausesLine } from '../compliance/framework-clauses-text';
import { renderAcknowledgedWarnings } from '../reports/acknowledged-warnings';
import { markdownTable } from '../reports/markdown';
import { Sources } from '../validation/sources';
import { CHECKOV_ARM_AKS_CHECKS, CheckovVerdict } from './checkov-arm-checks';
import { ManagedClusterModel } from './managed-cluster-model';
import { networkPolicyEngine } from './network-policy-engine';
import { hasLocalTempDisk } from './vm-size';

/**
 * The outcome of one control on a deployed cluster: met, not met, met in part
 * (the report says which part), or an opt-out that needs a resource only the
 * customer can bring. A control that is missing is `fail`, never "not applicable".
 * `not-verified`: what decides it was not read (a live cluster audited without
 * its separate resources), so the report claims neither.
 */
export type BaselineStatus = 'pass' | 'fail' | 'partial' | 'opt-out' | 'not-verified';

/** What a control is evaluated on: the cluster's exact payload and the encryption actually deployed. */
export interface BaselineContext {
  readonly cluster: ArmResource;
  /** Every resource deployed with the cluster (its diagnostic settings among them). */
  readonly resources: readonly ArmResource[];
  readonly coverage: readonly FlowCoverage[];
  /**
   * Whether `resources` is the whole deployment (a template, a Pulumi program):
   * then a resource that is absent is absent. When it is not (a live cluster read
   * on its own), a control that finds nothing among them is not verified.
   * @default true
   */
  readonly wholeDeployment?: boolean;
}

/** Checkov's own check for a control, replicated from its source, so the report never claims a pass Checkov would not give. */
export interface CheckovCheck {
  /** The Checkov id, e.g. `CKV_AZURE_6`. */
  readonly id: string;
  /**
   * Checkov's verdict on the cluster's ARM resource, from the replica of its ARM
   * check proven on Checkov's own fixtures (checkov-arm-checks.ts); `undefined`
   * when Checkov ships the check for Terraform only.
   */
  readonly evaluate?: (cluster: ArmResource) => CheckovVerdict;
  /** What Checkov's check inspects, said where its verdict differs from the control's status. */
  readonly inspects: string;
}

/** One AKS security control, evaluated on what is deployed. */
export interface BaselineCheck {
  /** Stable id of the control (the CIS AKS benchmark item where there is one). */
  readonly id: string;
  readonly title: string;
  /** How the library meets it by default. */
  readonly how: string;
  /** Evaluates the control on the cluster's exact payload and deployed encryption. */
  readonly evaluate: (ctx: BaselineContext) => BaselineStatus;
  /** The Checkov check of the same control, when there is one. */
  readonly checkov?: CheckovCheck;
  /**
   * Why the library does not meet it by default: only for controls that need a
   * resource the customer must bring.
   * @default - none: the default configuration passes
   */
  readonly optOut?: string;
}

type Props = Record<string, any>;
const EGRESS_STATUS = { no: 'pass', unverified: 'partial', yes: 'opt-out' } as const;
const props = (c: ArmResource) => (c.properties ?? {}) as Props;
const pools = (c: ArmResource) => (props(c).agentPoolProfiles ?? []) as Props[];
const ok = (b: boolean): BaselineStatus => (b ? 'pass' : 'fail');
/** A control met by a resource beside the cluster: not found is a fail only where every resource was read. */
const foundAmong = (wholeDeployment: boolean | undefined, found: boolean): BaselineStatus => (found ? 'pass' : wholeDeployment === false ? 'not-verified' : 'fail');
/** Checkov's own verdict, from the replica of its ARM check of that id. */
const checkovArm = (id: string) => {
  const check = CHECKOV_ARM_AKS_CHECKS.find((c) => c.id === id)!;
  return (c: ArmResource): CheckovVerdict => check.evaluate(checkovResource(c));
};
/** The cluster's ARM resource as a template holds it, as Checkov reads it. */
function checkovResource(c: ArmResource): Record<string, unknown> {
  return { type: c.type, apiVersion: c.apiVersion, name: c.name.join('/'), location: c.location, sku: c.sku, properties: c.properties };
}
/** Checkov ships this id for Terraform only: its file there. */
const terraformOnly = (file: string) => `Checkov ships this check for Terraform only (${file}); it has no ARM check`;

/**
 * The AKS controls of the CIS AKS benchmark and Checkov's AKS policies that a
 * cluster definition can meet. docs/security-baseline.md is generated from
 * this list. Checkov's verdicts follow its ARM checks as written.
 * @see https://www.checkov.io/5.Policy%20Index/arm.html
 */
export const SECURITY_BASELINE: readonly BaselineCheck[] = [
  {
    id: 'CIS 5.4.1 (control plane endpoint)',
    title: 'the API server is private, or its public endpoint is limited to authorized IP ranges',
    how: 'ApiServerAccess.private() by default; public only with authorized ranges (SAKS-API-005)',
    evaluate: ({ cluster: c }) =>
      ok(props(c).apiServerAccessProfile?.enablePrivateCluster === true || (props(c).apiServerAccessProfile?.authorizedIPRanges ?? []).length > 0),
    checkov: {
      id: 'CKV_AZURE_6',
      evaluate: checkovArm('CKV_AZURE_6'),
      inspects:
        'that apiServerAccessProfile.authorizedIPRanges is set, without exempting private clusters; a private API server cannot have authorized ranges (SAKS-API-001) and has no internet endpoint to limit',
    },
  },
  {
    id: 'CIS 5.4.2 (private endpoint, public access disabled)',
    title: 'the API server has no public endpoint: a private cluster',
    how: 'ApiServerAccess.private() by default; a public API server, even limited to authorized ranges, does not meet it',
    evaluate: ({ cluster: c }) => ok(props(c).apiServerAccessProfile?.enablePrivateCluster === true),
    checkov: { id: 'CKV_AZURE_115', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSEnablesPrivateClusters.py') },
  },
  {
    id: 'local accounts',
    title: 'local accounts disabled',
    how: 'disableLocalAccounts: true, always',
    evaluate: ({ cluster: c }) => ok(props(c).disableLocalAccounts === true),
    checkov: { id: 'CKV_AZURE_141', evaluate: checkovArm('CKV_AZURE_141'), inspects: 'properties.disableLocalAccounts is true' },
  },
  {
    id: 'CIS 5.5.1',
    title: 'Kubernetes RBAC with Entra ID and Azure RBAC',
    how: 'enableRBAC: true and aadProfile.enableAzureRBAC: true, always',
    evaluate: ({ cluster: c }) => ok(props(c).enableRBAC === true && props(c).aadProfile?.enableAzureRBAC === true),
    checkov: { id: 'CKV_AZURE_5', evaluate: checkovArm('CKV_AZURE_5'), inspects: 'properties.enableRBAC only (not Entra ID or Azure RBAC)' },
  },
  {
    id: 'CIS 5.4.4',
    title: 'a network policy engine',
    how: 'the dataplane\'s network policy (cilium by default; calico or azure)',
    evaluate: ({ cluster: c }) => {
      const engine = networkPolicyEngine(props(c).networkProfile);
      return ok(engine !== undefined && engine !== 'none');
    },
    checkov: { id: 'CKV_AZURE_7', evaluate: checkovArm('CKV_AZURE_7'), inspects: 'that networkProfile.networkPolicy is set, to any value, "none" included' },
  },
  {
    id: 'Azure Policy add-on',
    title: 'Azure Policy add-on',
    how: 'addonProfiles.azurepolicy enabled (azurePolicy: true)',
    evaluate: ({ cluster: c }) => ok(props(c).addonProfiles?.azurepolicy?.enabled === true),
    checkov: { id: 'CKV_AZURE_116', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSUsesAzurePoliciesAddon.py') },
  },
  {
    id: 'CIS 5.1.1 (image scanning)',
    title: 'Microsoft Defender for Containers',
    how: 'securityProfile.defender with a Log Analytics workspace the library creates (ClusterMonitoring.createWorkspace())',
    evaluate: ({ cluster: c }) => ok(props(c).securityProfile?.defender?.securityMonitoring?.enabled === true),
  },
  {
    id: 'Container Insights',
    title: 'logging to Azure Monitor (Container Insights)',
    how: 'addonProfiles.omsagent with the same workspace, Entra ID authentication',
    evaluate: ({ cluster: c }) => ok(props(c).addonProfiles?.omsagent?.enabled === true),
    checkov: { id: 'CKV_AZURE_4', evaluate: checkovArm('CKV_AZURE_4'), inspects: 'addonProfiles.omsagent.enabled, as Python reads it (the string "false" passes)' },
  },
  {
    id: 'automatic upgrades',
    title: 'automatic upgrades of Kubernetes and of the node OS',
    how: 'autoUpgradeProfile.upgradeChannel "patch" and nodeOSUpgradeChannel "NodeImage"',
    evaluate: ({ cluster: c }) =>
      ok(
        !!props(c).autoUpgradeProfile?.upgradeChannel &&
          props(c).autoUpgradeProfile.upgradeChannel !== 'none' &&
          ['NodeImage', 'SecurityPatch'].includes(props(c).autoUpgradeProfile.nodeOSUpgradeChannel),
      ),
    checkov: {
      id: 'CKV_AZURE_171',
      evaluate: checkovArm('CKV_AZURE_171'),
      inspects: 'upgradeChannel only, not nodeOSUpgradeChannel',
    },
  },
  {
    id: 'uptime SLA',
    title: 'a paid tier with the uptime SLA',
    how: 'sku.tier "Standard" (uptime SLA)',
    evaluate: ({ cluster: c }) => ok(['Standard', 'Premium'].includes((c.sku as Props | undefined)?.tier)),
    checkov: { id: 'CKV_AZURE_170', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSIsPaidSku.py') },
  },
  {
    id: 'encryption at host',
    title: 'host-based encryption on every node pool',
    how: 'enableEncryptionAtHost: true on every pool (needs the EncryptionAtHost subscription feature)',
    evaluate: ({ cluster: c }) => ok(pools(c).length > 0 && pools(c).every((p) => p.enableEncryptionAtHost === true)),
    checkov: { id: 'CKV_AZURE_227', evaluate: checkovArm('CKV_AZURE_227'), inspects: 'the first node pool only' },
  },
  {
    id: 'ephemeral OS disks',
    title: 'ephemeral OS disks where supported',
    how: 'osDiskType "Ephemeral" on every pool whose VM size has a local disk',
    evaluate: ({ cluster: c }) => ok(pools(c).every((p) => !hasLocalTempDisk(p.vmSize) || p.osDiskType === 'Ephemeral')),
    checkov: { id: 'CKV_AZURE_226', evaluate: checkovArm('CKV_AZURE_226'), inspects: 'the first node pool only, whatever its VM size' },
  },
  {
    id: 'secret rotation',
    title: 'Secrets Store CSI driver with secret rotation',
    how: 'addonProfiles.azureKeyvaultSecretsProvider with enableSecretRotation "true"',
    evaluate: ({ cluster: c }) =>
      ok(props(c).addonProfiles?.azureKeyvaultSecretsProvider?.enabled === true && props(c).addonProfiles.azureKeyvaultSecretsProvider.config?.enableSecretRotation === 'true'),
    checkov: {
      id: 'CKV_AZURE_172',
      evaluate: checkovArm('CKV_AZURE_172'),
      inspects: 'the boolean true; add-on config values are strings in the API (ManagedClusterAddonProfile.config), so the payload sends "true"',
    },
  },
  {
    id: 'system pool isolation',
    title: 'the system pool runs critical add-ons only',
    how: 'CriticalAddonsOnly=true:NoSchedule on the system pool, and a user pool for workloads',
    evaluate: ({ cluster: c }) => ok(pools(c).filter((p) => p.mode === 'System').every((p) => (p.nodeTaints ?? []).includes('CriticalAddonsOnly=true:NoSchedule'))),
    checkov: { id: 'CKV_AZURE_232', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSOnlyCriticalPodsOnSystemNodes.py') },
  },
  {
    id: 'pods per node',
    title: 'at least 50 pods per node',
    how: 'maxPods: 110 on every pool',
    evaluate: ({ cluster: c }) => ok(pools(c).every((p) => (p.maxPods ?? 0) >= 50)),
    checkov: { id: 'CKV_AZURE_168', evaluate: checkovArm('CKV_AZURE_168'), inspects: 'the first node pool only' },
  },
  {
    id: 'control-plane audit logs',
    title: 'the API server\'s audit log is collected (kube-audit-admin or kube-audit)',
    how: 'a diagnostic setting on the cluster sends kube-audit-admin and guard to the cluster\'s Log Analytics workspace',
    evaluate: ({ resources, wholeDeployment }) =>
      foundAmong(
        wholeDeployment,
        resources.some(
          (r) =>
            r.type === 'Microsoft.Insights/diagnosticSettings' &&
            ((r.properties.logs ?? []) as Props[]).some((l) => l.enabled === true && ['kube-audit-admin', 'kube-audit'].includes(l.category)),
        ),
      ),
  },
  {
    id: 'node SSH',
    title: 'no SSH to nodes with local keys',
    how: 'agentPoolProfiles[].securityProfile.sshAccess "Disabled" on every pool (nodeSshAccess)',
    evaluate: ({ cluster: c }) => ok(pools(c).length > 0 && pools(c).every((p) => ['Disabled', 'EntraId'].includes(p.securityProfile?.sshAccess))),
  },
  {
    id: 'image cleaner',
    title: 'vulnerable unused images removed from nodes (Image Cleaner)',
    how: `securityProfile.imageCleaner enabled (every ${IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS} hours by default)`,
    evaluate: ({ cluster: c }) => ok(props(c).securityProfile?.imageCleaner?.enabled === true),
  },
  {
    id: 'workload identity',
    title: 'workloads get Azure credentials without secrets (Entra Workload ID, OIDC issuer)',
    how: 'oidcIssuerProfile and securityProfile.workloadIdentity enabled',
    evaluate: ({ cluster: c }) => ok(props(c).oidcIssuerProfile?.enabled === true && props(c).securityProfile?.workloadIdentity?.enabled === true),
  },
  {
    id: 'transit encryption',
    title: 'pod traffic between nodes encrypted in transit',
    how: 'ACNS WireGuard by default (or Calico WireGuard with its FelixConfiguration deployed, or virtual network encryption); from the encryption coverage of what is deployed',
    evaluate: ({ coverage }) => {
      const status = coverage.find((f) => f.flow === 'pod-to-pod-cross-node')?.status;
      return status === 'encrypted' ? 'pass' : status === 'partial' ? 'partial' : status === 'not-verified' ? 'not-verified' : 'fail';
    },
  },
  {
    id: 'run command',
    title: 'run command disabled',
    how: 'disableRunCommand: true unless named principals keep it',
    evaluate: ({ cluster: c }) => ok(props(c).apiServerAccessProfile?.disableRunCommand === true),
  },
  {
    id: 'customer-managed disk keys',
    title: 'OS and data disks encrypted with customer-managed keys (disk encryption set)',
    how: 'with diskEncryptionSetId (your disk encryption set); by default platform-managed keys, with encryption at host for temp disks and caches',
    optOut:
      'customer-managed keys need a Key Vault and a disk encryption set that the customer owns and rotates; the library does not create key material. Pass diskEncryptionSetId where your policy requires it.',
    evaluate: ({ cluster: c }) => (props(c).diskEncryptionSetID ? 'pass' : 'opt-out'),
    checkov: { id: 'CKV_AZURE_117', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSUsesDiskEncryptionSet.py') },
  },
  {
    id: 'KMS etcd encryption',
    title: 'Kubernetes secrets in etcd encrypted with a customer-managed key (KMS)',
    how: 'with kms: { keyId, keyVaultNetworkAccess, keyVaultResourceId } (your Key Vault key), validated by SAKS-KMS-*',
    optOut:
      'KMS needs a Key Vault key that the customer owns and rotates; the library does not create key material. Without it, etcd is encrypted with platform-managed keys. Pass kms where your policy requires it.',
    evaluate: ({ cluster: c }) => (props(c).securityProfile?.azureKeyVaultKms?.enabled === true ? 'pass' : 'opt-out'),
  },
  {
    id: 'egress path',
    title: 'no public egress IP of the cluster\'s own: egress through the hub firewall (userDefinedRouting) or none (network isolated)',
    how: 'OutboundType.userDefinedRouting({ firewallPrivateIp }) creates the route table with 0.0.0.0/0 to the firewall; OutboundType.networkIsolated() sets outbound type none with the bootstrap registry cache',
    optOut:
      'egress through a firewall needs the hub firewall you run, and isolation needs a private registry cache; by default the cluster egresses through its load balancer\'s public IP. A route table or subnet brought by id is partial: its routes are not read offline.',
    evaluate: ({ cluster, resources }) => EGRESS_STATUS[deployedEgressPath(cluster, resources).publicEgress],
  },
  {
    id: 'delete locks',
    title: 'a CanNotDelete lock on the cluster and on the network and log resources created with it',
    how: 'deleteLocks: true by default: a Microsoft.Authorization/locks resource on each',
    evaluate: ({ cluster: c, resources, wholeDeployment }) =>
      foundAmong(
        wholeDeployment,
        resources.some(
          (r) =>
            r.type === 'Microsoft.Authorization/locks' &&
            (r.properties as Props).level === 'CanNotDelete' &&
            r.scope instanceof ArmReference &&
            r.scope.logicalId === c.logicalId,
        ),
      ),
  },
  {
    id: 'Kubernetes dashboard',
    title: 'Kubernetes dashboard not deployed',
    how: 'the dashboard add-on is never enabled (AKS removed it)',
    evaluate: ({ cluster: c }) => ok(props(c).addonProfiles?.kubeDashboard?.enabled !== true),
    checkov: {
      id: 'CKV_AZURE_8',
      evaluate: checkovArm('CKV_AZURE_8'),
      inspects: 'an explicit addonProfiles.kubeDashboard.enabled: false; the add-on no longer exists on AKS, so the payload does not name it',
    },
  },
];

/** One control's result on a cluster. */
export interface BaselineResult {
  readonly check: BaselineCheck;
  readonly status: BaselineStatus;
  /** Checkov's verdict, when it has an ARM check of the control. */
  readonly checkov?: CheckovVerdict;
}

/** The result of every control on a cluster, given the encryption coverage of what is deployed. */
export function evaluateSecurityBaseline(model: ManagedClusterModel, coverage: readonly FlowCoverage[]): BaselineResult[] {
  const ctx: BaselineContext = { cluster: model.cluster, resources: model.resources, coverage };
  return SECURITY_BASELINE.map((check) => ({ check, status: check.evaluate(ctx), checkov: check.checkov?.evaluate?.(model.cluster) }));
}

/** A row's Checkov column: its verdict, and why it differs from the control's status. */
export function checkovColumn(r: BaselineResult): string {
  const c = r.check.checkov;
  if (!c) return '';
  if (!c.evaluate) return `${c.id}: ${c.inspects}`;
  const agrees = (r.checkov === 'pass') === (r.status === 'pass');
  return agrees ? `${c.id}: ${r.checkov}` : `${c.id}: ${r.checkov}. Checkov checks ${c.inspects}`;
}

/** The results as Markdown, for a cluster's dist folder. */
export function renderSecurityBaseline(model: ManagedClusterModel, coverage: readonly FlowCoverage[], extra: readonly string[] = []): string {
  const rows = evaluateSecurityBaseline(model, coverage).map((r) => [r.check.id, r.check.title, r.status, checkovColumn(r), frameworkClausesLine(r.check.id), r.check.optOut ?? r.check.how]);
  return [
    `# Security baseline: ${model.config.name}`,
    '',
    '<!-- Generated by secure-aks from what this deployment contains. Do not edit. -->',
    '',
    `Each control is evaluated on the exact ARM payload and the encryption actually deployed. The Checkov column gives the verdict of Checkov's ARM check as written (<${Sources.checkovAzure}>), with the reason wherever it differs.`,
    '',
    FRAMEWORKS_NOTE,
    '',
    markdownTable(['Control', 'What', 'Status', 'Checkov', 'Frameworks', 'How, or why not'], rows),
    '',
    '## Acknowledged warnings',
    '',
    model.acknowledged.length === 0
      ? 'None: every warning of this definition is printed on each synth and deployment.'
      : renderAcknowledgedWarnings(model.acknowledged),
    ...(model.notes.length > 0
      ? ['', '## Notes', '', markdownTable(['Rule', 'Property', 'Note', 'What to do'], model.notes.map((n) => [n.rule.id, n.property, n.rule.statement, n.fix]))]
      : []),
    ...extra,
    '',
  ].join('\n');
}
