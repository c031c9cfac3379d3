import { isResourceIdOfType } from '../arm/resource-id';
import {
  ACNS_MIN_KUBERNETES,
  AKS_RESERVED_RANGES,
  API_SERVER_SUBNET_MAX_PREFIX,
  IMAGE_CLEANER_INTERVAL_HOURS,
  NETWORK_ISOLATED_MIN_KUBERNETES,
  NETWORK_ISOLATED_NODE_OS_CHANNELS,
  SERVICE_CIDR_MIN_PREFIX,
} from '../aks/aks-limits';
import { authorizedRangeFindings, PAYLOAD_ACCESS_VOCABULARY } from '../aks/authorized-ranges';
import { AZURE_REGIONS, nearestRegion } from '../aks/azure-regions';
import { BuiltInRoles } from '../aks/built-in-roles';
import { networkPolicyEngine } from '../aks/network-policy-engine';
import { zoneNameProblem } from '../aks/private-dns-zone-name';
import { CLUSTER_NAME, DNS_LABEL_54, isNodePoolName, kubernetesMinorBelow, KUBERNETES_VERSION, LOCATION_NAME } from '../aks/validation-helpers';
import { kmsKeyVaultName } from '../aks/validate-kms';
import { aksIstioRevision, isPastEndOfLife, revisionClock } from '../mesh/aks-istio-revisions';
import { Ipv4Cidr, parseIpv4 } from '../net/ipv4-cidr';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { AuditedResource, isType } from './audited-resource';
import { reference, RelatedResources } from './related-resources';

type Json = Record<string, any>;

/** A rule that needs a resource the description does not hold, and so is not decided on this cluster. */
export interface UndecidedRule {
  readonly rule: Rule;
  readonly reason: string;
}

/** The result of the payload rules on one cluster. */
export interface PayloadRuleResult {
  readonly violations: ViolationCollector;
  readonly undecided: readonly UndecidedRule[];
}

/** Options of {@link checkClusterPayload}. */
export interface PayloadRuleOptions {
  /**
   * Whether the related resources are the whole deployment (an ARM template,
   * a Pulumi stack): then a resource that is absent is absent, and the rules
   * on diagnostic settings and locks are decided. For a live cluster read
   * alone they are not.
   * @default false
   */
  readonly wholeDeployment?: boolean;
}

const ZONE_TYPE = 'Microsoft.Network/privateDnsZones';
const DELEGATION = 'Microsoft.ContainerService/managedClusters';
const RESERVED = AKS_RESERVED_RANGES.map((r) => Ipv4Cidr.of(r));

/** Whether a value is an ARM template expression, whose value is not known offline. */
const isExpression = (v: unknown): boolean => typeof v === 'string' && v.startsWith('[') && !v.startsWith('[[');
const cidr = (v: unknown): Ipv4Cidr | undefined => {
  if (typeof v !== 'string') return undefined;
  const parsed = Ipv4Cidr.parse(v);
  return parsed instanceof Ipv4Cidr ? parsed : undefined;
};

/**
 * The rules of the catalog that a managed cluster's ARM payload decides, on
 * the payload as Azure describes it (a live cluster, a template, a Pulumi
 * resource's inputs), with the resources deployed beside it. Same rule ids,
 * statements and sources as the checks on a definition; properties are named
 * by their path in the payload.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update
 */
export function checkClusterPayload(cluster: AuditedResource, relatedResources: readonly AuditedResource[], options: PayloadRuleOptions = {}): PayloadRuleResult {
  const v = new ViolationCollector();
  const undecided: UndecidedRule[] = [];
  // The cluster is among them, for the extension resources (settings, locks) that name it as their scope.
  const related = new RelatedResources([cluster, ...relatedResources]);
  const p = cluster.properties;
  const access: Json = p.apiServerAccessProfile ?? {};
  const np: Json = p.networkProfile ?? {};
  const pools: Json[] = Array.isArray(p.agentPoolProfiles) ? p.agentPoolProfiles : [];
  const isPrivate = access.enablePrivateCluster === true;
  const vnetIntegration = access.enableVnetIntegration === true;
  const pool = (i: number) => `properties.agentPoolProfiles[${i}]`;
  const version = typeof p.kubernetesVersion === 'string' && KUBERNETES_VERSION.test(p.kubernetesVersion) ? p.kubernetesVersion : undefined;
  const userAssigned = String(cluster.identity?.type ?? '').toLowerCase() === 'userassigned';
  const nodeSubnetIds = pools.map((x) => x.vnetSubnetID).filter((id): id is string => typeof id === 'string');

  // --- names
  if (!isExpression(cluster.name) && !CLUSTER_NAME.test(cluster.name)) {
    v.add(Rules.clusterName, 'name', cluster.name, 'use 1 to 63 letters, digits, underscores and hyphens, starting and ending with a letter or digit');
  }
  if (typeof cluster.location === 'string' && !isExpression(cluster.location)) {
    if (!LOCATION_NAME.test(cluster.location)) v.add(Rules.location, 'location', cluster.location, 'use the region name, e.g. "westeurope"');
    else if (!AZURE_REGIONS.includes(cluster.location)) v.add(Rules.unknownRegion, 'location', cluster.location, `check the name: the nearest known region is "${nearestRegion(cluster.location)}"`);
  }
  if (typeof p.kubernetesVersion === 'string' && p.kubernetesVersion !== '' && !isExpression(p.kubernetesVersion) && version === undefined) {
    v.add(Rules.kubernetesVersion, 'properties.kubernetesVersion', p.kubernetesVersion, 'write <major>.<minor> or <major>.<minor>.<patch>, e.g. "1.33"');
  }
  const poolNames = new Set<string>();
  pools.forEach((x, i) => {
    if (typeof x.name !== 'string' || isExpression(x.name)) return;
    if (!isNodePoolName(x.name, x.osType) || poolNames.has(x.name)) {
      v.add(Rules.nodePool, `${pool(i)}.name`, x.name, `use 1 to ${x.osType === 'Windows' ? 6 : 12} lowercase letters and digits starting with a letter, unique in the cluster`);
    }
    poolNames.add(x.name);
  });

  // --- API server access
  const ranges = Array.isArray(access.authorizedIPRanges) ? access.authorizedIPRanges.filter((r: unknown): r is string => typeof r === 'string') : [];
  for (const f of authorizedRangeFindings(ranges, { isPrivate, vnetIntegration }, PAYLOAD_ACCESS_VOCABULARY)) {
    const at = 'properties.apiServerAccessProfile.authorizedIPRanges';
    v.add(f.rule, f.index === undefined ? at : `${at}[${f.index}]`, f.value, f.fix, f.detail);
  }

  // --- private DNS
  const zone = typeof access.privateDNSZone === 'string' ? access.privateDNSZone : undefined;
  const zoneKind = zone === undefined ? 'system' : ['system', 'none'].includes(zone.toLowerCase()) ? zone.toLowerCase() : 'own';
  const zonePath = 'properties.apiServerAccessProfile.privateDNSZone';
  if (isPrivate && zoneKind === 'none' && access.enablePrivateClusterPublicFQDN !== true) {
    v.add(Rules.privateDnsNoneNeedsPublicFqdn, 'properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN', access.enablePrivateClusterPublicFQDN ?? false, 'set enablePrivateClusterPublicFQDN: true, or use privateDNSZone "system" or an own zone', 'privateDNSZone is "none"');
  }
  if (isPrivate && zoneKind === 'own' && zone !== undefined && (!isExpression(zone) || reference(zone))) {
    const parsed = reference(zone);
    if (!parsed || !isType(parsed.type, ZONE_TYPE)) {
      v.add(Rules.privateDnsZoneId, zonePath, zone, 'use "system", "none", or /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone>');
    } else {
      const problem = typeof cluster.location === 'string' ? zoneNameProblem(parsed.names[0], cluster.location, vnetIntegration) : undefined;
      if (problem) v.add(problem.rule, zonePath, parsed.names[0], problem.fix, problem.detail);
      if (!userAssigned) {
        v.add(Rules.ownZoneNeedsUserAssignedIdentity, 'identity.type', cluster.identity?.type ?? 'SystemAssigned', 'use a user-assigned identity with Private DNS Zone Contributor on the zone');
      } else if (related.byId(zone)) {
        // The zone is deployed here: its role for the identity must be too.
        const granted = related.ofType('Microsoft.Authorization/roleAssignments').some((r) =>
          String(r.properties.roleDefinitionId ?? '').toLowerCase().includes(BuiltInRoles.privateDnsZoneContributor) && related.byId(r.scope) === related.byId(zone));
        if (!granted) {
          v.add(Rules.ownZoneNeedsUserAssignedIdentity, zonePath, parsed.names[0], 'grant the control plane identity Private DNS Zone Contributor (b12aa53e-6015-4669-85d0-8515ebb3ae7f) on the zone', 'no such role assignment is deployed with the zone');
        }
      } else {
        undecided.push({ rule: Rules.ownZoneNeedsUserAssignedIdentity, reason: 'the identity\'s role on the private DNS zone: the zone is not among the resources read' });
      }
    }
  }
  if (typeof p.fqdnSubdomain === 'string') {
    if (!(isPrivate && zoneKind === 'own')) v.add(Rules.fqdnSubdomainNeedsOwnZone, 'properties.fqdnSubdomain', p.fqdnSubdomain, 'use dnsPrefix, or an own private DNS zone on a private cluster');
    if (typeof p.dnsPrefix === 'string') v.add(Rules.fqdnSubdomainExcludesDnsPrefix, 'properties.dnsPrefix', p.dnsPrefix, 'set either dnsPrefix or fqdnSubdomain');
  }
  for (const key of ['dnsPrefix', 'fqdnSubdomain'] as const) {
    const label = p[key];
    if (typeof label === 'string' && !isExpression(label) && !DNS_LABEL_54.test(label)) {
      v.add(Rules.dnsLabel, `properties.${key}`, label, 'use 1 to 54 letters, digits and hyphens, starting and ending with a letter or digit');
    }
  }
  if (isPrivate && access.disableRunCommand === true && access.enablePrivateClusterPublicFQDN !== true) {
    // A network linked to the API server's zone is a way in (a hub with a jump host or a VPN).
    const links = related.ofType('Microsoft.Network/privateDnsZones/virtualNetworkLinks');
    if (links.length === 0 && options.wholeDeployment && !(zoneKind === 'own' && !related.byId(zone))) {
      v.add(Rules.privateClusterWithoutWayIn, 'properties.apiServerAccessProfile.disableRunCommand', true, 'reach the API server from the cluster network, a network linked to its private DNS zone, or a jump host; or keep run command');
    } else if (links.length === 0) {
      undecided.push({ rule: Rules.privateClusterWithoutWayIn, reason: 'the private DNS zone\'s virtual network links are not among the resources read' });
    }
  }

  // --- identity and authentication
  const sp: Json | undefined = p.servicePrincipalProfile;
  if (sp && typeof sp.clientId === 'string' && sp.clientId.toLowerCase() !== 'msi') {
    v.add(Rules.servicePrincipalIdentity, 'properties.servicePrincipalProfile.clientId', sp.clientId, 'use a managed identity (identity.type SystemAssigned or UserAssigned) and drop servicePrincipalProfile');
  }
  if (p.disableLocalAccounts !== true) {
    v.add(Rules.localAccountsEnabled, 'properties.disableLocalAccounts', p.disableLocalAccounts ?? false, 'set disableLocalAccounts: true (needs Entra ID integration)');
  }
  if (p.enableRBAC === false || p.aadProfile?.enableAzureRBAC !== true) {
    const at = p.enableRBAC === false ? 'properties.enableRBAC' : 'properties.aadProfile.enableAzureRBAC';
    v.add(Rules.kubernetesRbacOff, at, p.enableRBAC === false ? false : p.aadProfile?.enableAzureRBAC ?? null, 'set enableRBAC: true and aadProfile: { managed: true, enableAzureRBAC: true }');
  }
  pools.forEach((x, i) => {
    if (x.enableNodePublicIP === true) v.add(Rules.nodePublicIp, `${pool(i)}.enableNodePublicIP`, true, 'set enableNodePublicIP: false; reach nodes through the cluster network or a bastion');
  });

  // --- transit encryption and the dataplane
  const plugin = np.networkPlugin;
  const dataplane = np.networkDataplane;
  const policy = networkPolicyEngine(np);
  const podSubnet = pools.some((x) => typeof x.podSubnetID === 'string');
  const wireGuard = String(np.advancedNetworking?.security?.transitEncryption?.type ?? '').toLowerCase() === 'wireguard';
  const windows = pools.map((x, i) => [x, i] as const).filter(([x]) => x.osType === 'Windows');
  if (dataplane === 'cilium') {
    if (!(plugin === 'azure' && (np.networkPluginMode === 'overlay' || podSubnet))) {
      v.add(Rules.ciliumNeedsOverlayOrPodSubnet, 'properties.networkProfile.networkPluginMode', np.networkPluginMode ?? null, 'use networkPlugin "azure" with networkPluginMode "overlay", or pod subnets');
    }
    if (policy !== 'cilium') v.add(Rules.ciliumDataplaneNeedsCiliumPolicy, 'properties.networkProfile.networkPolicy', policy ?? null, 'use networkPolicy "cilium" with the Cilium dataplane');
    windows.forEach(([, i]) => v.add(Rules.ciliumLinuxOnly, `${pool(i)}.osType`, 'Windows', 'run Windows workloads in a cluster on the Azure dataplane'));
  } else if (policy === 'cilium') {
    v.add(Rules.ciliumDataplaneNeedsCiliumPolicy, 'properties.networkProfile.networkPolicy', 'cilium', 'use networkDataplane "cilium", or another network policy');
  }
  if (wireGuard) {
    const at = 'properties.networkProfile.advancedNetworking.security.transitEncryption.type';
    if (plugin !== 'azure') v.add(Rules.acnsNeedsAzurePlugin, 'properties.networkProfile.networkPlugin', plugin ?? null, 'use networkPlugin "azure" (Azure CNI powered by Cilium)');
    if (dataplane !== 'cilium') v.add(Rules.acnsNeedsCilium, 'properties.networkProfile.networkDataplane', dataplane ?? null, 'use networkDataplane "cilium"');
    if (version !== undefined && kubernetesMinorBelow(version, ACNS_MIN_KUBERNETES)) {
      v.add(Rules.acnsKubernetesVersion, 'properties.kubernetesVersion', version, `use Kubernetes ${ACNS_MIN_KUBERNETES.join('.')} or later`);
    }
    pools.forEach((x, i) => {
      if (x.enableFIPS === true) v.add(Rules.wireGuardNotFips, `${pool(i)}.enableFIPS`, true, `use virtual network encryption where FIPS is required (${at} is WireGuard)`);
    });
  }
  const nodeVnet = related.vnetOfSubnet(nodeSubnetIds[0]);
  if (vnetIntegration && nodeVnet?.properties.encryption?.enabled === true) {
    v.add(Rules.vnetEncryptionWithVnetIntegration, 'properties.apiServerAccessProfile.enableVnetIntegration', true, 'turn off virtual network encryption on the cluster network, or API Server VNet Integration', `virtual network ${nodeVnet.name} has encryption enabled`);
  }

  // --- API Server VNet Integration
  const apiSubnetId = access.subnetId;
  if (vnetIntegration && nodeSubnetIds.length > 0 && typeof apiSubnetId !== 'string') {
    v.add(Rules.vnetIntegrationNeedsSubnet, 'properties.apiServerAccessProfile.subnetId', null, 'give the delegated API server subnet of the cluster network');
  }
  const apiSubnet = reference(apiSubnetId);
  if (vnetIntegration && typeof apiSubnetId === 'string' && apiSubnet) {
    const at = 'properties.apiServerAccessProfile.subnetId';
    const key = (ref: { names: readonly string[] }) => ref.names.join('/').toLowerCase();
    const nodeSubnets = pools.map((x) => reference(x.vnetSubnetID)).filter((r): r is NonNullable<typeof r> => r !== undefined);
    if (nodeSubnets.some((r) => key(r) === key(apiSubnet))) {
      v.add(Rules.apiServerSubnetDedicated, at, apiSubnetId, 'use a subnet of its own, delegated to Microsoft.ContainerService/managedClusters');
    }
    if (nodeSubnets.length > 0 && nodeSubnets[0].names[0].toLowerCase() !== apiSubnet.names[0].toLowerCase()) {
      v.add(Rules.apiServerSubnetSameVnet, at, apiSubnetId, 'use a subnet of the node subnet\'s virtual network');
    }
    const found = related.subnet(apiSubnetId);
    if (found) {
      const prefix = cidr(found.subnet.addressPrefix);
      if (prefix && prefix.prefixLength > API_SERVER_SUBNET_MAX_PREFIX) {
        v.add(Rules.apiServerSubnetSize, at, found.subnet.addressPrefix, `use a /${API_SERVER_SUBNET_MAX_PREFIX} or larger subnet`);
      }
      const delegated = ((found.subnet.delegations ?? []) as Json[]).some((d) => isType(d.properties?.serviceName ?? d.serviceName, DELEGATION));
      if (!delegated) v.add(Rules.apiServerSubnetDedicated, at, apiSubnetId, 'delegate the subnet to Microsoft.ContainerService/managedClusters');
    } else {
      undecided.push({ rule: Rules.apiServerSubnetSize, reason: 'the API server subnet\'s size and delegation: the subnet is not among the resources read' });
    }
  }

  // --- address plan
  const pod = cidr(np.podCidr);
  const svc = cidr(np.serviceCidr);
  const spaces = ((nodeVnet?.properties.addressSpace?.addressPrefixes ?? []) as unknown[]).map(cidr).filter((c): c is Ipv4Cidr => c !== undefined);
  for (const space of spaces) {
    if (pod?.overlaps(space)) v.add(Rules.clusterCidrsOverlap, 'properties.networkProfile.podCidr', np.podCidr, `choose a block outside the virtual network (${space})`);
    if (svc?.overlaps(space)) v.add(Rules.clusterCidrsOverlap, 'properties.networkProfile.serviceCidr', np.serviceCidr, `choose a block outside the virtual network (${space})`);
  }
  if (pod && svc?.overlaps(pod)) v.add(Rules.clusterCidrsOverlap, 'properties.networkProfile.serviceCidr', np.serviceCidr, `choose a block outside the pod CIDR (${np.podCidr})`);
  for (const [key, block] of [['podCidr', pod], ['serviceCidr', svc]] as const) {
    const hit = block && RESERVED.find((r) => r.overlaps(block));
    if (hit) v.add(Rules.reservedRanges, `properties.networkProfile.${key}`, block.toString(), `choose a block that does not overlap ${hit}`);
  }
  if (svc && svc.prefixLength < SERVICE_CIDR_MIN_PREFIX) {
    v.add(Rules.serviceCidrSize, 'properties.networkProfile.serviceCidr', np.serviceCidr, `use a /${SERVICE_CIDR_MIN_PREFIX} or smaller block, e.g. a /16`);
  }
  if (svc && typeof np.dnsServiceIP === 'string') {
    const dns = parseIpv4(np.dnsServiceIP);
    if (dns === undefined || !svc.containsAddress(dns) || dns <= svc.network + 1) {
      v.add(Rules.dnsServiceIp, 'properties.networkProfile.dnsServiceIP', np.dnsServiceIP, `choose an address inside ${svc} other than its first two, e.g. the .10 address`);
    }
  }

  // --- egress
  const outbound = np.outboundType;
  if (outbound === 'managedNATGateway' && nodeSubnetIds.length > 0) {
    v.add(Rules.egressManagedNat, 'properties.networkProfile.outboundType', outbound, 'use userAssignedNATGateway with a NAT gateway on the node subnet, or userDefinedRouting');
  }
  if (outbound === 'none') {
    const at = 'properties.networkProfile.outboundType';
    if (version !== undefined && kubernetesMinorBelow(version, NETWORK_ISOLATED_MIN_KUBERNETES)) v.add(Rules.networkIsolatedLimits, 'properties.kubernetesVersion', version, `use Kubernetes ${NETWORK_ISOLATED_MIN_KUBERNETES.join('.')} or later`);
    windows.forEach(([, i]) => v.add(Rules.networkIsolatedLimits, `${pool(i)}.osType`, 'Windows', 'drop the Windows pool: network isolated clusters run Linux pools only'));
    const channel = p.autoUpgradeProfile?.nodeOSUpgradeChannel;
    if (!(NETWORK_ISOLATED_NODE_OS_CHANNELS as readonly string[]).includes(channel)) {
      v.add(Rules.networkIsolatedLimits, 'properties.autoUpgradeProfile.nodeOSUpgradeChannel', channel ?? null, `use ${NETWORK_ISOLATED_NODE_OS_CHANNELS.join(' or ')}`);
    }
    if (!isPrivate && !vnetIntegration) v.add(Rules.networkIsolatedLimits, at, outbound, 'make the API server private, or use API Server VNet Integration');
  }

  // --- KMS
  const kms: Json | undefined = p.securityProfile?.azureKeyVaultKms;
  if (kms?.enabled === true) {
    const at = 'properties.securityProfile.azureKeyVaultKms';
    if (typeof kms.keyId !== 'string' || (!isExpression(kms.keyId) && kmsKeyVaultName(kms.keyId) === undefined)) {
      v.add(Rules.kmsKeyId, `${at}.keyId`, kms.keyId ?? null, 'use the versioned key identifier, https://<vault>.vault.azure.net/keys/<key>/<version>');
    }
    if (kms.keyVaultNetworkAccess === 'Private') {
      if (typeof kms.keyVaultResourceId !== 'string' || !isResourceIdOfType(kms.keyVaultResourceId, 'Microsoft.KeyVault/vaults')) {
        v.add(Rules.kmsPrivateVault, `${at}.keyVaultResourceId`, kms.keyVaultResourceId ?? null, 'give the Microsoft.KeyVault/vaults id of the key\'s vault');
      }
      if (!vnetIntegration) v.add(Rules.kmsPrivateVault, 'properties.apiServerAccessProfile.enableVnetIntegration', false, 'turn on API Server VNet Integration for a private key vault');
    }
    if (!userAssigned) v.add(Rules.kmsIdentity, 'identity.type', cluster.identity?.type ?? null, 'use a user-assigned control plane identity, granted Key Vault Crypto User on the key');
  }

  // --- the AKS Istio add-on
  const mesh: Json | undefined = p.serviceMeshProfile;
  if (mesh?.mode === 'Istio') {
    const revisions: unknown[] = Array.isArray(mesh.istio?.revisions) ? mesh.istio.revisions : [];
    revisions.forEach((r, i) => {
      const at = `properties.serviceMeshProfile.istio.revisions[${i}]`;
      const row = typeof r === 'string' ? aksIstioRevision(r) : undefined;
      const minor = version?.split('.').slice(0, 2).join('.');
      if (!row || (minor !== undefined && !row.compatibleKubernetes.includes(minor))) {
        v.add(Rules.istioAddonRevision, at, r, 'use a revision Microsoft publishes for the cluster\'s Kubernetes version (az aks mesh get-revisions)');
      } else if (isPastEndOfLife(row, revisionClock.now())) {
        v.add(Rules.istioAddonEndOfLife, at, r, 'upgrade to a supported revision (canary upgrade)', `its end of life was ${row.endOfLife}`);
      }
    });
    ((mesh.istio?.components?.ingressGateways ?? []) as Json[]).forEach((g, i) => {
      if (g.mode === 'External' && g.enabled === true) {
        v.add(Rules.istioAddonExternalIngress, `properties.serviceMeshProfile.istio.components.ingressGateways[${i}]`, 'External', 'use the Internal ingress gateway and publish through your own edge');
      }
    });
  }

  // --- the security baseline's warnings
  const addons: Json = p.addonProfiles ?? {};
  const addon = (name: string): Json | undefined => Object.entries(addons).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (addon('omsagent')?.enabled !== true && p.securityProfile?.defender?.securityMonitoring?.enabled !== true) {
    v.add(Rules.baselineMonitoringOff, 'properties.addonProfiles.omsagent', addon('omsagent')?.enabled ?? null, 'enable Container Insights (omsagent) and Defender for Containers with a Log Analytics workspace');
  }
  if (addon('azurepolicy')?.enabled !== true) v.add(Rules.baselineAzurePolicyOff, 'properties.addonProfiles.azurepolicy.enabled', addon('azurepolicy')?.enabled ?? null, 'enable the azurepolicy add-on');
  const csi = addon('azureKeyvaultSecretsProvider');
  if (csi?.enabled !== true || String(csi.config?.enableSecretRotation) !== 'true') {
    v.add(Rules.baselineSecretsRotationOff, 'properties.addonProfiles.azureKeyvaultSecretsProvider', csi?.enabled ?? null, 'enable the azureKeyvaultSecretsProvider add-on with config.enableSecretRotation "true"');
  }
  const upgrade: Json = p.autoUpgradeProfile ?? {};
  if (!upgrade.upgradeChannel || upgrade.upgradeChannel === 'none' || !['NodeImage', 'SecurityPatch'].includes(upgrade.nodeOSUpgradeChannel)) {
    v.add(Rules.baselineAutoUpgradeOff, 'properties.autoUpgradeProfile', upgrade, 'set upgradeChannel "patch" and nodeOSUpgradeChannel "NodeImage" or "SecurityPatch"');
  }
  pools.forEach((x, i) => {
    if (x.enableEncryptionAtHost !== true) v.add(Rules.baselineHostEncryptionOff, `${pool(i)}.enableEncryptionAtHost`, x.enableEncryptionAtHost ?? false, 'set enableEncryptionAtHost: true');
  });
  pools.forEach((x, i) => {
    if (x.mode === 'System' && !(x.nodeTaints ?? []).includes('CriticalAddonsOnly=true:NoSchedule')) {
      v.add(Rules.baselineSystemPoolShared, `${pool(i)}.nodeTaints`, x.nodeTaints ?? [], 'taint the system pool CriticalAddonsOnly=true:NoSchedule and run workloads on user pools');
    }
  });
  if (!['Standard', 'Premium'].includes(cluster.sku?.tier as string)) v.add(Rules.baselineFreeTier, 'sku.tier', cluster.sku?.tier ?? 'Free', 'use the Standard or Premium tier');
  if (!policy || policy === 'none') v.add(Rules.baselineNoNetworkPolicy, 'properties.networkProfile.networkPolicy', policy ?? null, 'use networkPolicy "cilium", "calico" or "azure"');
  const sshKeys = ((p.linuxProfile?.ssh?.publicKeys ?? []) as unknown[]).length > 0;
  pools.forEach((x, i) => {
    const ssh = x.securityProfile?.sshAccess;
    if (ssh !== 'Disabled' && ssh !== 'EntraId' && (x.osType ?? 'Linux') === 'Linux') {
      v.add(Rules.baselineNodeSsh, `${pool(i)}.securityProfile.sshAccess`, ssh ?? 'LocalUser', 'set securityProfile.sshAccess "Disabled" on the pool', sshKeys ? 'properties.linuxProfile.ssh holds public keys' : undefined);
    }
  });
  const cleaner: Json | undefined = p.securityProfile?.imageCleaner;
  if (cleaner?.enabled !== true) v.add(Rules.baselineImageCleanerOff, 'properties.securityProfile.imageCleaner.enabled', cleaner?.enabled ?? null, 'enable Image Cleaner');
  else if (typeof cleaner.intervalHours === 'number' && (cleaner.intervalHours < IMAGE_CLEANER_INTERVAL_HOURS.min || cleaner.intervalHours > IMAGE_CLEANER_INTERVAL_HOURS.max)) {
    v.add(Rules.imageCleanerInterval, 'properties.securityProfile.imageCleaner.intervalHours', cleaner.intervalHours, `use ${IMAGE_CLEANER_INTERVAL_HOURS.min} to ${IMAGE_CLEANER_INTERVAL_HOURS.max} hours`);
  }
  if (p.oidcIssuerProfile?.enabled !== true || p.securityProfile?.workloadIdentity?.enabled !== true) {
    v.add(Rules.baselineWorkloadIdentityOff, 'properties.securityProfile.workloadIdentity.enabled', p.securityProfile?.workloadIdentity?.enabled ?? null, 'enable oidcIssuerProfile and securityProfile.workloadIdentity');
  }
  if (kms?.enabled !== true) v.add(Rules.kmsOff, 'properties.securityProfile.azureKeyVaultKms.enabled', kms?.enabled ?? null, 'enable KMS with a versioned Key Vault key you own');

  // --- the resources deployed with it: audit logs and locks
  const onCluster = (r: AuditedResource) => related.byId(r.scope) === cluster || (cluster.id !== undefined && String(r.scope ?? '').toLowerCase() === cluster.id.toLowerCase());
  const settings = related.ofType('Microsoft.Insights/diagnosticSettings').filter(onCluster);
  settings.forEach((s) => {
    const logs = (s.properties.logs ?? []) as Json[];
    if (logs.some((l) => l.enabled === true) && !s.properties.workspaceId && !s.properties.storageAccountId && !s.properties.eventHubAuthorizationRuleId) {
      v.add(Rules.auditLogsDestination, `diagnostic setting ${s.name}`, null, 'send the logs to a Log Analytics workspace, a storage account or an Event Hub');
    }
  });
  const audited = settings.some((s) => ((s.properties.logs ?? []) as Json[]).some((l) => l.enabled === true && ['kube-audit-admin', 'kube-audit'].includes(l.category)));
  const locked = related.ofType('Microsoft.Authorization/locks').some((l) => l.properties.level === 'CanNotDelete' && onCluster(l));
  if (options.wholeDeployment) {
    if (!audited) v.add(Rules.baselineAuditLogsOff, 'diagnostic settings', null, 'add a diagnostic setting on the cluster with kube-audit-admin and guard');
    if (!locked) v.add(Rules.baselineDeleteLocksOff, 'locks', null, 'add a CanNotDelete lock on the cluster');
  } else {
    if (!audited) undecided.push({ rule: Rules.baselineAuditLogsOff, reason: 'no diagnostic setting of the cluster is among the resources read (it is a separate resource)' });
    if (!locked) undecided.push({ rule: Rules.baselineDeleteLocksOff, reason: 'no lock on the cluster is among the resources read (it is a separate resource)' });
  }
  return { violations: v, undecided };
}

/** The rules {@link checkClusterPayload} decides: the "audit" and "policy pack" columns of the rules table. */
export const PAYLOAD_RULE_IDS: ReadonlySet<string> = new Set(
  [
    Rules.clusterName, Rules.location, Rules.unknownRegion, Rules.kubernetesVersion, Rules.nodePool,
    Rules.authorizedRangesWithPrivateCluster, Rules.publicWithoutRanges, Rules.authorizedRangesLimit, Rules.cidrMalformed, Rules.cidrHostBits,
    Rules.privateDnsNoneNeedsPublicFqdn, Rules.privateDnsZoneId, Rules.ownZoneName, Rules.ownZoneSubzoneLength, Rules.ownZoneNeedsUserAssignedIdentity,
    Rules.fqdnSubdomainNeedsOwnZone, Rules.fqdnSubdomainExcludesDnsPrefix, Rules.dnsLabel, Rules.privateClusterWithoutWayIn,
    Rules.servicePrincipalIdentity, Rules.localAccountsEnabled, Rules.kubernetesRbacOff, Rules.nodePublicIp,
    Rules.ciliumNeedsOverlayOrPodSubnet, Rules.ciliumDataplaneNeedsCiliumPolicy, Rules.ciliumLinuxOnly, Rules.acnsNeedsAzurePlugin, Rules.acnsNeedsCilium,
    Rules.acnsKubernetesVersion, Rules.wireGuardNotFips, Rules.vnetEncryptionWithVnetIntegration,
    Rules.vnetIntegrationNeedsSubnet, Rules.apiServerSubnetDedicated, Rules.apiServerSubnetSameVnet, Rules.apiServerSubnetSize,
    Rules.clusterCidrsOverlap, Rules.reservedRanges, Rules.serviceCidrSize, Rules.dnsServiceIp,
    Rules.egressManagedNat, Rules.networkIsolatedLimits, Rules.kmsKeyId, Rules.kmsPrivateVault, Rules.kmsIdentity,
    Rules.istioAddonRevision, Rules.istioAddonEndOfLife, Rules.istioAddonExternalIngress,
    Rules.baselineMonitoringOff, Rules.baselineAzurePolicyOff, Rules.baselineSecretsRotationOff, Rules.baselineAutoUpgradeOff, Rules.baselineHostEncryptionOff,
    Rules.baselineSystemPoolShared, Rules.baselineFreeTier, Rules.baselineNoNetworkPolicy, Rules.baselineNodeSsh, Rules.baselineImageCleanerOff,
    Rules.imageCleanerInterval, Rules.baselineWorkloadIdentityOff, Rules.kmsOff, Rules.auditLogsDestination, Rules.baselineAuditLogsOff, Rules.baselineDeleteLocksOff,
  ].map((r) => r.id),
);

/** Rules only a payload can break: a definition of this library never writes what they forbid. */
export const PAYLOAD_ONLY_RULE_IDS: ReadonlySet<string> = new Set(
  [Rules.servicePrincipalIdentity, Rules.localAccountsEnabled, Rules.kubernetesRbacOff, Rules.nodePublicIp].map((r) => r.id),
);
