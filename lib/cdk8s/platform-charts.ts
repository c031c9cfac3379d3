import { App } from 'cdk8s';
import { RegulatedPlatformModel } from '../core/platform/regulated-platform-model';
import { addCrossClusterCharts, CrossClusterCharts, CustomerCaIssuerChart } from './cross-cluster-charts';
import { MeshConfigChart } from './mesh-config-chart';

/**
 * The Kubernetes side of the platform: both clusters' link charts and their issuers.
 * @category Regulated platform
 */
export interface PlatformCharts extends CrossClusterCharts {
  readonly clientIssuer: CustomerCaIssuerChart;
  readonly serverIssuer: CustomerCaIssuerChart;
  /** The add-on's shared MeshConfig per cluster (`client-mesh-config`, `server-mesh-config`), on the AKS Istio add-on only. */
  readonly meshConfig?: { readonly client: MeshConfigChart; readonly server: MeshConfigChart };
}

/**
 * Adds the platform's charts to `app`: `client`, `server`, `client-issuer` and
 * `server-issuer`, and on the AKS Istio add-on `client-mesh-config` and `server-mesh-config`.
 * @category Regulated platform
 */
export function addPlatformCharts(app: App, platform: RegulatedPlatformModel): PlatformCharts {
  const link = addCrossClusterCharts(app, platform.link, { client: 'client', server: 'server', clientCluster: platform.client.config.name, serverCluster: platform.server.config.name });
  return {
    ...link,
    clientIssuer: new CustomerCaIssuerChart(app, 'client-issuer', { issuer: platform.issuer, cluster: platform.client.config.name }),
    serverIssuer: new CustomerCaIssuerChart(app, 'server-issuer', { issuer: platform.issuer, cluster: platform.server.config.name }),
    meshConfig:
      platform.meshConfigObjects().length > 0
        ? {
            client: new MeshConfigChart(app, 'client-mesh-config', { objects: platform.meshConfigObjects(), cluster: platform.client.config.name }),
            server: new MeshConfigChart(app, 'server-mesh-config', { objects: platform.meshConfigObjects(), cluster: platform.server.config.name }),
          }
        : undefined,
  };
}
