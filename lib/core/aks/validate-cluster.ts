import { isResourceIdOfType, parseResourceId } from '../arm/resource-id';
import { Ipv4Cidr, parseIpv4 } from '../net/ipv4-cidr';
import { checkInput } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import {
  AKS_RESERVED_RANGES,
  IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS,
  IMAGE_CLEANER_INTERVAL_HOURS,
  API_SERVER_SUBNET_MAX_PREFIX,
  AZURE_SUBNET_RESERVED_ADDRESSES,
  MAX_PODS_PER_NODE,
  nodesWithSurge,
  POD_CIDR_PREFIX_PER_NODE,
  SERVICE_CIDR_MIN_PREFIX,
} from './aks-limits';
import { AZURE_REGIONS, nearestRegion } from './azure-regions';
import { AccessVocabulary, authorizedRangeFindings } from './authorized-ranges';
import { SUBZONE, zoneNameProblem } from './private-dns-zone-name';
import { HARDENED_CLUSTER_PROPS, HardenedClusterProps } from './hardened-cluster-props';
import { allNodePools, resolveClusterConfig, ResolvedClusterConfig } from './resolved-cluster-config';
import { validateEgress } from './validate-egress';
import { validateFederatedIdentities } from './validate-federated-identities';
import { validateIstioAddon } from './validate-istio-addon';
import { validateKms } from './validate-kms';
import { validateTransitEncryption } from './validate-transit-encryption';
import { CLUSTER_NAME, DNS_LABEL_54, GUID, isNodePoolName, KUBERNETES_VERSION, LOCATION_NAME } from './validation-helpers';

const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';
const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
const ZONE_TYPE = 'Microsoft.Network/privateDnsZones';
const IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';


/**
 * Checks every documented rule on a cluster definition and returns all
 * violations found (errors and warnings); nothing is thrown. The input is
 * checked against its schema first (it may come from JSON or YAML): the rules
 * run on what is well typed, so every problem is listed in one run.
 */
export function validateHardenedCluster(input: HardenedClusterProps): ViolationCollector {
  const v = new ViolationCollector();
  const checked = checkInput(HARDENED_CLUSTER_PROPS, input);
  v.addAll(checked.violations);
  if (checked.value === undefined) return v;
  const props = checked.value;
  const c = resolveClusterConfig(props);
  validateNames(c, v);
  validateApiServerAccess(c, v);
  validateDns(c, v, props.dnsPrefix === undefined);
  validateNetwork(c, v);
  validateIdentity(c, v);
  validateTransitEncryption(c, v);
  validateEgress(c, v);
  validateKms(c, v);
  validateFederatedIdentities(c, v);
  validateIstioAddon(c, v);
  validateBaseline(c, v);
  v.acknowledge(props.acknowledgements ?? []);
  return v;
}

const INTENT_ACCESS_VOCABULARY: AccessVocabulary = {
  makePrivate: 'use ApiServerAccess.private()',
  makePublic: 'use ApiServerAccess.public({ authorizedIpRanges })',
};

const VM_SIZE = /^Standard_[A-Za-z0-9_-]{1,64}$/;

function validateNames(c: ResolvedClusterConfig, v: ViolationCollector): void {
  if (!LOCATION_NAME.test(c.location)) {
    v.add(Rules.location, 'location', c.location, 'use the region name, e.g. "westeurope"');
  } else if (!AZURE_REGIONS.includes(c.location)) {
    v.add(Rules.unknownRegion, 'location', c.location, `check the name: the nearest known region is "${nearestRegion(c.location)}"`);
  }
  for (const [key, value] of Object.entries(c.tags)) {
    if (key.length === 0 || key.length > 512 || /[<>%&\\?/]/.test(key)) {
      v.add(Rules.tags, `tags[${JSON.stringify(key)}]`, key, 'rename the tag: 1 to 512 characters without < > % & \\ ? /');
    }
    if (value.length > 256) {
      v.add(Rules.tags, `tags[${JSON.stringify(key)}]`, value, 'use a value of at most 256 characters');
    }
  }
  if (!CLUSTER_NAME.test(c.name)) {
    v.add(Rules.clusterName, 'name', c.name, 'use 1-63 letters, digits, "_" or "-", starting and ending with a letter or digit');
  }
  const seen = new Set<string>();
  allNodePools(c).forEach((pool, i) => {
    const at = pool.mode === 'System' ? 'systemPool' : `userNodePools[${i - 1}]`;
    const max = pool.osType === 'Windows' ? 6 : 12;
    if (!isNodePoolName(pool.name, pool.osType)) {
      v.add(Rules.nodePool, `${at}.name`, pool.name, `use 1-${max} lowercase letters and digits, starting with a letter`);
    } else if (seen.has(pool.name)) {
      v.add(Rules.nodePool, `${at}.name`, pool.name, 'give every node pool its own name');
    }
    seen.add(pool.name);
    if (!Number.isInteger(pool.count) || pool.count < 1) {
      v.add(Rules.nodePool, `${at}.count`, pool.count, 'set a whole number of nodes, at least 1 (3 across zones for production)');
    }
    if (!VM_SIZE.test(pool.vmSize)) v.add(Rules.choice, `${at}.vmSize`, pool.vmSize, 'use an Azure VM size name, e.g. "Standard_D4ds_v5"');
    pool.availabilityZones.forEach((z, j) => {
      if (!['1', '2', '3'].includes(z)) v.add(Rules.nodePool, `${at}.availabilityZones[${j}]`, z, 'use zones "1", "2" and "3"');
    });
  });
  if (c.kubernetesVersion !== undefined && !KUBERNETES_VERSION.test(c.kubernetesVersion)) {
    v.add(Rules.kubernetesVersion, 'kubernetesVersion', c.kubernetesVersion, 'write the version as "1.33" or "1.33.2"');
  }
  c.adminGroupObjectIds.forEach((g, i) => {
    if (!GUID.test(g)) v.add(Rules.principalId, `adminGroupObjectIds[${i}]`, g, 'use the group\'s object id from Entra ID');
  });
}

function validateApiServerAccess(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const a = c.apiServerAccess;
  const ranges = a.authorizedIpRanges;

  for (const f of authorizedRangeFindings(ranges, { isPrivate: a.isPrivate, vnetIntegration: a.vnetIntegration, unrestrictedOptIn: a.mode === 'unrestricted' }, INTENT_ACCESS_VOCABULARY)) {
    v.add(f.rule, f.index === undefined ? 'apiServerAccess.authorizedIpRanges' : `apiServerAccess.authorizedIpRanges[${f.index}]`, f.value, f.fix, f.detail);
  }
  if (a.mode === 'unrestricted') {
    v.add(
      Rules.publicUnrestricted,
      'apiServerAccess',
      'unrestrictedPublic',
      'use ApiServerAccess.private() or ApiServerAccess.public({ authorizedIpRanges })',
    );
  }

  if (!a.disableRunCommand) {
    // nothing to check: run command stays on, optionally with granted principals
  } else if (a.runCommandPrincipals.length > 0) {
    v.add(
      Rules.runCommandPrincipalsNeedRunCommand,
      'apiServerAccess.runCommandPrincipals',
      a.runCommandPrincipals.map((p) => p.principalId),
      'set disableRunCommand: false to keep run command, or remove the principals',
    );
  }
  a.runCommandPrincipals.forEach((p, i) => {
    if (!GUID.test(p.principalId)) {
      v.add(Rules.principalId, `apiServerAccess.runCommandPrincipals[${i}].principalId`, p.principalId, 'use the principal\'s object id from Entra ID');
    }
  });

  if (
    a.isPrivate &&
    a.disableRunCommand &&
    !a.publicFqdn &&
    (a.dnsZone?.linkedVnetIds.length ?? 0) === 0
  ) {
    v.add(
      Rules.privateClusterWithoutWayIn,
      'apiServerAccess',
      { disableRunCommand: true, publicFqdn: false, linkedVnetIds: [] },
      'make sure a jump host, Bastion, self-hosted agent or VPN lands in the cluster network; or link hub networks with PrivateDnsZone.create({ linkedVnetIds }); or keep run command with runCommandPrincipals',
    );
  }
}

function validateDns(c: ResolvedClusterConfig, v: ViolationCollector, dnsPrefixDefaulted: boolean): void {
  const a = c.apiServerAccess;
  const zone = a.dnsZone;

  if (a.isPrivate && zone?.kind === 'none' && !a.publicFqdn) {
    v.add(
      Rules.privateDnsNoneNeedsPublicFqdn,
      'apiServerAccess.publicFqdn',
      false,
      'set publicFqdn: true, or use PrivateDnsZone.system() or an own zone',
      'privateDNSZone is "none"',
    );
  }

  if (zone?.kind === 'created' && zone.subzone !== undefined) {
    if (zone.subzone.length > 32) {
      v.add(Rules.ownZoneSubzoneLength, 'apiServerAccess.dnsZone.subzone', zone.subzone, 'shorten the subzone to at most 32 characters', `it has ${zone.subzone.length}`);
    } else if (!SUBZONE.test(zone.subzone)) {
      v.add(Rules.ownZoneName, 'apiServerAccess.dnsZone.subzone', zone.subzone, 'use letters, digits and hyphens, starting and ending with a letter or digit');
    }
  }
  if (zone?.kind === 'existing') {
    const parsed = zone.zoneId ? parseResourceId(zone.zoneId) : undefined;
    if (!parsed || parsed.type.toLowerCase() !== ZONE_TYPE.toLowerCase()) {
      v.add(Rules.privateDnsZoneId, 'apiServerAccess.dnsZone', zone.zoneId, 'pass /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone>');
    } else {
      const zoneName = parsed.names[0];
      const problem = zoneNameProblem(zoneName, c.location, a.vnetIntegration);
      if (problem) v.add(problem.rule, 'apiServerAccess.dnsZone', zoneName, problem.fix, problem.detail);
    }
  }
  zone?.linkedVnetIds.forEach((id, i) => {
    if (!isResourceIdOfType(id, VNET_TYPE)) {
      v.add(Rules.resourceId, `apiServerAccess.dnsZone.linkedVnetIds[${i}]`, id, 'pass a Microsoft.Network/virtualNetworks resource id');
    }
  });

  if (zone?.isOwnZone && !c.identity.isUserAssigned) {
    v.add(
      Rules.ownZoneNeedsUserAssignedIdentity,
      'identity',
      'systemAssigned',
      'use ClusterIdentity.create() or ClusterIdentity.fromUserAssigned(...)',
    );
  }

  if (c.fqdnSubdomain !== undefined) {
    if (!(a.isPrivate && zone?.isOwnZone)) {
      v.add(
        Rules.fqdnSubdomainNeedsOwnZone,
        'fqdnSubdomain',
        c.fqdnSubdomain,
        'use dnsPrefix instead, or a private API server with PrivateDnsZone.create() or PrivateDnsZone.fromZoneId()',
      );
    }
    if (!DNS_LABEL_54.test(c.fqdnSubdomain)) {
      v.add(Rules.dnsLabel, 'fqdnSubdomain', c.fqdnSubdomain, 'use 1-54 letters, digits and hyphens, starting and ending with a letter or digit');
    }
  }
  if (c.fqdnSubdomain !== undefined && c.dnsPrefix !== undefined) {
    v.add(Rules.fqdnSubdomainExcludesDnsPrefix, 'dnsPrefix', c.dnsPrefix, 'remove dnsPrefix; fqdnSubdomain takes its place');
  }
  if (c.dnsPrefix !== undefined && !DNS_LABEL_54.test(c.dnsPrefix)) {
    v.add(
      Rules.dnsLabel,
      'dnsPrefix',
      c.dnsPrefix,
      dnsPrefixDefaulted
        ? 'set dnsPrefix explicitly: 1-54 letters, digits and hyphens, starting and ending with a letter or digit'
        : 'use 1-54 letters, digits and hyphens, starting and ending with a letter or digit',
      dnsPrefixDefaulted ? 'dnsPrefix defaults to the cluster name' : undefined,
    );
  }
}

function validateNetwork(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const n = c.network;
  const vnetIntegration = c.apiServerAccess.vnetIntegration;
  const spaces: Ipv4Cidr[] = [];
  let nodeSubnet: Ipv4Cidr | undefined;
  let podSubnet: Ipv4Cidr | undefined;

  const cidr = (property: string, text: string): Ipv4Cidr | undefined => {
    const parsed = Ipv4Cidr.parse(text);
    if (!(parsed instanceof Ipv4Cidr)) {
      v.add(Rules.cidrMalformed, property, text, 'write the block as a.b.c.d/n', parsed.error);
      return undefined;
    }
    if (parsed.hasHostBits) {
      v.add(Rules.cidrHostBits, property, text, `use "${parsed.canonical}"`);
      return undefined;
    }
    return parsed;
  };

  if (n.kind === 'created') {
    n.addressSpace.forEach((s, i) => {
      const p = cidr(`network.addressSpace[${i}]`, s);
      if (p) spaces.push(p);
    });
    const subnets: Array<[string, Ipv4Cidr]> = [];
    const nodes = cidr('network.nodeSubnetPrefix', n.nodeSubnetPrefix!);
    if (nodes) subnets.push(['network.nodeSubnetPrefix', nodes]);
    nodeSubnet = nodes;
    if (n.podSubnetPrefix !== undefined) {
      const pods = cidr('network.podSubnetPrefix', n.podSubnetPrefix);
      if (pods) subnets.push(['network.podSubnetPrefix', pods]);
      podSubnet = pods;
    }
    if (vnetIntegration) {
      const api = cidr('network.apiServerSubnetPrefix', n.apiServerSubnetPrefix!);
      if (api) {
        subnets.push(['network.apiServerSubnetPrefix', api]);
        if (api.prefixLength > API_SERVER_SUBNET_MAX_PREFIX) {
          v.add(Rules.apiServerSubnetSize, 'network.apiServerSubnetPrefix', n.apiServerSubnetPrefix, 'use a /28 or larger block', `a /${api.prefixLength} has ${api.size} addresses`);
        }
      }
    }
    if (spaces.length === n.addressSpace.length) {
      for (const [property, s] of subnets) {
        if (!spaces.some((space) => space.contains(s))) {
          v.add(Rules.subnetInsideVnet, property, s.toString(), `choose a block inside ${n.addressSpace.join(', ')}`);
        }
      }
    }
    for (let i = 0; i < subnets.length; i++) {
      for (let j = i + 1; j < subnets.length; j++) {
        if (subnets[i][1].overlaps(subnets[j][1])) {
          v.add(Rules.subnetsOverlap, subnets[j][0], subnets[j][1].toString(), `choose a block that does not overlap ${subnets[i][0]} (${subnets[i][1]})`);
        }
      }
    }
  } else {
    if (n.podSubnetId !== undefined && !isResourceIdOfType(n.podSubnetId, SUBNET_TYPE)) {
      v.add(Rules.resourceId, 'network.podSubnetId', n.podSubnetId, 'pass a Microsoft.Network/virtualNetworks/subnets resource id');
    }
    const nodes = parseResourceId(n.nodeSubnetId ?? '');
    if (!nodes || nodes.type.toLowerCase() !== SUBNET_TYPE.toLowerCase()) {
      v.add(Rules.resourceId, 'network.nodeSubnetId', n.nodeSubnetId, 'pass a Microsoft.Network/virtualNetworks/subnets resource id');
    }
    if (n.apiServerSubnetId !== undefined) {
      const api = parseResourceId(n.apiServerSubnetId);
      if (!api || api.type.toLowerCase() !== SUBNET_TYPE.toLowerCase()) {
        v.add(Rules.resourceId, 'network.apiServerSubnetId', n.apiServerSubnetId, 'pass a Microsoft.Network/virtualNetworks/subnets resource id');
      } else if (nodes && nodes.type.toLowerCase() === SUBNET_TYPE.toLowerCase()) {
        const vnetOf = (id: string): string => id.toLowerCase().replace(/\/subnets\/[^/]+$/, '');
        if (n.apiServerSubnetId.toLowerCase() === n.nodeSubnetId!.toLowerCase()) {
          v.add(Rules.apiServerSubnetDedicated, 'network.apiServerSubnetId', n.apiServerSubnetId, 'use a separate subnet, delegated to Microsoft.ContainerService/managedClusters, for the API server');
        } else if (vnetOf(n.apiServerSubnetId) !== vnetOf(n.nodeSubnetId!)) {
          v.add(Rules.apiServerSubnetSameVnet, 'network.apiServerSubnetId', n.apiServerSubnetId, `use a subnet of the node subnet's network (${vnetOf(n.nodeSubnetId!)})`);
        }
      }
    } else if (vnetIntegration) {
      v.add(
        Rules.vnetIntegrationNeedsSubnet,
        'network.apiServerSubnetId',
        undefined,
        'pass the id of a dedicated /28 (or larger) subnet delegated to Microsoft.ContainerService/managedClusters, or turn off vnetIntegration',
      );
    }
  }

  const podNetworking = c.podNetworking;
  if (podNetworking.mode === 'podSubnet' && !n.hasPodSubnet) {
    v.add(Rules.podSubnet, 'podNetworking', 'azureCniPodSubnet', 'add ClusterNetwork.create({ podSubnetPrefix }) or ClusterNetwork.fromSubnetIds({ podSubnetId })');
  }
  if (podNetworking.mode !== 'podSubnet' && n.hasPodSubnet) {
    v.add(Rules.podSubnet, n.kind === 'created' ? 'network.podSubnetPrefix' : 'network.podSubnetId', n.podSubnetPrefix ?? n.podSubnetId, 'remove the pod subnet, or use PodNetworking.azureCniPodSubnet()');
  }
  const podCidrText = podNetworking.podCidr;
  const pod = podCidrText !== undefined ? cidr('podNetworking.podCidr', podCidrText) : undefined;
  const svc = cidr('serviceCidr', c.serviceCidr);
  for (const space of spaces) {
    if (pod?.overlaps(space)) v.add(Rules.clusterCidrsOverlap, 'podNetworking.podCidr', podCidrText, `choose a block outside the virtual network (${space})`);
    if (svc?.overlaps(space)) v.add(Rules.clusterCidrsOverlap, 'serviceCidr', c.serviceCidr, `choose a block outside the virtual network (${space})`);
  }
  if (pod && svc?.overlaps(pod)) {
    v.add(Rules.clusterCidrsOverlap, 'serviceCidr', c.serviceCidr, `choose a block outside the pod CIDR (${podCidrText})`);
  }
  validateAddressPlan(c, v, { spaces, pod, svc, nodeSubnet, podSubnet });
  const dns = parseIpv4(c.dnsServiceIp);
  if (dns === undefined) {
    v.add(Rules.dnsServiceIp, 'dnsServiceIp', c.dnsServiceIp, 'write an IPv4 address inside serviceCidr, e.g. x.x.x.10');
  } else if (svc && (!svc.containsAddress(dns) || dns <= svc.network + 1)) {
    v.add(
      Rules.dnsServiceIp,
      'dnsServiceIp',
      c.dnsServiceIp,
      `choose an address inside ${svc} other than its first two (the network address and the kubernetes service), e.g. the .10 address`,
    );
  }
}

/**
 * IP address planning: the reserved ranges, the size of the service CIDR, and
 * whether the pod CIDR and the subnets hold every node, upgrade surge included.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 */
function validateAddressPlan(
  c: ResolvedClusterConfig,
  v: ViolationCollector,
  b: { spaces: readonly Ipv4Cidr[]; pod?: Ipv4Cidr; svc?: Ipv4Cidr; nodeSubnet?: Ipv4Cidr; podSubnet?: Ipv4Cidr },
): void {
  const reserved = AKS_RESERVED_RANGES.map((r) => Ipv4Cidr.of(r));
  const avoidReserved = (property: string, block: Ipv4Cidr | undefined) => {
    const hit = block && reserved.find((r) => r.overlaps(block));
    if (hit) v.add(Rules.reservedRanges, property, block.toString(), `choose a block that does not overlap ${hit}`);
  };
  b.spaces.forEach((s, i) => avoidReserved(`network.addressSpace[${i}]`, s));
  avoidReserved('podNetworking.podCidr', b.pod);
  avoidReserved('serviceCidr', b.svc);
  if (b.svc && b.svc.prefixLength < SERVICE_CIDR_MIN_PREFIX) {
    v.add(Rules.serviceCidrSize, 'serviceCidr', c.serviceCidr, `use a /${SERVICE_CIDR_MIN_PREFIX} or smaller block, e.g. a /16`, `a /${b.svc.prefixLength} has ${b.svc.size} addresses`);
  }

  const pools = allNodePools(c).filter((p) => Number.isInteger(p.count) && p.count > 0);
  const nodes = pools.reduce((n, p) => n + nodesWithSurge(p.count), 0);
  const prefixFor = (count: number, per: number) => Math.max(0, per - Math.ceil(Math.log2(Math.max(1, count))));
  const mode = c.podNetworking.mode;
  if (b.pod && (mode === 'overlay' || mode === 'kubenet')) {
    const capacity = b.pod.prefixLength > POD_CIDR_PREFIX_PER_NODE ? 0 : 2 ** (POD_CIDR_PREFIX_PER_NODE - b.pod.prefixLength);
    if (nodes > capacity) {
      v.add(Rules.podCidrCapacity, 'podNetworking.podCidr', c.podNetworking.podCidr, `use a /${prefixFor(nodes, POD_CIDR_PREFIX_PER_NODE)} or larger block`, `${nodes} nodes with the upgrade surge need ${nodes} /${POD_CIDR_PREFIX_PER_NODE} blocks; a /${b.pod.prefixLength} has ${capacity}`);
    }
  }
  const perNode = mode === 'nodeSubnet' ? MAX_PODS_PER_NODE + 1 : 1;
  const fits = (subnet: Ipv4Cidr, need: number) => need <= subnet.size - AZURE_SUBNET_RESERVED_ADDRESSES;
  if (b.nodeSubnet && !fits(b.nodeSubnet, nodes * perNode)) {
    v.add(Rules.nodeSubnetCapacity, 'network.nodeSubnetPrefix', b.nodeSubnet.toString(), `use a /${prefixFor(nodes * perNode + AZURE_SUBNET_RESERVED_ADDRESSES, 32)} or larger subnet, or fewer nodes`, `${nodes} nodes with the upgrade surge need ${nodes * perNode} addresses; the subnet has ${b.nodeSubnet.size - AZURE_SUBNET_RESERVED_ADDRESSES} usable`);
  }
  if (b.podSubnet && mode === 'podSubnet' && !fits(b.podSubnet, nodes * MAX_PODS_PER_NODE)) {
    v.add(Rules.nodeSubnetCapacity, 'network.podSubnetPrefix', b.podSubnet.toString(), `use a /${prefixFor(nodes * MAX_PODS_PER_NODE + AZURE_SUBNET_RESERVED_ADDRESSES, 32)} or larger subnet`, `${nodes} nodes of ${MAX_PODS_PER_NODE} pods need ${nodes * MAX_PODS_PER_NODE} addresses; the subnet has ${b.podSubnet.size - AZURE_SUBNET_RESERVED_ADDRESSES} usable`);
  }
}

/** Whether the blocks together cover 0.0.0.0 to 255.255.255.255. */
/** Every weaker-than-baseline choice is visible: a warning each (docs/security-baseline.md). */
function validateBaseline(c: ResolvedClusterConfig, v: ViolationCollector): void {
  if (c.monitoring.kind === 'none') v.add(Rules.baselineMonitoringOff, 'monitoring', 'none', 'use ClusterMonitoring.createWorkspace() or fromWorkspaceId()');
  if (c.monitoring.kind === 'existing' && !isResourceIdOfType(c.monitoring.workspaceId ?? '', 'Microsoft.OperationalInsights/workspaces')) {
    v.add(Rules.resourceId, 'monitoring', c.monitoring.workspaceId, 'pass a Microsoft.OperationalInsights/workspaces resource id');
  }
  if (c.diskEncryptionSetId !== undefined && !isResourceIdOfType(c.diskEncryptionSetId, 'Microsoft.Compute/diskEncryptionSets')) {
    v.add(Rules.resourceId, 'diskEncryptionSetId', c.diskEncryptionSetId, 'pass a Microsoft.Compute/diskEncryptionSets resource id');
  }
  if (!c.azurePolicy) v.add(Rules.baselineAzurePolicyOff, 'azurePolicy', false, 'set azurePolicy: true');
  if (!c.keyVaultSecretsProvider) v.add(Rules.baselineSecretsRotationOff, 'keyVaultSecretsProvider', false, 'set keyVaultSecretsProvider: true');
  if (c.autoUpgrade.upgradeChannel === 'none' || c.autoUpgrade.nodeOSUpgradeChannel === 'None' || c.autoUpgrade.nodeOSUpgradeChannel === 'Unmanaged') {
    v.add(Rules.baselineAutoUpgradeOff, 'autoUpgrade', c.autoUpgrade, 'use upgradeChannel "patch" and nodeOSUpgradeChannel "NodeImage" or "SecurityPatch"');
  }
  if (!c.encryptionAtHost) v.add(Rules.baselineHostEncryptionOff, 'encryptionAtHost', false, 'set encryptionAtHost: true (register Microsoft.Compute/EncryptionAtHost first)');
  if (c.systemPool.nodeTaints.length === 0) v.add(Rules.baselineSystemPoolShared, 'systemPool.onlyCriticalAddons', false, 'set onlyCriticalAddons: true and run workloads on user pools');
  if (c.tier === 'Free') v.add(Rules.baselineFreeTier, 'tier', 'Free', 'use tier "Standard" for production');
  if (!c.auditLogs.enabled) {
    v.add(Rules.baselineAuditLogsOff, 'auditLogs.enabled', false, 'leave the control-plane audit logs on');
  } else if (c.monitoring.kind === 'none' && c.auditLogs.storageAccountId === undefined && c.auditLogs.eventHub === undefined) {
    v.add(Rules.auditLogsDestination, 'auditLogs', 'no destination', 'keep a Log Analytics workspace (ClusterMonitoring.createWorkspace() or fromWorkspaceId()), or give auditLogs.storageAccountId or auditLogs.eventHub');
  }
  if (c.auditLogs.storageAccountId !== undefined && !isResourceIdOfType(c.auditLogs.storageAccountId, 'Microsoft.Storage/storageAccounts')) {
    v.add(Rules.resourceId, 'auditLogs.storageAccountId', c.auditLogs.storageAccountId, 'pass a Microsoft.Storage/storageAccounts resource id');
  }
  const hub = c.auditLogs.eventHub;
  if (hub !== undefined && !isResourceIdOfType(hub.authorizationRuleId, 'Microsoft.EventHub/namespaces/authorizationRules')) {
    v.add(Rules.resourceId, 'auditLogs.eventHub.authorizationRuleId', hub.authorizationRuleId, 'pass the namespace\'s Microsoft.EventHub/namespaces/authorizationRules resource id (e.g. RootManageSharedAccessKey)');
  }
  if (hub?.name !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,255}$/.test(hub.name)) {
    v.add(Rules.resourceId, 'auditLogs.eventHub.name', hub.name, 'use the Event Hub\'s name: letters, digits, ".", "_" and "-", starting with a letter or digit');
  }
  if (c.nodeSshAccess === 'LocalUser') v.add(Rules.baselineNodeSsh, 'nodeSshAccess', 'LocalUser', 'use nodeSshAccess "Disabled", or "EntraId" where engineers need a shell on nodes');
  if (!c.imageCleaner.enabled) v.add(Rules.baselineImageCleanerOff, 'imageCleaner.enabled', false, 'leave Image Cleaner on');
  const interval = c.imageCleaner.intervalHours;
  if (!Number.isInteger(interval) || interval < IMAGE_CLEANER_INTERVAL_HOURS.min || interval > IMAGE_CLEANER_INTERVAL_HOURS.max) {
    v.add(Rules.imageCleanerInterval, 'imageCleaner.intervalHours', interval, `use a whole number of hours from ${IMAGE_CLEANER_INTERVAL_HOURS.min} to ${IMAGE_CLEANER_INTERVAL_HOURS.max}, e.g. ${IMAGE_CLEANER_DEFAULT_INTERVAL_HOURS} (a week)`);
  }
  if (!c.workloadIdentity) v.add(Rules.baselineWorkloadIdentityOff, 'workloadIdentity', false, 'leave workloadIdentity on, and federate identities with service accounts instead of storing secrets');
  if (!c.deleteLocks) v.add(Rules.baselineDeleteLocksOff, 'deleteLocks', false, 'leave deleteLocks on; remove a lock deliberately (it is one call) when a resource must go');
  if (c.networkPolicy === 'none') v.add(Rules.baselineNoNetworkPolicy, 'networkPolicy', 'none', 'use the network policy of the dataplane (cilium, calico or azure)');
}

function validateIdentity(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const id = c.identity;
  if (id.kind !== 'existing') return;
  if (!isResourceIdOfType(id.resourceId ?? '', IDENTITY_TYPE)) {
    v.add(Rules.resourceId, 'identity.resourceId', id.resourceId, 'pass a Microsoft.ManagedIdentity/userAssignedIdentities resource id');
  }
  if (!GUID.test(id.principalId ?? '')) {
    v.add(Rules.principalId, 'identity.principalId', id.principalId, 'pass the identity\'s principal (object) id');
  }
}
