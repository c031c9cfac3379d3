import * as authorization from '@pulumi/azure-native/authorization';
import { Release } from '@pulumi/kubernetes/helm/v3';
import { Provider } from '@pulumi/kubernetes/provider';
import * as pulumi from '@pulumi/pulumi';
import { zod, lazySchema } from '../core/validation/lazy-zod';
import { assertInput, factoryResult, present } from '../core/validation/input-boundary';
import { RegulatedPlatformModel } from '../core/platform/regulated-platform-model';
import { formatViolation } from '../core/validation/violation';
import { EvaluationDate } from '../core/versions/evaluation-date';
import { registerArmResources, RegisteredArmResource } from './arm-resource-registrar';
import { CrossClusterMesh } from './cross-cluster-mesh';
import { HardenedCluster } from './hardened-cluster';
import { deployMeshPrerequisites } from './mesh-prerequisites-deployment';
import { failAsRunError } from './pulumi-errors';

const REGULATED_PLATFORM_ARGS = lazySchema(() => zod.strictObject({
  platform: factoryResult(RegulatedPlatformModel, 'RegulatedPlatformModel.build({ ... })'),
  resourceGroupName: present('the resource group name'),
}));

/**
 * Arguments of {@link RegulatedPlatform}.
 * @category Regulated platform
 */
export interface RegulatedPlatformArgs {
  /**
   * The validated platform (RegulatedPlatformModel.build). Its support
   * windows, and its clusters', are judged on the evaluation date it was built
   * with: `RegulatedPlatformModel.build(props, { evaluationDate })`.
   * @see docs/support-windows.md
   */
  readonly platform: RegulatedPlatformModel;
  /** The resource group of both clusters and the glue. */
  readonly resourceGroupName: pulumi.Input<string>;
}

/**
 * The regulated platform in one component: two private clusters with API
 * Server VNet Integration and ACNS WireGuard in peered networks, the private
 * DNS record of each service pointing at the server's internal ingress
 * gateway, a Kubernetes provider per cluster from its Entra ID kubeconfig,
 * cert-manager and Istio installed by pinned Helm releases (on the AKS Istio
 * add-on: cert-manager only, and the add-on's shared MeshConfig), the
 * customer-CA ClusterIssuer, and the cross-cluster mTLS charts, each applied to its cluster.
 * @example
 * new RegulatedPlatform('platform', { platform: RegulatedPlatformModel.build({ ... }), resourceGroupName: rg.name });
 * @category Regulated platform
 */
export class RegulatedPlatform extends pulumi.ComponentResource {
  public readonly client: HardenedCluster;
  public readonly server: HardenedCluster;
  public readonly clientProvider: Provider;
  public readonly serverProvider: Provider;
  /** Helm releases per cluster, by release name. */
  public readonly releases: { readonly client: Readonly<Record<string, Release>>; readonly server: Readonly<Record<string, Release>> };
  public readonly mesh: CrossClusterMesh;
  /** The day the support windows were judged on (`YYYY-MM-DD`, UTC): the platform model's. */
  public readonly evaluationDate: EvaluationDate;

  constructor(name: string, args: RegulatedPlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    failAsRunError(() => assertInput(REGULATED_PLATFORM_ARGS, args, `RegulatedPlatform "${name}"`));
    super('secure-aks:platform:RegulatedPlatform', name, {}, opts);
    const p = args.platform;
    for (const w of p.warnings) void pulumi.log.warn(formatViolation(w), this);

    this.evaluationDate = p.evaluationDate;
    // The clusters are judged on the platform's date, as the platform judged them, not on the day of the run.
    const evaluationDate = p.evaluationDate;
    this.client = new HardenedCluster(`${name}-client`, { ...p.clientProps, resourceGroupName: args.resourceGroupName, evaluationDate }, { parent: this });
    this.server = new HardenedCluster(`${name}-server`, { ...p.serverProps, resourceGroupName: args.resourceGroupName, evaluationDate }, { parent: this });

    const existing = new Map<string, RegisteredArmResource>([
      ...[...this.client.registered].map(([k, r]) => [`client/${k}`, r] as const),
      ...[...this.server.registered].map(([k, r]) => [`server/${k}`, r] as const),
    ]);
    registerArmResources(p.glueResources(), {
      namePrefix: name,
      resourceGroupName: args.resourceGroupName,
      subscriptionId: authorization.getClientConfigOutput({ parent: this }).subscriptionId,
      parent: this,
      existing,
    });

    this.clientProvider = new Provider(`${name}-client`, { kubeconfig: this.client.kubeconfig, enableServerSideApply: true }, { parent: this });
    this.serverProvider = new Provider(`${name}-server`, { kubeconfig: this.server.kubeconfig, enableServerSideApply: true }, { parent: this });

    const deploy = (side: 'client' | 'server', provider: Provider) =>
      deployMeshPrerequisites(`${name}-${side}`, side, { charts: p.prerequisites(), issuer: p.issuer, meshConfig: p.meshConfigObjects(), provider }, this);
    const client = deploy('client', this.clientProvider);
    const server = deploy('server', this.serverProvider);
    this.releases = { client: client.releases, server: server.releases };

    this.mesh = new CrossClusterMesh(
      `${name}-mesh`,
      {
        link: p.link,
        clientProvider: this.clientProvider,
        serverProvider: this.serverProvider,
        clientDependsOn: client.ready,
        serverDependsOn: server.ready,
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
