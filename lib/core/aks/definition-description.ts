import { ClusterNetwork } from './cluster-network';
import { ClusterDescription, describeDeployment, MANAGED_CLUSTER_TYPE } from '../description/cluster-description';
import { DescribedResource, DocumentLocation, pointerToken } from '../description/described-resource';
import { isArmType } from '../description/related-resources';
import { UnknownValue } from '../description/unknown-value';
import { readArmTemplate } from '../readers/arm-template';
import { Provenance } from '../description/fact';
import { calicoFelixConfiguration } from '../encryption/calico-felix-configuration';
import { UndecidedReason } from '../rules/rule-outcome';
import { UNRESTRICTED_PUBLIC_OPT_IN } from './rules/api-server-rules';
import { templateOfConfig } from './managed-cluster-model';
import { ResolvedClusterConfig } from './resolved-cluster-config';

/** The name the definition's own template is read under. */
const DEFINITION = 'definition';

/**
 * A definition read as the payload the model builds from it, with what of
 * that payload could not be read: never anything for a well-formed
 * definition, since the library writes every value of it.
 */
export interface DefinitionReading {
  readonly cluster: ClusterDescription;
  /**
   * Where the definition's own template cannot be read whole: a problem or
   * something not examined in the reading, or a value of the managed cluster
   * that reads as unknown. Named by the definition's property.
   */
  readonly unread: readonly UndecidedReason[];
}

/**
 * A cluster definition as one description of a cluster: the payload the
 * model builds from it (the template synth writes and `pulumi up` sends), so
 * that the rules read exactly what will be deployed, with every fact named by
 * the definition's property that sets it.
 */
export function describeDefinition(
  config: ResolvedClusterConfig,
  defaulted: { readonly dnsPrefix?: boolean } = {},
  /**
   * The Kubernetes objects the deployment applies to the cluster; by default,
   * the FelixConfiguration Calico WireGuard needs, as if it were deployed.
   */
  applied?: readonly unknown[],
): ClusterDescription {
  return readDefinition(config, defaulted, applied).cluster;
}

/**
 * {@link describeDefinition}, with what of the definition's template could
 * not be read. The template is read by the same reader as any template the
 * audit reads.
 */
export function readDefinition(config: ResolvedClusterConfig, defaulted: { readonly dnsPrefix?: boolean } = {}, applied?: readonly unknown[]): DefinitionReading {
  const reading = readArmTemplate(JSON.parse(JSON.stringify(templateOfConfig(config))), DEFINITION);
  const clusterResource = reading.resources.find((r) => isArmType(r.type, MANAGED_CLUSTER_TYPE));
  const resourceAt = (pointer: string) => innermostResource(reading.resources, pointer);
  const locator = (path: string, at: DocumentLocation): Provenance => {
    const resource = resourceAt(at.pointer);
    const definition = resource !== undefined && resource === clusterResource ? definitionProperty(path, config) : relatedProperty(resource, path);
    return definition === 'dnsPrefix' && defaulted.dnsPrefix ? { definition, note: 'dnsPrefix defaults to the cluster name' } : { definition };
  };
  const place = (at: DocumentLocation): { path: string; at: Provenance } => {
    const resource = resourceAt(at.pointer);
    const path = resource ? restPath(at.pointer.slice(resource.origin.pointer.length)) : '';
    return { path, at: locator(path, at) };
  };
  const optIns = new Set(config.apiServerAccess.mode === 'unrestricted' ? [UNRESTRICTED_PUBLIC_OPT_IN] : []);
  const kubernetesObjects =
    applied !== undefined
      ? applied.filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object')
      : config.transitEncryption.kind === 'calicoWireGuard'
        ? [calicoFelixConfiguration(config.transitEncryption)]
        : [];
  const cluster = describeDeployment([reading], { origin: 'definition', locator, optIns, kubernetesObjects }).clusters[0];
  const unread: UndecidedReason[] = [
    ...reading.problems.map((p) => ({ reason: p.message, ...place(p.at) })),
    ...reading.notExamined.map((n) => ({ reason: `${n.what} is not examined: ${n.reason}`, ...place(n.at) })),
    ...(clusterResource ? unknownsOf(clusterResource).map((u) => ({ reason: u.reason, ...place(u.at) })) : []),
  ];
  return { cluster, unread };
}

/** The resource whose place in the template holds `pointer` (the innermost, for a resource of a nested deployment). */
function innermostResource(resources: readonly DescribedResource[], pointer: string): DescribedResource | undefined {
  let found: DescribedResource | undefined;
  for (const r of resources) {
    const own = r.origin.pointer;
    const holds = pointer === own || pointer.startsWith(`${own}/`);
    if (holds && (found === undefined || own.length > found.origin.pointer.length)) found = r;
  }
  return found;
}

/** The REST path of a pointer inside a resource (`/properties/subnets/0/name` is `properties.subnets[0].name`). */
function restPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`), '');
}

/** Every unknown value of a resource (its name, id and body), with its place in the template. */
function unknownsOf(resource: DescribedResource): { reason: string; at: DocumentLocation }[] {
  const found: { reason: string; at: DocumentLocation }[] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (value instanceof UnknownValue) found.push({ reason: value.reason, at: { document: resource.origin.document, pointer } });
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${pointer}/${pointerToken(k)}`);
  };
  const at = resource.origin.pointer;
  visit(resource.name, `${at}/name`);
  visit(resource.id, `${at}/id`);
  visit(resource.body, at);
  return found;
}

/** The definition's property that sets a payload property of the cluster (the REST path when none does). */
export function definitionProperty(path: string, c: ResolvedClusterConfig): string {
  const pool = /^properties\.agentPoolProfiles\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (pool) return poolProperty(Number(pool[1]), pool[2] ?? '', c);
  for (const [pattern, property] of CLUSTER_PROPERTIES) {
    const m = pattern.exec(path);
    if (m) return typeof property === 'function' ? property(m, c) : property.replace(/\$(\d)/g, (_, i) => m[Number(i)] ?? '');
  }
  return path;
}

type PropertyOf = string | ((m: RegExpExecArray, c: ResolvedClusterConfig) => string);

/** Where each part of the cluster's payload comes from in a HardenedClusterProps (the model writes it from there). */
const CLUSTER_PROPERTIES: ReadonlyArray<readonly [RegExp, PropertyOf]> = [
  [/^name$/, 'name'],
  [/^location$/, 'location'],
  [/^tags/, 'tags'],
  [/^sku\.tier$/, 'tier'],
  [/^identity/, 'identity'],
  [/^properties\.kubernetesVersion$/, 'kubernetesVersion'],
  [/^properties\.dnsPrefix$/, 'dnsPrefix'],
  [/^properties\.fqdnSubdomain$/, 'fqdnSubdomain'],
  [/^properties\.apiServerAccessProfile\.authorizedIPRanges(\[\d+\])?$/, 'apiServerAccess.authorizedIpRanges$1'],
  [/^properties\.apiServerAccessProfile\.enableVnetIntegration$/, 'apiServerAccess.vnetIntegration'],
  [/^properties\.apiServerAccessProfile\.privateDNSZone$/, (_m, c) => (c.apiServerAccess.dnsZone?.kind === 'created' && c.apiServerAccess.dnsZone.subzone !== undefined ? 'apiServerAccess.dnsZone.subzone' : 'apiServerAccess.dnsZone')],
  [/^properties\.apiServerAccessProfile\.enablePrivateClusterPublicFQDN$/, 'apiServerAccess.publicFqdn'],
  [/^properties\.apiServerAccessProfile\.subnetId$/, (_m, c) => (c.network.kind === 'created' ? 'network.apiServerSubnetPrefix' : 'network.apiServerSubnetId')],
  [/^properties\.apiServerAccessProfile/, 'apiServerAccess'],
  [/^properties\.networkProfile\.(networkPlugin|networkPluginMode)$/, 'podNetworking'],
  [/^properties\.networkProfile\.podCidr$/, 'podNetworking.podCidr'],
  [/^properties\.networkProfile\.serviceCidr$/, 'serviceCidr'],
  [/^properties\.networkProfile\.dnsServiceIP$/, 'dnsServiceIp'],
  [/^properties\.networkProfile\.networkDataplane$/, 'networkDataplane'],
  [/^properties\.networkProfile\.networkPolicy$/, 'networkPolicy'],
  [/^properties\.networkProfile\.outboundType$/, 'outboundType'],
  [/^properties\.networkProfile\.advancedNetworking/, 'transitEncryption'],
  [/^properties\.addonProfiles\.omsagent/i, 'monitoring'],
  [/^properties\.addonProfiles\.azurepolicy/i, 'azurePolicy'],
  [/^properties\.addonProfiles\.azureKeyvaultSecretsProvider/i, 'keyVaultSecretsProvider'],
  [/^properties\.autoUpgradeProfile\.nodeOSUpgradeChannel$/, 'autoUpgrade.nodeOSUpgradeChannel'],
  [/^properties\.autoUpgradeProfile/, 'autoUpgrade'],
  [/^properties\.securityProfile\.imageCleaner\.(enabled|intervalHours)$/, 'imageCleaner.$1'],
  [/^properties\.(securityProfile\.workloadIdentity|oidcIssuerProfile)/, 'workloadIdentity'],
  [/^properties\.securityProfile\.azureKeyVaultKms\.(keyId|keyVaultResourceId|keyVaultNetworkAccess)$/, 'kms.$1'],
  [/^properties\.securityProfile\.azureKeyVaultKms/, 'kms'],
  [/^properties\.securityProfile\.defender/, 'monitoring'],
  [/^properties\.serviceMeshProfile\.istio\.revisions/, 'istioAddon.revision'],
  [/^properties\.serviceMeshProfile\.istio\.components\.ingressGateways/, 'istioAddon.externalIngressGateway'],
  [/^properties\.aadProfile\.adminGroupObjectIDs(\[\d+\])?$/, 'adminGroupObjectIds$1'],
  [/^properties\.diskEncryptionSetID$/, 'diskEncryptionSetId'],
];

/** The subnets the model creates, by name, and the definition's property of each prefix. */
const SUBNET_PROPERTIES: Readonly<Record<string, string>> = {
  [ClusterNetwork.NODE_SUBNET_NAME]: 'network.nodeSubnetPrefix',
  [ClusterNetwork.API_SERVER_SUBNET_NAME]: 'network.apiServerSubnetPrefix',
  [ClusterNetwork.POD_SUBNET_NAME]: 'network.podSubnetPrefix',
};

/** The definition's property behind a property of the network the model creates (the REST path for other resources). */
function relatedProperty(resource: DescribedResource | undefined, path: string): string {
  if (!resource || !isArmType(resource.type, 'Microsoft.Network/virtualNetworks')) return path;
  const space = /^properties\.addressSpace\.addressPrefixes(\[\d+\])?$/.exec(path);
  if (space) return `network.addressSpace${space[1] ?? ''}`;
  const subnet = /^properties\.subnets\[(\d+)\]/.exec(path);
  const name = subnet ? subnetName(resource, Number(subnet[1])) : undefined;
  return (name !== undefined ? SUBNET_PROPERTIES[name] : undefined) ?? path;
}

/** The name of a virtual network's `index`th subnet, as the model writes it. */
function subnetName(vnet: DescribedResource, index: number): string | undefined {
  const subnets = (vnet.body.properties as { subnets?: unknown } | undefined)?.subnets;
  const name = Array.isArray(subnets) ? (subnets[index] as { name?: unknown } | undefined)?.name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** The definition's property of a node pool's payload property (pool 0 is the system pool). */
function poolProperty(index: number, field: string, c: ResolvedClusterConfig): string {
  const pool = index === 0 ? 'systemPool' : `userNodePools[${index - 1}]`;
  switch (field) {
    case 'enableEncryptionAtHost':
      return 'encryptionAtHost';
    case 'securityProfile.sshAccess':
      return 'nodeSshAccess';
    case 'enableFIPS':
      return `${pool}.enableFips`;
    case 'nodeTaints':
      return `${pool}.onlyCriticalAddons`;
    case 'vnetSubnetID':
      return c.network.kind === 'created' ? 'network.nodeSubnetPrefix' : 'network.nodeSubnetId';
    case 'podSubnetID':
      return c.network.kind === 'created' ? 'network.podSubnetPrefix' : 'network.podSubnetId';
    case 'enableNodePublicIP':
    case '':
      return pool;
    default:
      return `${pool}.${field}`;
  }
}
