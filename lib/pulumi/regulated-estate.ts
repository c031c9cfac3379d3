import * as authorization from '@pulumi/azure-native/authorization';
import * as resources from '@pulumi/azure-native/resources';
import { Provider } from '@pulumi/kubernetes/provider';
import * as pulumi from '@pulumi/pulumi';
import { CrossClusterClientChart, CrossClusterServerChart } from '../cdk8s/cross-cluster-charts';
import { offlineApp } from '../cdk8s/offline-app';
import { LogicalIds } from '../core/aks/managed-cluster-model';
import { EstateModel } from '../core/estate/estate-model';
import { externalizeReferences } from '../core/arm/external-references';
import { ArmReference } from '../core/arm/arm-expression';
import { assertInput, factoryResult } from '../core/validation/input-boundary';
import { zod, lazySchema } from '../core/validation/lazy-zod';
import { formatViolation } from '../core/validation/violation';
import { EvaluationDate } from '../core/versions/evaluation-date';
import { registerArmResources, RegisteredArmResource } from './arm-resource-registrar';
import { ChartDeployment } from './chart-deployment';
import { HardenedCluster } from './hardened-cluster';
import { deployMeshPrerequisites } from './mesh-prerequisites-deployment';
import { failAsRunError } from './pulumi-errors';
import { claimAzureIds, DEFAULT_PROVIDER_SUBSCRIPTION, markClaimedByParent } from './planned-azure-ids';
import { plannedResourceIds, PlannedResourceId } from '../core/arm/planned-resource-ids';

const ARGS = lazySchema(() =>
  zod.strictObject({
    estate: factoryResult(EstateModel, 'EstateModel.build({ ... })'),
    hubProvider: factoryResult(pulumi.ProviderResource, 'an azure-native Provider of the hub\'s subscription').optional(),
  }),
);

/**
 * Arguments of {@link RegulatedEstate}.
 * @category Estates
 */
export interface RegulatedEstateArgs {
  /**
   * The validated estate (EstateModel.build). Its support windows, and its
   * clusters', are judged on the evaluation date it was built with:
   * `EstateModel.build(props, { evaluationDate })`.
   * @see docs/support-windows.md
   */
  readonly estate: EstateModel;
  /**
   * The azure-native provider the hub's resources (its peerings, the DNS
   * zones) are registered with, when the hub is in another subscription or
   * needs the network team's credentials.
   * @default - the default provider
   */
  readonly hubProvider?: pulumi.ProviderResource;
}

/**
 * What the estate registers for one cluster.
 * @category Estates
 */
export interface EstateClusterResources {
  readonly resourceGroup: resources.ResourceGroup;
  readonly cluster: HardenedCluster;
  /** The spoke's peering to the hub and, on GitOps delivery, the Flux extension and fluxConfiguration, by logical id. */
  readonly glue: ReadonlyMap<string, RegisteredArmResource>;
  /** The Kubernetes provider: only for clusters Pulumi delivers to. GitOps-delivered clusters get none. */
  readonly provider?: Provider;
}

/**
 * A whole estate in one component, the choice for one platform team that owns
 * every cluster: each cluster in its resource group (created here) with its
 * spoke, its peering to the hub and, on GitOps delivery, the Flux extension
 * and its fluxConfiguration; the hub's side of every peering and the
 * services' private DNS zones in the hub's resource group. Only clusters
 * delivered by Pulumi get a Kubernetes provider (so `pulumi up` must reach
 * their API servers); a GitOps-delivered cluster's objects are in its tree,
 * which you commit or push (`secure-aks synth`).
 *
 * Names are `<component>-<cluster>-...` and `<component>-hub-...`: adding a
 * cluster or a link adds resources and never renames an existing one.
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2
 * @example
 * new RegulatedEstate('estate', { estate: EstateModel.build({ ... }) });
 * @category Estates
 */
export class RegulatedEstate extends pulumi.ComponentResource {
  /** By cluster name. */
  public readonly clusters: ReadonlyMap<string, EstateClusterResources>;
  /** The hub's peerings and DNS resources, by logical id. */
  public readonly hub: ReadonlyMap<string, RegisteredArmResource>;
  /** The clusters' Flux credentials on their pull identities, by logical id (`flux-credential-<cluster>`), chained per identity. */
  public readonly fluxCredentials: ReadonlyMap<string, RegisteredArmResource>;
  /** The day the support windows were judged on (`YYYY-MM-DD`, UTC): the estate model's. */
  public readonly evaluationDate: EvaluationDate;

  constructor(name: string, args: RegulatedEstateArgs, opts?: pulumi.ComponentResourceOptions) {
    failAsRunError(() => assertInput(ARGS, args, `RegulatedEstate "${name}"`));
    // The whole program before the first registration: every Azure id of the estate, against every other component's.
    claimAzureIds(`RegulatedEstate "${name}"`, plannedEstateIds(args.estate, args.hubProvider !== undefined));
    super('secure-aks:platform:RegulatedEstate', name, {}, opts);
    markClaimedByParent(this);
    const estate = args.estate;
    for (const w of estate.warnings) void pulumi.log.warn(formatViolation(w), this);
    const subscriptionId = authorization.getClientConfigOutput({ parent: this }).subscriptionId;
    // The clusters are judged on the estate's date, as the estate judged them, not on the day of the run.
    this.evaluationDate = estate.evaluationDate;

    const clusters = new Map<string, EstateClusterResources>();
    for (const c of estate.clusters.values()) {
      const prefix = `${name}-${c.name}`;
      const resourceGroup = new resources.ResourceGroup(`${prefix}-rg`, { resourceGroupName: c.resourceGroupName, location: c.location }, { parent: this });
      const cluster = new HardenedCluster(prefix, { ...c.props, resourceGroupName: resourceGroup.name, evaluationDate: estate.evaluationDate }, { parent: this });
      const glue = registerArmResources(estate.clusterGlue(c.name), {
        namePrefix: prefix,
        resourceGroupName: resourceGroup.name,
        subscriptionId,
        parent: this,
        existing: cluster.registered,
      });
      const provider =
        c.delivery.kind === 'pulumiKubernetes'
          ? new Provider(prefix, { kubeconfig: cluster.kubeconfig, enableServerSideApply: true }, { parent: this })
          : undefined;
      clusters.set(c.name, { resourceGroup, cluster, glue, provider });
    }

    // The clusters' Flux credentials on their pull identities: one per cluster, each after the one
    // before it on the same identity (Entra refuses concurrent writes to one identity).
    const registeredClusters = new Map([...clusters].map(([n, c]) => [`${n}/${LogicalIds.cluster}`, c.cluster.registered.get(LogicalIds.cluster)!] as const));
    this.fluxCredentials = registerArmResources(
      estate.fluxCredentials((n) => new ArmReference(`${n}/${LogicalIds.cluster}`, 'oidcIssuerProfile.issuerURL')),
      { namePrefix: name, resourceGroupName: estate.hub.resourceGroupName, subscriptionId, parent: this, existing: registeredClusters },
    );

    // Created spokes by reference (Pulumi orders the hub after them); brought spokes by their ids.
    const spokes = new Map<string, RegisteredArmResource>();
    for (const [clusterName, c] of clusters) {
      const vnet = c.cluster.registered.get(LogicalIds.vnet);
      if (vnet) spokes.set(`${clusterName}/${LogicalIds.vnet}`, vnet);
    }
    this.hub = registerArmResources(externalizeReferences(estate.hubResources(), estate.broughtSpokeIds()), {
      namePrefix: `${name}-hub`,
      resourceGroupName: estate.hub.resourceGroupName,
      subscriptionId,
      parent: this,
      existing: spokes,
      provider: args.hubProvider,
    });

    // The Kubernetes side of the clusters Pulumi delivers to: prerequisites, issuer, mesh config, link sides.
    const ready = new Map<string, readonly pulumi.Resource[]>();
    for (const [clusterName, c] of clusters) {
      if (!c.provider) continue;
      const deployed = deployMeshPrerequisites(
        `${name}-${clusterName}`,
        clusterName,
        { charts: estate.prerequisites(), issuer: estate.issuer, meshConfig: estate.meshConfigObjects(), provider: c.provider },
        this,
      );
      ready.set(clusterName, deployed.ready);
    }
    for (const l of estate.links) {
      const client = clusters.get(l.client)!;
      const server = clusters.get(l.server)!;
      if (client.provider) {
        const chart = new CrossClusterClientChart(offlineApp(), `${l.name}-client`, { link: l.link });
        new ChartDeployment(`${name}-link-${l.name}-client`, { chart, provider: client.provider, dependsOn: ready.get(l.client) }, { parent: this });
      }
      if (server.provider) {
        const chart = new CrossClusterServerChart(offlineApp(), `${l.name}-server`, { link: l.link });
        new ChartDeployment(`${name}-link-${l.name}-server`, { chart, provider: server.provider, dependsOn: ready.get(l.server) }, { parent: this });
      }
    }
    this.clusters = clusters;
    this.registerOutputs({});
  }
}

/**
 * The Azure ids the component registers: each cluster's resources and glue in
 * its resource group, the hub's in the hub's (in the hub provider's
 * subscription when there is one), the Flux credentials with their identities.
 * Resources of the default provider share one placeholder subscription.
 */
function plannedEstateIds(estate: EstateModel, hubProvider: boolean): PlannedResourceId[] {
  const clusters = [...estate.clusters.values()].flatMap((c) =>
    plannedResourceIds(estate.clusterResources(c.name), { subscriptionId: DEFAULT_PROVIDER_SUBSCRIPTION, resourceGroup: c.resourceGroupName }),
  );
  const hub = plannedResourceIds(externalizeReferences(estate.hubResources(), estate.spokeIds()), {
    subscriptionId: hubProvider ? '{hub provider}' : DEFAULT_PROVIDER_SUBSCRIPTION,
    resourceGroup: estate.hub.resourceGroupName,
  });
  return [...clusters, ...hub, ...plannedResourceIds(estate.fluxCredentials(), {})];
}
