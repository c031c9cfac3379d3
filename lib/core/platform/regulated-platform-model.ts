import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { EvaluationDate, todayInUtc } from '../versions/evaluation-date';
import { ApiServerAccess } from '../aks/api-server-access';
import { ClusterNetwork } from '../aks/cluster-network';
import { zod, lazySchema } from '../validation/lazy-zod';
import { HARDENED_CLUSTER_PROPS, HardenedClusterProps } from '../aks/hardened-cluster-props';
import { ManagedClusterModel } from '../aks/managed-cluster-model';
import { validateHardenedCluster } from '../aks/validate-cluster';
import { ArmReference } from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { ArmTemplate, ArmTemplateOutput, renderArmTemplate } from '../arm/arm-template';
import { prefixResources } from '../arm/prefix-resources';
import { TransitEncryption } from '../encryption/transit-encryption';
import { CertificateSource } from '../mesh/certificate-source';
import { CrossClusterLink } from '../mesh/cross-cluster-link';
import { CROSS_CLUSTER_SERVICE_PROPS, CrossClusterServiceProps } from '../mesh/cross-cluster-link-props';
import { CUSTOMER_CA_ISSUER_RESULT, CustomerCaIssuer } from '../mesh/customer-ca-issuer';
import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { formatIpv4, Ipv4Cidr } from '../net/ipv4-cidr';
import { checkInput, schemaOf, text } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import {
  aksIstioAddonProps,
  checkPinnedVersions,
  meshConfigObjects,
  meshFlavourOf,
  meshPrerequisites,
  PinnedHelmChart,
  PinnedVersions,
  resolvePinnedVersions,
} from './mesh-prerequisites';
import { checkServiceHost, serviceDnsResources } from './service-dns';
import { checkSpokeAddressSpace, spokeSubnets, virtualNetworkPeering } from './spoke-network';
import { ViolationCollector } from '../validation/violation-collector';

/**
 * One cluster of the platform: a hardened cluster in its own virtual network.
 * @category Regulated platform
 */
export interface PlatformClusterProps extends Omit<HardenedClusterProps, 'location' | 'network' | 'istioAddon'> {
  /**
   * Address space of the cluster's virtual network: the node subnet is its
   * first /20, the API server subnet the /28 after it.
   */
  readonly addressSpace: string;
}

/**
 * Intent for the regulated platform: two private clusters with WireGuard, connected by cross-cluster mTLS.
 * @category Regulated platform
 */
export interface RegulatedPlatformProps {
  /** Azure region of both clusters. */
  readonly location: string;
  /** The cluster of the client workloads (egress gateway). */
  readonly client: PlatformClusterProps;
  /** The cluster of the served workloads (ingress gateway). */
  readonly server: PlatformClusterProps;
  /** The customer CA, as a cert-manager ClusterIssuer in both clusters. */
  readonly issuer: CustomerCaIssuer;
  /** The services the client cluster reaches in the server cluster. */
  readonly services: readonly CrossClusterServiceProps[];
  /**
   * Name of the gateway pair.
   * @default 'platform'
   */
  readonly linkName?: string;
  /**
   * Which Istio runs the mesh in both clusters. `openSourceIstio`: the platform
   * installs istio-base and istiod with Helm at `versions.istio`.
   * `aksIstioAddon`: the clusters enable Microsoft's managed Istio at
   * `versions.aksIstioRevision` and nothing of open-source Istio is installed
   * (the add-on does not run beside a self-managed Istio); the mesh settings
   * go into the add-on's shared MeshConfig.
   * @default 'openSourceIstio'
   * @see https://learn.microsoft.com/azure/aks/istio-about
   */
  readonly meshDistribution?: 'openSourceIstio' | 'aksIstioAddon';
  /**
   * Pinned versions of what the platform installs. Bump them deliberately.
   * @default { istio: '1.30.4', certManager: 'v1.21.1', aksIstioRevision: the newest revision of the add-on's calendar } - cert-manager the release whose CRD schemas ship with the library; Istio 1.30.4, the first 1.30 patch with the fixes of ISTIO-SECURITY-2026-006, its objects checked against the shipped 1.30.3 schemas
   * @see https://istio.io/latest/news/security/istio-security-2026-006/
   */
  readonly versions?: { readonly istio?: string; readonly certManager?: string; readonly aksIstioRevision?: string };
}

const PLATFORM_CLUSTER_PROPS = lazySchema(() => schemaOf<PlatformClusterProps>()(HARDENED_CLUSTER_PROPS.omit({ location: true, network: true, istioAddon: true }).extend({ addressSpace: text() })));

/** The runtime schema of {@link RegulatedPlatformProps}. @internal */
export const REGULATED_PLATFORM_PROPS = lazySchema(() => schemaOf<RegulatedPlatformProps>()(
  zod.strictObject({
    location: text(),
    client: PLATFORM_CLUSTER_PROPS,
    server: PLATFORM_CLUSTER_PROPS,
    issuer: CUSTOMER_CA_ISSUER_RESULT,
    services: zod.array(CROSS_CLUSTER_SERVICE_PROPS).readonly(),
    linkName: text().optional(),
    meshDistribution: zod.enum(['openSourceIstio', 'aksIstioAddon']).optional(),
    versions: zod.strictObject({ istio: text().optional(), certManager: text().optional(), aksIstioRevision: text().optional() }).optional(),
  }),
));

/**
 * The regulated platform as exact objects: two cluster models, the peering
 * and private DNS glue between them, the cross-cluster link, the customer CA
 * issuer and the pinned Helm releases of cert-manager and Istio.
 *
 * Topology: two spoke virtual networks peered with each other (no hub): the
 * smallest layout that keeps every path private. A hub-and-spoke estate links
 * its hub through `PrivateDnsZone.create({ linkedVnetIds })` and its own peering.
 * @example
 * const platform = RegulatedPlatformModel.build({ location: 'westeurope', client, server, issuer, services, meshDistribution: 'aksIstioAddon' });
 * @category Regulated platform
 */
export class RegulatedPlatformModel {
  /**
   * Validates the whole platform (both clusters, the link, the glue) and builds it.
   * @throws SecureAksValidationError listing every violation
   */
  public static build(props: RegulatedPlatformProps, options: RuleEvaluationOptions = {}): RegulatedPlatformModel {
    const { violations, plan, clientProps, serverProps, linkProps } = planPlatform(props, options);
    violations.throwIfErrors('regulated platform');
    return new RegulatedPlatformModel(props, clientProps!, serverProps!, linkProps!, plan!.serverNodeIp, violations.warnings, options);
  }

  public readonly client: ManagedClusterModel;
  public readonly server: ManagedClusterModel;
  public readonly link: CrossClusterLink;
  public readonly issuer: CustomerCaIssuer;
  /** The static address of the server's ingress gateway load balancer. */
  public readonly ingressIp: string;
  public readonly warnings: readonly Violation[];
  /** Which Istio runs the mesh. */
  public readonly meshDistribution: 'openSourceIstio' | 'aksIstioAddon';
  /** The pinned versions: Helm charts, and the add-on revision on the AKS Istio add-on. */
  public readonly versions: PinnedVersions;
  /** The day the support windows were judged on (`YYYY-MM-DD`, UTC). */
  public readonly evaluationDate: EvaluationDate;

  private constructor(
    props: RegulatedPlatformProps,
    /** The client cluster's definition. */
    public readonly clientProps: HardenedClusterProps,
    /** The server cluster's definition. */
    public readonly serverProps: HardenedClusterProps,
    linkProps: ReturnType<typeof linkPropsOf>,
    ingressIp: string,
    warnings: readonly Violation[],
    options: RuleEvaluationOptions,
  ) {
    this.evaluationDate = options.evaluationDate ?? todayInUtc();
    this.client = ManagedClusterModel.build(clientProps, { ...options, evaluationDate: this.evaluationDate });
    this.server = ManagedClusterModel.build(serverProps, { ...options, evaluationDate: this.evaluationDate });
    this.link = CrossClusterLink.build(linkProps);
    this.issuer = props.issuer;
    this.ingressIp = ingressIp;
    this.warnings = warnings;
    this.meshDistribution = props.meshDistribution ?? 'openSourceIstio';
    this.versions = resolvePinnedVersions(props.versions);
  }

  /**
   * What ties the clusters together, referring to their resources as
   * `client/<logical id>` and `server/<logical id>`: the two peerings, and
   * the private DNS zone of the services' domain with an A record to the
   * server's ingress gateway, linked to the client network.
   */
  public glueResources(): ArmResource[] {
    const vnetName = (side: 'client' | 'server') => `${(side === 'client' ? this.client : this.server).config.name}-vnet`;
    const peer = (from: 'client' | 'server', to: 'client' | 'server') =>
      virtualNetworkPeering({
        logicalId: `peering-${from}-to-${to}`,
        vnetName: vnetName(from),
        peeringName: `to-${to}`,
        remoteVirtualNetworkId: new ArmReference(`${to}/vnet`),
        allowForwardedTraffic: false,
        dependsOn: [`${from}/vnet`],
      });
    const client = { prefix: 'client', vnetName: vnetName('client') };
    return [
      peer('client', 'server'),
      peer('server', 'client'),
      ...serviceDnsResources(this.link.services.map((s) => ({ host: s.host, ip: this.ingressIp, client })), (zone) => `service-zone-link-${zone}`),
    ];
  }

  /** Every Azure resource of the platform, in one list (cluster resources prefixed `client/`, `server/`). */
  public allResources(): ArmResource[] {
    return [...prefixResources(this.client.resources, 'client/'), ...prefixResources(this.server.resources, 'server/'), ...this.glueResources()];
  }

  /** The whole platform as one resource-group deployment template. */
  public toArmTemplate(): ArmTemplate {
    const outputs: Record<string, ArmTemplateOutput> = {
      clientClusterId: { type: 'string', value: new ArmReference('client/cluster') },
      serverClusterId: { type: 'string', value: new ArmReference('server/cluster') },
      ingressIp: { type: 'string', value: this.ingressIp },
    };
    return renderArmTemplate(this.allResources(), outputs, { generator: 'secure-aks', platform: this.link.name });
  }

  /**
   * The Kubernetes objects each cluster needs before the link: on the AKS Istio
   * add-on, its shared MeshConfig (the add-on merges it into the managed
   * MeshConfig of the revision); none on open-source Istio, whose istiod
   * values carry the same settings.
   * @see https://learn.microsoft.com/azure/aks/istio-meshconfig
   */
  public meshConfigObjects(): KubernetesObject[] {
    return meshConfigObjects(this.meshDistribution, this.versions);
  }

  /** The Helm releases each cluster needs, pinned, with generated values (no Istio on the AKS Istio add-on). */
  public prerequisites(): PinnedHelmChart[] {
    return meshPrerequisites(this.meshDistribution, this.versions);
  }
}

/**
 * Checks a platform definition (both clusters, the link, the glue); returns every violation.
 * @category Regulated platform
 */
export function validateRegulatedPlatform(props: RegulatedPlatformProps, options: RuleEvaluationOptions = {}): ViolationCollector {
  return planPlatform(props, options).violations;
}

function planPlatform(input: RegulatedPlatformProps, options: RuleEvaluationOptions) {
  const v = new ViolationCollector();
  const checked = checkInput(REGULATED_PLATFORM_PROPS, input);
  v.addAll(checked.violations);
  if (checked.value === undefined) return { violations: v, plan: undefined, clientProps: undefined, serverProps: undefined, linkProps: undefined };
  const props = checked.value;
  const prefixed = (prefix: string, violations: readonly Violation[]) =>
    violations.map((x) => ({ ...x, property: `${prefix}.${x.property}` }));
  const plan = planNetworks(props, v);
  const clientProps = clusterProps(props, 'client', plan.client);
  const serverProps = clusterProps(props, 'server', plan.server);
  v.merge(validateHardenedCluster(clientProps, options), 'client');
  v.merge(validateHardenedCluster(serverProps, options), 'server');
  if (props.client.name === props.server.name) {
    v.add(Rules.platformClusterNames, 'server.name', props.server.name, 'give the two clusters different names');
  }
  props.services.forEach((svc, i) => checkServiceHost(v, `services[${i}].host`, svc.host));
  checkPinnedVersions(v, resolvePinnedVersions(props.versions), props.meshDistribution ?? 'openSourceIstio', options);
  const linkProps = linkPropsOf(props, plan.serverNodeIp, plan.serverSpace);
  // The link's warnings too: a backend left out of STRICT mutual TLS (SAKS-MESH-027) is printed on every synth.
  const linkChecked = CrossClusterLink.validate(linkProps);
  v.addAll(prefixed('link', [...linkChecked.errors, ...linkChecked.warnings]));
  return { violations: v, plan, clientProps, serverProps, linkProps };
}

interface NetworkPlan {
  client: { addressSpace: string; nodes: string; api: string };
  server: { addressSpace: string; nodes: string; api: string };
  serverNodeIp: string;
  serverSpace: string;
}

function planNetworks(props: RegulatedPlatformProps, v: ViolationCollector): NetworkPlan {
  const plan = (side: 'client' | 'server') => checkSpokeAddressSpace(v, `${side}.addressSpace`, props[side].addressSpace);
  const c = plan('client');
  const s = plan('server');
  if (c && s && c.overlaps(s)) {
    v.add(Rules.platformAddressOverlap, 'server.addressSpace', props.server.addressSpace, `choose a block that does not overlap ${props.client.addressSpace}`);
  }
  const subnets = (cidr: Ipv4Cidr | undefined, text: string) =>
    cidr ? { addressSpace: text, ...spokeSubnets(cidr) } : { addressSpace: '10.250.0.0/16', ...spokeSubnets(Ipv4Cidr.of('10.250.0.0/16')) };
  const server = subnets(s, props.server.addressSpace);
  // A fixed address near the end of the server's node subnet, so DNS can point at it before the load balancer exists.
  const nodes = Ipv4Cidr.of(server.nodes);
  return { client: subnets(c, props.client.addressSpace), server, serverNodeIp: formatIpv4(nodes.last - 5), serverSpace: server.addressSpace };
}

function clusterProps(props: RegulatedPlatformProps, side: 'client' | 'server', net: { addressSpace: string; nodes: string; api: string }): HardenedClusterProps {
  const { addressSpace: _, ...cluster } = props[side];
  return {
    apiServerAccess: ApiServerAccess.private(),
    transitEncryption: TransitEncryption.acnsWireGuard(),
    ...cluster,
    location: props.location,
    network: ClusterNetwork.create({ addressSpace: [net.addressSpace], nodeSubnetPrefix: net.nodes, apiServerSubnetPrefix: net.api }),
    // The link brings its own (dedicated) gateways: the add-on's ingress gateways stay off.
    ...aksIstioAddonProps(props.meshDistribution ?? 'openSourceIstio', resolvePinnedVersions(props.versions)),
  };
}

function linkPropsOf(props: RegulatedPlatformProps, ingressIp: string, serverSpace: string) {
  const flavour = () => meshFlavourOf(props.meshDistribution ?? 'openSourceIstio', resolvePinnedVersions(props.versions));
  return {
    name: props.linkName ?? 'platform',
    client: { flavour: flavour() },
    server: { flavour: flavour() },
    certificates: CertificateSource.certManager({ clientIssuer: props.issuer.reference }),
    services: props.services,
    internalLoadBalancer: true,
    ingressLoadBalancerIp: ingressIp,
    // Client workloads may not reach the server network except through the egress gateway.
    egressLockdown: { enabled: true, serverCidrs: [serverSpace] },
  };
}
