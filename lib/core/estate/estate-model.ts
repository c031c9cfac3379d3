import { Rule } from '../validation/rule';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import { EvaluationDate, todayInUtc } from '../versions/evaluation-date';
import { ApiServerAccess } from '../aks/api-server-access';
import { ClusterNetwork } from '../aks/cluster-network';
import { HardenedClusterProps } from '../aks/hardened-cluster-props';
import { LogicalIds, ManagedClusterModel } from '../aks/managed-cluster-model';
import { OutboundType } from '../aks/outbound-type';
import { validateHardenedCluster } from '../aks/validate-cluster';
import { validateFederatedIdentity } from '../aks/validate-federated-identities';
import { resolveClusterConfig } from '../aks/resolved-cluster-config';
import { FEDERATED_CREDENTIALS_PER_IDENTITY } from '../aks/aks-limits';
import { GUID } from '../aks/validation-helpers';
import { ArmReference, ArmValue, ExternalAttributeReference } from '../arm/arm-expression';
import { findIdCollisions, plannedResourceIds, PlannedResourceId } from '../arm/planned-resource-ids';
import { ApiVersions } from '../arm/api-versions';
import { ArmResource } from '../arm/arm-resource';
import { ArmTemplate, renderArmTemplate } from '../arm/arm-template';
import { externalizeReferences } from '../arm/external-references';
import { isResourceIdOfType, parseResourceId } from '../arm/resource-id';
import { TransitEncryption } from '../encryption/transit-encryption';
import { ClusterDelivery } from '../gitops/cluster-delivery';
import { isAzureContainerRegistryOci, urlHost, urlScheme } from '../gitops/gitops-source';
import { fluxConfigurationResource, fluxExtensionResource } from '../gitops/flux-extension';
import { checkFluxExtensionSupport } from '../gitops/flux-extension-support';
import { checkGitOpsSource, checkHelmChartMirror } from '../gitops/gitops-source-rules';
import { findInvalidForApiServer } from '../kubernetes/api-server-validity';
import { GitOpsTree, gitOpsTree } from '../gitops/gitops-tree';
import { admissionPolicyObjects } from '../admission/admission-policy';
import { linkAdmissionPolicies } from '../mesh/link-admission-policy';
import { findCollisions, SourcedObject } from '../kubernetes/deployment-collisions';
import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { CertificateSource } from '../mesh/certificate-source';
import { CrossClusterLink } from '../mesh/cross-cluster-link';
import { CrossClusterLinkProps } from '../mesh/cross-cluster-link-props';
import { CustomerCaIssuer } from '../mesh/customer-ca-issuer';
import { formatIpv4, Ipv4Cidr, parseIpv4 } from '../net/ipv4-cidr';
import {
  aksIstioAddonProps,
  checkPinnedVersions,
  MeshDistribution,
  meshConfigObjects,
  meshFlavourOf,
  meshPrerequisites,
  PinnedHelmChart,
  PinnedVersions,
  resolvePinnedVersions,
} from '../platform/mesh-prerequisites';
import { checkServiceHost, serviceDnsResources, serviceZone } from '../platform/service-dns';
import { checkSpokeAddressSpace, spokeSubnets, virtualNetworkPeering } from '../platform/spoke-network';
import { checkInput } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { ViolationCollector } from '../validation/violation-collector';
import { checkKubernetesRanges, deriveServiceRange, PlannedNetwork } from './estate-address-plan';
import { fluxCredentialResources } from './estate-flux-credentials';
import { estateClusterId, estateClusterResourceGroup, estateSpokeNetworkId } from './estate-resource-ids';
import { ESTATE_PROPS, EstateClusterProps, EstateExistingSpokeProps, EstateLinkProps, EstateProps } from './estate-props';

/**
 * One cluster of a built estate.
 * @category Estates
 */
export interface EstateCluster {
  readonly name: string;
  readonly location: string;
  /** The resource group of its template. */
  readonly resourceGroupName: string;
  /** The spoke's address space and node subnet. */
  readonly addressSpace: string;
  readonly nodeSubnet: string;
  /** The resource id of its spoke network (written into the hub's template). */
  readonly virtualNetworkId: string;
  /** Whether the spoke was brought by id (the network team's, peered by them). */
  readonly existingSpoke: boolean;
  /** The cluster definition the estate derived (defaults, network, Flux identity). */
  readonly props: HardenedClusterProps;
  readonly model: ManagedClusterModel;
  readonly delivery: ClusterDelivery;
}

/**
 * One link of a built estate.
 * @category Estates
 */
export interface EstateLink {
  readonly name: string;
  readonly client: string;
  readonly server: string;
  /** The static address of the link's ingress gateway load balancer in the server's node subnet. */
  readonly ingressIp: string;
  readonly link: CrossClusterLink;
}

/** Proof that the estate was planned and validated. */
const VALIDATED = Symbol('validated estate');

/** Addresses at the end of a node subnet the links' ingress gateways take theirs from (derived from the link's name). */
const INGRESS_ADDRESS_POOL = 64;

/** FNV-1a of the text: a stable spread of link names over the ingress address pool. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A cluster as planned, before its model is built (once the whole estate is valid). */
type PlannedCluster = Omit<EstateCluster, 'model'>;

interface Plan {
  readonly clusters: EstateCluster[];
  readonly links: { readonly props: EstateLinkProps; readonly ingressIp: string; readonly link: CrossClusterLink }[];
}

/**
 * An estate of any number of private clusters in one or more regions, around
 * a hub network brought by id, with cross-cluster mTLS links in any direction.
 *
 * Topology: hub and spoke. Each cluster's spoke peers with the hub, and every
 * spoke sends `0.0.0.0/0` to the hub firewall, so spoke-to-spoke traffic and
 * egress both pass it. The private DNS zones of the services live in the hub.
 * One definition gives a template per cluster (its resource group), a template
 * for the hub's resource group (the hub's peerings and the DNS zones), a
 * GitOps tree per GitOps-delivered cluster, and the reports.
 * @see https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke
 * @example
 * const estate = EstateModel.build({ subscriptionId, hub, clusters, links, issuer, delivery: ClusterDelivery.gitOps({ source }) });
 * @category Estates
 */
export class EstateModel {
  /**
   * Validates the whole estate (every cluster, every link, and what spans
   * them) and builds it.
   * @throws SecureAksValidationError listing every violation
   */
  public static build(props: EstateProps, options: RuleEvaluationOptions = {}): EstateModel {
    const { violations, model } = planEstate(props, options);
    violations.throwIfErrors('estate');
    return model!;
  }

  /** The clusters, by name, in definition order. */
  public readonly clusters: ReadonlyMap<string, EstateCluster>;
  /** The links, in definition order. */
  public readonly links: readonly EstateLink[];
  public readonly issuer: CustomerCaIssuer;
  public readonly meshDistribution: MeshDistribution;
  public readonly versions: PinnedVersions;
  /** The OCI registry the pinned Helm charts are fetched from, when not their public repositories. */
  public readonly helmChartMirror?: string;
  public readonly warnings: readonly Violation[];
  /** The definition it was built from, as checked: what the evidence's rechecks of its warnings name. */
  public readonly definition: EstateProps;
  /** Every rule checked on the estate's definition: one with no warning among {@link warnings} is kept. */
  public readonly evaluated: readonly Rule[];
  /** The day the support windows were judged on (`YYYY-MM-DD`, UTC). */
  public readonly evaluationDate: EvaluationDate;
  /** The subscription of the spokes and clusters. */
  public readonly subscriptionId: string;
  /** The hub's virtual network id and resource group. */
  public readonly hub: { readonly virtualNetworkId: string; readonly name: string; readonly subscriptionId: string; readonly resourceGroupName: string; readonly firewallPrivateIp: string };

  /** Only `EstateModel.build` constructs an estate: never without its validation. @internal */
  public constructor(token: symbol, props: EstateProps, plan: Plan, warnings: readonly Violation[], evaluationDate: EvaluationDate = todayInUtc(), evaluated: readonly Rule[] = []) {
    if (token !== VALIDATED) throw new Error('build an estate with EstateModel.build({ ... })');
    this.evaluationDate = evaluationDate;
    this.clusters = new Map(plan.clusters.map((c) => [c.name, c]));
    this.links = plan.links.map((l) => ({
      name: l.props.name,
      client: l.props.client,
      server: l.props.server,
      ingressIp: l.ingressIp,
      link: l.link,
    }));
    this.issuer = props.issuer;
    this.meshDistribution = props.meshDistribution ?? 'openSourceIstio';
    this.versions = resolvePinnedVersions(props.versions);
    this.helmChartMirror = props.helmChartMirror?.replace(/\/+$/, '');
    this.warnings = warnings;
    this.definition = props;
    this.evaluated = evaluated;
    this.subscriptionId = props.subscriptionId;
    const hubId = parseResourceId(props.hub.virtualNetworkId)!;
    this.hub = {
      virtualNetworkId: props.hub.virtualNetworkId,
      name: hubId.names[0],
      subscriptionId: hubId.subscriptionId,
      resourceGroupName: hubId.resourceGroup,
      firewallPrivateIp: props.hub.firewallPrivateIp,
    };
  }

  private cluster(name: string): EstateCluster {
    const c = this.clusters.get(name);
    if (!c) throw new Error(`no cluster "${name}" in the estate`);
    return c;
  }

  /**
   * What the estate adds to a cluster's own resources (logical ids unprefixed,
   * in its resource group): the spoke's peering to the hub and, on GitOps
   * delivery, the Flux extension and the cluster's fluxConfiguration.
   */
  public clusterGlue(name: string): ArmResource[] {
    const c = this.cluster(name);
    const out: ArmResource[] = [];
    // A brought spoke's peering with the hub is the network team's (SAKS-EST-007).
    if (!c.existingSpoke) {
      out.push(
        virtualNetworkPeering({
          logicalId: 'peering-to-hub',
          vnetName: `${c.name}-vnet`,
          peeringName: 'to-hub',
          remoteVirtualNetworkId: this.hub.virtualNetworkId,
          // Traffic of other spokes arrives forwarded by the hub firewall.
          allowForwardedTraffic: true,
          dependsOn: [LogicalIds.vnet],
        }),
      );
    }
    if (c.delivery.kind === 'gitOps') out.push(fluxExtensionResource(c.delivery), fluxConfigurationResource(c.name, c.delivery));
    return out;
  }

  /** Every resource of a cluster's resource group: the cluster model's and the estate's glue. */
  public clusterResources(name: string): ArmResource[] {
    return [...this.cluster(name).model.resources, ...this.clusterGlue(name)];
  }

  /**
   * The federated credentials of the clusters' Flux on their pull identities,
   * one per cluster, each after the one before it on the same identity
   * (Entra refuses concurrent writes to one identity). `issuer` gives a
   * cluster's OIDC issuer URL; by default an ARM `reference()` to the
   * cluster by its literal id (the template), the Pulumi component passes a
   * reference to the registered cluster.
   */
  public fluxCredentials(issuer?: (cluster: string) => ArmValue): ArmResource[] {
    const read = issuer ?? ((name: string) => new ExternalAttributeReference(this.clusterId(name), ApiVersions.managedClusters, 'oidcIssuerProfile.issuerURL'));
    return fluxCredentialResources([...this.clusters.values()], read);
  }

  /**
   * The template of the Flux credentials: deploy it after the clusters'
   * templates (it reads their OIDC issuers), to any resource group; each
   * credential is written into its identity's resource group by a nested
   * deployment, chained so they are created one after another. Undefined
   * when no cluster's Flux pulls with a workload identity.
   */
  public fluxCredentialsTemplate(): ArmTemplate | undefined {
    const resources = this.fluxCredentials();
    if (resources.length === 0) return undefined;
    return renderArmTemplate(resources, {}, { generator: 'secure-aks', estateFluxCredentials: [...this.clusters.keys()].join(',') });
  }

  /** A cluster's resource id (its template's managed cluster). */
  public clusterId(name: string): string {
    const c = this.cluster(name);
    return estateClusterId({ name: c.model.config.name, resourceGroupName: c.resourceGroupName }, this.subscriptionId);
  }

  /**
   * The resource ids every template of the estate will write, by template
   * file: each cluster's, the hub's and the Flux credentials'. Nested
   * deployments included (they are resources too).
   */
  public plannedTemplates(): { readonly file: string; readonly cluster?: string; readonly ids: readonly PlannedResourceId[] }[] {
    const clusters = [...this.clusters.values()].map((c) => ({
      file: `clusters/${c.name}.template.json`,
      cluster: c.name,
      ids: plannedResourceIds(this.clusterResources(c.name), { subscriptionId: this.subscriptionId, resourceGroup: c.resourceGroupName, template: true }),
    }));
    const hub = { file: 'hub.template.json', ids: plannedResourceIds(externalizeReferences(this.hubResources(), this.spokeIds()), { subscriptionId: this.hub.subscriptionId, resourceGroup: this.hub.resourceGroupName, template: true }) };
    const flux = { file: 'flux-credentials.template.json', ids: plannedResourceIds(this.fluxCredentials(), { template: true }) };
    return [...clusters, hub, flux];
  }

  /** The template of one cluster's resource group. */
  public clusterTemplate(name: string): ArmTemplate {
    const c = this.cluster(name);
    return renderArmTemplate(
      this.clusterResources(name),
      { ...c.model.outputs, virtualNetworkId: { type: 'string', value: c.existingSpoke ? c.virtualNetworkId : new ArmReference(LogicalIds.vnet) } },
      { generator: 'secure-aks', estateCluster: c.name },
    );
  }

  /**
   * The hub's resources (in its resource group), referring to the spokes as
   * `<cluster>/vnet`: the hub side of every spoke's peering, and the private
   * DNS zone of each service domain with an A record per service host to its
   * link's ingress gateway, linked to the network of every client cluster
   * that dials a host in it.
   */
  public hubResources(): ArmResource[] {
    const peerings = [...this.clusters.values()]
      .filter((c) => !c.existingSpoke)
      .map((c) =>
        virtualNetworkPeering({
          logicalId: `hub-peering-to-${c.name}`,
          vnetName: this.hub.name,
          peeringName: `to-${c.name}`,
          remoteVirtualNetworkId: new ArmReference(`${c.name}/${LogicalIds.vnet}`),
          allowForwardedTraffic: true,
        }),
      );
    const records = this.links.flatMap((l) =>
      l.link.services.map((s) => ({ host: s.host, ip: l.ingressIp, client: { prefix: l.client, vnetName: `${l.client}-vnet` } })),
    );
    return [...peerings, ...serviceDnsResources(records, (zone, client) => `service-zone-link-${zone}-${client.prefix}`)];
  }

  /** The spokes' ids, by the logical id the hub's resources refer to them with (`<cluster>/vnet`); brought spokes included. */
  public spokeIds(): ReadonlyMap<string, string> {
    return new Map([...this.clusters.values()].map((c) => [`${c.name}/${LogicalIds.vnet}`, c.virtualNetworkId]));
  }

  /** The ids of the spokes brought by id, by the logical id the hub's resources refer to them with. */
  public broughtSpokeIds(): ReadonlyMap<string, string> {
    return new Map([...this.clusters.values()].filter((c) => c.existingSpoke).map((c) => [`${c.name}/${LogicalIds.vnet}`, c.virtualNetworkId]));
  }

  /** The template of the hub's resource group (deploy after the clusters' templates: it peers with their spokes). */
  public hubTemplate(): ArmTemplate {
    return renderArmTemplate(externalizeReferences(this.hubResources(), this.spokeIds()), {}, { generator: 'secure-aks', estateHub: this.hub.name });
  }

  /** The pinned Helm releases every cluster installs, from the mirror when there is one. */
  public prerequisites(): PinnedHelmChart[] {
    const mirror = this.helmChartMirror;
    return meshPrerequisites(this.meshDistribution, this.versions).map((c) => (mirror ? { ...c, repo: mirror } : c));
  }

  /** The add-on's shared MeshConfig (AKS Istio add-on only). */
  public meshConfigObjects(): KubernetesObject[] {
    return meshConfigObjects(this.meshDistribution, this.versions);
  }

  /** The links a cluster is the client of, and those it serves. */
  public linksOf(name: string): { readonly asClient: readonly EstateLink[]; readonly asServer: readonly EstateLink[] } {
    return { asClient: this.links.filter((l) => l.client === name), asServer: this.links.filter((l) => l.server === name) };
  }

  /** The Kubernetes objects a cluster gets from its links: its egress side of each link it dials, its ingress side of each it serves, each with its admission policy. */
  public linkObjects(name: string): KubernetesObject[] {
    const { asClient, asServer } = this.linksOf(name);
    return [
      ...asClient.flatMap((l) => [...l.link.clientObjects(), ...linkAdmissionPolicies(l.link, 'client').flatMap(admissionPolicyObjects)]),
      ...asServer.flatMap((l) => [...l.link.serverObjects(), ...linkAdmissionPolicies(l.link, 'server').flatMap(admissionPolicyObjects)]),
    ];
  }

  /**
   * A GitOps-delivered cluster's tree: the pinned Helm releases as Flux
   * objects, the issuer, and the mesh config and link objects (by default the
   * model's; the synth passes the objects its charts wrote).
   */
  public gitOpsTree(
    name: string,
    objects: { readonly issuer?: readonly KubernetesObject[]; readonly mesh?: readonly KubernetesObject[] } = {},
  ): GitOpsTree {
    this.cluster(name);
    return gitOpsTree({
      cluster: name,
      releases: this.prerequisites(),
      issuer: objects.issuer ?? this.issuer.objects(),
      mesh: objects.mesh ?? [...this.meshConfigObjects(), ...this.linkObjects(name)],
    });
  }
}

/**
 * Checks an estate definition (every cluster, every link, and what spans them); returns every violation.
 * @category Estates
 */
export function validateEstate(props: EstateProps, options: RuleEvaluationOptions = {}): ViolationCollector {
  return planEstate(props, options).violations;
}

function planEstate(input: EstateProps, options: RuleEvaluationOptions): { violations: ViolationCollector; model?: EstateModel } {
  const v = new ViolationCollector();
  const checked = checkInput(ESTATE_PROPS, input);
  v.evaluated(Rules.inputType);
  v.addAll(checked.violations);
  if (checked.value === undefined) return { violations: v };
  const props = checked.value;
  v.evaluated(Rules.resourceId, Rules.estateReachability, Rules.estateClusterNames, Rules.estateAddressOverlap);
  const versions = resolvePinnedVersions(props.versions);
  const distribution = props.meshDistribution ?? 'openSourceIstio';
  checkPinnedVersions(v, versions, distribution, options);

  if (!isResourceIdOfType(props.hub.virtualNetworkId, 'Microsoft.Network/virtualNetworks')) {
    v.add(Rules.resourceId, 'hub.virtualNetworkId', props.hub.virtualNetworkId, 'pass a Microsoft.Network/virtualNetworks resource id');
  }
  if (!GUID.test(props.subscriptionId)) {
    v.add(Rules.resourceId, 'subscriptionId', props.subscriptionId, 'give the subscription id of the spokes (a GUID)');
  }
  if (parseIpv4(props.hub.firewallPrivateIp) === undefined) {
    v.add(Rules.estateReachability, 'hub.firewallPrivateIp', props.hub.firewallPrivateIp, 'give the hub firewall\'s private IPv4 address');
  }

  if (props.helmChartMirror !== undefined) v.evaluated(Rules.gitOpsSourceTransport);
  if (props.helmChartMirror !== undefined && !(urlScheme(props.helmChartMirror) === 'oci' && urlHost(props.helmChartMirror) && /^oci:\/\/[^/]+\/\S+$/i.test(props.helmChartMirror))) {
    v.add(Rules.gitOpsSourceTransport, 'helmChartMirror', props.helmChartMirror, 'give the mirror as oci://<registry>/<path>');
  }
  if (props.helmChartMirror !== undefined) v.addAll(checkHelmChartMirror(props.helmChartMirror, 'helmChartMirror'));

  // --- names
  const clusterIndex = new Map<string, number>();
  props.clusters.forEach((c, i) => {
    if (clusterIndex.has(c.name)) v.add(Rules.estateClusterNames, `clusters[${i}].name`, c.name, `give it a name no other cluster has (clusters[${clusterIndex.get(c.name)}] is "${c.name}" too)`);
    else clusterIndex.set(c.name, i);
  });
  const linkIndex = new Map<string, number>();
  props.links.forEach((l, i) => {
    if (linkIndex.has(l.name)) v.add(Rules.estateClusterNames, `links[${i}].name`, l.name, `give it a name no other link has (links[${linkIndex.get(l.name)}] is "${l.name}" too)`);
    else linkIndex.set(l.name, i);
  });

  // --- address plans: the hub and every spoke are peered or routed together
  const networks: PlannedNetwork[] = [];
  props.hub.addressSpace.forEach((text, i) => {
    const parsed = Ipv4Cidr.parse(text);
    if (parsed instanceof Ipv4Cidr) networks.push({ property: `hub.addressSpace[${i}]`, text, cidr: parsed });
    else v.add(Rules.estateAddressOverlap, `hub.addressSpace[${i}]`, text, 'give the hub\'s address prefixes in CIDR notation, e.g. "10.0.0.0/22"');
  });
  // Every spoke's default route goes to the firewall: an address outside the hub sends it where the hub is not.
  const firewall = parseIpv4(props.hub.firewallPrivateIp);
  const hubRanges = networks.map((n) => n.cidr);
  if (firewall !== undefined && hubRanges.length === props.hub.addressSpace.length && !hubRanges.some((c) => c.containsAddress(firewall))) {
    v.add(Rules.estateReachability, 'hub.firewallPrivateIp', props.hub.firewallPrivateIp, `give the private IP of the firewall in the hub: an address inside hub.addressSpace (${props.hub.addressSpace.join(', ')})`);
  }
  (props.connectedNetworks ?? []).forEach((text, i) => {
    const parsed = Ipv4Cidr.parse(text);
    if (parsed instanceof Ipv4Cidr) networks.push({ property: `connectedNetworks[${i}]`, text, cidr: parsed });
    else v.add(Rules.estateAddressOverlap, `connectedNetworks[${i}]`, text, 'give the connected networks in CIDR notation, e.g. "192.168.0.0/16"');
  });
  const spokes = props.clusters.map((c, i) => {
    const parsed = checkSpokeAddressSpace(v, `clusters[${i}].addressSpace`, c.addressSpace);
    if (parsed) networks.push({ property: `clusters[${i}].addressSpace`, text: c.addressSpace, cidr: parsed });
    return parsed;
  });
  for (let a = 0; a < networks.length; a++) {
    for (let b = a + 1; b < networks.length; b++) {
      if (networks[a].cidr.overlaps(networks[b].cidr)) {
        v.add(Rules.estateAddressOverlap, networks[b].property, networks[b].text, `choose a block that does not overlap ${networks[a].text} (${networks[a].property})`);
      }
    }
  }

  // --- clusters
  const checkedDeliveries = new Set<ClusterDelivery>();
  // What each cluster's validation found, kept to build its model from (not validated again).
  const clusterChecks: ViolationCollector[] = [];
  const clusters: PlannedCluster[] = props.clusters.map((c, i) => {
    const delivery = c.delivery ?? props.delivery;
    const subnets = spokeSubnets(spokes[i] ?? Ipv4Cidr.of('10.250.0.0/16'));
    const brought = c.existingSpoke;
    const nodes = brought ? checkExistingSpoke(v, `clusters[${i}].existingSpoke`, brought, spokes[i]) : subnets.nodes;
    const clusterProps = withServiceRange(clusterPropsOf(c, props, distribution, versions, delivery, nodes, subnets.api), networks);
    if (brought) {
      v.add(Rules.estateSpokePeeringNotVerified, `clusters[${i}].existingSpoke.virtualNetworkId`, brought.virtualNetworkId, `make sure the spoke is peered with the hub (allowing forwarded traffic) and its subnets route 0.0.0.0/0 to ${props.hub.firewallPrivateIp}`);
    }
    const clusterViolations = validateHardenedCluster(clusterProps, options);
    clusterChecks[i] = clusterViolations;
    v.merge(clusterViolations, asGivenInEstate(`clusters[${i}]`));
    if (clusterViolations.errors.length === 0) {
      // Every network the cluster reaches: through the hub firewall, all of them (SAKS-EST-010).
      const resolved = resolveClusterConfig(clusterProps);
      const pods = resolved.podNetworking;
      v.addAll(
        checkKubernetesRanges(
          `clusters[${i}]`,
          { serviceCidr: resolved.serviceCidr, dnsServiceIp: resolved.dnsServiceIp, podCidr: pods.mode === 'overlay' || pods.mode === 'kubenet' ? pods.podCidr : undefined },
          networks,
        ),
      );
    }
    checkDelivery(v, `clusters[${i}]`, c, clusterProps, delivery, checkedDeliveries);
    if (clusterProps.outboundType?.name === 'none' && !isAzureContainerRegistryOci(props.helmChartMirror ?? '')) {
      v.add(Rules.gitOpsIsolatedSource, 'helmChartMirror', props.helmChartMirror, `copy the pinned Helm charts into your Azure Container Registry and give it as helmChartMirror: cluster "${c.name}" has no egress to their public repositories`);
    }
    const resourceGroupName = estateClusterResourceGroup(c);
    const virtualNetworkId = estateSpokeNetworkId(c, props.subscriptionId);
    if (!brought && GUID.test(props.subscriptionId) && !isResourceIdOfType(virtualNetworkId, 'Microsoft.Network/virtualNetworks')) {
      v.add(Rules.resourceId, `clusters[${i}].resourceGroupName`, resourceGroupName, 'use a resource group name: letters, digits, ".", "_", "(", ")" and "-"');
    }
    return {
      name: c.name,
      location: c.location,
      resourceGroupName,
      addressSpace: c.addressSpace,
      nodeSubnet: nodes,
      virtualNetworkId,
      existingSpoke: brought !== undefined,
      props: clusterProps,
      delivery,
    };
  });
  checkFluxExtensionSupport(v, clusters.map((c) => c.delivery), options);
  const byName = new Map(clusters.map((c) => [c.name, c]));

  // --- links
  const links: { readonly props: EstateLinkProps; readonly ingressIp: string; readonly linkProps: CrossClusterLinkProps; readonly checked: ViolationCollector }[] = [];
  const hostOwner = new Map<string, string>();
  const ingressOwner = new Map<string, string>();
  if (props.links.length > 0) v.evaluated(Rules.estateLinkClusters, Rules.estateInternalLoadBalancerAddress, Rules.estateCollisions, Rules.estateServiceDns);
  props.links.forEach((l, i) => {
    const client = byName.get(l.client);
    const server = byName.get(l.server);
    if (!client) v.add(Rules.estateLinkClusters, `links[${i}].client`, l.client, `name a cluster of the estate (${[...byName.keys()].join(', ')})`);
    if (!server) v.add(Rules.estateLinkClusters, `links[${i}].server`, l.server, `name a cluster of the estate (${[...byName.keys()].join(', ')})`);
    if (client && server && client === server) v.add(Rules.estateLinkClusters, `links[${i}].server`, l.server, 'link two different clusters: inside one cluster the mesh itself carries the traffic');
    for (const [side, c] of [['client', client], ['server', server]] as const) {
      if (c && !routedThroughHub(c, props.hub.firewallPrivateIp)) {
        v.add(
          Rules.estateReachability,
          `links[${i}].${side}`,
          c.name,
          `route cluster "${c.name}" through the hub firewall: outboundType OutboundType.userDefinedRouting({ firewallPrivateIp: '${props.hub.firewallPrivateIp}' }) (the estate's default)`,
          'spokes are peered with the hub only; without the default route to the hub firewall they have no route to each other',
        );
      }
    }
    const serverNodes = server ? Ipv4Cidr.of(server.nodeSubnet) : undefined;
    const ingressIp = l.ingressIp ?? (serverNodes ? formatIpv4(serverNodes.last - 5 - (fnv1a(l.name) % INGRESS_ADDRESS_POOL)) : '10.250.15.250');
    const ip = parseIpv4(ingressIp);
    if (serverNodes && (ip === undefined || !serverNodes.containsAddress(ip) || ip <= serverNodes.network + 3 || ip === serverNodes.last)) {
      v.add(Rules.estateInternalLoadBalancerAddress, `links[${i}].ingressIp`, ingressIp, `use a usable address of the server's node subnet ${server!.nodeSubnet}`, 'the ingress gateway\'s internal load balancer takes its frontend address from that subnet');
    }
    if (server) {
      const key = `${server.name}|${ingressIp}`;
      const other = ingressOwner.get(key);
      if (other) v.add(Rules.estateCollisions, `links[${i}].ingressIp`, ingressIp, `set links[${i}].ingressIp to a free address of ${server.nodeSubnet}: link "${other}" has this ingress address in cluster "${server.name}"`);
      else ingressOwner.set(key, l.name);
    }
    l.services.forEach((s, j) => {
      checkServiceHost(v, `links[${i}].services[${j}].host`, s.host);
      const owner = hostOwner.get(s.host.toLowerCase());
      if (owner !== undefined && owner !== l.name) {
        v.add(Rules.estateServiceDns, `links[${i}].services[${j}].host`, s.host, `give the service its own host name: link "${owner}" carries ${s.host} already, and one private DNS record cannot point at two ingress gateways`);
      } else {
        hostOwner.set(s.host.toLowerCase(), l.name);
      }
    });
    const linkProps: CrossClusterLinkProps = {
      name: l.name,
      client: { flavour: meshFlavourOf(distribution, versions) },
      server: { flavour: meshFlavourOf(distribution, versions) },
      certificates: CertificateSource.certManager({ clientIssuer: props.issuer.reference }),
      services: l.services,
      internalLoadBalancer: true,
      ingressLoadBalancerIp: ingressIp,
      // Client workloads reach the server's network only through the egress gateway.
      egressLockdown: { enabled: true, serverCidrs: [server?.addressSpace ?? '10.250.0.0/16'] },
    };
    // The link's warnings too: a backend left out of STRICT mutual TLS (SAKS-MESH-027) is printed on every synth.
    const checked = CrossClusterLink.validate(linkProps);
    v.addAll([...checked.errors, ...checked.warnings].map((x) => ({ ...x, property: asGivenInEstate(`links[${i}]`)(x.property) })));
    links.push({ props: l, ingressIp, linkProps, checked });
  });

  if (v.errors.length > 0) return { violations: dedupe(v) };

  // --- what spans the links: every cluster's objects from all its links, together
  // Checked above: built from those checks, not validated again.
  const built = links.map(({ checked, ...l }) => ({ ...l, link: CrossClusterLink.fromChecked(l.linkProps, checked) }));
  const objectsOf = new Map<string, SourcedObject[]>(clusters.map((c) => [c.name, []]));
  for (const l of built) {
    const source = `link "${l.props.name}"`;
    objectsOf.get(l.props.client)!.push(...l.link.clientObjects().map((object) => ({ object, source })));
    objectsOf.get(l.props.server)!.push(...l.link.serverObjects().map((object) => ({ object, source })));
  }
  clusters.forEach((c, i) => {
    for (const f of findCollisions(objectsOf.get(c.name)!)) v.add(Rules.estateCollisions, `clusters[${i}]`, c.name, f.fix, `${f.object}: ${f.message}`);
  });
  // Every object the estate writes into a cluster, derived names and labels (the revision's istio.io/rev) included.
  const shared = [...meshConfigObjects(distribution, versions), ...props.issuer.objects()];
  clusters.forEach((c, i) => {
    for (const f of findInvalidForApiServer([...shared, ...objectsOf.get(c.name)!.map((o) => o.object)])) {
      const fromRevision = distribution === 'aksIstioAddon' && f.message.includes(versions.aksIstioRevision);
      v.add(Rules.apiServerValidity, fromRevision ? 'versions.aksIstioRevision' : `clusters[${i}]`, fromRevision ? versions.aksIstioRevision : c.name, f.fix, `${f.object}: ${f.message}`);
    }
  });
  if (v.errors.length > 0) return { violations: dedupe(v) };

  const final = clusters.map((c, i) => ({ ...c, model: ManagedClusterModel.fromChecked(c.props, clusterChecks[i], options) }));
  // Checked below, on the model: any violation leaves no model, so a built estate kept them.
  v.evaluated(Rules.apiServerValidity, Rules.estateAzureIds, Rules.estateFederatedCredentials);
  const model = new EstateModel(VALIDATED, props, { clusters: final, links: built }, v.warnings, options.evaluationDate, v.evaluatedRules);
  // The hub's DNS as built: every host resolvable from every cluster that dials it.
  v.addAll(checkServiceDns(model.links, model.hubResources()));
  // Every Azure id of every template, and every identity's credentials, across the estate.
  v.addAll(checkEstateIdentities(model, props));
  return { violations: v, model: v.errors.length > 0 ? undefined : model };
}

/**
 * Where a cluster's or link's violation is reported in the estate: under
 * `prefix`, except the add-on revision every cluster and link gets from
 * `versions.aksIstioRevision`, reported where the user gave it.
 */
function asGivenInEstate(prefix: string): (property: string) => string {
  const written = /^(istioAddon\.revisions?|(client|server)\.flavour\.revision)(\[\d+\])?$/;
  return (property) => (written.test(property) ? 'versions.aksIstioRevision' : property ? `${prefix}.${property}` : prefix);
}

/** The violations, each reported once (one finding of a shared object is the same in every cluster). */
function dedupe(v: ViolationCollector): ViolationCollector {
  const out = new ViolationCollector();
  const seen = new Set<string>();
  for (const x of [...v.errors, ...v.warnings, ...v.infos]) {
    const key = `${x.rule.id}|${x.property}|${x.fix}|${x.detail ?? ''}`;
    if (!seen.has(key)) out.addAll([x]);
    seen.add(key);
  }
  return out;
}

/**
 * A cluster definition with a service CIDR and DNS service IP outside every
 * network of the estate and outside its pod CIDR, unless it gives them.
 */
function withServiceRange(clusterProps: HardenedClusterProps, networks: readonly PlannedNetwork[]): HardenedClusterProps {
  if (clusterProps.serviceCidr !== undefined || clusterProps.dnsServiceIp !== undefined) return clusterProps;
  const taken = networks.map((n) => n.cidr);
  try {
    const pods = resolveClusterConfig(clusterProps).podNetworking.podCidr;
    const parsed = pods === undefined ? undefined : Ipv4Cidr.parse(pods);
    if (parsed instanceof Ipv4Cidr) taken.push(parsed);
  } catch {
    // An invalid definition: its own rules report it, and the default ranges stay.
  }
  return { ...clusterProps, ...deriveServiceRange(taken) };
}

/**
 * The estate's Azure ids and identities, on the resources as built: no two
 * resources of its templates with one id (SAKS-EST-008); per identity at most
 * the documented number of federated credentials, written from one template
 * only so they are created one after another (SAKS-EST-009).
 */
function checkEstateIdentities(model: EstateModel, props: EstateProps): Violation[] {
  const out: Violation[] = [];
  const where = new Map<string, string>();
  const index = new Map(props.clusters.map((c, i) => [c.name, i]));
  const planned: (PlannedResourceId & { readonly template: string; readonly property: string })[] = [];
  for (const t of model.plannedTemplates()) {
    for (const p of t.ids) planned.push({ ...p, template: t.file, property: t.cluster !== undefined ? `clusters[${index.get(t.cluster)}]` : t.file.startsWith('flux') ? 'delivery' : 'hub' });
  }
  for (const c of findIdCollisions(planned)) {
    out.push({
      rule: Rules.estateAzureIds,
      property: c.second.property,
      value: c.id,
      fix: `give one of them another name: ${c.first.logicalId} of ${c.first.template} and ${c.second.logicalId} of ${c.second.template} are both ${c.id}`,
      detail: 'the second deployment would overwrite the first resource',
    });
  }
  const credentials = new Map<string, typeof planned>();
  for (const p of planned) {
    if (p.type !== 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials') continue;
    const key = p.parentId.toLowerCase();
    credentials.set(key, [...(credentials.get(key) ?? []), p]);
    where.set(key, p.parentId);
  }
  for (const [key, list] of credentials) {
    const identity = where.get(key)!;
    if (list.length > FEDERATED_CREDENTIALS_PER_IDENTITY) {
      out.push({
        rule: Rules.estateFederatedCredentials,
        property: list[FEDERATED_CREDENTIALS_PER_IDENTITY].property,
        value: identity,
        fix: `use at most ${FEDERATED_CREDENTIALS_PER_IDENTITY} credentials on one identity across the estate (it gets ${list.length}): give some clusters their own identity (their own delivery with another identity)`,
      });
    }
    const clusterTemplates = [...new Set(list.filter((p) => p.template.startsWith('clusters/')).map((p) => p.template))];
    if (clusterTemplates.length > 1) {
      out.push({
        rule: Rules.estateFederatedCredentials,
        property: list.find((p) => p.template === clusterTemplates[1])!.property,
        value: identity,
        fix: `give each cluster's federatedIdentities their own identity: ${clusterTemplates.join(' and ')} both write credentials on it, and templates deployed together would write them concurrently`,
      });
    }
  }
  return out;
}

/** A brought spoke's id and node subnet: a virtual network's id, and a node prefix inside the cluster's address space. Returns the node prefix. */
function checkExistingSpoke(v: ViolationCollector, at: string, spoke: EstateExistingSpokeProps, space: Ipv4Cidr | undefined): string {
  if (!isResourceIdOfType(spoke.virtualNetworkId, 'Microsoft.Network/virtualNetworks')) {
    v.add(Rules.resourceId, `${at}.virtualNetworkId`, spoke.virtualNetworkId, 'pass a Microsoft.Network/virtualNetworks resource id');
  }
  const nodes = Ipv4Cidr.parse(spoke.nodeSubnetPrefix);
  if (!(nodes instanceof Ipv4Cidr) || nodes.hasHostBits || (space && !space.contains(nodes))) {
    v.add(Rules.estateAddressOverlap, `${at}.nodeSubnetPrefix`, spoke.nodeSubnetPrefix, 'give the node subnet\'s prefix, inside the cluster\'s addressSpace');
    return '10.250.0.0/20';
  }
  return nodes.canonical;
}

/**
 * Whether a cluster's default route goes to the hub firewall: a route table the
 * library creates to it, or, in a brought spoke, the subnets' own route table
 * (declared, not verified offline: SAKS-EST-007 and SAKS-EGR-006 say so).
 */
function routedThroughHub(c: PlannedCluster, firewallPrivateIp: string): boolean {
  const outbound = c.props.outboundType;
  if (outbound?.name !== 'userDefinedRouting') return false;
  if (outbound.firewallPrivateIp === firewallPrivateIp) return true;
  return c.existingSpoke && outbound.firewallPrivateIp === undefined && outbound.routeTableId === undefined;
}

/** The cluster definition the estate derives: the estate's secure defaults, its spoke, its mesh, Flux's identity. */
function clusterPropsOf(
  c: EstateClusterProps,
  props: EstateProps,
  distribution: MeshDistribution,
  versions: PinnedVersions,
  _delivery: ClusterDelivery,
  nodes: string,
  api: string,
): HardenedClusterProps {
  const { addressSpace, resourceGroupName: _rg, delivery: _d, existingSpoke, ...cluster } = c;
  return {
    apiServerAccess: ApiServerAccess.private(),
    transitEncryption: TransitEncryption.acnsWireGuard(),
    // A brought spoke's subnets carry the network team's route table (its route is not verified offline: SAKS-EGR-006).
    outboundType: existingSpoke ? OutboundType.userDefinedRouting() : OutboundType.userDefinedRouting({ firewallPrivateIp: props.hub.firewallPrivateIp }),
    ...cluster,
    // Flux's credential is the estate's (one per cluster, created one after another: fluxCredentialResources).
    network: existingSpoke
      ? ClusterNetwork.fromSubnetIds({
          nodeSubnetId: `${existingSpoke.virtualNetworkId}/subnets/${existingSpoke.nodeSubnetName}`,
          apiServerSubnetId: `${existingSpoke.virtualNetworkId}/subnets/${existingSpoke.apiServerSubnetName}`,
        })
      : ClusterNetwork.create({ addressSpace: [addressSpace], nodeSubnetPrefix: nodes, apiServerSubnetPrefix: api }),
    ...aksIstioAddonProps(distribution, versions),
  };
}

/**
 * The GitOps source's rules for this cluster: encrypted transport, a private
 * registry for isolated clusters, workload identity on, no Flux on a
 * network-isolated cluster; the source's own rules (URL, branch, OCI
 * reference, provider) once per delivery, for the first cluster it serves.
 */
function checkDelivery(v: ViolationCollector, at: string, c: EstateClusterProps, clusterProps: HardenedClusterProps, delivery: ClusterDelivery, checked: Set<ClusterDelivery>): void {
  const source = delivery.source;
  if (delivery.kind !== 'gitOps' || !source) return;
  const sourceAt = `${c.delivery ? at : 'delivery'}.source`;
  const property = `${sourceAt}.url`;
  if (!checked.has(delivery)) {
    checked.add(delivery);
    v.addAll(checkGitOpsSource(source, sourceAt));
    if (source.identity) {
      // The identity's own fields, as a cluster's federated identity is checked (SAKS-FED rules).
      const fields = new ViolationCollector();
      validateFederatedIdentity({ name: 'flux', identityId: source.identity.identityId, clientId: source.identity.clientId, namespace: 'flux-system', serviceAccountName: 'source-controller' }, `${sourceAt}.identity`, fields);
      v.merge(fields);
    }
  }
  if (clusterProps.outboundType?.name === 'none') {
    v.add(
      Rules.gitOpsNetworkIsolated,
      `${c.delivery ? at : 'delivery'}`,
      'gitOps',
      `deliver cluster "${c.name}" with ClusterDelivery.pulumiKubernetes() from a network that reaches its API server, or give it an outbound type with egress (the hub firewall's userDefinedRouting)`,
      'Microsoft lists the GitOps (Flux) extension among the features network isolated clusters do not support',
    );
  }
  const allowed = source.kind === 'OCIRepository' ? ['oci'] : ['https', 'ssh'];
  if (!source.scheme || !allowed.includes(source.scheme) || !source.host) {
    v.add(Rules.gitOpsSourceTransport, property, source.url, source.kind === 'OCIRepository' ? 'use oci://<registry>/<repository>' : 'use an https:// or ssh:// URL');
  }
  if (clusterProps.outboundType?.name === 'none' && !(source.kind === 'OCIRepository' && isAzureContainerRegistryOci(source.url))) {
    v.add(Rules.gitOpsIsolatedSource, property, source.url, `push the tree of "${c.name}" as an OCI artifact to your Azure Container Registry with a private endpoint in the cluster's network (oci://<registry>.azurecr.io/...)`);
  }
  if (source.identity && clusterProps.workloadIdentity === false) {
    v.add(Rules.gitOpsWorkloadIdentity, `${at}.workloadIdentity`, false, 'leave workloadIdentity on (the default): Flux pulls the OCI artifact with a federated identity');
  }
}

/**
 * Checks the hub's DNS resources as built: every service host of every link
 * has an A record to its link's ingress address, in a zone linked to its
 * client cluster's network. A report derived from what is deployed.
 * @internal
 */
export function checkServiceDns(links: readonly EstateLink[], hubResources: readonly ArmResource[]): Violation[] {
  const out: Violation[] = [];
  const records = new Map<string, string[]>();
  const linked = new Set<string>();
  for (const r of hubResources) {
    if (r.type === 'Microsoft.Network/privateDnsZones/A') {
      const ips = ((r.properties.aRecords ?? []) as { ipv4Address: string }[]).map((a) => a.ipv4Address);
      records.set(`${String(r.name[1])}.${String(r.name[0])}`.toLowerCase(), ips);
    }
    if (r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks') {
      const ref = (r.properties.virtualNetwork as { id?: unknown } | undefined)?.id;
      if (ref instanceof ArmReference) linked.add(`${String(r.name[0])}|${ref.logicalId}`);
    }
  }
  links.forEach((l, i) => {
    l.link.services.forEach((s, j) => {
      const ips = records.get(s.host.toLowerCase());
      const zone = serviceZone(s.host) ?? '';
      if (!ips || ips.length !== 1 || ips[0] !== l.ingressIp) {
        out.push({ rule: Rules.estateServiceDns, property: `links[${i}].services[${j}].host`, value: s.host, fix: `give ${s.host} one A record to ${l.ingressIp}`, detail: `the hub's zone holds ${ips ? ips.join(', ') : 'no record'}` });
      }
      if (!linked.has(`${zone}|${l.client}/${LogicalIds.vnet}`)) {
        out.push({ rule: Rules.estateServiceDns, property: `links[${i}].client`, value: l.client, fix: `link the zone ${zone} to the network of cluster "${l.client}"`, detail: 'its pods could not resolve the service host' });
      }
    });
  });
  return out;
}
