import { HARDENED_CLUSTER_PROPS, HardenedClusterProps } from '../aks/hardened-cluster-props';
import { ClusterDelivery } from '../gitops/cluster-delivery';
import { CROSS_CLUSTER_SERVICE_PROPS, CrossClusterServiceProps } from '../mesh/cross-cluster-link-props';
import { CUSTOMER_CA_ISSUER_RESULT, CustomerCaIssuer } from '../mesh/customer-ca-issuer';
import { factoryResult, schemaOf, text, textList } from '../validation/input-boundary';
import { zod, lazySchema } from '../validation/lazy-zod';

/**
 * One cluster of the estate: a hardened private cluster in its own spoke network.
 * Unless `serviceCidr` or `dnsServiceIp` is given, the estate derives both
 * outside every network the cluster reaches (the first free /16 of the
 * private ranges, and its tenth address), instead of AKS's 10.0.0.0/16.
 * @category Estates
 */
export interface EstateClusterProps extends Omit<HardenedClusterProps, 'network' | 'istioAddon'> {
  /**
   * Address space of the cluster's spoke network, created by the library:
   * the node subnet is its first /20, the API server subnet the /28 after it.
   */
  readonly addressSpace: string;
  /**
   * A spoke the network team already has, instead of one the library creates.
   * Its peering with the hub and the routes of its subnets are theirs: they are
   * not read offline, and the estate says so (SAKS-EST-007, SAKS-EGR-006).
   * @default - the library creates the spoke from `addressSpace`
   */
  readonly existingSpoke?: EstateExistingSpokeProps;
  /**
   * The resource group the cluster's template is deployed to (and the Pulumi component creates).
   * @default 'rg-<name>'
   */
  readonly resourceGroupName?: string;
  /**
   * How this cluster's Kubernetes objects reach it.
   * @default - the estate's `delivery`
   */
  readonly delivery?: ClusterDelivery;
}

/**
 * A spoke network brought by id.
 * @category Estates
 */
export interface EstateExistingSpokeProps {
  /** Resource id of the spoke virtual network (its address space is the cluster's `addressSpace`). */
  readonly virtualNetworkId: string;
  /** Name of the node subnet in it. */
  readonly nodeSubnetName: string;
  /** The node subnet's prefix: the links' ingress addresses are taken from it. */
  readonly nodeSubnetPrefix: string;
  /**
   * Name of the API server subnet in it (delegated to `Microsoft.ContainerService/managedClusters`, at least /28).
   * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
   */
  readonly apiServerSubnetName: string;
}

/**
 * The hub network, brought by id: the network team's, with its firewall.
 * @category Estates
 */
export interface EstateHubProps {
  /** Resource id of the hub virtual network. */
  readonly virtualNetworkId: string;
  /** The hub's address space, checked against every spoke's. */
  readonly addressSpace: readonly string[];
  /**
   * Private IP of the hub firewall: every spoke's default route goes there,
   * so egress and spoke-to-spoke traffic pass it.
   * @see https://learn.microsoft.com/azure/architecture/networking/guide/spoke-to-spoke-networking
   */
  readonly firewallPrivateIp: string;
}

/**
 * A cross-cluster link of the estate: services of `server` reached from `client` over mutual TLS.
 * @category Estates
 */
export interface EstateLinkProps {
  /** Name of the gateway pair (a DNS label), unique in the estate. */
  readonly name: string;
  /** The client cluster, by name (egress gateway). */
  readonly client: string;
  /** The server cluster, by name (ingress gateway). */
  readonly server: string;
  /** The services carried. */
  readonly services: readonly CrossClusterServiceProps[];
  /**
   * Static private IP of the server's ingress gateway load balancer for this link, in the server's node subnet.
   * @default - an address near the end of the server's node subnet, derived from the link's name (stable when links are added)
   */
  readonly ingressIp?: string;
}

/**
 * Intent for an estate: any number of clusters in one or more regions, linked in any direction, around a hub.
 * @category Estates
 */
export interface EstateProps {
  /** The subscription of the spokes and clusters (their resource ids are written into the hub's template). */
  readonly subscriptionId: string;
  /** The hub network. */
  readonly hub: EstateHubProps;
  /** The clusters. */
  readonly clusters: readonly EstateClusterProps[];
  /** The links between them. */
  readonly links: readonly EstateLinkProps[];
  /**
   * Address ranges every cluster reaches beyond the hub and the spokes:
   * on-premises networks behind ExpressRoute or VPN, other networks peered
   * with the hub. No spoke overlaps them (SAKS-EST-002), and no cluster's
   * service CIDR, DNS service IP or pod CIDR does (SAKS-EST-010): traffic to
   * them would stay inside the cluster. The derived service CIDRs avoid them.
   * @default [] - none
   * @see https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
   */
  readonly connectedNetworks?: readonly string[];
  /** The customer CA, as a cert-manager ClusterIssuer in every cluster. */
  readonly issuer: CustomerCaIssuer;
  /** How the clusters' Kubernetes objects reach them, unless a cluster says otherwise. */
  readonly delivery: ClusterDelivery;
  /**
   * Which Istio runs the mesh in every cluster.
   * @default 'openSourceIstio'
   * @see https://learn.microsoft.com/azure/aks/istio-about
   */
  readonly meshDistribution?: 'openSourceIstio' | 'aksIstioAddon';
  /**
   * An OCI registry holding copies of the pinned Helm charts
   * (`oci://<registry>.azurecr.io/<path>`, with `<path>/cert-manager`,
   * `<path>/base`, `<path>/istiod`), so the clusters fetch them from your
   * registry instead of the charts' public repositories. Flux pulls them with
   * its workload identity; a network-isolated cluster needs it (SAKS-GIT-002).
   * @default - the charts' public repositories
   * @see https://fluxcd.io/flux/components/source/helmrepositories/#helm-oci-repository
   */
  readonly helmChartMirror?: string;
  /**
   * Pinned versions of what the estate installs.
   * @default - as the platform's: cert-manager the release whose CRD schemas ship with the library, Istio 1.30.4 (checked against the shipped 1.30.3 schemas), the newest add-on revision
   */
  readonly versions?: { readonly istio?: string; readonly certManager?: string; readonly aksIstioRevision?: string };
}

const CLUSTER = lazySchema(() =>
  schemaOf<EstateClusterProps>()(
    HARDENED_CLUSTER_PROPS.omit({ network: true, istioAddon: true }).extend({
      addressSpace: text(),
      existingSpoke: zod.strictObject({ virtualNetworkId: text(), nodeSubnetName: text(), nodeSubnetPrefix: text(), apiServerSubnetName: text() }).optional(),
      resourceGroupName: text().optional(),
      delivery: factoryResult(ClusterDelivery, 'ClusterDelivery.gitOps({ ... }) or ClusterDelivery.pulumiKubernetes()').optional(),
    }),
  ),
);

/** The runtime schema of {@link EstateProps}. @internal */
export const ESTATE_PROPS = lazySchema(() =>
  schemaOf<EstateProps>()(
    zod.strictObject({
      subscriptionId: text(),
      hub: zod.strictObject({ virtualNetworkId: text(), addressSpace: textList(), firewallPrivateIp: text() }),
      clusters: zod.array(CLUSTER).readonly(),
      links: zod
        .array(zod.strictObject({ name: text(), client: text(), server: text(), services: zod.array(CROSS_CLUSTER_SERVICE_PROPS).readonly(), ingressIp: text().optional() }))
        .readonly(),
      connectedNetworks: textList().optional(),
      issuer: CUSTOMER_CA_ISSUER_RESULT,
      delivery: factoryResult(ClusterDelivery, 'ClusterDelivery.gitOps({ ... }) or ClusterDelivery.pulumiKubernetes()'),
      meshDistribution: zod.enum(['openSourceIstio', 'aksIstioAddon']).optional(),
      helmChartMirror: text().optional(),
      versions: zod.strictObject({ istio: text().optional(), certManager: text().optional(), aksIstioRevision: text().optional() }).optional(),
    }),
  ),
);
