import { App, Chart, ChartProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { zod, lazySchema } from '../core/validation/lazy-zod';
import { assertInput, text } from '../core/validation/input-boundary';
import { Ipv4Cidr } from '../core/net/ipv4-cidr';
import { CROSS_CLUSTER_LINK_RESULT, CrossClusterLink } from '../core/mesh/cross-cluster-link';
import { contractDifferences, LinkContract, linkContract, readLinkContract } from '../core/mesh/link-contract';
import { CUSTOMER_CA_ISSUER_RESULT, CustomerCaIssuer } from '../core/mesh/customer-ca-issuer';
import { analyzeMesh, analyzeMeshLink } from '../core/mesh/mesh-analyzer';
import { MeshFinding, MeshInventory } from '../core/mesh/mesh-inventory';
import { describeObject, KubernetesObject } from '../core/kubernetes/kubernetes-object';
import { admissionEvaluator, createRequestOf, policyForRequest } from '../core/admission/admission-evaluation';
import { AdmissionPolicySpec, admissionPolicyObjects } from '../core/admission/admission-policy';
import { linkAdmissionPolicies } from '../core/mesh/link-admission-policy';
import { Rules } from '../core/validation/rule-catalog';
import { AdmissionPolicyObjects } from './admission-policy-objects';
import { DeploymentCheck, findingViolation } from './deployment-check';
import { apiObjectsOf, jsonOf, MemoizedApiObject, SynthPassCache } from './synth-pass-cache';

/** The props of the link charts, checked at construction (chart props such as labels pass through). */
const CHART_PROPS = lazySchema(() => zod.looseObject({
  link: CROSS_CLUSTER_LINK_RESULT,
  cluster: text().optional(),
  contract: zod.record(zod.string(), zod.unknown()).optional(),
}));
const ISSUER_CHART_PROPS = lazySchema(() => zod.looseObject({
  issuer: CUSTOMER_CA_ISSUER_RESULT,
  cluster: text().optional(),
}));

const objectCache = new SynthPassCache<Construct, Record<string, unknown>[]>();
const findingCache = new SynthPassCache<Construct, MeshFinding[]>();
const linkFindingCache = new SynthPassCache<Construct, MeshFinding[]>();

/** Every ApiObject under `scope`, synthesized (JSON patches applied), once per synthesis pass. */
function objectsOf(scope: Construct): Record<string, unknown>[] {
  const { objects, fingerprint } = apiObjectsOf(scope);
  return objectCache.get(scope, fingerprint, () => objects.map(jsonOf));
}

/**
 * Adds the model's objects to a chart, one ApiObject each, with ids that are stable per kind, namespace and name.
 * @internal
 */
export function addObjects(scope: Construct, objects: readonly KubernetesObject[]): void {
  for (const o of objects) {
    const { apiVersion, kind, metadata, ...rest } = o;
    new MemoizedApiObject(scope, `${kind}-${metadata.namespace ?? 'cluster'}-${metadata.name}`, { apiVersion, kind, metadata, ...rest });
  }
}

/**
 * Adds a link side's admission policies next to its objects, and checks every
 * object of the chart (JSON patches and the user's own objects included)
 * against the same policies at synth (SAKS-MESH-025, and SAKS-MESH-026 for
 * the backends' PeerAuthentications): what the cluster would deny later is
 * refused now.
 */
function guardLinkObjects(scope: Construct, chart: Chart, specs: readonly AdmissionPolicySpec[]): void {
  specs.forEach((spec, i) => new AdmissionPolicyObjects(scope, i === 0 ? 'admission-policy' : `admission-policy-${spec.name}`, spec));
  const policies = specs.map((spec) => ({ spec, policy: admissionPolicyObjects(spec)[0] }));
  DeploymentCheck.of(scope).addCheck(() =>
    objectsOf(chart).flatMap((o) => {
      // One request per object, written as CEL values once for all the policies.
      const request = createRequestOf(o);
      const evaluate = admissionEvaluator(request);
      return policies.flatMap(({ spec, policy }) =>
        evaluate(policyForRequest(spec, policy, request)).denials.map((denial) => ({
          rule: spec.rule,
          property: `chart ${chart.node.path}: ${describeObject(o)}`,
          value: spec.name,
          fix:
            spec.rule.id === Rules.meshLinkObjectsKept.id
              ? 'keep the link\'s objects as the link builds them: change the link definition instead of patching its objects, and give no other DestinationRule its hosts'
              : 'keep every PeerAuthentication that can select a link\'s backend STRICT at every port; for a backend that cannot run a sidecar, set its mtlsMode to UNSET in the link definition',
          detail: denial,
        })),
      );
    }),
  );
}

/** The mesh analysis of each chart: the inventories of every link construct in it, merged. */
const ANALYSES = new WeakMap<Chart, { inventory: MeshInventory; warnings: MeshFinding[] }>();

/**
 * Checks every object of `chart` (the user's own included) with the offline
 * mesh analyzer at synth, through the app's {@link DeploymentCheck}, knowing
 * what `inventory` says exists in the cluster; called by every link construct
 * of the chart, whose inventories add up. Error findings fail the synth with
 * the library's validation error; warnings are kept for {@link meshWarningsOf}.
 * @category Cross-cluster mTLS
 */
export function analyzeChartMesh(chart: Chart, inventory: MeshInventory, cluster: string | undefined): void {
  const check = DeploymentCheck.of(chart);
  if (cluster !== undefined) check.place(chart, cluster);
  const existing = ANALYSES.get(chart);
  if (existing) {
    existing.inventory = mergeInventories(existing.inventory, inventory);
    return;
  }
  const analysis = { inventory, warnings: [] as MeshFinding[] };
  ANALYSES.set(chart, analysis);
  check.addCheck(() => {
    const findings = findingCache.get(chart, apiObjectsOf(chart).fingerprint, () => analyzeMesh(objectsOf(chart), analysis.inventory));
    analysis.warnings = findings.filter((f) => f.level === 'Warning');
    return findings.filter((f) => f.level === 'Error').map((f) => findingViolation(`chart ${chart.node.path}`, f));
  });
}

/**
 * The analyzer's warning findings on a chart at its last synth.
 * @category Cross-cluster mTLS
 */
export function meshWarningsOf(chart: Chart): readonly MeshFinding[] {
  return ANALYSES.get(chart)?.warnings ?? [];
}

function mergeInventories(a: MeshInventory, b: MeshInventory): MeshInventory {
  return {
    rootNamespace: a.rootNamespace,
    services: [...(a.services ?? []), ...(b.services ?? [])],
    workloads: [...(a.workloads ?? []), ...(b.workloads ?? [])],
    secrets: [...(a.secrets ?? []), ...(b.secrets ?? [])],
  };
}

/**
 * A chart whose objects (the user's own included) are checked by the offline
 * mesh analyzer at synth. When placed in a cluster, its objects are also
 * checked against every other chart of that cluster.
 * @category Cross-cluster mTLS
 */
export abstract class MeshAnalyzedChart extends Chart {
  /** Warning findings of the last synth. */
  public get warnings(): readonly MeshFinding[] {
    return meshWarningsOf(this);
  }
}

/**
 * Props of the two constructs of a link, for a chart of your own.
 * @category Cross-cluster mTLS
 */
export interface CrossClusterSideProps {
  /** The link both sides are generated from. */
  readonly link: CrossClusterLink;
  /**
   * The link contract the server side wrote, when the server side is built
   * elsewhere (another repository): the chart fails synth if its link
   * disagrees with it. Build the link with `linkFromContract`.
   * @default - none: both sides are built here, from the same link
   */
  readonly contract?: LinkContract;
  /**
   * The cluster the chart is applied to. Charts of the same cluster (of every
   * link, and the user's charts placed with `DeploymentCheck.of(app).place()`)
   * are checked together for colliding objects, ports and secrets.
   * @default 'client' for the client side, 'server' for the server side
   */
  readonly cluster?: string;
}

/**
 * Props of the two charts of a link.
 * @category Cross-cluster mTLS
 */
export interface CrossClusterChartProps extends ChartProps, CrossClusterSideProps {}

/**
 * The client cluster's side of a cross-cluster link, in a chart of your own:
 * ServiceEntry, egress Gateway, VirtualService, DestinationRules, certificates,
 * the egress gateway (when dedicated) and the egress lockdown NetworkPolicy.
 * The whole chart it is in (your objects included) is checked by the mesh
 * analyzer at synth, against the link's server side wherever that is built in
 * the same app, and against the other charts of its cluster.
 * @example
 * const chart = new Chart(app, 'payments');
 * new CrossClusterClient(chart, 'mysql-link', { link, cluster: 'payments-client' });
 * @category Cross-cluster mTLS
 */
export class CrossClusterClient extends Construct {
  /** The egress lockdown NetworkPolicies, one per client namespace. */
  public readonly networkPolicies: readonly kplus.NetworkPolicy[];

  constructor(scope: Construct, id: string, props: CrossClusterSideProps) {
    assertInput(CHART_PROPS, props, `CrossClusterClient "${id}"`);
    super(scope, id);
    const link = props.link;
    const chart = Chart.of(this);
    analyzeChartMesh(chart, link.clientInventory(), props.cluster ?? 'client');
    pairBySide(chart, link, 'client');
    const contract = props.contract;
    if (contract) {
      const read = readLinkContract(contract);
      DeploymentCheck.of(this).addCheck(() => [...read.violations, ...(read.contract ? contractDifferences(link, read.contract) : [])].map((v) => ({ ...v, property: `chart ${chart.node.path}: ${v.property}` })));
    }
    addObjects(this, link.clientObjects());
    guardLinkObjects(this, chart, linkAdmissionPolicies(link, 'client'));
    this.networkPolicies = link.egressLockdown.enabled ? this.addEgressLockdown(link) : [];
  }

  /**
   * Istio cannot force traffic through the egress gateway (https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway/):
   * in each client namespace, egress is allowed to pods in the cluster (the
   * egress gateway, DNS, other services) and, when server networks are named,
   * to everything but them; otherwise nothing outside the cluster.
   * @see https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway/#apply-kubernetes-network-policies
   */
  private addEgressLockdown(link: CrossClusterLink): kplus.NetworkPolicy[] {
    const namespaces = [...new Set(link.services.flatMap((s) => s.clientNamespaces))].sort();
    return namespaces.map((ns) => {
      const policy = new kplus.NetworkPolicy(this, `egress-lockdown-${ns}`, {
        metadata: { name: `${link.name}-egress-lockdown`, namespace: ns, labels: { 'secure-aks.io/link': link.name } },
        selector: kplus.Pods.all(this, `egress-lockdown-${ns}-pods`),
        egress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
      });
      policy.addEgressRule(kplus.Namespaces.all(this, `egress-lockdown-${ns}-cluster`));
      if (link.egressLockdown.serverCidrs.length > 0) {
        const except = link.egressLockdown.serverCidrs.map((c) => Ipv4Cidr.of(c).canonical);
        policy.addEgressRule(kplus.NetworkPolicyIpBlock.ipv4(this, `egress-lockdown-${ns}-outside`, '0.0.0.0/0', except));
      }
      return policy;
    });
  }
}

/**
 * The server cluster's side of a cross-cluster link, in a chart of your own:
 * ingress Gateway, VirtualService, certificates, the ingress gateway (or its
 * port patch), and the backends' STRICT PeerAuthentication with the
 * admission policy that keeps it. Checked like {@link CrossClusterClient}.
 * @example
 * new CrossClusterServer(new Chart(app, 'ledger'), 'mysql-link', { link, cluster: 'ledger-server' });
 * @category Cross-cluster mTLS
 */
export class CrossClusterServer extends Construct {
  constructor(scope: Construct, id: string, props: CrossClusterSideProps) {
    assertInput(CHART_PROPS, props, `CrossClusterServer "${id}"`);
    super(scope, id);
    const chart = Chart.of(this);
    analyzeChartMesh(chart, props.link.serverInventory(), props.cluster ?? 'server');
    pairBySide(chart, props.link, 'server');
    addObjects(this, props.link.serverObjects());
    guardLinkObjects(this, chart, linkAdmissionPolicies(props.link, 'server'));
  }
}

/**
 * A chart with only the client side of a link: a {@link CrossClusterClient}
 * in a chart of its own, for apps that keep each link apart.
 * @example
 * const { client, server } = addCrossClusterCharts(app, link);
 * @category Cross-cluster mTLS
 */
export class CrossClusterClientChart extends MeshAnalyzedChart {
  /** The egress lockdown NetworkPolicies, one per client namespace. */
  public readonly networkPolicies: readonly kplus.NetworkPolicy[];

  constructor(scope: Construct, id: string, props: CrossClusterChartProps) {
    assertInput(CHART_PROPS, props, `CrossClusterClientChart "${id}"`);
    super(scope, id, props);
    this.networkPolicies = new CrossClusterClient(this, 'link', { link: props.link, contract: props.contract, cluster: props.cluster }).networkPolicies;
  }
}

/**
 * A chart with only the server side of a link: a {@link CrossClusterServer} in a chart of its own.
 * @category Cross-cluster mTLS
 */
export class CrossClusterServerChart extends MeshAnalyzedChart {
  constructor(scope: Construct, id: string, props: CrossClusterChartProps) {
    assertInput(CHART_PROPS, props, `CrossClusterServerChart "${id}"`);
    super(scope, id, props);
    new CrossClusterServer(this, 'link', { link: props.link, contract: props.contract, cluster: props.cluster });
  }
}

/**
 * Props of {@link CustomerCaIssuerChart}.
 * @category Cross-cluster mTLS
 */
export interface CustomerCaIssuerChartProps extends ChartProps {
  /** The customer CA's issuer. */
  readonly issuer: CustomerCaIssuer;
  /**
   * The cluster the chart is applied to, for the checks across charts of one cluster.
   * @default - not placed: checked on its own
   */
  readonly cluster?: string;
}

/**
 * The customer CA's ClusterIssuer, for one cluster (checked strictly at synth).
 * @category Cross-cluster mTLS
 */
export class CustomerCaIssuerChart extends MeshAnalyzedChart {
  constructor(scope: Construct, id: string, props: CustomerCaIssuerChartProps) {
    assertInput(ISSUER_CHART_PROPS, props, `CustomerCaIssuerChart "${id}"`);
    super(scope, id, props);
    new CustomerCaIssuerObjects(this, 'issuer', { issuer: props.issuer, cluster: props.cluster });
  }
}

/**
 * The customer CA's ClusterIssuer (or Issuer), in a chart of your own: checked
 * strictly against cert-manager's CRD schema and CEL rules at synth.
 * @example
 * new CustomerCaIssuerObjects(chart, 'customer-ca', { issuer: CustomerCaIssuer.fromCaSecret({ secretName: 'customer-ca' }) });
 * @category Cross-cluster mTLS
 */
export class CustomerCaIssuerObjects extends Construct {
  constructor(scope: Construct, id: string, props: { readonly issuer: CustomerCaIssuer; readonly cluster?: string }) {
    assertInput(ISSUER_CHART_PROPS, props, `CustomerCaIssuerObjects "${id}"`);
    super(scope, id);
    analyzeChartMesh(Chart.of(this), { rootNamespace: 'istio-system' }, props.cluster);
    addObjects(this, props.issuer.objects());
  }
}

/**
 * The two charts of a link, checked against each other.
 * @category Cross-cluster mTLS
 */
export interface CrossClusterCharts {
  readonly client: CrossClusterClientChart;
  readonly server: CrossClusterServerChart;
}

/**
 * Adds both charts of `link` to `app` (`<link>-client`, `<link>-server` by
 * default) and checks them against each other at synth: the SNI the client
 * sends must be a host of the server's Gateway on that port.
 * @category Cross-cluster mTLS
 */
export function addCrossClusterCharts(
  app: App,
  link: CrossClusterLink,
  ids: { readonly client?: string; readonly server?: string; readonly clientCluster?: string; readonly serverCluster?: string } = {},
): CrossClusterCharts {
  const client = new CrossClusterClientChart(app, ids.client ?? `${link.name}-client`, { link, cluster: ids.clientCluster });
  const server = new CrossClusterServerChart(app, ids.server ?? `${link.name}-server`, { link, cluster: ids.serverCluster });
  return { client, server };
}

/** The link charts of each app, by link name and side, to pair them however they were built. */
const SIDES = new WeakMap<IConstruct, Map<string, { client?: { chart: Chart; link: CrossClusterLink }; server?: { chart: Chart; link: CrossClusterLink } }>>();

/**
 * Pairs a link chart with the other side's chart of the same link name in the
 * same app, whichever is built first: the two are checked against each other
 * (checkLinkPair), and both links must be the same definition (the contract of
 * one equals the other's).
 */
function pairBySide(chart: Chart, link: CrossClusterLink, side: 'client' | 'server'): void {
  const root = chart.node.root;
  const byName = SIDES.get(root) ?? new Map();
  SIDES.set(root, byName);
  const entry = byName.get(link.name) ?? {};
  byName.set(link.name, entry);
  if (entry[side]) return; // a second chart of the same side: checked by collisions instead
  entry[side] = { chart, link };
  if (entry.client && entry.server) {
    const { client, server } = entry;
    checkLinkPair(client.chart, server.chart);
    DeploymentCheck.of(chart).addCheck(() =>
      client.link === server.link
        ? []
        : contractDifferences(client.link, linkContract(server.link)).map((v) => ({ ...v, property: `charts ${client.chart.node.path} and ${server.chart.node.path}: ${v.property}` })),
    );
  }
}

/**
 * Checks a link's two charts against each other at synth, however they were
 * built: the SNI the client sends must be a host of the server's Gateway on
 * that port, and the ports must agree.
 * @internal
 */
export function checkLinkPair(client: Chart, server: Chart): void {
  DeploymentCheck.of(client).addCheck(() =>
    linkFindingCache
      .get(client, `${apiObjectsOf(client).fingerprint}/${apiObjectsOf(server).fingerprint}`, () => analyzeMeshLink(objectsOf(client), objectsOf(server)))
      .filter((f) => f.level === 'Error')
      .map((f) => findingViolation(`charts ${client.node.path} and ${server.node.path}`, f)),
  );
}
