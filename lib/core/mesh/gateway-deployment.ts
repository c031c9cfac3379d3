import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, schemaOf, text } from '../validation/input-boundary';

/**
 * Options of a gateway the library deploys for the link.
 * @category Cross-cluster mTLS
 */
export interface DedicatedGatewayOptions {
  /**
   * Namespace of the gateway workload; its credential secrets live here too.
   * @default - `secure-aks-egress` (client) / `secure-aks-ingress` (server)
   */
  readonly namespace?: string;
  /**
   * Replicas of the gateway Deployment.
   * @default 2
   */
  readonly replicas?: number;
}

/**
 * Options of a preinstalled gateway shared with other traffic.
 * @category Cross-cluster mTLS
 */
export interface SharedGatewayOptions {
  /**
   * Ports the shared gateway's Service already exposes (`port`, and
   * `targetPort` when it differs). The link's port is added with a
   * server-side-apply patch when it is not among them.
   * @default - the flavour's documented defaults (80 and 443 since Istio 1.10)
   */
  readonly existingServicePorts?: readonly { readonly port: number; readonly targetPort?: number }[];
}

/**
 * How a gateway of the link runs, and so how its port comes to exist on the
 * gateway Service in a way that survives gateway upgrades.
 * @example
 * GatewayDeployment.dedicated({ replicas: 3 }); // the default: a gateway per link
 * GatewayDeployment.shared({ existingServicePorts: [{ port: 443 }] });
 * @category Cross-cluster mTLS
 */
export class GatewayDeployment {
  /**
   * A gateway deployed for the link with gateway injection: a Deployment
   * (injected by istiod with the `gateway` template), its Service with exactly
   * the link's ports, and a ServiceAccount with a Role to read its credential
   * secrets. The default: the port is part of the charts, so no upgrade of a
   * shared gateway can remove it, and the link is isolated from other traffic.
   * @see https://istio.io/latest/docs/setup/additional-setup/gateway/
   */
  public static dedicated(options: DedicatedGatewayOptions = {}): GatewayDeployment {
    return fromOptions(DEDICATED_OPTIONS, options, (o) => new GatewayDeployment('dedicated', o.namespace, o.replicas ?? 2, undefined));
  }

  /**
   * The flavour's preinstalled gateway (the shape of Google's egress/ingress mTLS guide). The link's port is
   * added to its Service by a server-side-apply patch (field manager
   * `secure-aks`), applied by the Pulumi adapter as a `ServicePatch`, instead
   * of an imperative `kubectl patch` that the next upgrade reverts.
   */
  public static shared(options: SharedGatewayOptions = {}): GatewayDeployment {
    return fromOptions(SHARED_OPTIONS, options, (o) => new GatewayDeployment('shared', undefined, undefined, o.existingServicePorts));
  }

  private constructor(
    public readonly kind: 'dedicated' | 'shared',
    public readonly namespace: string | undefined,
    public readonly replicas: number | undefined,
    public readonly existingServicePorts: readonly { readonly port: number; readonly targetPort?: number }[] | undefined,
  ) {}
}

const DEDICATED_OPTIONS = lazySchema(() => schemaOf<DedicatedGatewayOptions>()(zod.strictObject({ namespace: text().optional(), replicas: zod.number().optional() })));
const SHARED_OPTIONS = lazySchema(() => schemaOf<SharedGatewayOptions>()(
  zod.strictObject({ existingServicePorts: zod.array(zod.strictObject({ port: zod.number(), targetPort: zod.number().optional() })).readonly().optional() }),
));
