import { zod, lazySchema } from '../validation/lazy-zod';
import { schemaOf, text, textList } from '../validation/input-boundary';

/**
 * A user node pool, beside the system pool.
 * @category Clusters
 */
export interface NodePoolProps {
  /**
   * Pool name: lowercase letters and digits starting with a letter, at most
   * 12 characters (6 for Windows).
   */
  readonly name: string;
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
   * Availability zones.
   * @default ['1', '2', '3']
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Operating system.
   * @default 'Linux'
   */
  readonly osType?: 'Linux' | 'Windows';
  /**
   * FIPS-enabled node image.
   * @default false
   */
  readonly enableFips?: boolean;
}

/** The runtime schema of {@link NodePoolProps}. @internal */
export const NODE_POOL_PROPS = lazySchema(() => schemaOf<NodePoolProps>()(
  zod.strictObject({
    name: text(),
    vmSize: text().optional(),
    count: zod.number().optional(),
    availabilityZones: textList().optional(),
    osType: zod.enum(['Linux', 'Windows']).optional(),
    enableFips: zod.boolean().optional(),
  }),
));
