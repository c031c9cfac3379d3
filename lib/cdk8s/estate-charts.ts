import { App } from 'cdk8s';
import { EstateModel } from '../core/estate/estate-model';
import { CrossClusterCharts, CrossClusterClientChart, CrossClusterServerChart, CustomerCaIssuerChart } from './cross-cluster-charts';
import { MeshConfigChart } from './mesh-config-chart';

/**
 * The charts of one cluster of an estate.
 * @category Estates
 */
export interface EstateClusterCharts {
  readonly issuer: CustomerCaIssuerChart;
  /** The AKS Istio add-on's shared MeshConfig (add-on only). */
  readonly meshConfig?: MeshConfigChart;
}

/**
 * Every chart of an estate: each cluster's issuer (and mesh config), and both sides of every link.
 * @category Estates
 */
export interface EstateCharts {
  /** By cluster name. */
  readonly clusters: ReadonlyMap<string, EstateClusterCharts>;
  /** By link name. */
  readonly links: ReadonlyMap<string, CrossClusterCharts>;
}

/**
 * Adds an estate's charts to `app`, each placed on its cluster so that the
 * app's checks see every cluster whole (collisions among the links that share
 * it, the link pairs): `cluster-<name>-issuer`, `cluster-<name>-mesh-config`
 * (AKS Istio add-on), `link-<name>-client` and `link-<name>-server`.
 * @example
 * const app = new App();
 * addEstateCharts(app, EstateModel.build({ ... }));
 * app.synth();
 * @category Estates
 */
export function addEstateCharts(app: App, estate: EstateModel): EstateCharts {
  const clusters = new Map<string, EstateClusterCharts>();
  const links = new Map<string, { client?: CrossClusterClientChart; server?: CrossClusterServerChart }>();
  for (const name of estate.clusters.keys()) {
    const charts = addEstateClusterCharts(app, estate, name);
    clusters.set(name, charts);
    for (const [link, chart] of charts.clientLinks) links.set(link, { ...links.get(link), client: chart });
    for (const [link, chart] of charts.serverLinks) links.set(link, { ...links.get(link), server: chart });
  }
  return { clusters, links: new Map([...links].map(([k, v]) => [k, { client: v.client!, server: v.server! }])) };
}

/**
 * Adds one cluster's charts of an estate to `app`: its issuer, its mesh config
 * (AKS Istio add-on) and its side of each of its links, all placed on the
 * cluster so that the app's checks see it whole. One app per cluster keeps
 * cdk8s's whole-app validation, which runs once per chart, from growing with
 * the square of the estate; both sides of a link come from the same link
 * definition, so they agree by construction.
 * @category Estates
 */
export function addEstateClusterCharts(app: App, estate: EstateModel, cluster: string): EstateClusterCharts & {
  readonly clientLinks: ReadonlyMap<string, CrossClusterClientChart>;
  readonly serverLinks: ReadonlyMap<string, CrossClusterServerChart>;
} {
  const meshConfig = estate.meshConfigObjects();
  const { asClient, asServer } = estate.linksOf(cluster);
  return {
    issuer: new CustomerCaIssuerChart(app, `cluster-${cluster}-issuer`, { issuer: estate.issuer, cluster }),
    meshConfig: meshConfig.length > 0 ? new MeshConfigChart(app, `cluster-${cluster}-mesh-config`, { objects: meshConfig, cluster }) : undefined,
    clientLinks: new Map(asClient.map((l) => [l.name, new CrossClusterClientChart(app, `link-${l.name}-client`, { link: l.link, cluster })])),
    serverLinks: new Map(asServer.map((l) => [l.name, new CrossClusterServerChart(app, `link-${l.name}-server`, { link: l.link, cluster })])),
  };
}
