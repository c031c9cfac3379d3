import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, schemaOf, text, textList } from '../validation/input-boundary';

/**
 * Options for a private DNS zone the library creates for the cluster.
 * @category API server access
 */
export interface CreatedPrivateDnsZoneOptions {
  /**
   * The `<subzone>` label in front of the zone name, at most 32 characters.
   * @default - no subzone: `privatelink.<region>.azmk8s.io`, or `private.<region>.azmk8s.io` with API Server VNet Integration
   * @see https://learn.microsoft.com/azure/aks/private-clusters
   */
  readonly subzone?: string;
  /**
   * Virtual networks (resource ids) to link to the zone, such as peered hub
   * networks where jump hosts, build agents or a DNS forwarder live. The
   * cluster's own network is linked by AKS.
   * @default []
   */
  readonly linkedVnetIds?: readonly string[];
}

/**
 * Options for an existing private DNS zone.
 * @category API server access
 */
export interface ExistingPrivateDnsZoneOptions {
  /**
   * Virtual networks (resource ids) to link to the zone.
   * @default []
   */
  readonly linkedVnetIds?: readonly string[];
  /**
   * Grant the cluster identity Private DNS Zone Contributor on the zone. Turn
   * off only when the role is granted outside this deployment.
   * @default true
   */
  readonly grantZoneContributor?: boolean;
}

const CREATED_OPTIONS = lazySchema(() => schemaOf<CreatedPrivateDnsZoneOptions>()(zod.strictObject({ subzone: text().optional(), linkedVnetIds: textList().optional() })));
const EXISTING_OPTIONS = lazySchema(() => schemaOf<ExistingPrivateDnsZoneOptions & { readonly zoneId: string }>()(
  zod.strictObject({ zoneId: text(), linkedVnetIds: textList().optional(), grantZoneContributor: zod.boolean().optional() }),
));

/**
 * Where a private cluster's API server name is resolved: the
 * `apiServerAccessProfile.privateDNSZone` setting.
 * @see https://learn.microsoft.com/azure/aks/private-clusters
 * @example
 * PrivateDnsZone.system();
 * PrivateDnsZone.create({ subzone: 'payments', linkedVnetIds: [hubVnetId] });
 * PrivateDnsZone.fromZoneId('/subscriptions/<id>/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/private.westeurope.azmk8s.io');
 * @category API server access
 */
export class PrivateDnsZone {
  /** AKS creates and manages a private DNS zone in the node resource group (`system`). */
  public static system(): PrivateDnsZone {
    return new PrivateDnsZone('system');
  }

  /**
   * No private DNS zone (`none`): clients resolve the public FQDN to the
   * private IP. Requires the public FQDN.
   */
  public static none(): PrivateDnsZone {
    return new PrivateDnsZone('none');
  }

  /** The library creates an own private DNS zone in the deployment's resource group. */
  public static create(options: CreatedPrivateDnsZoneOptions = {}): PrivateDnsZone {
    return fromOptions(CREATED_OPTIONS, options, (o) => new PrivateDnsZone('created', undefined, o.subzone, o.linkedVnetIds ?? [], true));
  }

  /** An own private DNS zone that already exists, by resource id (a hub zone, often in another subscription). */
  public static fromZoneId(zoneId: string, options: ExistingPrivateDnsZoneOptions = {}): PrivateDnsZone {
    const withId = { ...(typeof options === 'object' && options !== null ? options : {}), zoneId };
    return fromOptions(EXISTING_OPTIONS, withId, (o) => new PrivateDnsZone('existing', o.zoneId ?? '', undefined, o.linkedVnetIds ?? [], o.grantZoneContributor ?? true));
  }

  private constructor(
    /** Which option this is. */
    public readonly kind: 'system' | 'none' | 'created' | 'existing',
    /** For `existing`: the zone's resource id. */
    public readonly zoneId?: string,
    /** For `created`: the subzone label. */
    public readonly subzone?: string,
    /** Virtual networks linked to an own zone. */
    public readonly linkedVnetIds: readonly string[] = [],
    /** Whether the cluster identity is granted Private DNS Zone Contributor on the zone. */
    public readonly grantZoneContributor: boolean = false,
  ) {}

  /** Whether this is an own zone (created or existing) rather than `system`/`none`. */
  public get isOwnZone(): boolean {
    return this.kind === 'created' || this.kind === 'existing';
  }
}
