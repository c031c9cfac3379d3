import { zod, lazySchema } from '../validation/lazy-zod';
import { factoryResult, fromOptions, schemaOf, text, textList } from '../validation/input-boundary';
import { PrivateDnsZone } from './private-dns-zone';

/**
 * A principal granted `az aks command invoke` on a cluster whose run command stays on.
 * @category API server access
 */
export interface RunCommandPrincipal {
  /** Object id of the user, group or service principal in Entra ID. */
  readonly principalId: string;
  /** The principal's type. */
  readonly principalType: 'User' | 'Group' | 'ServicePrincipal';
}

const RUN_COMMAND_PRINCIPAL = lazySchema(() => schemaOf<RunCommandPrincipal>()(
  zod.strictObject({ principalId: text(), principalType: zod.enum(['User', 'Group', 'ServicePrincipal']) }),
));
const RUN_COMMAND_PRINCIPALS = lazySchema(() => zod.array(RUN_COMMAND_PRINCIPAL).readonly().optional());

/**
 * Options of a private API server.
 * @category API server access
 */
export interface PrivateApiServerOptions {
  /**
   * How the API server name resolves.
   * @default PrivateDnsZone.system()
   */
  readonly dnsZone?: PrivateDnsZone;
  /**
   * Also publish a public FQDN (an A record in Azure public DNS resolving to the private IP).
   * @default false
   */
  readonly publicFqdn?: boolean;
  /**
   * Disable run command (`az aks command invoke`). Access then needs a host in
   * the cluster network or a linked network.
   * @default true
   */
  readonly disableRunCommand?: boolean;
  /**
   * Project the API server into a delegated subnet of the cluster network
   * (API Server VNet Integration) instead of a private endpoint.
   * @default true
   * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
   */
  readonly vnetIntegration?: boolean;
  /**
   * Principals granted exactly `runcommand/action` and `commandResults/read`
   * on the cluster. Requires `disableRunCommand: false`.
   * @default []
   */
  readonly runCommandPrincipals?: readonly RunCommandPrincipal[];
}

/**
 * Options of a public API server limited to authorized IP ranges.
 * @category API server access
 */
export interface PublicApiServerOptions {
  /**
   * Public IPv4 CIDR ranges allowed to reach the API server: offices, build
   * agents, and the cluster's own egress (firewall or NAT gateway) IPs.
   * `0.0.0.0/32` means "only the cluster's load balancer outbound IP".
   * @see https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
   */
  readonly authorizedIpRanges: readonly string[];
  /**
   * API Server VNet Integration: nodes reach the API server over the private
   * network, and up to 2,000 ranges are allowed.
   * @default true
   */
  readonly vnetIntegration?: boolean;
  /**
   * Disable run command (`az aks command invoke`).
   * @default true
   */
  readonly disableRunCommand?: boolean;
  /**
   * Principals granted run command. Requires `disableRunCommand: false`.
   * @default []
   */
  readonly runCommandPrincipals?: readonly RunCommandPrincipal[];
}

/**
 * Options of an unrestricted public API server.
 * @category API server access
 */
export interface UnrestrictedPublicApiServerOptions {
  /** @default true */
  readonly vnetIntegration?: boolean;
  /** @default true */
  readonly disableRunCommand?: boolean;
  /** @default [] */
  readonly runCommandPrincipals?: readonly RunCommandPrincipal[];
}

const PRIVATE_OPTIONS = lazySchema(() => schemaOf<PrivateApiServerOptions & { readonly authorizedIpRanges?: readonly string[] }>()(
  zod.strictObject({
    dnsZone: factoryResult(PrivateDnsZone, 'PrivateDnsZone.system(), .none(), .create() or .fromZoneId()').optional(),
    publicFqdn: zod.boolean().optional(),
    disableRunCommand: zod.boolean().optional(),
    vnetIntegration: zod.boolean().optional(),
    runCommandPrincipals: RUN_COMMAND_PRINCIPALS,
    // Not an option of a private API server; accepted here so that SAKS-API-001 explains why.
    authorizedIpRanges: textList().optional(),
  }),
));
const PUBLIC_OPTIONS = lazySchema(() => schemaOf<PublicApiServerOptions>()(
  zod.strictObject({
    authorizedIpRanges: textList(),
    vnetIntegration: zod.boolean().optional(),
    disableRunCommand: zod.boolean().optional(),
    runCommandPrincipals: RUN_COMMAND_PRINCIPALS,
  }),
));
const UNRESTRICTED_OPTIONS = lazySchema(() => schemaOf<UnrestrictedPublicApiServerOptions>()(
  zod.strictObject({ vnetIntegration: zod.boolean().optional(), disableRunCommand: zod.boolean().optional(), runCommandPrincipals: RUN_COMMAND_PRINCIPALS }),
));

/**
 * How the cluster's API server is reached: the `apiServerAccessProfile`.
 *
 * The three exposure modes of the AKS docs: a private API server, a public one
 * limited to authorized IP ranges, and (explicit opt-in) an unrestricted public one.
 * @see https://learn.microsoft.com/azure/architecture/aws-professional/eks-to-aks/private-clusters
 * @example
 * ApiServerAccess.private(); // the default: private, system zone, VNet Integration, run command off
 * ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(hubZoneId), publicFqdn: false });
 * ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] });
 * @category API server access
 */
export class ApiServerAccess {
  /** A private API server (`enablePrivateCluster`). The default. */
  public static private(options: PrivateApiServerOptions = {}): ApiServerAccess {
    return fromOptions(PRIVATE_OPTIONS, options, (o) => {
      // Not part of the typed options; kept when present (configuration read from
      // JSON or YAML) so that validation reports it instead of dropping it silently.
      const stray = (o as { authorizedIpRanges?: readonly string[] }).authorizedIpRanges;
      return new ApiServerAccess(
        'private',
        o.dnsZone ?? PrivateDnsZone.system(),
        o.publicFqdn ?? false,
        o.disableRunCommand ?? true,
        o.vnetIntegration ?? true,
        stray ?? [],
        o.runCommandPrincipals ?? [],
      );
    });
  }

  /** A public API server reachable only from the authorized IP ranges. */
  public static public(options: PublicApiServerOptions): ApiServerAccess {
    return fromOptions(PUBLIC_OPTIONS, options, (o) =>
      new ApiServerAccess(
        'public',
        undefined,
        false,
        o.disableRunCommand ?? true,
        o.vnetIntegration ?? true,
        o.authorizedIpRanges ?? [],
        o.runCommandPrincipals ?? [],
      ),
    );
  }

  /**
   * A public API server reachable from the whole internet. An explicit,
   * visible opt-in that is reported as a warning on every synth and deployment.
   */
  public static unrestrictedPublic(options: UnrestrictedPublicApiServerOptions = {}): ApiServerAccess {
    return fromOptions(UNRESTRICTED_OPTIONS, options, (o) =>
      new ApiServerAccess(
        'unrestricted',
        undefined,
        false,
        o.disableRunCommand ?? true,
        o.vnetIntegration ?? true,
        [],
        o.runCommandPrincipals ?? [],
      ),
    );
  }

  private constructor(
    /** Which exposure mode. */
    public readonly mode: 'private' | 'public' | 'unrestricted',
    /** For private API servers: the DNS zone option. */
    public readonly dnsZone: PrivateDnsZone | undefined,
    /** For private API servers: whether a public FQDN is published. */
    public readonly publicFqdn: boolean,
    /** Whether run command is disabled. */
    public readonly disableRunCommand: boolean,
    /** Whether API Server VNet Integration is on. */
    public readonly vnetIntegration: boolean,
    /** For public API servers: the authorized ranges. */
    public readonly authorizedIpRanges: readonly string[],
    /** Principals granted run command. */
    public readonly runCommandPrincipals: readonly RunCommandPrincipal[],
  ) {}

  /** Whether the API server is private. */
  public get isPrivate(): boolean {
    return this.mode === 'private';
  }
}
