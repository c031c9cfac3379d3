import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, text } from '../validation/input-boundary';

const POD_CIDR_OPTIONS = lazySchema(() => zod.strictObject({ podCidr: text().optional() }));

/**
 * How pods get their IP addresses: the network plugin and its mode.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
 * @example
 * PodNetworking.azureCniOverlay({ podCidr: '10.244.0.0/16' }); // the default
 * PodNetworking.azureCniPodSubnet(); // with ClusterNetwork.create({ podSubnetPrefix })
 * @category Network and identity
 */
export class PodNetworking {
  /** Azure CNI Overlay: pods get addresses from a private CIDR apart from the network. The default. */
  public static azureCniOverlay(options: { readonly podCidr?: string } = {}): PodNetworking {
    return fromOptions(POD_CIDR_OPTIONS, options, (o) => new PodNetworking('azure', 'overlay', o.podCidr ?? '10.244.0.0/16'));
  }

  /**
   * Azure CNI with a pod subnet: pods get addresses from the network's pod
   * subnet (`ClusterNetwork.create({ podSubnetPrefix })` or `podSubnetId`).
   */
  public static azureCniPodSubnet(): PodNetworking {
    return new PodNetworking('azure', 'podSubnet', undefined);
  }

  /** Legacy Azure CNI node subnet: pods share the node subnet. */
  public static azureCniNodeSubnet(): PodNetworking {
    return new PodNetworking('azure', 'nodeSubnet', undefined);
  }

  /** Legacy kubenet. */
  public static kubenet(options: { readonly podCidr?: string } = {}): PodNetworking {
    return fromOptions(POD_CIDR_OPTIONS, options, (o) => new PodNetworking('kubenet', 'kubenet', o.podCidr ?? '10.244.0.0/16'));
  }

  /** Bring your own CNI (`networkPlugin: none`). */
  public static byoCni(): PodNetworking {
    return new PodNetworking('none', 'byo', undefined);
  }

  private constructor(
    /** `networkProfile.networkPlugin`. */
    public readonly networkPlugin: 'azure' | 'kubenet' | 'none',
    /** The addressing mode. */
    public readonly mode: 'overlay' | 'podSubnet' | 'nodeSubnet' | 'kubenet' | 'byo',
    /** The pod CIDR, for overlay and kubenet. */
    public readonly podCidr: string | undefined,
  ) {}
}
