import { App } from 'cdk8s';
import { EstateModel } from '../core/estate/estate-model';
import { addCrossClusterCharts, CrossClusterCharts, CustomerCaIssuerChart } from './cross-cluster-charts';
import { MeshConfigChart } from './mesh-config-chart';

/** The charts of one cluster of an estate. */
export interface EstateClusterCharts {
  readonly issuer: CustomerCaIssuerChart;
  /** The AKS Istio add-on's shared MeshConfig (add-on only). */
  readonly meshConfig?: MeshConfigChart;
}

/** Every chart of an estate: each cluster's issuer (and mesh config), and both sides of every link. */
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
 */
export function addEstateCharts(app: App, estate: EstateModel): EstateCharts {
  const clusters = new Map<string, EstateClusterCharts>();
  const meshConfig = estate.meshConfigObjects();
  for (const c of estate.clusters.values()) {
    clusters.set(c.name, {
      issuer: new CustomerCaIssuerChart(app, `cluster-${c.name}-issuer`, { issuer: estate.issuer, cluster: c.name }),
      meshConfig: meshConfig.length > 0 ? new MeshConfigChart(app, `cluster-${c.name}-mesh-config`, { objects: meshConfig, cluster: c.name }) : undefined,
    });
  }
  const links = new Map<string, CrossClusterCharts>();
  for (const l of estate.links) {
    links.set(l.name, addCrossClusterCharts(app, l.link, { client: `link-${l.name}-client`, server: `link-${l.name}-server`, clientCluster: l.client, serverCluster: l.server }));
  }
  return { clusters, links };
}
