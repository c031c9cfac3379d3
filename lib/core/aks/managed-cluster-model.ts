import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { EvaluationDate, todayInUtc } from '../versions/evaluation-date';
import { createHash } from 'node:crypto';
import {
  ArmReference,
  ArmValue,
  ConcatExpression,
  GuidExpression,
  ResourceGroupIdExpression,
  SubscriptionResourceIdExpression,
} from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { ArmPropertyReference, ArmTemplate, ArmTemplateOutput, renderArmTemplate } from '../arm/arm-template';
import { ApiVersions } from '../arm/api-versions';
import { parseResourceId } from '../arm/resource-id';
import { AcknowledgedViolation } from '../validation/acknowledgement';
import { subject } from '../validation/input-boundary';
import { ViolationCollector } from '../validation/violation-collector';
import { Violation } from '../validation/violation';
import { MAX_PODS_PER_NODE } from './aks-limits';
import { BuiltInRoles, RUN_COMMAND_ACTIONS } from './built-in-roles';
import { federatedSubject, WORKLOAD_IDENTITY_AUDIENCE } from './federated-identity';
import { ClusterNetwork } from './cluster-network';
import { hasLocalTempDisk } from './vm-size';
import { HardenedClusterProps } from './hardened-cluster-props';
import { allNodePools, ownZoneName, resolveClusterConfig, ResolvedClusterConfig } from './resolved-cluster-config';
import { validateHardenedCluster } from './validate-cluster';

/**
 * Logical ids of the model's resources. They are Pulumi child names: never change them.
 * @category Clusters
 */
export const LogicalIds = {
  identity: 'identity',
  vnet: 'vnet',
  apiServerNsg: 'apiserver-nsg',
  nodeNsg: 'nodes-nsg',
  privateDnsZone: 'private-dns-zone',
  cluster: 'cluster',
  runCommandRole: 'run-command-role',
  logAnalytics: 'log-analytics',
  auditLogs: 'audit-logs',
  egressRouteTable: 'egress-route-table',
} as const;

/**
 * The resources the delete locks protect, when the model creates them. Not the
 * private DNS zone: a lock applies to every DELETE below its scope, and AKS
 * deletes the API server's records in that zone itself.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources#considerations-before-applying-your-locks
 */
const LOCKED_RESOURCES = [
  LogicalIds.cluster,
  LogicalIds.vnet,
  LogicalIds.apiServerNsg,
  LogicalIds.nodeNsg,
  LogicalIds.egressRouteTable,
  LogicalIds.logAnalytics,
] as const;

/**
 * Cluster properties Azure cannot change in place. A change to any of them is
 * a replacement; the Pulumi front end marks them `replaceOnChanges`.
 * @category Clusters
 */
export const CREATE_ONLY_CLUSTER_PROPERTIES = [
  'dnsPrefix',
  'diskEncryptionSetID',
  'fqdnSubdomain',
  'networkProfile.networkPlugin',
  'networkProfile.networkPluginMode',
  'networkProfile.podCidr',
  'networkProfile.serviceCidr',
  'networkProfile.dnsServiceIP',
] as const;

/**
 * The hardened cluster as exact ARM resources: validated intent in, wire
 * payloads out. Knows nothing of Pulumi or cdk8s.
 * @example
 * const template = ManagedClusterModel.build({ name: 'payments-prod', location: 'westeurope' }).toArmTemplate();
 * @category Clusters
 */
export class ManagedClusterModel {
  /**
   * Validates `props` and builds the model; the support windows are judged
   * on `options.evaluationDate` (default: today in UTC).
   * @throws SecureAksValidationError listing every violated rule
   */
  public static build(props: HardenedClusterProps, options: RuleEvaluationOptions = {}): ManagedClusterModel {
    return ManagedClusterModel.fromChecked(props, validateHardenedCluster(props, options), options);
  }

  /**
   * Builds the model from what `validateHardenedCluster` found on the same
   * `props` and `options`, for a caller that reported those violations
   * already: the definition is not checked a second time.
   * @throws SecureAksValidationError listing every violated rule
   * @internal
   */
  public static fromChecked(props: HardenedClusterProps, violations: ViolationCollector, options: RuleEvaluationOptions = {}): ManagedClusterModel {
    violations.throwIfErrors(subject('cluster', props));
    return new ManagedClusterModel(resolveClusterConfig(props), violations, options.evaluationDate ?? todayInUtc());
  }

  /** The day the support windows were judged on (`YYYY-MM-DD`, UTC): recorded in the reports. */
  public readonly evaluationDate: EvaluationDate;

  /** The resolved configuration the resources were built from. */
  public readonly config: ResolvedClusterConfig;
  /** Every resource, in dependency order. */
  public readonly resources: readonly ArmResource[];
  /** Warnings: rules that do not block, but that a reviewer should see (acknowledged ones excluded). */
  public readonly warnings: readonly Violation[];
  /** Warnings the definition acknowledges, with the acknowledgement: recorded in the baseline report. */
  public readonly acknowledged: readonly AcknowledgedViolation[];
  /** Facts for the reader (info rules), recorded in the baseline report. */
  public readonly notes: readonly Violation[];

  private constructor(config: ResolvedClusterConfig, findings: ViolationCollector, evaluationDate: EvaluationDate) {
    this.config = config;
    this.evaluationDate = evaluationDate;
    this.warnings = findings.warnings;
    this.acknowledged = findings.acknowledged;
    this.notes = findings.infos;
    this.resources = buildResources(config);
  }

  /** The managed cluster resource. */
  public get cluster(): ArmResource {
    return this.resources.find((r) => r.logicalId === LogicalIds.cluster)!;
  }

  /** Template outputs: ids and the private FQDN. */
  public get outputs(): Record<string, ArmTemplateOutput> {
    const out: Record<string, ArmTemplateOutput> = {
      clusterId: { type: 'string', value: new ArmReference(LogicalIds.cluster) },
    };
    if (this.config.apiServerAccess.isPrivate) {
      out.privateFqdn = { type: 'string', value: new ArmPropertyReference(LogicalIds.cluster, 'privateFQDN') };
    }
    if (this.config.workloadIdentity) {
      out.oidcIssuerUrl = { type: 'string', value: new ArmPropertyReference(LogicalIds.cluster, 'oidcIssuerProfile.issuerURL') };
    }
    return out;
  }

  /** The model as a resource-group deployment template. */
  public toArmTemplate(): ArmTemplate {
    return renderArmTemplate(this.resources, this.outputs, {
      generator: 'secure-aks',
      cluster: this.config.name,
    });
  }
}

/**
 * The template of a definition built without its validation. Only for the
 * test that the payload rules (audit, policy pack) agree with the definition's
 * on every misconfiguration; not exported from the package.
 * @internal
 */
export function unvalidatedClusterTemplate(props: HardenedClusterProps): ArmTemplate {
  return renderArmTemplate(buildResources(resolveClusterConfig(props)), {}, { generator: 'secure-aks', cluster: String(props.name) });
}

/**
 * The template of a resolved configuration, as the model builds it whether or
 * not it is valid: what a definition's rules read.
 * @internal
 */
export function templateOfConfig(config: ResolvedClusterConfig): ArmTemplate {
  return renderArmTemplate(buildResources(config), {}, { generator: 'secure-aks', cluster: config.name });
}

function shortHash(text: string): string {
  return createHash('sha256').update(text.toLowerCase()).digest('hex').slice(0, 8);
}

function buildResources(c: ResolvedClusterConfig): ArmResource[] {
  const resources: ArmResource[] = [];
  const a = c.apiServerAccess;
  const tags = Object.keys(c.tags).length > 0 ? c.tags : undefined;
  const roleAssignmentIds: string[] = [];

  // --- identity
  let identityId: ArmValue | undefined;
  let principalId: ArmValue | undefined;
  if (c.identity.kind === 'created') {
    resources.push({
      logicalId: LogicalIds.identity,
      type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
      apiVersion: ApiVersions.userAssignedIdentities,
      name: [`${c.name}-identity`],
      location: c.location,
      tags,
      properties: {},
    });
    identityId = new ArmReference(LogicalIds.identity);
    principalId = new ArmReference(LogicalIds.identity, 'principalId');
  } else if (c.identity.kind === 'existing') {
    identityId = c.identity.resourceId!;
    principalId = c.identity.principalId!;
  }

  const grant = (logicalId: string, scope: ArmValue, roleId: string, purpose: string): void => {
    if (principalId === undefined) return;
    resources.push({
      logicalId,
      type: 'Microsoft.Authorization/roleAssignments',
      apiVersion: ApiVersions.authorization,
      name: [new GuidExpression([ResourceGroupIdExpression.INSTANCE, c.name, purpose])],
      scope,
      properties: {
        roleDefinitionId: new SubscriptionResourceIdExpression('Microsoft.Authorization/roleDefinitions', roleId),
        principalId,
        // A new identity may not have replicated yet; the type lets ARM skip the lookup.
        principalType: 'ServicePrincipal',
      },
    });
    roleAssignmentIds.push(logicalId);
  };

  // --- network
  let nodeSubnetId: ArmValue;
  let apiServerSubnetId: ArmValue | undefined;
  let podSubnetId: ArmValue | undefined;
  const n = c.network;
  if (n.kind === 'created') {
    if (a.vnetIntegration) {
      // NSG on the API server subnet: the nodes must reach TCP 443 and 4443
      // (https://learn.microsoft.com/azure/aks/api-server-vnet-integration, "network security groups").
      resources.push({
        logicalId: LogicalIds.apiServerNsg,
        type: 'Microsoft.Network/networkSecurityGroups',
        apiVersion: ApiVersions.network,
        name: [`${c.name}-apiserver-nsg`],
        location: c.location,
        tags,
        properties: {
          securityRules: [
            {
              name: 'allow-nodes-to-apiserver',
              properties: {
                description: 'Nodes to the API server (443) and konnectivity (4443), required by API Server VNet Integration',
                protocol: 'Tcp',
                sourceAddressPrefix: n.nodeSubnetPrefix!,
                sourcePortRange: '*',
                destinationAddressPrefix: n.apiServerSubnetPrefix!,
                destinationPortRanges: ['443', '4443'],
                access: 'Allow',
                priority: 100,
                direction: 'Inbound',
              },
            },
          ],
        },
      });
    }
    // NSG on the node subnet: it carries the ports the transit encryption needs
    // between nodes (UDP 51871 for ACNS WireGuard, https://learn.microsoft.com/azure/aks/how-to-apply-wireguard).
    const enc = c.transitEncryption;
    const isolated = c.outboundType.name === 'none';
    resources.push({
      logicalId: LogicalIds.nodeNsg,
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: ApiVersions.network,
      name: [`${c.name}-nodes-nsg`],
      location: c.location,
      tags,
      properties: {
        securityRules: [
          ...enc.nodePorts.map((port, i) => ({
            name: `allow-wireguard-${port}`,
            properties: {
              description: `WireGuard between nodes (${enc.kind === 'acnsWireGuard' ? 'ACNS' : 'Calico'}), UDP ${port}`,
              protocol: 'Udp',
              sourceAddressPrefix: n.nodeSubnetPrefix!,
              sourcePortRange: '*',
              destinationAddressPrefix: n.nodeSubnetPrefix!,
              destinationPortRange: String(port),
              access: 'Allow',
              priority: 100 + i,
              direction: 'Inbound',
            },
          })),
          // A network isolated cluster in your own network blocks internet egress with an NSG rule
          // (https://learn.microsoft.com/azure/aks/egress-outboundtype#outbound-type-block-preview).
          ...(isolated
            ? [
                {
                  name: 'deny-internet-outbound',
                  properties: {
                    description: 'Network isolated cluster: no egress to the internet',
                    protocol: '*',
                    sourceAddressPrefix: '*',
                    sourcePortRange: '*',
                    destinationAddressPrefix: 'Internet',
                    destinationPortRange: '*',
                    access: 'Deny',
                    priority: 4096,
                    direction: 'Outbound',
                  },
                },
              ]
            : []),
        ],
      },
    });
    // The egress route of userDefinedRouting: 0.0.0.0/0 to the hub firewall (https://learn.microsoft.com/azure/aks/egress-udr).
    if (c.outboundType.firewallPrivateIp !== undefined) {
      resources.push({
        logicalId: LogicalIds.egressRouteTable,
        type: 'Microsoft.Network/routeTables',
        apiVersion: ApiVersions.network,
        name: [`${c.name}-egress-rt`],
        location: c.location,
        tags,
        properties: {
          routes: [
            {
              name: 'default-to-firewall',
              properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: c.outboundType.firewallPrivateIp },
            },
          ],
        },
      });
    }
    const routeTableId: ArmValue | undefined =
      c.outboundType.firewallPrivateIp !== undefined ? new ArmReference(LogicalIds.egressRouteTable) : c.outboundType.routeTableId;
    // Every egress path is explicit: no subnet falls back to Azure's default outbound access
    // (https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).
    const egress: Record<string, ArmValue> = {
      defaultOutboundAccess: false,
      ...(routeTableId !== undefined ? { routeTable: { id: routeTableId } } : {}),
      ...(c.outboundType.natGatewayId !== undefined ? { natGateway: { id: c.outboundType.natGatewayId } } : {}),
    };
    const subnets: ArmValue[] = [
      {
        name: ClusterNetwork.NODE_SUBNET_NAME,
        properties: {
          addressPrefix: n.nodeSubnetPrefix!,
          networkSecurityGroup: { id: new ArmReference(LogicalIds.nodeNsg) },
          ...egress,
        },
      },
    ];
    if (n.podSubnetPrefix !== undefined) {
      subnets.push({ name: ClusterNetwork.POD_SUBNET_NAME, properties: { addressPrefix: n.podSubnetPrefix, ...egress } });
    }
    if (a.vnetIntegration) {
      subnets.push({
        name: ClusterNetwork.API_SERVER_SUBNET_NAME,
        properties: {
          addressPrefix: n.apiServerSubnetPrefix!,
          delegations: [
            {
              name: 'aks-apiserver',
              properties: { serviceName: 'Microsoft.ContainerService/managedClusters' },
            },
          ],
          networkSecurityGroup: { id: new ArmReference(LogicalIds.apiServerNsg) },
          defaultOutboundAccess: false,
        },
      });
    }
    // Subnets are declared inside the virtual network: a later PUT of a network
    // without them would try to delete subnets in use.
    resources.push({
      logicalId: LogicalIds.vnet,
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: ApiVersions.network,
      name: [`${c.name}-vnet`],
      location: c.location,
      tags,
      properties: {
        addressSpace: { addressPrefixes: [...n.addressSpace] },
        subnets,
        // Azure virtual network encryption: only AllowUnencrypted is supported
        // (https://learn.microsoft.com/azure/virtual-network/virtual-network-encryption-overview).
        ...(enc.kind === 'virtualNetworkEncryption' ? { encryption: { enabled: true, enforcement: 'AllowUnencrypted' } } : {}),
      },
    });
    nodeSubnetId = ArmReference.child(LogicalIds.vnet, 'subnets', ClusterNetwork.NODE_SUBNET_NAME);
    apiServerSubnetId = a.vnetIntegration
      ? ArmReference.child(LogicalIds.vnet, 'subnets', ClusterNetwork.API_SERVER_SUBNET_NAME)
      : undefined;
    podSubnetId = n.podSubnetPrefix !== undefined ? ArmReference.child(LogicalIds.vnet, 'subnets', ClusterNetwork.POD_SUBNET_NAME) : undefined;
  } else {
    nodeSubnetId = n.nodeSubnetId!;
    apiServerSubnetId = a.vnetIntegration ? n.apiServerSubnetId : undefined;
    podSubnetId = n.podSubnetId;
  }
  if (n.grantNetworkContributor) {
    // Network Contributor on both subnets (https://learn.microsoft.com/azure/aks/api-server-vnet-integration; https://learn.microsoft.com/azure/aks/private-clusters).
    grant('node-subnet-network-contributor', nodeSubnetId, BuiltInRoles.networkContributor, 'network-contributor-nodes');
    if (apiServerSubnetId !== undefined) {
      grant('apiserver-subnet-network-contributor', apiServerSubnetId, BuiltInRoles.networkContributor, 'network-contributor-apiserver');
    }
    if (podSubnetId !== undefined) {
      grant('pod-subnet-network-contributor', podSubnetId, BuiltInRoles.networkContributor, 'network-contributor-pods');
    }
  }

  // --- private DNS zone
  let privateDnsZone: ArmValue | undefined;
  const zone = a.isPrivate ? a.dnsZone : undefined;
  if (zone?.kind === 'system') privateDnsZone = 'system';
  if (zone?.kind === 'none') privateDnsZone = 'none';
  if (zone?.kind === 'created') {
    resources.push({
      logicalId: LogicalIds.privateDnsZone,
      type: 'Microsoft.Network/privateDnsZones',
      apiVersion: ApiVersions.privateDns,
      name: [ownZoneName(c.location, a.vnetIntegration, zone.subzone)],
      location: 'global',
      tags,
      properties: {},
    });
    privateDnsZone = new ArmReference(LogicalIds.privateDnsZone);
  }
  if (zone?.kind === 'existing') privateDnsZone = zone.zoneId!;
  if (zone?.isOwnZone) {
    if (zone.kind === 'created' || zone.grantZoneContributor) {
      grant('private-dns-zone-contributor', privateDnsZone!, BuiltInRoles.privateDnsZoneContributor, 'private-dns-zone-contributor');
    }
    const existingZone = zone.kind === 'existing' ? parseResourceId(zone.zoneId!)! : undefined;
    const zoneNameSegment: ArmValue = existingZone?.names[0] ?? ownZoneName(c.location, a.vnetIntegration, zone.subzone);
    for (const vnetId of [...zone.linkedVnetIds].sort()) {
      const vnet = parseResourceId(vnetId)!;
      const linkName = `${vnet.names[0]}-${shortHash(vnetId)}`;
      const link: ArmResource = {
        logicalId: `dns-link-${linkName}`,
        type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
        apiVersion: ApiVersions.privateDns,
        name: [zoneNameSegment, linkName],
        location: 'global',
        tags,
        // Links live with the zone: in a hub resource group when the zone is brought by id.
        targetResourceGroup: existingZone
          ? { subscriptionId: existingZone.subscriptionId, resourceGroup: existingZone.resourceGroup }
          : undefined,
        properties: {
          virtualNetwork: { id: vnetId },
          registrationEnabled: false,
        },
        dependsOn: zone.kind === 'created' ? [LogicalIds.privateDnsZone] : undefined,
      };
      resources.push(link);
    }
  }

  // --- monitoring: the workspace of Defender for Containers and Container Insights
  let workspaceId: ArmValue | undefined;
  if (c.monitoring.kind === 'created') {
    resources.push({
      logicalId: LogicalIds.logAnalytics,
      type: 'Microsoft.OperationalInsights/workspaces',
      apiVersion: ApiVersions.operationalInsights,
      name: [`${c.name}-logs`],
      location: c.location,
      tags,
      properties: { sku: { name: 'PerGB2018' }, retentionInDays: c.monitoring.retentionInDays! },
    });
    workspaceId = new ArmReference(LogicalIds.logAnalytics);
  } else if (c.monitoring.kind === 'existing') {
    workspaceId = c.monitoring.workspaceId!;
  }

  // --- kubenet writes the pod routes into the node subnet's route table: with a route table for
  // egress, the control plane identity needs Network Contributor on it (https://learn.microsoft.com/azure/aks/configure-kubenet#bring-your-own-subnet-and-route-table-with-kubenet).
  if (c.podNetworking.mode === 'kubenet' && n.kind === 'created' && (c.outboundType.firewallPrivateIp !== undefined || c.outboundType.routeTableId !== undefined)) {
    const table: ArmValue = c.outboundType.firewallPrivateIp !== undefined ? new ArmReference(LogicalIds.egressRouteTable) : c.outboundType.routeTableId!;
    grant('route-table-network-contributor', table, BuiltInRoles.networkContributor, 'network-contributor-route-table');
  }

  // --- KMS: the control plane identity wraps and unwraps with the key; for a private
  // vault AKS also creates the private link (https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption).
  const kms = c.kms;
  if (kms?.keyVaultResourceId !== undefined) {
    grant('kms-key-vault-crypto-user', kms.keyVaultResourceId, BuiltInRoles.keyVaultCryptoUser, 'kms-crypto-user');
    if (kms.keyVaultNetworkAccess === 'Private') {
      grant('kms-key-vault-contributor', kms.keyVaultResourceId, BuiltInRoles.keyVaultContributor, 'kms-contributor');
    }
  }

  // --- network isolated with a brought registry: the kubelet identity pulls from it, and the
  // control plane identity attaches the kubelet identity to nodes (https://learn.microsoft.com/azure/aks/network-isolated).
  const kubelet = c.outboundType.kubeletIdentity;
  if (c.outboundType.name === 'none' && kubelet !== undefined && c.outboundType.containerRegistryId !== undefined) {
    grant('kubelet-identity-operator', kubelet.resourceId, BuiltInRoles.managedIdentityOperator, 'kubelet-identity-operator');
    resources.push({
      logicalId: 'registry-acr-pull',
      type: 'Microsoft.Authorization/roleAssignments',
      apiVersion: ApiVersions.authorization,
      name: [new GuidExpression([ResourceGroupIdExpression.INSTANCE, c.name, 'acr-pull', kubelet.principalId])],
      scope: c.outboundType.containerRegistryId,
      properties: {
        roleDefinitionId: new SubscriptionResourceIdExpression('Microsoft.Authorization/roleDefinitions', BuiltInRoles.acrPull),
        principalId: kubelet.principalId,
        principalType: 'ServicePrincipal',
      },
    });
    roleAssignmentIds.push('registry-acr-pull');
  }

  // --- the cluster
  const apiServerAccessProfile: Record<string, ArmValue> = {
    enablePrivateCluster: a.isPrivate,
    enableVnetIntegration: a.vnetIntegration,
    disableRunCommand: a.disableRunCommand,
  };
  if (apiServerSubnetId !== undefined) apiServerAccessProfile.subnetId = apiServerSubnetId;
  if (a.isPrivate) {
    apiServerAccessProfile.privateDNSZone = privateDnsZone!;
    apiServerAccessProfile.enablePrivateClusterPublicFQDN = a.publicFqdn;
  }
  // The ranges as given, so that the rules see a definition's mistake (ranges on a private cluster) in its payload.
  if (!a.isPrivate || a.authorizedIpRanges.length > 0) apiServerAccessProfile.authorizedIPRanges = [...a.authorizedIpRanges];

  const pods = c.podNetworking;
  const enc = c.transitEncryption;
  const properties: Record<string, ArmValue> = {
    ...(c.kubernetesVersion ? { kubernetesVersion: c.kubernetesVersion } : {}),
    ...(c.dnsPrefix !== undefined ? { dnsPrefix: c.dnsPrefix } : {}),
    ...(c.fqdnSubdomain !== undefined ? { fqdnSubdomain: c.fqdnSubdomain } : {}),
    enableRBAC: true,
    // Local accounts off: every credential is an Entra ID token (manage-local-accounts-managed-azure-ad).
    disableLocalAccounts: true,
    aadProfile: {
      managed: true,
      enableAzureRBAC: true,
      ...(c.adminGroupObjectIds.length > 0 ? { adminGroupObjectIDs: [...c.adminGroupObjectIds] } : {}),
    },
    agentPoolProfiles: allNodePools(c).map((pool) => ({
      name: pool.name,
      mode: pool.mode,
      type: 'VirtualMachineScaleSets',
      osType: pool.osType,
      ...(pool.osSku ? { osSKU: pool.osSku } : {}),
      vmSize: pool.vmSize,
      count: pool.count,
      availabilityZones: [...pool.availabilityZones],
      vnetSubnetID: nodeSubnetId,
      ...(pods.mode === 'podSubnet' && podSubnetId !== undefined ? { podSubnetID: podSubnetId } : {}),
      enableFIPS: pool.enableFips,
      enableEncryptionAtHost: c.encryptionAtHost,
      // Ephemeral OS disks where the size has a local disk to hold them (CKV_AZURE_226).
      osDiskType: hasLocalTempDisk(pool.vmSize) ? 'Ephemeral' : 'Managed',
      maxPods: MAX_PODS_PER_NODE,
      securityProfile: { sshAccess: c.nodeSshAccess },
      ...(pool.nodeTaints.length > 0 ? { nodeTaints: [...pool.nodeTaints] } : {}),
    })),
    addonProfiles: {
      azurepolicy: { enabled: c.azurePolicy },
      azureKeyvaultSecretsProvider: {
        enabled: c.keyVaultSecretsProvider,
        ...(c.keyVaultSecretsProvider ? { config: { enableSecretRotation: 'true', rotationPollInterval: '2m' } } : {}),
      },
      omsagent:
        workspaceId !== undefined
          ? { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspaceId, useAADAuth: 'true' } }
          : { enabled: false },
    },
    ...(c.workloadIdentity ? { oidcIssuerProfile: { enabled: true } } : {}),
    ...(kubelet !== undefined && c.outboundType.name === 'none'
      ? { identityProfile: { kubeletidentity: { resourceId: kubelet.resourceId, clientId: kubelet.clientId, objectId: kubelet.principalId } } }
      : {}),
    ...(c.outboundType.name === 'none'
      ? {
          // Nodes bootstrap from a private registry cache, not Microsoft Artifact Registry
          // (https://learn.microsoft.com/azure/aks/concepts-network-isolated).
          bootstrapProfile: {
            artifactSource: 'Cache',
            ...(c.outboundType.containerRegistryId !== undefined ? { containerRegistryId: c.outboundType.containerRegistryId } : {}),
          },
        }
      : {}),
    serviceMeshProfile: c.istioAddon
      ? {
          mode: 'Istio',
          istio: {
            revisions: [c.istioAddon.revision],
            components: {
              ingressGateways: [
                { mode: 'Internal', enabled: c.istioAddon.internalIngressGateway },
                { mode: 'External', enabled: c.istioAddon.externalIngressGateway },
              ],
              ...(c.istioAddon.egressGateways.length > 0
                ? {
                    egressGateways: c.istioAddon.egressGateways.map((g) => ({
                      enabled: true,
                      name: g.name,
                      namespace: g.namespace,
                      gatewayConfigurationName: g.gatewayConfigurationName,
                    })),
                  }
                : {}),
            },
          },
        }
      : // Explicitly off: removing the add-on from the definition turns it off.
        { mode: 'Disabled' },
    securityProfile: {
      imageCleaner: c.imageCleaner.enabled ? { enabled: true, intervalHours: c.imageCleaner.intervalHours } : { enabled: false },
      workloadIdentity: { enabled: c.workloadIdentity },
      defender:
        workspaceId !== undefined
          ? { logAnalyticsWorkspaceResourceId: workspaceId, securityMonitoring: { enabled: true } }
          : { securityMonitoring: { enabled: false } },
      ...(kms !== undefined
        ? {
            azureKeyVaultKms: {
              enabled: true,
              keyId: kms.keyId,
              keyVaultNetworkAccess: kms.keyVaultNetworkAccess,
              // The API takes the vault id only with private network access.
              ...(kms.keyVaultNetworkAccess === 'Private' && kms.keyVaultResourceId !== undefined ? { keyVaultResourceId: kms.keyVaultResourceId } : {}),
            },
          }
        : {}),
    },
    ...(c.diskEncryptionSetId !== undefined ? { diskEncryptionSetID: c.diskEncryptionSetId } : {}),
    autoUpgradeProfile: { upgradeChannel: c.autoUpgrade.upgradeChannel, nodeOSUpgradeChannel: c.autoUpgrade.nodeOSUpgradeChannel },
    networkProfile: {
      networkPlugin: pods.networkPlugin,
      ...(pods.mode === 'overlay' ? { networkPluginMode: 'overlay' } : {}),
      ...(c.networkDataplane ? { networkDataplane: c.networkDataplane } : {}),
      networkPolicy: c.networkPolicy,
      ...(pods.podCidr !== undefined ? { podCidr: pods.podCidr } : {}),
      serviceCidr: c.serviceCidr,
      dnsServiceIP: c.dnsServiceIp,
      loadBalancerSku: 'standard',
      outboundType: c.outboundType.name,
      // ACNS WireGuard is off by default even with ACNS on: the type must be set (https://learn.microsoft.com/azure/aks/how-to-apply-wireguard).
      advancedNetworking:
        enc.kind === 'acnsWireGuard'
          ? {
              enabled: true,
              observability: { enabled: enc.observability },
              security: { enabled: true, transitEncryption: { type: 'WireGuard' } },
            }
          : { enabled: false },
    },
    apiServerAccessProfile,
  };

  const createOnly: string[] = [...CREATE_ONLY_CLUSTER_PROPERTIES];
  if (c.networkDataplane !== 'cilium') {
    // Azure upgrades a cluster to the Cilium dataplane in place but never back
    // (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium). Replacement options apply to the new
    // state, so marking the field only when the target is not Cilium makes
    // cilium -> azure a replacement and keeps azure -> cilium an update.
    createOnly.push('networkProfile.networkDataplane');
  }
  if (!a.vnetIntegration) {
    // Without VNet Integration a public cluster cannot become private, nor the reverse (https://learn.microsoft.com/azure/aks/private-clusters).
    createOnly.push('apiServerAccessProfile.enablePrivateCluster');
  }

  resources.push({
    logicalId: LogicalIds.cluster,
    type: 'Microsoft.ContainerService/managedClusters',
    apiVersion: ApiVersions.managedClusters,
    name: [c.name],
    location: c.location,
    tags,
    sku: { name: 'Base', tier: c.tier },
    identity:
      identityId !== undefined
        ? { type: 'UserAssigned', userAssignedIdentities: [identityId] }
        : { type: 'SystemAssigned' },
    properties,
    createOnlyProperties: createOnly,
    // The identity's roles must exist before AKS uses them to join the subnets and write DNS records.
    dependsOn: [...roleAssignmentIds, ...resources.filter((r) => r.logicalId.startsWith('dns-link-')).map((r) => r.logicalId)],
  });

  // --- control-plane audit logs, to the workspace (and a storage account and an Event Hub when given)
  const eventHub = c.auditLogs.eventHub;
  // Written whenever the logs are on, destination or not, so that the rules see a definition's missing destination in its payload.
  if (c.auditLogs.enabled) {
    resources.push({
      logicalId: LogicalIds.auditLogs,
      type: 'Microsoft.Insights/diagnosticSettings',
      apiVersion: ApiVersions.diagnosticSettings,
      name: [`${c.name}-audit-logs`],
      scope: new ArmReference(LogicalIds.cluster),
      properties: {
        ...(workspaceId !== undefined ? { workspaceId } : {}),
        ...(c.auditLogs.storageAccountId !== undefined ? { storageAccountId: c.auditLogs.storageAccountId } : {}),
        ...(eventHub !== undefined ? { eventHubAuthorizationRuleId: eventHub.authorizationRuleId, ...(eventHub.name !== undefined ? { eventHubName: eventHub.name } : {}) } : {}),
        logs: c.auditLogs.categories.map((category) => ({ category, enabled: true })),
      },
    });
  }

  // --- run command, when it stays on: exactly its two actions, to the named principals
  if (!a.disableRunCommand && a.runCommandPrincipals.length > 0) {
    resources.push({
      logicalId: LogicalIds.runCommandRole,
      type: 'Microsoft.Authorization/roleDefinitions',
      apiVersion: ApiVersions.authorization,
      name: [new GuidExpression([ResourceGroupIdExpression.INSTANCE, c.name, 'run-command'])],
      properties: {
        roleName: new ConcatExpression([`AKS run command on ${c.name} (`, ResourceGroupIdExpression.INSTANCE, ')']),
        description: `Exactly the actions az aks command invoke needs on cluster ${c.name}`,
        type: 'CustomRole',
        permissions: [{ actions: [...RUN_COMMAND_ACTIONS], notActions: [] }],
        assignableScopes: [ResourceGroupIdExpression.INSTANCE],
      },
    });
    const roleName = new GuidExpression([ResourceGroupIdExpression.INSTANCE, c.name, 'run-command']);
    for (const p of a.runCommandPrincipals) {
      resources.push({
        logicalId: `run-command-${p.principalId}`,
        type: 'Microsoft.Authorization/roleAssignments',
        apiVersion: ApiVersions.authorization,
        name: [new GuidExpression([ResourceGroupIdExpression.INSTANCE, c.name, 'run-command', p.principalId])],
        scope: new ArmReference(LogicalIds.cluster),
        properties: {
          // Role definition ids are subscription-level ids, whatever scope the role was created at.
          roleDefinitionId: new SubscriptionResourceIdExpression('Microsoft.Authorization/roleDefinitions', roleName),
          principalId: p.principalId,
          principalType: p.principalType,
        },
        dependsOn: [LogicalIds.runCommandRole],
      });
    }
  }
  // --- federated identity credentials: the cluster's OIDC issuer vouches for each service account
  // (https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster)
  for (const f of c.federatedIdentities) {
    const identity = parseResourceId(f.identityId)!;
    resources.push({
      logicalId: `federated-${f.name}`,
      type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
      apiVersion: ApiVersions.userAssignedIdentities,
      name: [identity.names[0], f.name],
      // The credential lives with its identity, in whatever resource group that is.
      targetResourceGroup: { subscriptionId: identity.subscriptionId, resourceGroup: identity.resourceGroup },
      properties: {
        issuer: new ArmReference(LogicalIds.cluster, 'oidcIssuerProfile.issuerURL'),
        subject: federatedSubject(f),
        audiences: [WORKLOAD_IDENTITY_AUDIENCE],
      },
    });
  }

  // --- delete locks on what the model creates (https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources)
  if (c.deleteLocks) {
    const created = new Set(resources.map((r) => r.logicalId));
    for (const target of LOCKED_RESOURCES.filter((id) => created.has(id))) {
      resources.push({
        logicalId: `lock-${target}`,
        type: 'Microsoft.Authorization/locks',
        apiVersion: ApiVersions.locks,
        name: [`${c.name}-do-not-delete`],
        scope: new ArmReference(target),
        properties: {
          level: 'CanNotDelete',
          notes: `secure-aks: part of cluster ${c.name}. Remove this lock deliberately before deleting the resource (or a node pool of the cluster).`,
        },
      });
    }
  }
  return resources;
}
