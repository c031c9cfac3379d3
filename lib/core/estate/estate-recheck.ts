import { ApiVersions } from '../arm/api-versions';
import { parseResourceId } from '../arm/resource-id';
import { FLUX_EXTENSION_PIN } from '../versions/pinned-support';
import { AzureRecheckTarget, RecheckTarget, recheckCommand } from '../reports/recheck-command';
import { serviceZone } from '../platform/service-dns';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { estateClusterId, estateClusterResourceGroup, estateSpokeNetworkId } from './estate-resource-ids';
import { EstateClusterProps, EstateProps } from './estate-props';

/** One recheck: what it reads, and the REST or field paths it prints. */
interface Recheck {
  readonly target: RecheckTarget;
  readonly paths?: readonly string[];
}

const FEDERATED_CREDENTIAL = 'microsoft.managedidentity/userassignedidentities/federatedidentitycredentials';

/**
 * Where the library installs what a pinned version names, in every cluster: the Deployment of its Helm
 * release, whose image carries the version that runs (the release's chart and namespace: `meshPrerequisites`).
 */
const INSTALLED_BY_PIN: ReadonlyMap<string, Recheck> = new Map<string, Recheck>([
  ['versions.istio', { target: { kind: 'kubernetes', resource: 'deployments.apps', name: 'istiod', namespace: 'istio-system' }, paths: ['spec.template.spec.containers[0].image'] }],
  ['versions.certManager', { target: { kind: 'kubernetes', resource: 'deployments.apps', name: 'cert-manager', namespace: 'cert-manager' }, paths: ['spec.template.spec.containers[0].image'] }],
]);

/**
 * The command that re-reads, on the live system, what one violation of an
 * estate's definition is about: the resource its property becomes, read from
 * the definition (an identity's federated credentials, a spoke's or the hub's
 * address space, a cluster's service CIDR, a brought spoke's peerings, the
 * Flux extension of each GitOps-delivered cluster, the Deployment of a pinned
 * release). `linkRecheck` gives, by link name, the command that prints the
 * objects a link becomes. Undefined where the property names nothing on the
 * live system (the subscription id, a network outside Azure): no command is
 * invented. Several resources give several commands, separated by `; `.
 * @see https://learn.microsoft.com/cli/azure/identity/federated-credential#az-identity-federated-credential-list
 * @see https://learn.microsoft.com/cli/azure/resource#az-resource-show
 * @see https://learn.microsoft.com/cli/azure/k8s-extension#az-k8s-extension-show
 * @internal
 */
export function estateViolationRecheck(definition: EstateProps, v: Violation, linkRecheck: (name: string) => string | undefined = () => undefined): string | undefined {
  const rechecks = rechecksOf(definition, v);
  if (rechecks === undefined) return linkOf(definition, v.property, linkRecheck);
  return rechecks.length === 0 ? undefined : rechecks.map((r) => recheckCommand(r.target, r.paths ?? [])).join('; ');
}

/** What the violation's rule and property name on the live system; undefined for a link's property. */
function rechecksOf(definition: EstateProps, v: Violation): readonly Recheck[] | undefined {
  const at = /^clusters\[(\d+)\](?:\.(.*))?$/.exec(v.property);
  const cluster = at ? definition.clusters[Number(at[1])] : undefined;
  const rest = at?.[2] ?? '';
  switch (v.rule.id) {
    case Rules.estateFederatedCredentials.id:
      return typeof v.value === 'string' ? [credentialsOf(v.value)] : [];
    case Rules.estateAzureIds.id:
      return typeof v.value === 'string' ? resourceAt(v.value) : [];
    case Rules.estateSpokePeeringNotVerified.id:
      return typeof v.value === 'string' ? [{ target: { kind: 'azure-children', children: 'virtual-network-peerings', parentId: v.value } }] : [];
    case Rules.estateAddressOverlap.id:
      return addressOf(definition, v.property, cluster);
    case Rules.estateReachability.id:
      return routeOf(definition, v);
    case Rules.estateServiceDns.id:
      return serviceDnsOf(definition, v);
    case Rules.estateKubernetesRanges.id:
      return cluster ? [{ target: clusterTarget(definition, cluster), paths: [`properties.networkProfile.${NETWORK_PROFILE_FIELD[rest] ?? rest}`] }] : [];
    case Rules.supportEnding.id:
    case Rules.supportEnded.id:
      if (v.property === FLUX_EXTENSION_PIN.property) return gitOpsClusters(definition).map((c) => fluxExtensionOf(definition, c));
      if (v.property === 'versions.aksIstioRevision') return definition.clusters.map((c) => ({ target: clusterTarget(definition, c), paths: ['properties.serviceMeshProfile.istio.revisions'] }));
      if (INSTALLED_BY_PIN.has(v.property)) return [INSTALLED_BY_PIN.get(v.property)!];
  }
  if (v.property.startsWith('links[')) return undefined;
  // Any other property of a cluster is a setting of the cluster: the cluster as the REST API returns it.
  if (cluster) return [{ target: clusterTarget(definition, cluster) }];
  if (v.property.startsWith('hub.')) return [{ target: networkTarget(definition.hub.virtualNetworkId) }];
  return [];
}

/** A link's cluster not routed through the hub firewall: its outbound type (the value names the cluster). */
function routeOf(definition: EstateProps, v: Violation): readonly Recheck[] | undefined {
  const cluster = definition.clusters.find((c) => c.name === v.value);
  if (!/^links\[\d+\]\.(client|server)$/.test(v.property) || !cluster) return v.property.startsWith('links[') ? undefined : [];
  return [{ target: clusterTarget(definition, cluster), paths: ['properties.networkProfile.outboundType'] }];
}

/**
 * A service host's record, or the link of its zone to a client's network, in the hub's resource group
 * (where the estate writes its private DNS zones).
 */
function serviceDnsOf(definition: EstateProps, v: Violation): readonly Recheck[] | undefined {
  const hub = parseResourceId(definition.hub.virtualNetworkId);
  const link = /^links\[(\d+)\]\.(client|services\[(\d+)\]\.host)$/.exec(v.property);
  const props = link ? definition.links[Number(link[1])] : undefined;
  if (!props) return undefined;
  const group = hub ? { resourceGroup: hub.resourceGroup } : {};
  if (link![3] !== undefined) {
    const host = props.services[Number(link![3])]?.host ?? '';
    const zone = serviceZone(host);
    if (!zone) return undefined;
    return [{ target: { kind: 'azure', type: 'Microsoft.Network/privateDnsZones/A', name: `${zone}/${host.slice(0, host.indexOf('.'))}`, ...group, apiVersion: ApiVersions.privateDns }, paths: ['properties.aRecords'] }];
  }
  // The client's network is linked to the zone of each host the link carries.
  const zones = [...new Set(props.services.map((s) => serviceZone(s.host)).filter((z): z is string => z !== undefined))];
  return zones.map((zone) => ({ target: { kind: 'azure-children', children: 'private-dns-zone-links', parentName: zone, ...group } }));
}

/** The definition's names of a cluster's Kubernetes ranges, as the managed cluster's network profile spells them. */
const NETWORK_PROFILE_FIELD: Readonly<Record<string, string>> = {
  serviceCidr: 'serviceCidr',
  dnsServiceIp: 'dnsServiceIP',
  'podNetworking.podCidr': 'podCidr',
};

/** The address space (or node subnet prefix) a property of the address plan becomes. Connected networks are outside Azure's view of the estate: none. */
function addressOf(definition: EstateProps, property: string, cluster: EstateClusterProps | undefined): readonly Recheck[] {
  if (property.startsWith('hub.')) return [{ target: networkTarget(definition.hub.virtualNetworkId), paths: ['properties.addressSpace.addressPrefixes'] }];
  if (!cluster) return [];
  if (property.endsWith('.existingSpoke.nodeSubnetPrefix') && cluster.existingSpoke) {
    const subnet = `${cluster.existingSpoke.virtualNetworkId}/subnets/${cluster.existingSpoke.nodeSubnetName}`;
    return [{ target: { kind: 'azure', type: 'Microsoft.Network/virtualNetworks/subnets', id: subnet }, paths: ['properties.addressPrefix', 'properties.addressPrefixes'] }];
  }
  const spoke = estateSpokeNetworkId(cluster, definition.subscriptionId);
  return [{ target: networkTarget(spoke, cluster.existingSpoke ? undefined : ApiVersions.network), paths: ['properties.addressSpace.addressPrefixes'] }];
}

/** A virtual network by id (the hub's and a brought spoke's are the network team's: the CLI's API version). */
function networkTarget(id: string, apiVersion?: string): AzureRecheckTarget {
  return { kind: 'azure', type: 'Microsoft.Network/virtualNetworks', id, ...(apiVersion ? { apiVersion } : {}) };
}

/** A cluster of the estate, at the API version the library writes it. */
function clusterTarget(definition: EstateProps, c: EstateClusterProps): AzureRecheckTarget {
  return { kind: 'azure', type: 'Microsoft.ContainerService/managedClusters', id: estateClusterId(c, definition.subscriptionId), name: c.name, resourceGroup: estateClusterResourceGroup(c), apiVersion: ApiVersions.managedClusters };
}

/** The federated credentials of an identity: how many, and whose. */
function credentialsOf(identityId: string): Recheck {
  return { target: { kind: 'azure-children', children: 'federated-identity-credentials', parentId: identityId } };
}

/** A resource by its id: a federated credential through its identity's list (what else is written there), any other resource as the REST API returns it. */
function resourceAt(id: string): readonly Recheck[] {
  const parsed = parseResourceId(id);
  if (!parsed) return [];
  if (parsed.type.toLowerCase() === FEDERATED_CREDENTIAL) return [credentialsOf(id.slice(0, id.toLowerCase().lastIndexOf('/federatedidentitycredentials/')))];
  return [{ target: { kind: 'azure', type: parsed.type, id } }];
}

/** The clusters whose Flux the estate installs. */
function gitOpsClusters(definition: EstateProps): readonly EstateClusterProps[] {
  return definition.clusters.filter((c) => (c.delivery ?? definition.delivery)?.kind === 'gitOps');
}

/** The `microsoft.flux` extension of a cluster (named `flux`: `fluxExtensionResource`): the version it pins and the one it runs. */
function fluxExtensionOf(definition: EstateProps, c: EstateClusterProps): Recheck {
  return { target: { kind: 'cluster-extension', name: 'flux', clusterId: estateClusterId(c, definition.subscriptionId) }, paths: ['version', 'currentVersion'] };
}

/** A link's property: the objects the link becomes in its two clusters. */
function linkOf(definition: EstateProps, property: string, linkRecheck: (name: string) => string | undefined): string | undefined {
  const at = /^links\[(\d+)\]/.exec(property);
  const link = at ? definition.links[Number(at[1])] : undefined;
  return link ? linkRecheck(link.name) : undefined;
}
