import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, text } from '../validation/input-boundary';

const NAT_OPTIONS = lazySchema(() => zod.strictObject({ natGatewayId: text().optional() }));
const UDR_OPTIONS = lazySchema(() => zod.strictObject({ firewallPrivateIp: text().optional(), routeTableId: text().optional() }));
const ISOLATED_OPTIONS = lazySchema(() => zod.strictObject({
  containerRegistryId: text().optional(),
  kubeletIdentity: zod.strictObject({ resourceId: text(), clientId: text(), principalId: text() }).optional(),
}));

/**
 * A user-assigned identity brought by id, with the ids the cluster payload and role assignments need.
 * @category Network and identity
 */
export interface BroughtIdentity {
  /** Resource id of the `Microsoft.ManagedIdentity/userAssignedIdentities` resource. */
  readonly resourceId: string;
  /** Its client (application) id. */
  readonly clientId: string;
  /** Its principal (object) id. */
  readonly principalId: string;
}

/**
 * The value of `networkProfile.outboundType`.
 * @category Network and identity
 */
export type OutboundTypeName = 'loadBalancer' | 'managedNATGateway' | 'userAssignedNATGateway' | 'userDefinedRouting' | 'none';

/**
 * How nodes and pods reach outside the virtual network (`networkProfile.outboundType`).
 * With the user's own network (every network of this library), Azure changes
 * between these types in place; a change moves the cluster's egress IP, so the
 * reports show which path the deployed cluster has.
 * @see https://learn.microsoft.com/azure/aks/egress-outboundtype
 * @example
 * OutboundType.userDefinedRouting({ firewallPrivateIp: '10.0.1.4' }); // egress through the hub firewall
 * OutboundType.networkIsolated(); // no egress; nodes bootstrap from a private registry cache
 * @category Network and identity
 */
export class OutboundType {
  /**
   * Egress through the public IP of the cluster's standard load balancer, which AKS
   * creates. The default: it works without inputs, and the reports say the
   * cluster has a public egress path.
   */
  public static loadBalancer(): OutboundType {
    return new OutboundType('loadBalancer');
  }

  /**
   * An AKS-managed NAT gateway. Azure supports it only in the virtual network
   * AKS manages; every network of this library is the user's own (created or
   * brought), so the validation refuses it and points to `userAssignedNATGateway`.
   * @see https://learn.microsoft.com/azure/aks/nat-gateway
   */
  public static managedNatGateway(): OutboundType {
    return new OutboundType('managedNATGateway');
  }

  /**
   * A NAT gateway you own, associated with the node subnet: egress through its public IPs.
   * @param options.natGatewayId the `Microsoft.Network/natGateways` id; the library
   *   associates it with the subnets it creates. Leave it out with
   *   `ClusterNetwork.fromSubnetIds()`, whose subnets carry their own association.
   * @see https://learn.microsoft.com/azure/aks/nat-gateway#create-an-aks-cluster-with-a-user-assigned-nat-gateway
   */
  public static userAssignedNatGateway(options: { readonly natGatewayId?: string } = {}): OutboundType {
    return fromOptions(NAT_OPTIONS, options, (o) => new OutboundType('userAssignedNATGateway', { natGatewayId: o.natGatewayId }));
  }

  /**
   * Egress through a hub's firewall or network virtual appliance: the node
   * subnet's route table sends `0.0.0.0/0` to it, and AKS creates no public IP
   * for egress.
   * @param options.firewallPrivateIp the firewall's private IP: the library creates
   *   the route table (`<name>-egress-rt`) with the default route to it and
   *   associates it with the subnets it creates.
   * @param options.routeTableId a route table you own (`Microsoft.Network/routeTables`),
   *   associated with the subnets the library creates. Its routes are yours and
   *   are not read offline: the baseline says so.
   * @see https://learn.microsoft.com/azure/aks/egress-udr
   * @see https://learn.microsoft.com/azure/architecture/reference-architectures/containers/aks/baseline-aks
   */
  public static userDefinedRouting(options: { readonly firewallPrivateIp?: string; readonly routeTableId?: string } = {}): OutboundType {
    return fromOptions(UDR_OPTIONS, options, (o) =>
      new OutboundType('userDefinedRouting', { firewallPrivateIp: o.firewallPrivateIp, routeTableId: o.routeTableId }),
    );
  }

  /**
   * A network isolated cluster: outbound type `none`, and nodes bootstrap from a
   * private registry cache (`bootstrapProfile.artifactSource: Cache`) instead of
   * Microsoft Artifact Registry. AKS configures no egress path at all.
   * @param options.containerRegistryId your Premium registry with a private endpoint and
   *   the MCR cache rule; needs `kubeletIdentity`, which gets AcrPull on it.
   *   Leave it out and AKS creates and manages the registry.
   * @param options.kubeletIdentity the user-assigned kubelet identity (with a brought registry)
   * @see https://learn.microsoft.com/azure/aks/concepts-network-isolated
   * @see https://learn.microsoft.com/azure/aks/network-isolated
   */
  public static networkIsolated(options: { readonly containerRegistryId?: string; readonly kubeletIdentity?: BroughtIdentity } = {}): OutboundType {
    return fromOptions(ISOLATED_OPTIONS, options, (o) =>
      new OutboundType('none', { containerRegistryId: o.containerRegistryId, kubeletIdentity: o.kubeletIdentity }),
    );
  }

  private constructor(
    /** The `networkProfile.outboundType` value. */
    public readonly name: OutboundTypeName,
    private readonly options: {
      readonly natGatewayId?: string;
      readonly firewallPrivateIp?: string;
      readonly routeTableId?: string;
      readonly containerRegistryId?: string;
      readonly kubeletIdentity?: BroughtIdentity;
    } = {},
  ) {}

  /** The NAT gateway to associate with created subnets. */
  public get natGatewayId(): string | undefined {
    return this.options.natGatewayId;
  }

  /** The next hop of the default route of a route table the library creates. */
  public get firewallPrivateIp(): string | undefined {
    return this.options.firewallPrivateIp;
  }

  /** A route table brought by id. */
  public get routeTableId(): string | undefined {
    return this.options.routeTableId;
  }

  /** A registry brought for the bootstrap artifact cache. */
  public get containerRegistryId(): string | undefined {
    return this.options.containerRegistryId;
  }

  /** The kubelet identity brought with the registry. */
  public get kubeletIdentity(): BroughtIdentity | undefined {
    return this.options.kubeletIdentity;
  }

  /** Whether AKS itself gives the nodes a public egress IP (load balancer or NAT gateway). */
  public get hasPublicEgressIp(): boolean {
    return this.name === 'loadBalancer' || this.name === 'managedNATGateway' || this.name === 'userAssignedNATGateway';
  }
}
