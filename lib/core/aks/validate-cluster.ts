import { isResourceIdOfType } from '../arm/resource-id';
import { Ipv4Cidr } from '../net/ipv4-cidr';
import { evaluateClusterRules } from '../rules/evaluate-cluster-rules';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { checkInput } from '../validation/input-boundary';
import { evaluationDateViolation } from '../versions/evaluation-date';
import { SUPPORT_WINDOW_RULES } from '../versions/support-window-rules';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { AZURE_SUBNET_RESERVED_ADDRESSES, MAX_PODS_PER_NODE, nodesWithSurge, POD_CIDR_PREFIX_PER_NODE } from './aks-limits';
import { CLUSTER_RULES } from './cluster-rule-set';
import { DefinitionReading, readDefinition } from './definition-description';
import { definitionUndecided, valueAtProperty } from './definition-undecided';
import { HARDENED_CLUSTER_PROPS, HardenedClusterProps } from './hardened-cluster-props';
import { allNodePools, resolveClusterConfig, ResolvedClusterConfig } from './resolved-cluster-config';
import { validateEgress } from './validate-egress';
import { validateFederatedIdentities } from './validate-federated-identities';
import { validateIstioAddon } from './validate-istio-addon';
import { validateKms } from './validate-kms';
import { validateTransitEncryption } from './validate-transit-encryption';
import { GUID } from './validation-helpers';

const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';
const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
const IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';

/**
 * Checks every documented rule on a cluster definition and returns all
 * violations found (errors and warnings); nothing is thrown. The input is
 * checked against its schema first (it may come from JSON or YAML): the rules
 * run on what is well typed, so every problem is listed in one run. The
 * support windows are judged on `options.evaluationDate` (default: today in UTC).
 * @category Clusters
 */
export function validateHardenedCluster(input: HardenedClusterProps, options: RuleEvaluationOptions = {}): ViolationCollector {
  const v = new ViolationCollector();
  const badDate = evaluationDateViolation(options.evaluationDate, 'evaluationDate');
  if (badDate) v.addAll([badDate]);
  const checked = checkInput(HARDENED_CLUSTER_PROPS, input);
  v.addAll(checked.violations);
  if (checked.value === undefined) return v;
  const props = checked.value;
  const c = resolveClusterConfig(props);
  validateNames(c, v);
  validateRunCommand(c, v);
  validateDnsIds(c, v);
  validateNetwork(c, v);
  validateIdentity(c, v);
  validateTransitEncryption(c, v);
  validateEgress(c, v);
  validateKms(c, v);
  validateFederatedIdentities(c, v);
  validateIstioAddon(c, v);
  validateBaselineIds(c, v);
  // The rules of the cluster itself, on the payload the definition deploys: the one implementation the audit and the policy pack run too.
  const reading = payloadOf(c, { dnsPrefix: props.dnsPrefix === undefined && props.fqdnSubdomain === undefined }, v);
  if (reading !== undefined) {
    // With an evaluation date that is no date, the support windows are not judged (its own error says why).
    const rules = badDate ? CLUSTER_RULES.filter((r) => !SUPPORT_WINDOW_RULES.includes(r)) : CLUSTER_RULES;
    const outcomes = evaluateClusterRules(reading.cluster, rules, badDate ? {} : options);
    for (const outcome of outcomes) v.addAll(outcome.findings);
    // Undecided is not passed: the library wrote every value the rules read.
    v.addAll(definitionUndecided(reading, outcomes, (property) => valueAtProperty(props, property) ?? valueAtProperty(c, property)));
  }
  v.acknowledge(props.acknowledgements ?? []);
  return v;
}

/**
 * The definition read as the payload it builds; `undefined` when a value
 * already refused above (a resource id that is none) leaves no payload to
 * build: its error says why, and the payload's rules wait for the fix.
 */
function payloadOf(c: ResolvedClusterConfig, defaulted: { readonly dnsPrefix: boolean }, v: ViolationCollector): DefinitionReading | undefined {
  try {
    return readDefinition(c, defaulted);
  } catch (e) {
    if (v.errors.length === 0) throw e;
    return undefined;
  }
}

const VM_SIZE = /^Standard_[A-Za-z0-9_-]{1,64}$/;

/** What only a definition says of its names: tags, VM sizes, zones, node counts, Entra group ids (the cluster's own names are cluster rules). */
function validateNames(c: ResolvedClusterConfig, v: ViolationCollector): void {
  for (const [key, value] of Object.entries(c.tags)) {
    if (key.length === 0 || key.length > 512 || /[<>%&\\?/]/.test(key)) {
      v.add(Rules.tags, `tags[${JSON.stringify(key)}]`, key, 'rename the tag: 1 to 512 characters without < > % & \\ ? /');
    }
    if (value.length > 256) {
      v.add(Rules.tags, `tags[${JSON.stringify(key)}]`, value, 'use a value of at most 256 characters');
    }
  }
  allNodePools(c).forEach((pool, i) => {
    const at = pool.mode === 'System' ? 'systemPool' : `userNodePools[${i - 1}]`;
    if (!VM_SIZE.test(pool.vmSize)) v.add(Rules.choice, `${at}.vmSize`, pool.vmSize, 'use an Azure VM size name, e.g. "Standard_D4ds_v5"');
  });
  c.adminGroupObjectIds.forEach((g, i) => {
    if (!GUID.test(g)) v.add(Rules.principalId, `adminGroupObjectIds[${i}]`, g, 'use the group\'s object id from Entra ID');
  });
}

/** Run command's principals: a definition's choice the payload shows only as role assignments. */
function validateRunCommand(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const a = c.apiServerAccess;
  if (a.disableRunCommand && a.runCommandPrincipals.length > 0) {
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
}

/** The ids a definition gives for resources it does not create. */
function validateDnsIds(c: ResolvedClusterConfig, v: ViolationCollector): void {
  c.apiServerAccess.dnsZone?.linkedVnetIds.forEach((id, i) => {
    if (!isResourceIdOfType(id, VNET_TYPE)) {
      v.add(Rules.resourceId, `apiServerAccess.dnsZone.linkedVnetIds[${i}]`, id, 'pass a Microsoft.Network/virtualNetworks resource id');
    }
  });
}

/**
 * The network a definition creates or brings: subnets inside the address
 * space and apart, pod subnets, ids, and room for every node. The CIDRs'
 * form, overlaps with the cluster's ranges and the API server subnet are
 * cluster rules, read from the payload.
 */
function validateNetwork(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const n = c.network;
  const spaces: Ipv4Cidr[] = [];
  let nodeSubnet: Ipv4Cidr | undefined;
  let podSubnet: Ipv4Cidr | undefined;
  const cidr = (text: string | undefined): Ipv4Cidr | undefined => {
    const parsed = text === undefined ? undefined : Ipv4Cidr.parse(text);
    return parsed instanceof Ipv4Cidr && !parsed.hasHostBits ? parsed : undefined;
  };

  if (n.kind === 'created') {
    spaces.push(...n.addressSpace.map(cidr).filter((s): s is Ipv4Cidr => s !== undefined));
    const subnets: Array<[string, Ipv4Cidr]> = [];
    nodeSubnet = cidr(n.nodeSubnetPrefix);
    if (nodeSubnet) subnets.push(['network.nodeSubnetPrefix', nodeSubnet]);
    podSubnet = cidr(n.podSubnetPrefix);
    if (podSubnet) subnets.push(['network.podSubnetPrefix', podSubnet]);
    const api = c.apiServerAccess.vnetIntegration ? cidr(n.apiServerSubnetPrefix) : undefined;
    if (api) subnets.push(['network.apiServerSubnetPrefix', api]);
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
    if (!isResourceIdOfType(n.nodeSubnetId ?? '', SUBNET_TYPE)) {
      v.add(Rules.resourceId, 'network.nodeSubnetId', n.nodeSubnetId, 'pass a Microsoft.Network/virtualNetworks/subnets resource id');
    }
    if (n.apiServerSubnetId !== undefined && !isResourceIdOfType(n.apiServerSubnetId, SUBNET_TYPE)) {
      v.add(Rules.resourceId, 'network.apiServerSubnetId', n.apiServerSubnetId, 'pass a Microsoft.Network/virtualNetworks/subnets resource id');
    }
  }

  const podNetworking = c.podNetworking;
  if (podNetworking.mode === 'podSubnet' && !n.hasPodSubnet) {
    v.add(Rules.podSubnet, 'podNetworking', 'azureCniPodSubnet', 'add ClusterNetwork.create({ podSubnetPrefix }) or ClusterNetwork.fromSubnetIds({ podSubnetId })');
  }
  if (podNetworking.mode !== 'podSubnet' && n.hasPodSubnet) {
    v.add(Rules.podSubnet, n.kind === 'created' ? 'network.podSubnetPrefix' : 'network.podSubnetId', n.podSubnetPrefix ?? n.podSubnetId, 'remove the pod subnet, or use PodNetworking.azureCniPodSubnet()');
  }
  validateCapacity(c, v, { pod: podNetworking.podCidr !== undefined ? cidr(podNetworking.podCidr) : undefined, nodeSubnet, podSubnet });
}

/**
 * Whether the pod CIDR and the subnets hold every node, upgrade surge included.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 */
function validateCapacity(c: ResolvedClusterConfig, v: ViolationCollector, b: { pod?: Ipv4Cidr; nodeSubnet?: Ipv4Cidr; podSubnet?: Ipv4Cidr }): void {
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

/** The ids a definition gives for its monitoring and audit log destinations (the baseline's settings are cluster rules). */
function validateBaselineIds(c: ResolvedClusterConfig, v: ViolationCollector): void {
  if (c.monitoring.kind === 'existing' && !isResourceIdOfType(c.monitoring.workspaceId ?? '', 'Microsoft.OperationalInsights/workspaces')) {
    v.add(Rules.resourceId, 'monitoring', c.monitoring.workspaceId, 'pass a Microsoft.OperationalInsights/workspaces resource id');
  }
  if (c.diskEncryptionSetId !== undefined && !isResourceIdOfType(c.diskEncryptionSetId, 'Microsoft.Compute/diskEncryptionSets')) {
    v.add(Rules.resourceId, 'diskEncryptionSetId', c.diskEncryptionSetId, 'pass a Microsoft.Compute/diskEncryptionSets resource id');
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
