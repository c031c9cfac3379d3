import { AuditedResource } from '../audit/audited-resource';
import { describedFromAudited } from '../audit/described-from-audited';
import { ClusterNetwork } from './cluster-network';
import { readAzureDescription } from '../audit/read-azure-description';
import { ClusterDescription, describeDeployment } from '../description/cluster-description';
import { DocumentLocation } from '../description/described-resource';
import { Provenance } from '../description/fact';
import { calicoFelixConfiguration } from '../encryption/calico-felix-configuration';
import { UNRESTRICTED_PUBLIC_OPT_IN } from './rules/api-server-rules';
import { templateOfConfig } from './managed-cluster-model';
import { ResolvedClusterConfig } from './resolved-cluster-config';

/** The name the definition's own template is read under. */
const DEFINITION = 'definition';

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
  const reading = readAzureDescription(JSON.parse(JSON.stringify(templateOfConfig(config))), DEFINITION);
  const located = (source: string): DocumentLocation => ({ document: DEFINITION, pointer: source.slice(source.indexOf('#') + 1) });
  const resources = [
    ...reading.clusters.map((c) => describedFromAudited(c.cluster, located(c.source))),
    ...reading.resources.map((r, i) => describedFromAudited(r, { document: DEFINITION, pointer: `/related/${i}` })),
  ];
  const clusterPointer = resources[0].origin.pointer;
  const locator = (path: string, at: DocumentLocation): Provenance => {
    const related = /^\/related\/(\d+)/.exec(at.pointer);
    const definition = at.pointer.startsWith(clusterPointer) ? definitionProperty(path, config) : related ? relatedProperty(reading.resources[Number(related[1])], path) : path;
    return definition === 'dnsPrefix' && defaulted.dnsPrefix ? { definition, note: 'dnsPrefix defaults to the cluster name' } : { definition };
  };
  const optIns = new Set(config.apiServerAccess.mode === 'unrestricted' ? [UNRESTRICTED_PUBLIC_OPT_IN] : []);
  const kubernetesObjects =
    applied !== undefined
      ? applied.filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object')
      : config.transitEncryption.kind === 'calicoWireGuard'
        ? [calicoFelixConfiguration(config.transitEncryption)]
        : [];
  return describeDeployment([{ resources, notExamined: [], problems: [], wholeDeployment: true }], { origin: 'definition', locator, optIns, kubernetesObjects }).clusters[0];
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
function relatedProperty(resource: AuditedResource | undefined, path: string): string {
  if (!resource || resource.type.toLowerCase() !== 'microsoft.network/virtualnetworks') return path;
  const space = /^properties\.addressSpace\.addressPrefixes(\[\d+\])?$/.exec(path);
  if (space) return `network.addressSpace${space[1] ?? ''}`;
  const subnet = /^properties\.subnets\[(\d+)\]/.exec(path);
  const name = subnet ? (resource.properties.subnets?.[Number(subnet[1])]?.name as string | undefined) : undefined;
  return (name !== undefined ? SUBNET_PROPERTIES[name] : undefined) ?? path;
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
