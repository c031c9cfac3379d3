import { App } from 'cdk8s';
import { RegulatedPlatformModel } from '../core/platform/regulated-platform-model';
import { addCrossClusterCharts, CrossClusterCharts, CustomerCaIssuerChart } from './cross-cluster-charts';

/** The Kubernetes side of the platform: both clusters' link charts and their issuers. */
export interface PlatformCharts extends CrossClusterCharts {
  readonly clientIssuer: CustomerCaIssuerChart;
  readonly serverIssuer: CustomerCaIssuerChart;
}

/** Adds the platform's charts to `app`: `client`, `server`, `client-issuer` and `server-issuer`. */
export function addPlatformCharts(app: App, platform: RegulatedPlatformModel): PlatformCharts {
  const link = addCrossClusterCharts(app, platform.link, { client: 'client', server: 'server', clientCluster: platform.client.config.name, serverCluster: platform.server.config.name });
  return {
    ...link,
    clientIssuer: new CustomerCaIssuerChart(app, 'client-issuer', { issuer: platform.issuer, cluster: platform.client.config.name }),
    serverIssuer: new CustomerCaIssuerChart(app, 'server-issuer', { issuer: platform.issuer, cluster: platform.server.config.name }),
  };
}
