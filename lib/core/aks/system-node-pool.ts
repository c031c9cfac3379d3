import { zod, lazySchema } from '../validation/lazy-zod';
import { schemaOf, text, textList } from '../validation/input-boundary';

/**
 * The cluster's system node pool.
 * @category Clusters
 */
export interface SystemNodePoolProps {
  /**
   * Pool name: lowercase letters and digits, at most 12 characters.
   * @default 'system'
   */
  readonly name?: string;
  /**
   * VM size of the nodes.
   * @default 'Standard_D4ds_v5'
   */
  readonly vmSize?: string;
  /**
   * Number of nodes.
   * @default 3
   */
  readonly count?: number;
  /**
   * Availability zones to spread the nodes over.
   * @default ['1', '2', '3']
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Node OS SKU.
   * @default 'AzureLinux'
   */
  readonly osSku?: 'AzureLinux' | 'Ubuntu';
  /**
   * FIPS-enabled node image.
   * @default false
   */
  readonly enableFips?: boolean;
  /**
   * Taint the pool `CriticalAddonsOnly=true:NoSchedule`, so only system pods
   * run there. When on and no user pool is given, a user pool `user` is added.
   * @default true
   * @see https://learn.microsoft.com/azure/aks/use-system-pools
   */
  readonly onlyCriticalAddons?: boolean;
}

/** The runtime schema of {@link SystemNodePoolProps}. @internal */
export const SYSTEM_NODE_POOL_PROPS = lazySchema(() => schemaOf<SystemNodePoolProps>()(
  zod.strictObject({
    name: text().optional(),
    vmSize: text().optional(),
    count: zod.number().optional(),
    availabilityZones: textList().optional(),
    osSku: zod.enum(['AzureLinux', 'Ubuntu']).optional(),
    enableFips: zod.boolean().optional(),
    onlyCriticalAddons: zod.boolean().optional(),
  }),
));
