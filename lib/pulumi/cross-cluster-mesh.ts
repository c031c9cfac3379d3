import { Provider } from '@pulumi/kubernetes/provider';
import * as pulumi from '@pulumi/pulumi';
import { zod, lazySchema } from '../core/validation/lazy-zod';
import { assertInput, present } from '../core/validation/input-boundary';
import { addCrossClusterCharts } from '../cdk8s/cross-cluster-charts';
import { offlineApp } from '../cdk8s/offline-app';
import { CROSS_CLUSTER_LINK_RESULT, CrossClusterLink } from '../core/mesh/cross-cluster-link';
import { ChartDeployment, checkAgainstCluster } from './chart-deployment';
import { failAsRunError } from './pulumi-errors';

const CROSS_CLUSTER_MESH_ARGS = lazySchema(() => zod.strictObject({
  link: CROSS_CLUSTER_LINK_RESULT,
  clientProvider: present('the client cluster\'s Kubernetes provider'),
  serverProvider: present('the server cluster\'s Kubernetes provider'),
  clientDependsOn: zod.array(zod.unknown()).readonly().optional(),
  serverDependsOn: zod.array(zod.unknown()).readonly().optional(),
}));

/**
 * Arguments of {@link CrossClusterMesh}.
 * @category Cross-cluster mTLS
 */
export interface CrossClusterMeshArgs {
  /** The link; both clusters' objects come from it. */
  readonly link: CrossClusterLink;
  /** Kubernetes provider of the client cluster (egress side). */
  readonly clientProvider: Provider;
  /** Kubernetes provider of the server cluster (ingress side). */
  readonly serverProvider: Provider;
  /**
   * What must exist first in the client cluster (Istio, cert-manager, the issuer).
   * @default []
   */
  readonly clientDependsOn?: readonly pulumi.Resource[];
  /**
   * What must exist first in the server cluster.
   * @default []
   */
  readonly serverDependsOn?: readonly pulumi.Resource[];
}

/**
 * Applies a cross-cluster link: the client chart to the client cluster and
 * the server chart to the server cluster, each through its own provider.
 * Both charts are synthesized and analyzed before anything is registered.
 * @example
 * new CrossClusterMesh('mysql', { link, clientProvider, serverProvider });
 * @category Cross-cluster mTLS
 */
export class CrossClusterMesh extends pulumi.ComponentResource {
  public readonly client: ChartDeployment;
  public readonly server: ChartDeployment;

  constructor(name: string, args: CrossClusterMeshArgs, opts?: pulumi.ComponentResourceOptions) {
    failAsRunError(() => assertInput(CROSS_CLUSTER_MESH_ARGS, args, `CrossClusterMesh "${name}"`));
    const app = offlineApp();
    const charts = addCrossClusterCharts(app, args.link);
    // Synthesize both now: analyzer errors and collisions with what this
    // program already applies to either cluster throw before any registration.
    failAsRunError(() => {
      checkAgainstCluster(`${name}-client`, args.clientProvider, charts.client.toJson());
      checkAgainstCluster(`${name}-server`, args.serverProvider, charts.server.toJson());
    });
    super('secure-aks:mesh:CrossClusterMesh', name, {}, opts);
    this.client = new ChartDeployment(`${name}-client`, { chart: charts.client, provider: args.clientProvider, dependsOn: args.clientDependsOn }, { parent: this });
    this.server = new ChartDeployment(`${name}-server`, { chart: charts.server, provider: args.serverProvider, dependsOn: args.serverDependsOn }, { parent: this });
    this.registerOutputs({});
  }
}
