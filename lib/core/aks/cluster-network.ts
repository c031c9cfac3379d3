import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, schemaOf, text, textList } from '../validation/input-boundary';

/**
 * Options of a virtual network the library creates for the cluster.
 * @category Network and identity
 */
export interface CreatedClusterNetworkOptions {
  /**
   * Address space of the virtual network.
   * @default ['10.224.0.0/16']
   */
  readonly addressSpace?: readonly string[];
  /**
   * Address prefix of the node subnet.
   * @default '10.224.0.0/20'
   */
  readonly nodeSubnetPrefix?: string;
  /**
   * Address prefix of the API server subnet (API Server VNet Integration). At least /28.
   * @default '10.224.16.0/28'
   * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
   */
  readonly apiServerSubnetPrefix?: string;
  /**
   * Address prefix of a pod subnet, for `PodNetworking.azureCniPodSubnet()`.
   * @default - no pod subnet
   */
  readonly podSubnetPrefix?: string;
}

/**
 * An existing network, by resource ids.
 * @category Network and identity
 */
export interface ExistingClusterNetworkOptions {
  /** Resource id of the node subnet. */
  readonly nodeSubnetId: string;
  /**
   * Resource id of the API server subnet: delegated to
   * `Microsoft.ContainerService/managedClusters`, at least /28, dedicated.
   * Required with API Server VNet Integration.
   * @default - none; only valid without API Server VNet Integration
   */
  readonly apiServerSubnetId?: string;
  /**
   * Resource id of the pod subnet, for `PodNetworking.azureCniPodSubnet()`.
   * @default - no pod subnet
   */
  readonly podSubnetId?: string;
  /**
   * Grant the cluster identity Network Contributor on the subnets. Turn off
   * only when the role is granted outside this deployment.
   * @default true
   */
  readonly grantNetworkContributor?: boolean;
}

const CREATED_OPTIONS = lazySchema(() => schemaOf<CreatedClusterNetworkOptions>()(
  zod.strictObject({
    addressSpace: textList().optional(),
    nodeSubnetPrefix: text().optional(),
    apiServerSubnetPrefix: text().optional(),
    podSubnetPrefix: text().optional(),
  }),
));
const EXISTING_OPTIONS = lazySchema(() => schemaOf<ExistingClusterNetworkOptions>()(
  zod.strictObject({
    nodeSubnetId: text(),
    apiServerSubnetId: text().optional(),
    podSubnetId: text().optional(),
    grantNetworkContributor: zod.boolean().optional(),
  }),
));

/**
 * The virtual network the cluster's nodes and API server live in: created by
 * the library, or brought by id.
 * @example
 * ClusterNetwork.create({ addressSpace: ['10.224.0.0/16'], nodeSubnetPrefix: '10.224.0.0/20', apiServerSubnetPrefix: '10.224.16.0/28' });
 * ClusterNetwork.fromSubnetIds({ nodeSubnetId, apiServerSubnetId });
 * @category Network and identity
 */
export class ClusterNetwork {
  /** Names of the subnets the library creates. Renaming one replaces it. */
  public static readonly NODE_SUBNET_NAME = 'nodes';
  public static readonly API_SERVER_SUBNET_NAME = 'apiserver';
  public static readonly POD_SUBNET_NAME = 'pods';

  /** The library creates the virtual network, node subnet and API server subnet. The default. */
  public static create(options: CreatedClusterNetworkOptions = {}): ClusterNetwork {
    return fromOptions(CREATED_OPTIONS, options, (o) =>
      new ClusterNetwork(
        'created',
        o.addressSpace ?? ['10.224.0.0/16'],
        o.nodeSubnetPrefix ?? '10.224.0.0/20',
        o.apiServerSubnetPrefix ?? '10.224.16.0/28',
        undefined,
        undefined,
        true,
        o.podSubnetPrefix,
        undefined,
      ),
    );
  }

  /** An existing network: the cluster is placed in the given subnets. */
  public static fromSubnetIds(options: ExistingClusterNetworkOptions): ClusterNetwork {
    return fromOptions(EXISTING_OPTIONS, options, (o) =>
      new ClusterNetwork(
        'existing',
        [],
        undefined,
        undefined,
        o.nodeSubnetId,
        o.apiServerSubnetId,
        o.grantNetworkContributor ?? true,
        undefined,
        o.podSubnetId,
      ),
    );
  }

  private constructor(
    /** Which option this is. */
    public readonly kind: 'created' | 'existing',
    /** For `created`: the address space. */
    public readonly addressSpace: readonly string[],
    /** For `created`: the node subnet prefix. */
    public readonly nodeSubnetPrefix: string | undefined,
    /** For `created`: the API server subnet prefix. */
    public readonly apiServerSubnetPrefix: string | undefined,
    /** For `existing`: the node subnet id. */
    public readonly nodeSubnetId: string | undefined,
    /** For `existing`: the API server subnet id. */
    public readonly apiServerSubnetId: string | undefined,
    /** Whether the cluster identity is granted Network Contributor on the subnets. */
    public readonly grantNetworkContributor: boolean,
    /** For `created`: the pod subnet prefix. */
    public readonly podSubnetPrefix: string | undefined,
    /** For `existing`: the pod subnet id. */
    public readonly podSubnetId: string | undefined,
  ) {}

  /** Whether the network has a pod subnet. */
  public get hasPodSubnet(): boolean {
    return this.podSubnetPrefix !== undefined || this.podSubnetId !== undefined;
  }
}
