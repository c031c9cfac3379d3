import { zod, lazySchema } from '../validation/lazy-zod';
import { ACKNOWLEDGEMENTS, Acknowledgement } from '../validation/acknowledgement';
import { factoryResult, nonEmptyText, schemaOf, text, textList } from '../validation/input-boundary';
import { ApiServerAccess } from './api-server-access';
import { ClusterMonitoring } from './cluster-monitoring';
import { ClusterIdentity } from './cluster-identity';
import { ClusterNetwork } from './cluster-network';
import { TRANSIT_ENCRYPTION_RESULT, TransitEncryption } from '../encryption/transit-encryption';
import { NODE_POOL_PROPS, NodePoolProps } from './node-pool';
import { OutboundType } from './outbound-type';
import { FEDERATED_IDENTITY_PROPS, FederatedIdentityProps } from './federated-identity';
import { PodNetworking } from './pod-networking';
import { SYSTEM_NODE_POOL_PROPS, SystemNodePoolProps } from './system-node-pool';

/**
 * The control-plane log categories of a managed cluster (`kube-audit-admin` is `kube-audit` without get and list).
 * @category Clusters
 */
export const CONTROL_PLANE_LOG_CATEGORIES = [
  'kube-audit-admin',
  'kube-audit',
  'guard',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'cluster-autoscaler',
  'cloud-controller-manager',
  'csi-azuredisk-controller',
  'csi-azurefile-controller',
  'csi-snapshot-controller',
] as const;
/**
 * One of {@link CONTROL_PLANE_LOG_CATEGORIES}.
 * @category Clusters
 */
export type ControlPlaneLogCategory = (typeof CONTROL_PLANE_LOG_CATEGORIES)[number];

/**
 * Intent for a hardened AKS cluster.
 * @category Clusters
 */
export interface HardenedClusterProps {
  /**
   * The managed cluster's resource name. Other resource names derive from it.
   * Changing it replaces the cluster.
   */
  readonly name: string;
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /**
   * How the API server is reached.
   * @default ApiServerAccess.private() - private, privateDNSZone system, no public FQDN, run command off, API Server VNet Integration
   */
  readonly apiServerAccess?: ApiServerAccess;
  /**
   * The virtual network and subnets.
   * @default ClusterNetwork.create()
   */
  readonly network?: ClusterNetwork;
  /**
   * The control plane identity.
   * @default ClusterIdentity.create() - a user-assigned identity created with the cluster
   */
  readonly identity?: ClusterIdentity;
  /**
   * Kubernetes version.
   * @default - the region's default version at creation
   */
  readonly kubernetesVersion?: string;
  /**
   * DNS prefix of the API server FQDN. Create-only. Mutually exclusive with `fqdnSubdomain`.
   * @default - the cluster name, unless `fqdnSubdomain` is set
   */
  readonly dnsPrefix?: string;
  /**
   * FQDN subdomain of a private cluster with an own private DNS zone. Create-only.
   * @default - none
   */
  readonly fqdnSubdomain?: string;
  /**
   * The system node pool.
   * @default - 3 x Standard_D4ds_v5 Azure Linux nodes in zones 1, 2 and 3
   */
  readonly systemPool?: SystemNodePoolProps;
  /**
   * User node pools beside the system pool.
   * @default []
   */
  readonly userNodePools?: readonly NodePoolProps[];
  /**
   * How pods get their addresses (network plugin and mode). Create-only.
   * @default PodNetworking.azureCniOverlay() - pod CIDR 10.244.0.0/16
   */
  readonly podNetworking?: PodNetworking;
  /**
   * How pod traffic between nodes is encrypted.
   * @default TransitEncryption.acnsWireGuard()
   * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
   */
  readonly transitEncryption?: TransitEncryption;
  /**
   * `networkProfile.networkDataplane`.
   * @default - cilium, except for Calico WireGuard, kubenet and the node subnet mode (azure)
   */
  readonly networkDataplane?: 'azure' | 'cilium';
  /**
   * `networkProfile.networkPolicy`.
   * @default - cilium on the Cilium dataplane, calico for Calico WireGuard and kubenet, otherwise azure
   */
  readonly networkPolicy?: 'cilium' | 'calico' | 'azure' | 'none';
  /**
   * Kubernetes service CIDR. Create-only.
   * @default '10.0.0.0/16'
   */
  readonly serviceCidr?: string;
  /**
   * Cluster DNS service IP, inside `serviceCidr`. Create-only.
   * @default '10.0.0.10'
   */
  readonly dnsServiceIp?: string;
  /**
   * Entra ID groups that get cluster-admin through Azure RBAC.
   * @default []
   */
  readonly adminGroupObjectIds?: readonly string[];
  /**
   * Pricing tier. `Standard` carries the uptime SLA.
   * @default 'Standard'
   */
  readonly tier?: 'Free' | 'Standard' | 'Premium';
  /**
   * The Log Analytics workspace of Microsoft Defender for Containers and Container Insights.
   * @default ClusterMonitoring.createWorkspace()
   */
  readonly monitoring?: ClusterMonitoring;
  /**
   * Automatic upgrades of Kubernetes and of the node OS image.
   * @default { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'NodeImage' }
   * @see https://learn.microsoft.com/azure/aks/auto-upgrade-cluster
   */
  readonly autoUpgrade?: {
    readonly upgradeChannel: 'patch' | 'stable' | 'rapid' | 'node-image' | 'none';
    readonly nodeOSUpgradeChannel: 'NodeImage' | 'SecurityPatch' | 'Unmanaged' | 'None';
  };
  /**
   * The Azure Policy add-on (Gatekeeper), for the Kubernetes policies of Azure Policy.
   * @default true
   */
  readonly azurePolicy?: boolean;
  /**
   * The Key Vault provider for the Secrets Store CSI driver, with secret rotation every 2 minutes.
   * @default true
   */
  readonly keyVaultSecretsProvider?: boolean;
  /**
   * Encryption at host of every node pool (temp disks and caches). Needs the
   * subscription feature Microsoft.Compute/EncryptionAtHost.
   * @default true
   * @see https://learn.microsoft.com/azure/aks/enable-host-encryption
   */
  readonly encryptionAtHost?: boolean;
  /**
   * Resource id of a disk encryption set, to encrypt OS and data disks with
   * customer-managed keys. Create-only.
   * @default - platform-managed keys
   * @see https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys
   */
  readonly diskEncryptionSetId?: string;
  /**
   * SSH access to the nodes of every pool (`agentPoolProfiles[].securityProfile.sshAccess`).
   * `EntraId` allows SSH with Entra ID credentials only; `LocalUser` (a local key) is reported.
   * @default 'Disabled'
   * @see https://learn.microsoft.com/azure/aks/manage-ssh-node-access
   */
  readonly nodeSshAccess?: 'Disabled' | 'EntraId' | 'LocalUser';
  /**
   * Image Cleaner: removes unused images with known vulnerabilities from the nodes
   * (`securityProfile.imageCleaner`), every `intervalHours` (24 to 2,160).
   * @default { enabled: true, intervalHours: 168 }
   * @see https://learn.microsoft.com/azure/aks/image-cleaner
   */
  readonly imageCleaner?: { readonly enabled?: boolean; readonly intervalHours?: number };
  /**
   * Microsoft Entra Workload ID: workloads get Azure credentials from a
   * federated service account token instead of secrets. Turns on the OIDC
   * issuer (`oidcIssuerProfile`), whose URL the component and the template
   * output. The issuer cannot be turned off once on.
   * @default true
   * @see https://learn.microsoft.com/azure/aks/workload-identity-overview
   */
  readonly workloadIdentity?: boolean;
  /**
   * Control-plane audit logs: a diagnostic setting on the cluster that sends
   * these log categories to the cluster's Log Analytics workspace (and to a
   * storage account for retention, and to an Event Hub for a SIEM, when given).
   * @default { enabled: true, categories: ['kube-audit-admin', 'guard'] }
   * @see https://learn.microsoft.com/azure/aks/monitor-aks-reference#resource-logs
   */
  readonly auditLogs?: {
    readonly enabled?: boolean;
    readonly categories?: readonly ControlPlaneLogCategory[];
    /** Resource id of a storage account that keeps the logs (retention), beside the workspace. */
    readonly storageAccountId?: string;
    /**
     * An Event Hub that streams the logs on (to a SIEM), beside the workspace: the
     * namespace's authorization rule id
     * (`Microsoft.EventHub/namespaces/authorizationRules`) and, optionally, the hub's name.
     */
    readonly eventHub?: { readonly authorizationRuleId: string; readonly name?: string };
  };
  /**
   * User-assigned identities federated with service accounts of this cluster
   * (a federated identity credential each, issued by the cluster's OIDC
   * issuer). Needs `workloadIdentity`. Give each service account its
   * annotation with `workloadIdentityServiceAccount()` or the cdk8s
   * `WorkloadIdentityServiceAccount`.
   * @default []
   * @see https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster
   */
  readonly federatedIdentities?: readonly FederatedIdentityProps[];
  /**
   * How the nodes reach outside the virtual network: the cluster's egress path.
   * @default OutboundType.loadBalancer() - a public egress IP on the cluster's load balancer, reported
   * @see https://learn.microsoft.com/azure/aks/egress-outboundtype
   */
  readonly outboundType?: OutboundType;
  /**
   * KMS etcd encryption: Kubernetes secrets are encrypted in etcd with a Key
   * Vault key you bring (`securityProfile.azureKeyVaultKms`). Needs a
   * user-assigned control plane identity; the library grants it Key Vault
   * Crypto User (and Key Vault Contributor for a private vault) when
   * `keyVaultResourceId` is given.
   * @default - off: secrets in etcd are encrypted with platform-managed keys only (reported in the baseline)
   * @see https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption
   */
  readonly kms?: {
    /** The versioned key identifier, `https://<vault>.vault.azure.net/keys/<key>/<version>`. */
    readonly keyId: string;
    /**
     * `Private`: the vault disables public access and AKS reaches it by private link (needs API Server VNet Integration).
     * @default 'Public'
     */
    readonly keyVaultNetworkAccess?: 'Public' | 'Private';
    /** The vault's resource id: required with `Private`; with `Public`, used only to grant the identity its role. */
    readonly keyVaultResourceId?: string;
  };
  /**
   * The AKS Istio add-on (`serviceMeshProfile`): Microsoft's managed Istio control
   * plane at a revision of its support calendar. Install no open-source Istio
   * alongside it.
   * @default - off
   * @see https://learn.microsoft.com/azure/aks/istio-about
   */
  readonly istioAddon?: {
    /** The revision, e.g. `asm-1-30` (see https://learn.microsoft.com/azure/aks/istio-support-policy). */
    readonly revision: string;
    /**
     * The add-on's internal ingress gateway (`aks-istio-ingressgateway-internal`, a private load balancer).
     * @default true
     */
    readonly internalIngressGateway?: boolean;
    /**
     * The add-on's external ingress gateway: a public load balancer, reported as a warning.
     * @default false
     */
    readonly externalIngressGateway?: boolean;
    /**
     * Add-on egress gateways. Each needs a Static Egress Gateway `StaticGatewayConfiguration`
     * of that name in its namespace (https://learn.microsoft.com/azure/aks/istio-deploy-egress).
     * @default []
     */
    readonly egressGateways?: readonly { readonly name: string; readonly namespace?: string; readonly gatewayConfigurationName: string }[];
  };
  /**
   * A `CanNotDelete` management lock on the cluster and on the network and
   * log resources the library creates, so nothing is deleted by accident.
   * Turning it off is reported as a warning.
   * @default true
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources
   */
  readonly deleteLocks?: boolean;
  /**
   * Tags on every resource.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Warnings reviewed and accepted, each by rule id with the reason. They are
   * no longer printed, and are recorded in the security baseline report.
   * @default []
   * @see https://github.com/cdklabs/cdk-nag#suppressing-a-rule
   */
  readonly acknowledgements?: readonly Acknowledgement[];
}

/** The runtime schema of {@link HardenedClusterProps}: checked before any rule reads a value. @internal */
export const HARDENED_CLUSTER_PROPS = lazySchema(() => schemaOf<HardenedClusterProps>()(
  zod.strictObject({
    name: text(),
    location: text(),
    apiServerAccess: factoryResult(ApiServerAccess, 'ApiServerAccess.private(), .public({ authorizedIpRanges }) or .unrestrictedPublic()').optional(),
    network: factoryResult(ClusterNetwork, 'ClusterNetwork.create() or ClusterNetwork.fromSubnetIds({ nodeSubnetId })').optional(),
    identity: factoryResult(ClusterIdentity, 'ClusterIdentity.create(), .fromUserAssigned(resourceId, principalId) or .systemAssigned()').optional(),
    // An empty version asks Azure for its default; a definition that wants the default leaves the property out.
    kubernetesVersion: nonEmptyText('a version such as "1.33", or no kubernetesVersion for Azure\'s default').optional(),
    dnsPrefix: text().optional(),
    fqdnSubdomain: text().optional(),
    systemPool: SYSTEM_NODE_POOL_PROPS.optional(),
    userNodePools: zod.array(NODE_POOL_PROPS).readonly().optional(),
    podNetworking: factoryResult(PodNetworking, 'PodNetworking.azureCniOverlay(), .azureCniPodSubnet(), .azureCniNodeSubnet(), .kubenet() or .byoCni()').optional(),
    transitEncryption: TRANSIT_ENCRYPTION_RESULT.optional(),
    networkDataplane: zod.enum(['azure', 'cilium']).optional(),
    networkPolicy: zod.enum(['cilium', 'calico', 'azure', 'none']).optional(),
    serviceCidr: text().optional(),
    dnsServiceIp: text().optional(),
    adminGroupObjectIds: textList().optional(),
    tier: zod.enum(['Free', 'Standard', 'Premium']).optional(),
    monitoring: factoryResult(ClusterMonitoring, 'ClusterMonitoring.createWorkspace(), .fromWorkspaceId(id) or .none()').optional(),
    autoUpgrade: zod
      .strictObject({
        upgradeChannel: zod.enum(['patch', 'stable', 'rapid', 'node-image', 'none']),
        nodeOSUpgradeChannel: zod.enum(['NodeImage', 'SecurityPatch', 'Unmanaged', 'None']),
      })
      .optional(),
    azurePolicy: zod.boolean().optional(),
    keyVaultSecretsProvider: zod.boolean().optional(),
    encryptionAtHost: zod.boolean().optional(),
    diskEncryptionSetId: text().optional(),
    nodeSshAccess: zod.enum(['Disabled', 'EntraId', 'LocalUser']).optional(),
    imageCleaner: zod.strictObject({ enabled: zod.boolean().optional(), intervalHours: zod.number().optional() }).optional(),
    workloadIdentity: zod.boolean().optional(),
    auditLogs: zod
      .strictObject({ enabled: zod.boolean().optional(), categories: zod.array(zod.enum(CONTROL_PLANE_LOG_CATEGORIES)).readonly().optional(),
        storageAccountId: text().optional(),
        eventHub: zod.strictObject({ authorizationRuleId: text(), name: text().optional() }).optional(),
      })
      .optional(),
    federatedIdentities: zod.array(FEDERATED_IDENTITY_PROPS).readonly().optional(),
    outboundType: factoryResult(OutboundType, 'OutboundType.loadBalancer(), .userAssignedNatGateway(), .userDefinedRouting(), .networkIsolated() or .managedNatGateway()').optional(),
    kms: zod.strictObject({ keyId: text(), keyVaultNetworkAccess: zod.enum(['Public', 'Private']).optional(), keyVaultResourceId: text().optional() }).optional(),
    istioAddon: zod
      .strictObject({
        revision: text(),
        internalIngressGateway: zod.boolean().optional(),
        externalIngressGateway: zod.boolean().optional(),
        egressGateways: zod.array(zod.strictObject({ name: text(), namespace: text().optional(), gatewayConfigurationName: text() })).readonly().optional(),
      })
      .optional(),
    deleteLocks: zod.boolean().optional(),
    tags: zod.record(text(), text()).readonly().optional(),
    acknowledgements: ACKNOWLEDGEMENTS.optional(),
  }),
));
