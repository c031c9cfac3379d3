import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { AcknowledgedViolation } from '../validation/acknowledgement';
import { findInvalidForApiServer } from '../kubernetes/api-server-validity';
import { factoryResult, subject } from '../validation/input-boundary';
import { lazySchema } from '../validation/lazy-zod';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { Violation } from '../validation/violation';
import { Rule } from '../validation/rule';
import { BACKEND_MTLS_MODE, BackendPeerAuthentication, backendNamespace, backendPeerAuthentications } from './backend-peer-authentication';
import { CertificateSource } from './certificate-source';
import { CrossClusterLinkProps, CrossClusterServiceProps } from './cross-cluster-link-props';
import { GatewayDeployment } from './gateway-deployment';
import { MeshFlavour } from './mesh-flavour';
import { MeshInventory } from './mesh-inventory';
import { validateCrossClusterLink } from './validate-cross-cluster-link';

/**
 * Marks an object the Pulumi adapter applies as a server-side-apply patch (field manager `secure-aks`).
 * @category Cross-cluster mTLS
 */
export const SERVER_SIDE_PATCH_ANNOTATION = 'secure-aks.io/apply-as';
/**
 * Labels on every object of a link.
 * @category Cross-cluster mTLS
 */
export const LINK_LABEL = 'secure-aks.io/link';

/**
 * The TLS mode of each hop of a link, written once for the objects the link
 * emits and the admission policy that keeps them: Istio mTLS from the client
 * sidecar to the egress gateway, and mutual TLS with the customer CA from the
 * egress gateway's origination to the peer's ingress gateway.
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings-TLSmode
 * @internal
 */
export const LINK_TLS_MODES = { toEgressGateway: 'ISTIO_MUTUAL', betweenGateways: 'MUTUAL' } as const;

/** Ports a preinstalled gateway Service exposes by default (Istio 1.10+ egress: 80 and 443 only). */
const SHARED_DEFAULT_PORTS: Readonly<Record<'ingress' | 'egress', readonly { port: number; targetPort?: number }[]>> = {
  ingress: [{ port: 15021 }, { port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 }],
  egress: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 }],
};

/**
 * One resolved gateway of the link.
 * @category Cross-cluster mTLS
 */
export interface ResolvedGateway {
  readonly mode: 'dedicated' | 'shared';
  readonly flavour: MeshFlavour;
  /** Namespace of the gateway workload (and of its credential secrets). */
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly serviceName: string;
  /** In-cluster FQDN of the gateway Service. */
  readonly serviceHost: string;
  readonly replicas: number;
  readonly existingServicePorts: readonly { port: number; targetPort?: number }[];
}

/**
 * A service with defaults applied.
 * @category Cross-cluster mTLS
 */
export interface ResolvedService extends CrossClusterServiceProps {
  readonly clientCredentialName: string;
  readonly serverCredentialName: string;
}

/**
 * A cross-cluster mutual-TLS link through an Istio egress gateway in the
 * client cluster and an ingress gateway in the server cluster, with a
 * customer CA separate from the mesh CA. One definition yields both clusters'
 * objects, so host, ports, SNI, subsets, gateway and secret names always agree.
 * @see https://cloud.google.com/service-mesh/docs/security/egress-ingress-gateways-mtls
 * @example
 * const link = CrossClusterLink.build({
 *   name: 'mysql',
 *   certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
 *   services: [{ name: 'mysql', host: 'mysql.ledger.internal.example', clientPort: 3306, gatewayPort: 13306,
 *     backend: { host: 'mysql.default.svc.cluster.local', port: 3306 }, clientNamespaces: ['payments'] }],
 * });
 * @category Cross-cluster mTLS
 */
export class CrossClusterLink {
  /**
   * Validates the definition and builds the link.
   * @throws SecureAksValidationError listing every violated rule
   */
  public static build(props: CrossClusterLinkProps): CrossClusterLink {
    return CrossClusterLink.fromChecked(props, CrossClusterLink.validate(props));
  }

  /**
   * Builds the link from what {@link CrossClusterLink.validate} found on the
   * same `props`, for a caller that reported those violations already: the
   * definition is not checked a second time.
   * @throws SecureAksValidationError listing every violated rule
   * @internal
   */
  public static fromChecked(props: CrossClusterLinkProps, checked: ViolationCollector): CrossClusterLink {
    checked.throwIfErrors(subject('cross-cluster link', props));
    return new CrossClusterLink(props, checked.warnings, checked.acknowledged, checked.evaluatedRules);
  }

  /**
   * Every violation of a link definition: its own rules, and, whenever the
   * input is well typed, what needs the resolved gateways and the derived
   * names (the egress lockdown's namespaces, the objects as the API server
   * sees them), all listed at once. Nothing is thrown.
   */
  public static validate(props: CrossClusterLinkProps): ViolationCollector {
    const v = validateCrossClusterLink(props);
    if (v.errors.some((e) => e.rule.id === Rules.inputType.id)) return v;
    let link: CrossClusterLink | undefined;
    try {
      link = new CrossClusterLink(props, v.warnings, v.acknowledged);
    } catch {
      // A definition broken enough not to build is reported by its own rules.
      return v;
    }
    v.merge(CrossClusterLink.checkBuilt(link));
    return v;
  }

  /** The checks of a built link: the egress lockdown's namespaces, and its objects as the API server sees them. */
  private static checkBuilt(link: CrossClusterLink): ViolationCollector {
    const after = new ViolationCollector();
    const spared = [link.egress.namespace, link.egress.flavour.rootNamespace, 'kube-system'];
    after.evaluated(Rules.apiServerValidity);
    if (link.egressLockdown.enabled) {
      after.evaluated(Rules.meshLockdownSparesGateways);
      link.services.forEach((s, i) =>
        s.clientNamespaces.forEach((ns, j) => {
          if (spared.includes(ns)) {
            after.add(Rules.meshLockdownSparesGateways, `services[${i}].clientNamespaces[${j}]`, ns, `run the client workloads in a namespace of their own, not ${ns}`, `the egress gateway runs in ${link.egress.namespace}, the control plane in ${link.egress.flavour.rootNamespace}`);
          }
        }),
      );
    }
    for (const [side, objects] of [['client', link.clientObjects()], ['server', link.serverObjects()]] as const) {
      for (const f of findInvalidForApiServer(objects)) after.add(Rules.apiServerValidity, `${side} objects: ${f.object}`, f.message, f.fix);
    }
    for (const [side, gateway] of [['client', link.egress], ['server', link.ingress]] as const) {
      if (gateway.mode === 'dedicated' && (!Number.isInteger(gateway.replicas) || gateway.replicas < 1)) {
        after.add(Rules.apiServerValidity, `${side}.gateway.replicas`, gateway.replicas, 'give a whole number of replicas, 2 or more for availability');
      }
    }
    return after;
  }

  public readonly name: string;
  public readonly apiVersion: 'v1' | 'v1beta1';
  public readonly egressPort: number;
  public readonly egress: ResolvedGateway;
  public readonly ingress: ResolvedGateway;
  public readonly services: readonly ResolvedService[];
  public readonly certificates: CertificateSource;
  public readonly egressLockdown: { readonly enabled: boolean; readonly serverCidrs: readonly string[] };
  public readonly internalLoadBalancer: boolean;
  public readonly ingressLoadBalancerIp: string | undefined;
  /** Non-blocking findings of the definition (acknowledged ones excluded). */
  public readonly warnings: readonly Violation[];
  /** Warnings the definition acknowledges, with the acknowledgement. */
  public readonly acknowledged: readonly AcknowledgedViolation[];
  /** Every rule checked on the definition: one with no warning here is kept. */
  public readonly evaluated: readonly Rule[];

  private constructor(p: CrossClusterLinkProps, warnings: readonly Violation[], acknowledged: readonly AcknowledgedViolation[], evaluated: readonly Rule[] = []) {
    this.acknowledged = acknowledged;
    this.evaluated = evaluated;
    this.name = p.name;
    this.apiVersion = p.apiVersion ?? 'v1';
    this.egressPort = p.egressPort ?? 15443;
    this.egress = resolveGateway(p.name, 'egress', p.client?.flavour, p.client?.gateway);
    this.ingress = resolveGateway(p.name, 'ingress', p.server?.flavour, p.server?.gateway);
    this.services = p.services.map((s) => ({
      ...s,
      clientCredentialName: s.clientCredentialName ?? `${s.name}-client-credential`,
      serverCredentialName: s.serverCredentialName ?? `${s.name}-server-credential`,
    }));
    this.certificates = p.certificates;
    this.egressLockdown = { enabled: p.egressLockdown?.enabled ?? true, serverCidrs: p.egressLockdown?.serverCidrs ?? [] };
    this.internalLoadBalancer = p.internalLoadBalancer ?? true;
    this.ingressLoadBalancerIp = p.ingressLoadBalancerIp;
    this.warnings = warnings;
  }

  private get istio(): string {
    return `networking.istio.io/${this.apiVersion}`;
  }

  private meta(name: string, namespace: string, extra: Record<string, string> = {}) {
    return { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'secure-aks', [LINK_LABEL]: this.name, ...extra } };
  }

  /** Name of the egress gateway's Gateway object for a service. */
  public egressGatewayName(s: ResolvedService): string {
    return `${s.name}-egress`;
  }

  /** Name of the ingress gateway's Gateway object for a service. */
  public ingressGatewayName(s: ResolvedService): string {
    return `${s.name}-ingress`;
  }

  /**
   * The client cluster's objects: gateway (when dedicated), ServiceEntry,
   * egress Gateway, VirtualService, the two DestinationRules, and certificates.
   * The egress lockdown NetworkPolicy is added by the cdk8s chart (cdk8s-plus).
   */
  public clientObjects(): KubernetesObject[] {
    const g = this.egress;
    const ns = g.namespace;
    const out: KubernetesObject[] = [...this.gatewayWorkload(g, 'egress', [{ name: 'tls-egress', port: this.egressPort }])];
    for (const s of this.services) {
      const addressing = s.addressing ?? { kind: 'autoAllocate' };
      out.push({
        apiVersion: this.istio,
        kind: 'ServiceEntry',
        metadata: this.meta(`${s.name}-external`, ns, addressing.kind === 'autoAllocate' ? { 'networking.istio.io/enable-autoallocate-ip': 'true' } : {}),
        spec: {
          hosts: [s.host],
          ...(addressing.kind === 'addresses' ? { addresses: [...addressing.addresses] } : {}),
          location: 'MESH_EXTERNAL',
          // DNS resolution: with NONE the egress gateway would route to itself (https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway/).
          resolution: 'DNS',
          ports: [
            { number: s.clientPort, name: 'tcp', protocol: 'TCP' },
            { number: s.gatewayPort, name: 'tls', protocol: 'TLS' },
          ],
          endpoints: [{ address: s.host, ports: { tls: s.gatewayPort } }],
          exportTo: ['*'],
        },
      });
      out.push({
        apiVersion: this.istio,
        kind: 'Gateway',
        metadata: this.meta(this.egressGatewayName(s), ns),
        spec: {
          selector: { ...g.selector },
          servers: [{ port: { number: this.egressPort, name: `tls-${s.name}`, protocol: 'TLS' }, hosts: [s.host], tls: { mode: LINK_TLS_MODES.toEgressGateway } }],
        },
      });
      out.push({
        apiVersion: this.istio,
        kind: 'VirtualService',
        metadata: this.meta(`${s.name}-via-egress`, ns),
        spec: {
          hosts: [s.host],
          gateways: [`${ns}/${this.egressGatewayName(s)}`, 'mesh'],
          tcp: [
            {
              match: [{ gateways: ['mesh'], port: s.clientPort }],
              route: [{ destination: { host: g.serviceHost, subset: s.name, port: { number: this.egressPort } }, weight: 100 }],
            },
            {
              match: [{ gateways: [`${ns}/${this.egressGatewayName(s)}`], port: this.egressPort }],
              route: [{ destination: { host: s.host, port: { number: s.gatewayPort } }, weight: 100 }],
            },
          ],
          exportTo: ['*'],
        },
      });
      out.push({
        apiVersion: this.istio,
        kind: 'DestinationRule',
        metadata: this.meta(`${s.name}-originate-mtls`, ns),
        spec: {
          host: s.host,
          trafficPolicy: {
            loadBalancer: { simple: 'ROUND_ROBIN' },
            portLevelSettings: [
              // The customer-CA hop: credentialName applies at the gateway, whose namespace holds the secret.
              { port: { number: s.gatewayPort }, tls: { mode: LINK_TLS_MODES.betweenGateways, credentialName: s.clientCredentialName, sni: s.host } },
            ],
          },
          // Only the egress gateway originates this TLS; sidecars elsewhere would ignore credentialName.
          exportTo: ['.'],
        },
      });
    }
    // One DestinationRule for the egress gateway host: subsets are not merged across rules (istio/istio#31025).
    out.push({
      apiVersion: this.istio,
      kind: 'DestinationRule',
      metadata: this.meta(`${this.name}-egress-gateway`, ns),
      spec: {
        host: g.serviceHost,
        subsets: this.services.map((s) => ({
          name: s.name,
          trafficPolicy: {
            loadBalancer: { simple: 'ROUND_ROBIN' },
            portLevelSettings: [{ port: { number: this.egressPort }, tls: { mode: LINK_TLS_MODES.toEgressGateway, sni: s.host } }],
          },
        })),
        // In the gateway Service's namespace (on every client's lookup path), exported to all.
        exportTo: ['*'],
      },
    });
    out.push(...this.certificateObjects('client'));
    return out;
  }

  /**
   * The STRICT PeerAuthentications the server side writes for the backends
   * (none for a backend with `mtlsMode: 'UNSET'`).
   */
  public backendPeerAuthentications(): BackendPeerAuthentication[] {
    return backendPeerAuthentications(this.name, this.services);
  }

  /**
   * The server cluster's objects: gateway (when dedicated) or its port patch,
   * ingress Gateway, VirtualService, certificates, and the STRICT
   * PeerAuthentication of the backends, so that the hop from the ingress
   * gateway to a backend's sidecar is mutual TLS only.
   */
  public serverObjects(): KubernetesObject[] {
    const g = this.ingress;
    const ns = g.namespace;
    const out: KubernetesObject[] = [
      ...this.gatewayWorkload(
        g,
        'ingress',
        // A Service port name is an IANA service name of at most 15 characters: from the service's name when it fits, else from the port.
        this.services.map((s) => ({ name: `tls-${s.name}`.length <= 15 ? `tls-${s.name}` : `tls-${s.gatewayPort}`, port: s.gatewayPort })),
      ),
    ];
    for (const s of this.services) {
      out.push({
        apiVersion: this.istio,
        kind: 'Gateway',
        metadata: this.meta(this.ingressGatewayName(s), ns),
        spec: {
          selector: { ...g.selector },
          servers: [
            {
              port: { number: s.gatewayPort, name: `tls-${s.name}`, protocol: 'TLS' },
              hosts: [s.host],
              tls: { mode: LINK_TLS_MODES.betweenGateways, credentialName: s.serverCredentialName },
            },
          ],
        },
      });
      out.push({
        apiVersion: this.istio,
        kind: 'VirtualService',
        metadata: this.meta(`${s.name}-ingress`, ns),
        spec: {
          hosts: [s.host],
          gateways: [`${ns}/${this.ingressGatewayName(s)}`],
          tcp: [
            {
              match: [{ port: s.gatewayPort }],
              route: [{ destination: { host: s.backend.host, port: { number: s.backend.port } } }],
            },
          ],
        },
      });
    }
    for (const p of this.backendPeerAuthentications()) {
      out.push({
        apiVersion: `security.istio.io/${this.apiVersion}`,
        kind: 'PeerAuthentication',
        metadata: this.meta(p.name, p.namespace),
        spec: {
          ...(p.workloadLabels ? { selector: { matchLabels: { ...p.workloadLabels } } } : {}),
          mtls: { mode: BACKEND_MTLS_MODE },
        },
      });
    }
    out.push(...this.certificateObjects('server'));
    return out;
  }

  /** What the client cluster has beyond the client objects: a shared egress gateway, existing secrets. */
  public clientInventory(): MeshInventory {
    return this.inventory(this.egress, 'client', []);
  }

  /** What the server cluster has beyond the server objects: a shared ingress gateway, the backends, existing secrets. */
  public serverInventory(): MeshInventory {
    return this.inventory(
      this.ingress,
      'server',
      this.services.map((s) => ({ host: s.backend.host, namespace: backendNamespace(s), ports: [{ port: s.backend.port }] })),
    );
  }

  private inventory(g: ResolvedGateway, side: 'client' | 'server', backends: MeshInventory['services'] & object): MeshInventory {
    return {
      rootNamespace: g.flavour.rootNamespace,
      services: [
        ...backends,
        ...(g.mode === 'shared'
          ? [{ host: g.serviceHost, namespace: g.namespace, ports: g.existingServicePorts, selector: g.selector }]
          : []),
      ],
      workloads: g.mode === 'shared' ? [{ namespace: g.namespace, labels: g.selector }] : [],
      secrets:
        this.certificates.kind === 'existingSecrets'
          ? this.services.map((s) => ({ namespace: g.namespace, name: side === 'client' ? s.clientCredentialName : s.serverCredentialName }))
          : [],
    };
  }

  private certificateObjects(side: 'client' | 'server'): KubernetesObject[] {
    if (this.certificates.kind !== 'certManager') return [];
    const o = this.certificates.certManager!;
    const issuer = side === 'client' ? o.clientIssuer : (o.serverIssuer ?? o.clientIssuer);
    const g = side === 'client' ? this.egress : this.ingress;
    return this.services.map((s) => ({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: this.meta(`${s.name}-${side}`, g.namespace),
      spec: {
        // cert-manager writes tls.crt, tls.key and ca.crt: Istio's secret format (a) (https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/).
        secretName: side === 'client' ? s.clientCredentialName : s.serverCredentialName,
        dnsNames: [s.host],
        usages: side === 'client' ? ['client auth', 'digital signature', 'key encipherment'] : ['server auth', 'digital signature', 'key encipherment'],
        duration: o.duration ?? '2160h',
        renewBefore: o.renewBefore ?? '360h',
        privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
        issuerRef: { name: issuer.name, kind: issuer.kind, group: issuer.group ?? 'cert-manager.io' },
      },
    }));
  }

  /** A dedicated gateway's workload, or a shared gateway's port patch. */
  private gatewayWorkload(g: ResolvedGateway, role: 'egress' | 'ingress', ports: { name: string; port: number }[]): KubernetesObject[] {
    if (g.mode === 'shared') {
      const missing = ports.filter((p) => !g.existingServicePorts.some((e) => e.port === p.port || (e.targetPort ?? e.port) === p.port));
      if (missing.length === 0) return [];
      return [
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: g.serviceName, namespace: g.namespace, annotations: { [SERVER_SIDE_PATCH_ANNOTATION]: 'server-side-patch' } },
          spec: { ports: missing.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: 'TCP' })) },
        },
      ];
    }
    const name = g.serviceName;
    const labels = { ...g.selector, app: name };
    return [
      // Shared by every link's dedicated gateway in it: no link label, so that all links write the same object.
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: g.namespace, labels: { 'app.kubernetes.io/managed-by': 'secure-aks' } } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: this.meta(name, g.namespace) },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: this.meta(name, g.namespace),
        spec: {
          replicas: g.replicas,
          selector: { matchLabels: labels },
          template: {
            metadata: {
              // istiod injects the gateway proxy into this pod (gateway injection).
              annotations: { 'inject.istio.io/templates': 'gateway' },
              labels: { ...labels, ...g.flavour.injectionLabels },
            },
            spec: {
              serviceAccountName: name,
              containers: [
                {
                  name: 'istio-proxy',
                  image: 'auto',
                  securityContext: {
                    allowPrivilegeEscalation: false,
                    capabilities: { drop: ['ALL'] },
                    privileged: false,
                    readOnlyRootFilesystem: true,
                    runAsNonRoot: true,
                    runAsUser: 1337,
                    runAsGroup: 1337,
                  },
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: this.meta(`${name}-sds`, g.namespace),
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: this.meta(`${name}-sds`, g.namespace),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${name}-sds` },
        subjects: [{ kind: 'ServiceAccount', name, namespace: g.namespace }],
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          ...this.meta(name, g.namespace),
          ...(role === 'ingress' && (this.internalLoadBalancer || this.ingressLoadBalancerIp)
            ? {
                annotations: {
                  ...(this.internalLoadBalancer ? { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } : {}),
                  ...(this.ingressLoadBalancerIp ? { 'service.beta.kubernetes.io/azure-load-balancer-ipv4': this.ingressLoadBalancerIp } : {}),
                },
              }
            : {}),
        },
        spec: {
          type: role === 'ingress' ? 'LoadBalancer' : 'ClusterIP',
          selector: labels,
          ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: 'TCP' })),
        },
      },
    ];
  }
}

function resolveGateway(
  pair: string,
  role: 'egress' | 'ingress',
  flavourIn: MeshFlavour | undefined,
  deployment: GatewayDeployment | undefined,
): ResolvedGateway {
  const flavour = flavourIn ?? MeshFlavour.openSourceIstio();
  const d = deployment ?? GatewayDeployment.dedicated();
  if (d.kind === 'shared') {
    const shared = role === 'egress' ? flavour.egressGateway : flavour.ingressGateway;
    return {
      mode: 'shared',
      flavour,
      namespace: shared.namespace,
      selector: shared.selector,
      serviceName: shared.serviceName,
      serviceHost: `${shared.serviceName}.${shared.namespace}.svc.cluster.local`,
      replicas: 0,
      existingServicePorts: d.existingServicePorts ?? SHARED_DEFAULT_PORTS[role],
    };
  }
  const namespace = d.namespace ?? `secure-aks-${role}`;
  const serviceName = `${pair}-${role}gateway`;
  return {
    mode: 'dedicated',
    flavour,
    namespace,
    selector: { istio: serviceName },
    serviceName,
    serviceHost: `${serviceName}.${namespace}.svc.cluster.local`,
    replicas: d.replicas ?? 2,
    existingServicePorts: [],
  };
}

/** The schema of a property that holds a {@link CrossClusterLink}. @internal */
export const CROSS_CLUSTER_LINK_RESULT = lazySchema(() => factoryResult(CrossClusterLink, 'CrossClusterLink.build({ ... })'));
