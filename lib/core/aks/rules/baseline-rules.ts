import { clusterRule, ClusterRule, ClusterRuleContext, poolRule } from '../../rules/cluster-rule';
import { conditionRule, poolConditionRule } from '../../rules/condition-rule';
import { Cond } from '../../rules/resource-condition';
import { Rules } from '../../validation/rule-catalog';
import { IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS, IMAGE_CLEANER_INTERVAL_HOURS, MAX_PODS_PER_NODE, MIN_PODS_PER_NODE } from '../aks-limits';
import { localTempDiskByName } from '../vm-size';
import { extensionResources, isAksAutomatic, networkPolicyEngineOf, same } from './cluster-facts';
import { requiredResourceRule } from './required-resource-rule';

/**
 * The security baseline's settings, each a warning when weaker than the
 * baseline (docs/security-baseline.md).
 * @see https://learn.microsoft.com/azure/aks/best-practices
 * @see https://learn.microsoft.com/security/benchmark/azure/baselines/azure-kubernetes-service-aks-security-baseline
 */

const ADDONS = 'properties.addonProfiles';
const SECURITY = 'properties.securityProfile';
const UPGRADE_CHANNEL = 'properties.autoUpgradeProfile.upgradeChannel';
const NODE_OS_CHANNEL = 'properties.autoUpgradeProfile.nodeOSUpgradeChannel';
const DISK_ENCRYPTION_SET = 'properties.diskEncryptionSetID';
const DEFENDER = `${SECURITY}.defender.securityMonitoring.enabled`;
const INSIGHTS = `${ADDONS}.omsagent.enabled`;
/** Defender for Containers is not on. */
const DEFENDER_OFF = Cond.not(Cond.is(DEFENDER, true));
/** Container Insights is not on. */
const INSIGHTS_OFF = Cond.not(Cond.is(INSIGHTS, true));

/** An add-on's profile: add-on names are case-insensitive keys. */
function addon(c: ClusterRuleContext, name: string) {
  return c.member(ADDONS, name);
}

/**
 * A diagnostic setting that sends the control plane's audit log: an enabled
 * entry of `logs` with the category `kube-audit` or `kube-audit-admin`, or
 * the category group `audit` or `allLogs`.
 * @see https://learn.microsoft.com/azure/aks/monitor-aks-reference#resource-logs
 */
const SENDS_AUDIT_LOG = Cond.some(
  'properties.logs',
  Cond.allOf(Cond.is('enabled', true), Cond.anyOf(Cond.in('category', ['kube-audit', 'kube-audit-admin']), Cond.in('categoryGroup', ['audit', 'allLogs']))),
);

export const BASELINE_RULES: readonly ClusterRule[] = [
  conditionRule(Rules.baselineMonitoringOff, Cond.allOf(INSIGHTS_OFF, DEFENDER_OFF), (c) => {
    const oms = addon(c, 'omsagent');
    c.fail(oms ?? c.fact(`${ADDONS}.omsagent`), { definition: 'use ClusterMonitoring.createWorkspace() or fromWorkspaceId()', payload: 'enable Container Insights (omsagent) and Defender for Containers with a Log Analytics workspace' }, { value: oms ? c.bool(oms.fact('enabled')) ?? null : null });
  }),
  conditionRule(Rules.baselineAzurePolicyOff, Cond.not(Cond.is(`${ADDONS}.azurepolicy.enabled`, true)), (c) => {
    const policy = addon(c, 'azurepolicy');
    const on = policy ? c.bool(policy.fact('enabled')) : undefined;
    c.fail(policy ? policy.fact('enabled') : c.fact(`${ADDONS}.azurepolicy.enabled`), { definition: 'set azurePolicy: true', payload: 'enable the azurepolicy add-on' }, { value: on ?? null });
  }),
  clusterRule(Rules.baselineSecretsRotationOff, 'cluster', (c) => {
    const csi = addon(c, 'azureKeyvaultSecretsProvider');
    const on = csi ? c.bool(csi.fact('enabled')) === true : false;
    const rotation = csi ? c.bool(csi.fact('config.enableSecretRotation')) === true : false;
    if (!on || !rotation) {
      c.fail(csi ?? c.fact(`${ADDONS}.azureKeyvaultSecretsProvider`), { definition: 'set keyVaultSecretsProvider: true', payload: 'enable the azureKeyvaultSecretsProvider add-on with config.enableSecretRotation "true"' }, { value: csi ? c.bool(csi.fact('enabled')) ?? null : null });
    }
  }),
  conditionRule(
    Rules.baselineAutoUpgradeOff,
    Cond.anyOf(
      Cond.not(Cond.exists(UPGRADE_CHANNEL)),
      Cond.is(UPGRADE_CHANNEL, 'none'),
      // An absent node OS channel is NodeImage, the API's documented default
      // (https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update#nodeosupgradechannel).
      Cond.allOf(Cond.exists(NODE_OS_CHANNEL), Cond.not(Cond.in(NODE_OS_CHANNEL, ['NodeImage', 'SecurityPatch']))),
    ),
    (c) => {
      const channel = c.fact(UPGRADE_CHANNEL);
      const nodeOs = c.fact(NODE_OS_CHANNEL);
      const value = { upgradeChannel: channel.state === 'known' ? channel.value : null, nodeOSUpgradeChannel: nodeOs.state === 'known' ? nodeOs.value : 'NodeImage' };
      c.fail(c.fact('properties.autoUpgradeProfile'), 'set upgradeChannel "patch" and nodeOSUpgradeChannel "NodeImage" or "SecurityPatch"', { value });
    },
  ),
  poolConditionRule(Rules.baselineHostEncryptionOff, Cond.not(Cond.is('enableEncryptionAtHost', true)), (c, p) => {
    c.fail(p.profile.fact('enableEncryptionAtHost'), { definition: 'set encryptionAtHost: true (register Microsoft.Compute/EncryptionAtHost first)', payload: 'set enableEncryptionAtHost: true' }, { value: false });
  }),
  poolRule(Rules.baselineSystemPoolShared, 'cluster', (c) => {
    c.each(c.pools(), (p) => {
      if (!same(c.text(p.profile.fact('mode')), 'System')) return;
      const taints = c.list('nodeTaints', p.profile).map((t) => c.text(t.asFact()));
      if (!taints.includes('CriticalAddonsOnly=true:NoSchedule')) {
        c.fail(p.profile.fact('nodeTaints'), { definition: 'set onlyCriticalAddons: true and run workloads on user pools', payload: 'taint the system pool CriticalAddonsOnly=true:NoSchedule and run workloads on user pools' }, { value: taints });
      }
    });
  }),
  // `Paid` is the name the tier with the uptime SLA had before it was renamed Standard.
  // https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers
  conditionRule(Rules.baselineFreeTier, Cond.not(Cond.in('sku.tier', ['Standard', 'Premium', 'Paid'])), (c) => {
    const tier = c.fact('sku.tier');
    c.fail(tier, { definition: 'use tier "Standard" for production', payload: 'use the Standard or Premium tier' }, { value: c.text(tier) ?? 'Free' });
  }),
  clusterRule(Rules.baselineNoNetworkPolicy, 'cluster', (c) => {
    const engine = networkPolicyEngineOf(c);
    if ((engine === undefined || engine === 'none') && isAksAutomatic(c)) {
      c.cannotDecide('AKS Automatic configures the network policy itself', undefined, true);
      return;
    }
    if (engine === undefined || engine === 'none') c.fail(c.fact('properties.networkProfile.networkPolicy'), { definition: 'use the network policy of the dataplane (cilium, calico or azure)', payload: 'use networkPolicy "cilium", "calico" or "azure"' }, { value: engine ?? 'none' });
  }),
  poolConditionRule(
    Rules.baselineNodeSsh,
    Cond.allOf(Cond.anyOf(Cond.not(Cond.exists('osType')), Cond.is('osType', 'Linux')), Cond.not(Cond.in('securityProfile.sshAccess', ['Disabled', 'EntraId']))),
    (c, p) => {
      const ssh = p.profile.fact('securityProfile.sshAccess');
      c.fail(ssh, { definition: 'use nodeSshAccess "Disabled", or "EntraId" where engineers need a shell on nodes', payload: 'set securityProfile.sshAccess "Disabled" on the pool' }, { value: c.text(ssh) ?? 'LocalUser' });
    },
  ),
  conditionRule(Rules.baselineImageCleanerOff, Cond.not(Cond.is(`${SECURITY}.imageCleaner.enabled`, true)), (c) => {
    const enabled = c.fact(`${SECURITY}.imageCleaner.enabled`);
    c.fail(enabled, { definition: 'leave Image Cleaner on', payload: 'enable Image Cleaner' }, { value: c.bool(enabled) ?? null });
  }),
  clusterRule(Rules.imageCleanerInterval, 'cluster', (c) => {
    if (c.bool(c.fact(`${SECURITY}.imageCleaner.enabled`)) !== true) return;
    const fact = c.fact(`${SECURITY}.imageCleaner.intervalHours`);
    const hours = c.number(fact);
    if (hours !== undefined && (!Number.isInteger(hours) || hours < IMAGE_CLEANER_INTERVAL_HOURS.min || hours > IMAGE_CLEANER_INTERVAL_HOURS.max)) {
      c.fail(fact, `use a whole number of hours from ${IMAGE_CLEANER_INTERVAL_HOURS.min} to ${IMAGE_CLEANER_INTERVAL_HOURS.max}, e.g. ${IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS} (a week)`);
    }
  }),
  clusterRule(Rules.baselineWorkloadIdentityOff, 'cluster', (c) => {
    const wid = c.fact(`${SECURITY}.workloadIdentity.enabled`);
    if (c.bool(c.fact('properties.oidcIssuerProfile.enabled')) !== true || c.bool(wid) !== true) {
      if (isAksAutomatic(c)) {
        c.cannotDecide('AKS Automatic configures workload identity and the OIDC issuer itself', undefined, true);
        return;
      }
      c.fail(wid, { definition: 'leave workloadIdentity on, and federate identities with service accounts instead of storing secrets', payload: 'enable oidcIssuerProfile and securityProfile.workloadIdentity' }, { value: c.bool(wid) ?? null });
    }
  }),
  conditionRule(Rules.defenderOff, DEFENDER_OFF, (c) => {
    const on = c.fact(DEFENDER);
    c.fail(on, { definition: 'use ClusterMonitoring.createWorkspace() or fromWorkspaceId()', payload: 'enable securityProfile.defender.securityMonitoring with a Log Analytics workspace' }, { value: c.bool(on) ?? null });
  }),
  conditionRule(Rules.containerInsightsOff, INSIGHTS_OFF, (c) => {
    const oms = addon(c, 'omsagent');
    c.fail(oms ? oms.fact('enabled') : c.fact(INSIGHTS), { definition: 'use ClusterMonitoring.createWorkspace() or fromWorkspaceId()', payload: 'enable the omsagent add-on with a Log Analytics workspace' }, { value: oms ? c.bool(oms.fact('enabled')) ?? null : null });
  }),
  poolRule(Rules.ephemeralOsDiskOff, 'cluster', (c) => {
    c.each(c.pools(), (p) => {
      const sizeFact = p.profile.fact('vmSize');
      const size = c.text(sizeFact);
      if (size === undefined) return;
      const tempDisk = localTempDiskByName(size);
      if (tempDisk === false) return;
      if (tempDisk === undefined) {
        // Never a pass for want of knowing the size: older sizes (Dsv3, DSv2) have a temporary disk their name does not show.
        c.cannotDecide(`whether ${size} has a local temporary disk: Azure's size names mark one with the "d" feature letter only from the v4 sizes on`, sizeFact, true);
        return;
      }
      // An absent OS disk type is Azure's choice: Ephemeral where the size supports it with a cache disk larger than the OS disk, else Managed.
      // https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update#osdisktype
      const type = p.profile.fact('osDiskType');
      const text = c.text(type);
      if (text === undefined) c.cannotDecide(`osDiskType is not set on a ${size} pool: Azure chooses by the size of its disks`, type, true);
      else if (!same(text, 'Ephemeral')) c.fail(type, 'set osDiskType "Ephemeral": the OS disk lives on the local disk, with no managed disk to encrypt or leak', { detail: `${size} has a local temporary disk` });
    });
  }),
  poolRule(Rules.podsPerNodeLow, 'cluster', (c) => {
    c.each(c.pools(), (p) => {
      const fact = p.profile.fact('maxPods');
      const pods = c.number(fact);
      // Azure's default depends on the network plugin and its mode: not decided here.
      // https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
      if (pods === undefined) c.cannotDecide('maxPods is not set: Azure\'s default depends on the network plugin and its mode', fact, true);
      else if (pods < MIN_PODS_PER_NODE) c.fail(fact, `set maxPods to ${MIN_PODS_PER_NODE} or more, e.g. ${MAX_PODS_PER_NODE}`);
    });
  }),
  conditionRule(Rules.runCommandOn, Cond.not(Cond.is('properties.apiServerAccessProfile.disableRunCommand', true)), (c) => {
    const fact = c.fact('properties.apiServerAccessProfile.disableRunCommand');
    c.fail(fact, { definition: 'keep disableRunCommand: true (the default) and reach the API server from the network', payload: 'set apiServerAccessProfile.disableRunCommand: true' }, { value: c.bool(fact) ?? false });
  }),
  // As Microsoft's built-in definition for disk encryption sets reads it: absent, or empty.
  conditionRule(Rules.diskKeysPlatformManaged, Cond.anyOf(Cond.not(Cond.exists(DISK_ENCRYPTION_SET)), Cond.is(DISK_ENCRYPTION_SET, '')), (c) => {
    c.fail(c.fact(DISK_ENCRYPTION_SET), { definition: 'bring a disk encryption set: diskEncryptionSetId', payload: 'set diskEncryptionSetID to a disk encryption set with your Key Vault key' }, { value: c.text(c.fact(DISK_ENCRYPTION_SET)) ?? null });
  }),
  clusterRule(Rules.kubernetesDashboardOn, 'cluster', (c) => {
    const dashboard = addon(c, 'kubeDashboard');
    if (dashboard && c.bool(dashboard.fact('enabled')) === true) c.fail(dashboard.fact('enabled'), { definition: 'remove the kubeDashboard add-on', payload: 'remove the kubeDashboard add-on (AKS no longer offers it)' });
  }),
  conditionRule(Rules.kmsOff, Cond.not(Cond.is(`${SECURITY}.azureKeyVaultKms.enabled`, true)), (c) => {
    const kms = c.fact(`${SECURITY}.azureKeyVaultKms.enabled`);
    c.fail(kms, { definition: 'bring a Key Vault key: kms: { keyId, keyVaultNetworkAccess: "Private", keyVaultResourceId }', payload: 'enable KMS with a versioned Key Vault key you own' }, { value: c.bool(kms) ?? null });
  }),
  clusterRule(Rules.auditLogsDestination, 'deployment', (c) => {
    for (const s of extensionResources(c, 'Microsoft.Insights/diagnosticSettings')) {
      const p = (s.body.properties ?? {}) as Record<string, unknown>;
      const logs = Array.isArray(p.logs) ? p.logs : [];
      if (logs.some((l) => l?.enabled === true) && !p.workspaceId && !p.storageAccountId && !p.eventHubAuthorizationRuleId) {
        const at = c.cluster.origin === 'definition' ? { definition: 'auditLogs' } : s.origin;
        c.fail({ state: 'known', value: String(s.name), path: `diagnostic setting ${String(s.name)}`, at }, {
          definition: 'keep a Log Analytics workspace (ClusterMonitoring.createWorkspace() or fromWorkspaceId()), or give auditLogs.storageAccountId or auditLogs.eventHub',
          payload: 'send the logs to a Log Analytics workspace, a storage account or an Event Hub',
        }, { value: 'no destination' });
      }
    }
  }),
  requiredResourceRule(Rules.baselineAuditLogsOff, { type: 'Microsoft.Insights/diagnosticSettings', meets: SENDS_AUDIT_LOG }, {
    what: 'diagnostic settings',
    reads: 'properties.logs',
    definitionProperty: 'auditLogs.enabled',
    fix: { definition: 'leave the control-plane audit logs on', payload: 'add a diagnostic setting on the cluster with kube-audit-admin and guard' },
  }),
  requiredResourceRule(Rules.baselineDeleteLocksOff, { type: 'Microsoft.Authorization/locks', meets: Cond.is('properties.level', 'CanNotDelete') }, {
    what: 'locks',
    reads: 'properties.level',
    definitionProperty: 'deleteLocks',
    fix: { definition: 'leave deleteLocks on; remove a lock deliberately (it is one call) when a resource must go', payload: 'add a CanNotDelete lock on the cluster' },
  }),
];
