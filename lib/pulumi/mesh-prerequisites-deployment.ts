import { Release } from '@pulumi/kubernetes/helm/v3';
import { Provider } from '@pulumi/kubernetes/provider';
import * as pulumi from '@pulumi/pulumi';
import { CustomerCaIssuerChart } from '../cdk8s/cross-cluster-charts';
import { MeshConfigChart } from '../cdk8s/mesh-config-chart';
import { offlineApp } from '../cdk8s/offline-app';
import { KubernetesObject } from '../core/kubernetes/kubernetes-object';
import { CustomerCaIssuer } from '../core/mesh/customer-ca-issuer';
import { PinnedHelmChart } from '../core/platform/mesh-prerequisites';
import { ChartDeployment } from './chart-deployment';

/** What one cluster needs before its links, as deployed. */
export interface MeshPrerequisitesDeployment {
  /** The pinned Helm releases, by release name. */
  readonly releases: Readonly<Record<string, Release>>;
  /** The customer CA's issuer. */
  readonly issuer: ChartDeployment;
  /** What the cluster's link objects must wait for: istiod or the add-on's mesh config, and the issuer. */
  readonly ready: readonly pulumi.Resource[];
}

/**
 * Deploys to one cluster, through its provider, what a platform or an estate
 * installs before the links: the pinned Helm releases in order (an OCI mirror
 * names each chart by its full reference), the customer CA's ClusterIssuer
 * once cert-manager is up, and on the AKS Istio add-on its shared MeshConfig.
 * Pulumi names are `<prefix>-<release>`, `<prefix>-issuer` and `<prefix>-mesh-config`.
 */
export function deployMeshPrerequisites(
  prefix: string,
  chartPrefix: string,
  args: { readonly charts: readonly PinnedHelmChart[]; readonly issuer: CustomerCaIssuer; readonly meshConfig: readonly KubernetesObject[]; readonly provider: Provider },
  parent: pulumi.Resource,
): MeshPrerequisitesDeployment {
  const { provider } = args;
  const releases: Record<string, Release> = {};
  for (const chart of args.charts) {
    releases[chart.name] = new Release(
      `${prefix}-${chart.name}`,
      {
        name: chart.name,
        version: chart.version,
        namespace: chart.namespace,
        createNamespace: true,
        ...(chart.repo.startsWith('oci://') ? { chart: `${chart.repo}/${chart.chart}` } : { chart: chart.chart, repositoryOpts: { repo: chart.repo } }),
        values: chart.values,
        atomic: true,
      },
      { parent, provider, dependsOn: chart.after.map((a) => releases[a]) },
    );
  }
  const issuer = new ChartDeployment(
    `${prefix}-issuer`,
    { chart: new CustomerCaIssuerChart(offlineApp(), `${chartPrefix}-issuer`, { issuer: args.issuer }), provider, dependsOn: [releases['cert-manager']] },
    { parent },
  );
  // The mesh is ready with istiod from Helm, or on the add-on with its shared MeshConfig applied.
  const mesh: pulumi.Resource[] = releases.istiod ? [releases.istiod] : [];
  if (args.meshConfig.length > 0) {
    const chart = new MeshConfigChart(offlineApp(), `${chartPrefix}-mesh-config`, { objects: [...args.meshConfig] });
    mesh.push(new ChartDeployment(`${prefix}-mesh-config`, { chart, provider }, { parent }));
  }
  return { releases, issuer, ready: [...mesh, issuer] };
}
