import { CALICO_CRD_SCHEMAS } from '../encryption/calico-crd-schemas.generated';
import { PinnedComponentVersion } from '../versions/pinned-support';
import { renderSupportWindows } from '../versions/support-window-report';
import { ArmResource } from '../arm/arm-resource';
import { IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS, MAX_PODS_PER_NODE } from './aks-limits';
import { FRAMEWORKS_NOTE, frameworkClausesLine } from '../compliance/framework-clauses-text';
import { renderAcknowledgedWarnings } from '../reports/acknowledged-warnings';
import { markdownTable } from '../reports/markdown';
import { RuleOutcome } from '../rules/rule-outcome';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { Sources } from '../validation/sources';
import { CHECKOV_ARM_AKS_CHECKS, CheckovVerdict } from './checkov-arm-checks';
import { ManagedClusterModel } from './managed-cluster-model';

/**
 * The outcome of one control on a cluster, derived from the verdicts of the
 * rules that decide it: met, not met, met in part (a rule says which part is
 * not), or an opt-out that needs a resource only the customer can bring. A
 * control that is missing is `fail`, never "not applicable". `not-verified`:
 * a rule that decides it is undecided (a value not known, a resource not
 * read), so the report claims neither.
 * @category Security baseline
 */
export type BaselineStatus = 'pass' | 'fail' | 'partial' | 'opt-out' | 'not-verified';

/**
 * Checkov's own check for a control, replicated from its source, so the report never claims a pass Checkov would not give.
 * @category Security baseline
 */
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

/**
 * One AKS security control, decided by rules of the catalog on what is deployed.
 * @category Security baseline
 */
export interface BaselineCheck {
  /** Stable id of the control (the CIS AKS benchmark item where there is one). */
  readonly id: string;
  readonly title: string;
  /** How the library meets it by default. */
  readonly how: string;
  /**
   * The catalog rules that decide the control, each run once on the cluster's
   * description: the control fails when one of them fails (an opt-out control
   * is `opt-out` then), is not verified when one is undecided, and passes when
   * every one passes.
   */
  readonly decidedBy: readonly Rule[];
  /**
   * Rules whose failure leaves the control met in part only (`partial`); each says which part is not met.
   * @default - none
   */
  readonly partlyMetUnless?: readonly Rule[];
  /** The Checkov check of the same control, when there is one. */
  readonly checkov?: CheckovCheck;
  /**
   * Why the library does not meet it by default: only for controls that need a
   * resource the customer must bring.
   * @default - none: the default configuration passes
   */
  readonly optOut?: string;
}

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
 * cluster definition can meet, each decided by the rules of the catalog that
 * state it. docs/security-baseline.md is generated from this list. Checkov's
 * verdicts follow its ARM checks as written.
 * @see https://www.checkov.io/5.Policy%20Index/arm.html
 * @category Security baseline
 */
export const SECURITY_BASELINE: readonly BaselineCheck[] = [
  {
    id: 'CIS 5.4.1 (control plane endpoint)',
    title: 'the API server is private, or its public endpoint is limited to authorized IP ranges',
    how: 'ApiServerAccess.private() by default; public only with authorized ranges (SAKS-API-005)',
    decidedBy: [Rules.publicWithoutRanges, Rules.publicUnrestricted],
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
    decidedBy: [Rules.apiServerPublicEndpoint],
    checkov: { id: 'CKV_AZURE_115', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSEnablesPrivateClusters.py') },
  },
  {
    id: 'local accounts',
    title: 'local accounts disabled',
    how: 'disableLocalAccounts: true, always',
    decidedBy: [Rules.localAccountsEnabled],
    checkov: { id: 'CKV_AZURE_141', evaluate: checkovArm('CKV_AZURE_141'), inspects: 'properties.disableLocalAccounts is true' },
  },
  {
    id: 'CIS 5.5.1',
    title: 'Kubernetes RBAC with Entra ID and Azure RBAC',
    how: 'enableRBAC: true and aadProfile.enableAzureRBAC: true, always',
    decidedBy: [Rules.kubernetesRbacOff],
    checkov: { id: 'CKV_AZURE_5', evaluate: checkovArm('CKV_AZURE_5'), inspects: 'properties.enableRBAC only (not Entra ID or Azure RBAC)' },
  },
  {
    id: 'CIS 5.4.4',
    title: 'a network policy engine',
    how: 'the dataplane\'s network policy (cilium by default; calico or azure)',
    decidedBy: [Rules.baselineNoNetworkPolicy],
    checkov: { id: 'CKV_AZURE_7', evaluate: checkovArm('CKV_AZURE_7'), inspects: 'that networkProfile.networkPolicy is set, to any value, "none" included' },
  },
  {
    id: 'Azure Policy add-on',
    title: 'Azure Policy add-on',
    how: 'addonProfiles.azurepolicy enabled (azurePolicy: true)',
    decidedBy: [Rules.baselineAzurePolicyOff],
    checkov: { id: 'CKV_AZURE_116', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSUsesAzurePoliciesAddon.py') },
  },
  {
    id: 'CIS 5.1.1 (image scanning)',
    title: 'Microsoft Defender for Containers',
    how: 'securityProfile.defender with a Log Analytics workspace the library creates (ClusterMonitoring.createWorkspace())',
    decidedBy: [Rules.defenderOff],
  },
  {
    id: 'Container Insights',
    title: 'logging to Azure Monitor (Container Insights)',
    how: 'addonProfiles.omsagent with the same workspace, Entra ID authentication',
    decidedBy: [Rules.containerInsightsOff],
    checkov: { id: 'CKV_AZURE_4', evaluate: checkovArm('CKV_AZURE_4'), inspects: 'addonProfiles.omsagent.enabled, as Python reads it (the string "false" passes)' },
  },
  {
    id: 'automatic upgrades',
    title: 'automatic upgrades of Kubernetes and of the node OS',
    how: 'autoUpgradeProfile.upgradeChannel "patch" and nodeOSUpgradeChannel "NodeImage"',
    decidedBy: [Rules.baselineAutoUpgradeOff],
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
    decidedBy: [Rules.baselineFreeTier],
    checkov: { id: 'CKV_AZURE_170', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSIsPaidSku.py') },
  },
  {
    id: 'encryption at host',
    title: 'host-based encryption on every node pool',
    how: 'enableEncryptionAtHost: true on every pool (needs the EncryptionAtHost subscription feature)',
    decidedBy: [Rules.baselineHostEncryptionOff],
    checkov: { id: 'CKV_AZURE_227', evaluate: checkovArm('CKV_AZURE_227'), inspects: 'the first node pool only' },
  },
  {
    id: 'ephemeral OS disks',
    title: 'ephemeral OS disks where supported',
    how: 'osDiskType "Ephemeral" on every pool whose VM size has a local disk',
    decidedBy: [Rules.ephemeralOsDiskOff],
    checkov: { id: 'CKV_AZURE_226', evaluate: checkovArm('CKV_AZURE_226'), inspects: 'the first node pool only, whatever its VM size' },
  },
  {
    id: 'secret rotation',
    title: 'Secrets Store CSI driver with secret rotation',
    how: 'addonProfiles.azureKeyvaultSecretsProvider with enableSecretRotation "true"',
    decidedBy: [Rules.baselineSecretsRotationOff],
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
    decidedBy: [Rules.baselineSystemPoolShared],
    checkov: { id: 'CKV_AZURE_232', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSOnlyCriticalPodsOnSystemNodes.py') },
  },
  {
    id: 'pods per node',
    title: 'at least 50 pods per node',
    how: `maxPods: ${MAX_PODS_PER_NODE} on every pool`,
    decidedBy: [Rules.podsPerNodeLow],
    checkov: { id: 'CKV_AZURE_168', evaluate: checkovArm('CKV_AZURE_168'), inspects: 'the first node pool only' },
  },
  {
    id: 'control-plane audit logs',
    title: 'the API server\'s audit log is collected (kube-audit-admin or kube-audit)',
    how: 'a diagnostic setting on the cluster sends kube-audit-admin and guard to the cluster\'s Log Analytics workspace',
    decidedBy: [Rules.baselineAuditLogsOff, Rules.auditLogsDestination],
  },
  {
    id: 'node SSH',
    title: 'no SSH to nodes with local keys',
    how: 'agentPoolProfiles[].securityProfile.sshAccess "Disabled" on every pool (nodeSshAccess)',
    decidedBy: [Rules.baselineNodeSsh],
  },
  {
    id: 'image cleaner',
    title: 'vulnerable unused images removed from nodes (Image Cleaner)',
    how: `securityProfile.imageCleaner enabled (every ${IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS} hours by default)`,
    decidedBy: [Rules.baselineImageCleanerOff],
  },
  {
    id: 'workload identity',
    title: 'workloads get Azure credentials without secrets (Entra Workload ID, OIDC issuer)',
    how: 'oidcIssuerProfile and securityProfile.workloadIdentity enabled',
    decidedBy: [Rules.baselineWorkloadIdentityOff],
  },
  {
    id: 'transit encryption',
    title: 'pod traffic between nodes encrypted in transit',
    how: 'ACNS WireGuard by default (or Calico WireGuard with its FelixConfiguration deployed, or virtual network encryption, which is partial); from what is deployed',
    decidedBy: [Rules.transitEncryptionNone],
    partlyMetUnless: [Rules.vnetEncryptionOnly],
  },
  {
    id: 'run command',
    title: 'run command disabled',
    how: 'disableRunCommand: true unless named principals keep it',
    decidedBy: [Rules.runCommandOn],
  },
  {
    id: 'customer-managed disk keys',
    title: 'OS and data disks encrypted with customer-managed keys (disk encryption set)',
    how: 'with diskEncryptionSetId (your disk encryption set); by default platform-managed keys, with encryption at host for temp disks and caches',
    optOut:
      'customer-managed keys need a Key Vault and a disk encryption set that the customer owns and rotates; the library does not create key material. Pass diskEncryptionSetId where your policy requires it.',
    decidedBy: [Rules.diskKeysPlatformManaged],
    checkov: { id: 'CKV_AZURE_117', inspects: terraformOnly('checkov/terraform/checks/resource/azure/AKSUsesDiskEncryptionSet.py') },
  },
  {
    id: 'KMS etcd encryption',
    title: 'Kubernetes secrets in etcd encrypted with a customer-managed key (KMS)',
    how: 'with kms: { keyId, keyVaultNetworkAccess, keyVaultResourceId } (your Key Vault key), validated by SAKS-KMS-*',
    optOut:
      'KMS needs a Key Vault key that the customer owns and rotates; the library does not create key material. Without it, etcd is encrypted with platform-managed keys. Pass kms where your policy requires it.',
    decidedBy: [Rules.kmsOff],
  },
  {
    id: 'egress path',
    title: 'no public egress IP of the cluster\'s own: egress through the hub firewall (userDefinedRouting) or none (network isolated)',
    how: 'OutboundType.userDefinedRouting({ firewallPrivateIp }) creates the route table with 0.0.0.0/0 to the firewall; OutboundType.networkIsolated() sets outbound type none with the bootstrap registry cache',
    optOut:
      'egress through a firewall needs the hub firewall you run, and isolation needs a private registry cache; by default the cluster egresses through its load balancer\'s public IP. A route table or subnet brought by id is not verified: its routes are not read offline.',
    decidedBy: [Rules.egressPublicIp],
  },
  {
    id: 'delete locks',
    title: 'a CanNotDelete lock on the cluster and on the network and log resources created with it',
    how: 'deleteLocks: true by default: a Microsoft.Authorization/locks resource on each',
    decidedBy: [Rules.baselineDeleteLocksOff],
  },
  {
    id: 'Kubernetes dashboard',
    title: 'Kubernetes dashboard not deployed',
    how: 'the dashboard add-on is never enabled (AKS removed it)',
    decidedBy: [Rules.kubernetesDashboardOn],
    checkov: {
      id: 'CKV_AZURE_8',
      evaluate: checkovArm('CKV_AZURE_8'),
      inspects: 'an explicit addonProfiles.kubeDashboard.enabled: false; the add-on no longer exists on AKS, so the payload does not name it',
    },
  },
];

/**
 * One control's result on a cluster.
 * @category Security baseline
 */
export interface BaselineResult {
  readonly check: BaselineCheck;
  readonly status: BaselineStatus;
  /** The outcomes of the rules that decide the control (and of those that leave it met in part), in the control's order. */
  readonly outcomes: readonly RuleOutcome[];
  /** Checkov's verdict, when it has an ARM check of the control and the cluster's ARM resource was given. */
  readonly checkov?: CheckovVerdict;
}

/**
 * A control's status from its rules' outcomes: `fail` (or `opt-out`) when a
 * deciding rule fails; `not-verified` when one is undecided or was not run;
 * `partial` when a rule of the part it may miss fails; else `pass`.
 * @category Security baseline
 */
export function baselineStatus(check: BaselineCheck, outcomes: readonly RuleOutcome[]): BaselineStatus {
  return statusOf(check, outcomesById(outcomes));
}

/** Each rule's outcome by rule id (the first, where a rule has several), found once for every control. */
function outcomesById(outcomes: readonly RuleOutcome[]): ReadonlyMap<string, RuleOutcome> {
  const byId = new Map<string, RuleOutcome>();
  for (const o of outcomes) if (!byId.has(o.rule.id)) byId.set(o.rule.id, o);
  return byId;
}

function statusOf(check: BaselineCheck, outcomes: ReadonlyMap<string, RuleOutcome>): BaselineStatus {
  const verdict = (r: Rule) => outcomes.get(r.id)?.verdict ?? 'undecided';
  let undecided = false;
  for (const r of check.decidedBy) {
    const v = verdict(r);
    if (v === 'fail') return check.optOut !== undefined ? 'opt-out' : 'fail';
    if (v === 'undecided') undecided = true;
  }
  let partlyFails = false;
  for (const r of check.partlyMetUnless ?? []) {
    const v = verdict(r);
    if (v === 'undecided') undecided = true;
    if (v === 'fail') partlyFails = true;
  }
  if (undecided) return 'not-verified';
  return partlyFails ? 'partial' : 'pass';
}

/**
 * The status of every control, from the outcomes of the rules on one cluster, as
 * {@link evaluateSecurityBaseline} decides it, without the outcomes each rests on (the audit's report names the rules).
 * @internal
 */
export function securityBaselineStatuses(outcomes: readonly RuleOutcome[]): Array<{ readonly check: BaselineCheck; readonly status: BaselineStatus }> {
  const byId = outcomesById(outcomes);
  return SECURITY_BASELINE.map((check) => ({ check, status: statusOf(check, byId) }));
}

/**
 * The result of every control, from the outcomes of the rules on one cluster;
 * with the cluster's ARM resource, Checkov's verdicts too.
 * @category Security baseline
 */
export function evaluateSecurityBaseline(outcomes: readonly RuleOutcome[], cluster?: ArmResource): BaselineResult[] {
  const byId = outcomesById(outcomes);
  return SECURITY_BASELINE.map((check) => {
    const deciding = rulesOf(check).map((r) => byId.get(r.id)).filter((o): o is RuleOutcome => o !== undefined);
    const checkov = cluster !== undefined ? check.checkov?.evaluate?.(cluster) : undefined;
    return { check, status: statusOf(check, byId), outcomes: deciding, ...(checkov !== undefined ? { checkov } : {}) };
  });
}

const RULES_OF = new WeakMap<BaselineCheck, readonly Rule[]>();

/** The rules that decide a control, then those that leave it met in part: listed once per control. */
function rulesOf(check: BaselineCheck): readonly Rule[] {
  let rules = RULES_OF.get(check);
  if (rules === undefined) {
    rules = [...check.decidedBy, ...(check.partlyMetUnless ?? [])];
    RULES_OF.set(check, rules);
  }
  return rules;
}

/**
 * The ids of the rules that decide a control, for its row in a report.
 * @category Security baseline
 */
export function decidingRuleIds(check: BaselineCheck): string {
  const partly = (check.partlyMetUnless ?? []).map((r) => `${r.id} (partial)`);
  return [...check.decidedBy.map((r) => r.id), ...partly].join(', ');
}

/**
 * A row's Checkov column: its verdict, and why it differs from the control's status.
 * @internal
 */
export function checkovColumn(r: BaselineResult): string {
  const c = r.check.checkov;
  if (!c) return '';
  if (!c.evaluate || r.checkov === undefined) return `${c.id}: ${c.inspects}`;
  const agrees = (r.checkov === 'pass') === (r.status === 'pass');
  return agrees ? `${c.id}: ${r.checkov}` : `${c.id}: ${r.checkov}. Checkov checks ${c.inspects}`;
}

/**
 * What the cluster runs (its Kubernetes version and add-on revision, where the
 * definition sets them; Calico for Calico WireGuard; every preview API
 * version its resources are written at), and what its deployment installs besides.
 */
function supportWindowVersions(model: ManagedClusterModel, installed: readonly PinnedComponentVersion[]): PinnedComponentVersion[] {
  const c = model.config;
  const previews = [...new Set(model.resources.filter((r) => r.apiVersion.endsWith('-preview')).map((r) => `${r.type}@${r.apiVersion}`))].sort();
  return [
    ...(c.kubernetesVersion !== undefined ? [{ component: 'aks-kubernetes' as const, version: c.kubernetesVersion, property: 'kubernetesVersion' }] : []),
    ...(c.istioAddon ? [{ component: 'aks-istio-addon' as const, version: c.istioAddon.revision, property: 'istioAddon.revision' }] : []),
    ...(c.transitEncryption.kind === 'calicoWireGuard' ? [{ component: 'calico' as const, version: CALICO_CRD_SCHEMAS.version, property: 'CALICO_CRD_SCHEMAS.version' }] : []),
    ...installed,
    ...previews.map((version) => ({ component: 'arm-api-version' as const, version, property: 'apiVersion' })),
  ];
}

/**
 * The results as Markdown, for a cluster's dist folder, with the support windows on the model's evaluation date.
 * @category Security baseline
 */
export function renderSecurityBaseline(
  model: ManagedClusterModel,
  /** The outcomes of the rules on the cluster as deployed ({@link definitionRuleOutcomes}). */
  outcomes: readonly RuleOutcome[],
  extra: readonly string[] = [],
  /** What the cluster's deployment installs besides the cluster (a platform's Istio and cert-manager, an estate's Flux extension). */
  installed: readonly PinnedComponentVersion[] = [],
): string {
  const rows = evaluateSecurityBaseline(outcomes, model.cluster).map((r) => [r.check.id, r.check.title, r.status, decidingRuleIds(r.check), checkovColumn(r), frameworkClausesLine(r.check.id), r.check.optOut ?? r.check.how]);
  return [
    `# Security baseline: ${model.config.name}`,
    '',
    '<!-- Generated by secure-aks from what this deployment contains. Do not edit. -->',
    '',
    `Each control is decided by the rules of the catalog named beside it, run on the exact ARM payload and the Kubernetes objects deployed with it: it fails when one of them fails, and is not verified when one cannot be decided. The Checkov column gives the verdict of Checkov's ARM check as written (<${Sources.checkovAzure}>), with the reason wherever it differs.`,
    '',
    FRAMEWORKS_NOTE,
    '',
    markdownTable(['Control', 'What', 'Status', 'Decided by', 'Checkov', 'Frameworks', 'How, or why not'], rows),
    '',
    '## Acknowledged warnings',
    '',
    model.acknowledged.length === 0
      ? 'None: every warning of this definition is printed on each synth and deployment.'
      : renderAcknowledgedWarnings(model.acknowledged),
    ...(model.notes.length > 0
      ? ['', '## Notes', '', markdownTable(['Rule', 'Property', 'Note', 'What to do'], model.notes.map((n) => [n.rule.id, n.property, n.rule.statement, n.fix]))]
      : []),
    ...renderSupportWindows(supportWindowVersions(model, installed), model.evaluationDate),
    ...extra,
    '',
  ].join('\n');
}
