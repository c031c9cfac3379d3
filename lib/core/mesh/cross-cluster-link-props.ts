import { zod, lazySchema } from '../validation/lazy-zod';
import { ACKNOWLEDGEMENTS, Acknowledgement } from '../validation/acknowledgement';
import { factoryResult, schemaOf, text, textList } from '../validation/input-boundary';
import { CertificateSource } from './certificate-source';
import { GatewayDeployment } from './gateway-deployment';
import { MeshFlavour } from './mesh-flavour';

/**
 * How clients reach the ServiceEntry of a TCP service (IST0134).
 * @category Cross-cluster mTLS
 */
export type ServiceEntryAddressing =
  /** istiod allocates a VIP (`networking.istio.io/enable-autoallocate-ip: "true"`); needs DNS capture in the sidecars. */
  | { readonly kind: 'autoAllocate' }
  /** Fixed VIPs in `spec.addresses`; clients must resolve the host to them (DNS capture). */
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

/**
 * The mutual TLS a backend accepts, in the words of Istio's PeerAuthentication
 * (`spec.mtls.mode`): `STRICT`, the link writes a STRICT PeerAuthentication
 * for the backend; `UNSET`, it writes none and the backend inherits its
 * namespace's or the mesh's mode, for a backend that cannot run a sidecar.
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/#PeerAuthentication-MutualTLS-Mode
 * @category Cross-cluster mTLS
 */
export type BackendMtlsMode = 'STRICT' | 'UNSET';

/**
 * The Service the server's ingress gateway forwards a link's service to.
 * @category Cross-cluster mTLS
 */
export interface CrossClusterBackendProps {
  /** The backend Service by its full cluster-local name, e.g. `mysql.default.svc.cluster.local`. */
  readonly host: string;
  /** The Service port, e.g. 3306. */
  readonly port: number;
  /**
   * Labels of the backend's pods: the STRICT PeerAuthentication selects
   * them. Without labels it applies to the backend's whole namespace (the
   * link knows the Service, not its pods), so every workload there then
   * accepts only mutual TLS.
   * @default - the whole namespace of the backend
   * @see https://istio.io/latest/docs/concepts/security/#peer-authentication
   */
  readonly workloadLabels?: Readonly<Record<string, string>>;
  /**
   * Whether the link makes the backend accept only mutual TLS. `UNSET` writes
   * no PeerAuthentication (nor its admission policy): the hop from the
   * ingress gateway to the backend is then not encrypted by the link, which
   * the coverage report says, and warning SAKS-MESH-027 asks you to
   * acknowledge.
   * @default 'STRICT'
   * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
   */
  readonly mtlsMode?: BackendMtlsMode;
}

/**
 * One TCP service reached across the clusters.
 * @category Cross-cluster mTLS
 */
export interface CrossClusterServiceProps {
  /** Short name of the service, used in object names (a DNS label). */
  readonly name: string;
  /** The service's FQDN, as clients dial it and as the certificates name it, e.g. `mysql.fqdn.example`. */
  readonly host: string;
  /** The port clients dial, e.g. 3306. */
  readonly clientPort: number;
  /** The gateway-to-gateway port on the server's ingress gateway, e.g. 13306. */
  readonly gatewayPort: number;
  /** The backend in the server cluster, e.g. `{ host: 'mysql.default.svc.cluster.local', port: 3306 }`. */
  readonly backend: CrossClusterBackendProps;
  /** Namespaces of the client workloads: the egress lockdown NetworkPolicy goes there. */
  readonly clientNamespaces: readonly string[];
  /**
   * Secret with the client certificate, in the egress gateway's namespace.
   * @default '<name>-client-credential'
   */
  readonly clientCredentialName?: string;
  /**
   * Secret with the server certificate, in the ingress gateway's namespace.
   * @default '<name>-server-credential'
   */
  readonly serverCredentialName?: string;
  /**
   * ServiceEntry addressing.
   * @default { kind: 'autoAllocate' }
   */
  readonly addressing?: ServiceEntryAddressing;
}

/**
 * One side (cluster) of the link.
 * @category Cross-cluster mTLS
 */
export interface MeshSideProps {
  /**
   * The cluster's Istio distribution.
   * @default MeshFlavour.openSourceIstio()
   */
  readonly flavour?: MeshFlavour;
  /**
   * How the side's gateway runs.
   * @default GatewayDeployment.dedicated()
   */
  readonly gateway?: GatewayDeployment;
}

/**
 * A gateway pair between two clusters, carrying one or more TCP services over mutual TLS.
 * @category Cross-cluster mTLS
 */
export interface CrossClusterLinkProps {
  /** Name of the gateway pair (a DNS label), used in object names. */
  readonly name: string;
  /** The client cluster's side (egress gateway). */
  readonly client?: MeshSideProps;
  /** The server cluster's side (ingress gateway). */
  readonly server?: MeshSideProps;
  /** Where the customer-CA certificates come from. */
  readonly certificates: CertificateSource;
  /** The services carried. */
  readonly services: readonly CrossClusterServiceProps[];
  /**
   * Istio API version of the emitted objects; `v1beta1` for meshes before Istio 1.22.
   * @default 'v1'
   */
  readonly apiVersion?: 'v1' | 'v1beta1';
  /**
   * Port of the mesh-internal hop to the egress gateway (ISTIO_MUTUAL).
   * @default 15443
   */
  readonly egressPort?: number;
  /**
   * The NetworkPolicy that lets client workloads leave the cluster only
   * through the egress gateway. `serverCidrs` narrows it: traffic to those
   * networks is denied, other external traffic allowed; without it, all
   * traffic leaving the cluster is denied.
   * @default { enabled: true }
   */
  readonly egressLockdown?: { readonly enabled?: boolean; readonly serverCidrs?: readonly string[] };
  /**
   * Make the server's dedicated ingress gateway Service an internal Azure load balancer.
   * @default true
   */
  readonly internalLoadBalancer?: boolean;
  /**
   * Static private IP of the server's dedicated ingress gateway load balancer
   * (in the cluster's node subnet), so DNS records can point at it before it
   * exists (`service.beta.kubernetes.io/azure-load-balancer-ipv4`).
   * @default - an address Azure picks
   */
  readonly ingressLoadBalancerIp?: string;
  /**
   * Warnings of the link reviewed and accepted, each by rule id with the
   * reason; recorded in `cross-cluster-encryption.md`.
   * @default []
   */
  readonly acknowledgements?: readonly Acknowledgement[];
}

/** The runtime schema of {@link CrossClusterServiceProps}. @internal */
export const CROSS_CLUSTER_SERVICE_PROPS = lazySchema(() => schemaOf<CrossClusterServiceProps>()(
  zod.strictObject({
    name: text(),
    host: text(),
    clientPort: zod.number(),
    gatewayPort: zod.number(),
    backend: zod.strictObject({
      host: text(),
      port: zod.number(),
      workloadLabels: zod.record(text(), text()).optional(),
      mtlsMode: zod.enum(['STRICT', 'UNSET']).optional(),
    }),
    clientNamespaces: textList(),
    clientCredentialName: text().optional(),
    serverCredentialName: text().optional(),
    addressing: zod
      .discriminatedUnion('kind', [zod.strictObject({ kind: zod.literal('autoAllocate') }), zod.strictObject({ kind: zod.literal('addresses'), addresses: textList() })])
      .optional(),
  }),
));

const MESH_SIDE_PROPS = lazySchema(() => schemaOf<MeshSideProps>()(
  zod.strictObject({
    flavour: factoryResult(MeshFlavour, 'MeshFlavour.openSourceIstio(), .aksIstioAddon({ revision }) or .cloudServiceMesh()').optional(),
    gateway: factoryResult(GatewayDeployment, 'GatewayDeployment.dedicated() or GatewayDeployment.shared()').optional(),
  }),
));

/** The runtime schema of {@link CrossClusterLinkProps}. @internal */
export const CROSS_CLUSTER_LINK_PROPS = lazySchema(() => schemaOf<CrossClusterLinkProps>()(
  zod.strictObject({
    name: text(),
    client: MESH_SIDE_PROPS.optional(),
    server: MESH_SIDE_PROPS.optional(),
    certificates: factoryResult(CertificateSource, 'CertificateSource.certManager({ clientIssuer }) or CertificateSource.existingSecrets()'),
    services: zod.array(CROSS_CLUSTER_SERVICE_PROPS).readonly(),
    apiVersion: zod.enum(['v1', 'v1beta1']).optional(),
    egressPort: zod.number().optional(),
    egressLockdown: zod.strictObject({ enabled: zod.boolean().optional(), serverCidrs: textList().optional() }).optional(),
    internalLoadBalancer: zod.boolean().optional(),
    ingressLoadBalancerIp: text().optional(),
    acknowledgements: ACKNOWLEDGEMENTS.optional(),
  }),
));
