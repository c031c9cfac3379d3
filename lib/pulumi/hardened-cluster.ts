import * as authorization from '@pulumi/azure-native/authorization';
import * as containerservice from '@pulumi/azure-native/containerservice';
import * as network from '@pulumi/azure-native/network';
import * as pulumi from '@pulumi/pulumi';
import { HardenedClusterProps } from '../core/aks/hardened-cluster-props';
import { LogicalIds, ManagedClusterModel } from '../core/aks/managed-cluster-model';
import { checkExistingApiServerSubnet } from '../core/aks/api-server-subnet-check';
import { ClusterNetwork } from '../core/aks/cluster-network';
import { parseResourceId } from '../core/arm/resource-id';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { formatViolation } from '../core/validation/violation';
import { EvaluationDate } from '../core/versions/evaluation-date';
import { plannedResourceIds } from '../core/arm/planned-resource-ids';
import { registerArmResources, RegisteredArmResource } from './arm-resource-registrar';
import { claimAzureIds, claimedByParent, DEFAULT_PROVIDER_SUBSCRIPTION } from './planned-azure-ids';
import { asRunError, failAsRunError } from './pulumi-errors';

/**
 * Arguments of {@link HardenedCluster}: the cluster intent, and where it goes.
 * @category Clusters
 */
export interface HardenedClusterArgs extends HardenedClusterProps {
  /** The resource group to deploy into. */
  readonly resourceGroupName: pulumi.Input<string>;
  /**
   * Providers for resources in other subscriptions (links on a hub DNS zone), by subscription id.
   * @default {} - the default provider for every resource
   */
  readonly providersBySubscription?: Readonly<Record<string, pulumi.ProviderResource>>;
  /**
   * The day the support windows (SAKS-VER-001, SAKS-VER-002) are judged on,
   * `YYYY-MM-DD` in UTC: give a fixed date for a preview that does not change
   * from one day to the next. A value that is not a calendar date is refused
   * (SAKS-VER-003) before anything is registered.
   * @default - today in UTC
   * @see docs/support-windows.md
   */
  readonly evaluationDate?: string;
}

/**
 * A hardened AKS cluster and what it needs beside it: identity, network,
 * delegated API server subnet, role assignments and private DNS zone.
 *
 * The definition is validated before anything is registered; every violation
 * is reported at once. The payloads are the model's, at its pinned API versions.
 * @example
 * const aks = new HardenedCluster('payments', { name: 'payments-prod', location: 'westeurope', resourceGroupName: rg.name });
 * export const kubeconfig = aks.kubeconfig;
 * @category Clusters
 */
export class HardenedCluster extends pulumi.ComponentResource {
  /** The validated model this component deploys (the same one the offline synth renders). */
  public readonly model: ManagedClusterModel;
  /** The day the support windows were judged on (`YYYY-MM-DD`, UTC), as the model records it. */
  public readonly evaluationDate: EvaluationDate;
  /** The registered model resources, by logical id, for resources of other components that refer to them. */
  public readonly registered: ReadonlyMap<string, RegisteredArmResource>;
  /** Resource id of the managed cluster. */
  public readonly clusterId: pulumi.Output<string>;
  /** Name of the managed cluster. */
  public readonly clusterName: pulumi.Output<string>;
  /** Private FQDN of the API server (private clusters), as reported by Azure. */
  public readonly privateFqdn: pulumi.Output<string | undefined>;
  /** URL of the cluster's OIDC issuer, for federated identity credentials (undefined without workload identity). */
  public readonly oidcIssuerUrl: pulumi.Output<string | undefined>;
  /** Resource id of the control plane identity (undefined for system-assigned). */
  public readonly identityId: pulumi.Output<string | undefined>;
  /** Principal id of the control plane identity. */
  public readonly identityPrincipalId: pulumi.Output<string | undefined>;
  /** Resource id of the node subnet. */
  public readonly nodeSubnetId: pulumi.Output<string>;
  /** Resource id of the API server subnet (API Server VNet Integration). */
  public readonly apiServerSubnetId: pulumi.Output<string | undefined>;
  private cachedKubeconfig?: pulumi.Output<string>;
  private readonly resourceGroupName: pulumi.Input<string>;

  constructor(name: string, args: HardenedClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before anything (the component included) is registered. The
    // deployment arguments are not part of the cluster definition.
    const { resourceGroupName: _rg, providersBySubscription: _providers, evaluationDate, ...props } = args ?? ({} as HardenedClusterArgs);
    const model = failAsRunError(() => ManagedClusterModel.build(props, { evaluationDate }));
    // The whole program before the first registration: no other component writes these Azure ids.
    if (!claimedByParent(opts?.parent)) {
      const resourceGroup = typeof args.resourceGroupName === 'string' ? args.resourceGroupName : undefined;
      claimAzureIds(`HardenedCluster "${name}"`, plannedResourceIds(model.resources, { subscriptionId: DEFAULT_PROVIDER_SUBSCRIPTION, resourceGroup }));
    }
    super('secure-aks:azure:HardenedCluster', name, {}, opts);
    this.model = model;
    this.evaluationDate = model.evaluationDate;
    for (const w of model.warnings) void pulumi.log.warn(formatViolation(w), this);

    const client = authorization.getClientConfigOutput({ parent: this });
    const registered = registerArmResources(model.resources, {
      namePrefix: name,
      resourceGroupName: args.resourceGroupName,
      subscriptionId: client.subscriptionId,
      parent: this,
      providersBySubscription: args.providersBySubscription,
      gatedIds: this.checkExistingApiServerSubnet(model, args),
    });
    this.registered = registered;

    const cluster = registered.get(LogicalIds.cluster)!;
    const identity = registered.get(LogicalIds.identity);
    const vnet = registered.get(LogicalIds.vnet);
    const config = model.config;

    this.clusterId = cluster.id;
    this.clusterName = cluster.id.apply(() => config.name);
    this.privateFqdn = cluster.properties!.apply((p) => p?.privateFQDN as string | undefined);
    this.oidcIssuerUrl = cluster.properties!.apply((p) => (p?.oidcIssuerProfile as { issuerURL?: string } | undefined)?.issuerURL);
    this.identityId = identity ? identity.id : pulumi.output(config.identity.resourceId);
    this.identityPrincipalId = identity
      ? identity.properties!.apply((p) => p?.principalId as string | undefined)
      : pulumi.output(config.identity.principalId);
    this.nodeSubnetId = subnetId(vnet, ClusterNetwork.NODE_SUBNET_NAME, config.network.nodeSubnetId);
    this.apiServerSubnetId = config.apiServerAccess.vnetIntegration
      ? subnetId(vnet, ClusterNetwork.API_SERVER_SUBNET_NAME, config.network.apiServerSubnetId)
      : pulumi.output(undefined);

    this.resourceGroupName = args.resourceGroupName;

    this.registerOutputs({
      clusterId: this.clusterId,
      clusterName: this.clusterName,
      privateFqdn: this.privateFqdn,
      oidcIssuerUrl: this.oidcIssuerUrl,
      identityId: this.identityId,
      identityPrincipalId: this.identityPrincipalId,
      nodeSubnetId: this.nodeSubnetId,
      apiServerSubnetId: this.apiServerSubnetId,
    });
  }

  /** Every child resource, by the model's logical id (an escape hatch). */
  public get children(): Readonly<Record<string, pulumi.CustomResource>> {
    return Object.fromEntries([...this.registered].map(([k, r]) => [k, r.resource]));
  }

  /**
   * Entra ID user kubeconfig (exec format, for kubelogin), as a secret. The
   * admin credential is never fetched: local accounts are disabled. Fetched
   * only when a program uses it.
   */
  public get kubeconfig(): pulumi.Output<string> {
    if (!this.cachedKubeconfig) {
      const credentials = containerservice.listManagedClusterUserCredentialsOutput(
        { resourceGroupName: this.resourceGroupName, resourceName: this.clusterName, format: 'exec' },
        { parent: this },
      );
      this.cachedKubeconfig = pulumi.secret(credentials.kubeconfigs.apply((k) => Buffer.from(k[0].value, 'base64').toString('utf8')));
    }
    return this.cachedKubeconfig;
  }

  /**
   * A brought API server subnet cannot be inspected offline: look it up and
   * check its delegation and size before the cluster uses it. The cluster's
   * `subnetId` resolves only once the check has passed.
   */
  private checkExistingApiServerSubnet(model: ManagedClusterModel, args: HardenedClusterArgs): Record<string, pulumi.Output<string>> {
    const id = model.config.apiServerAccess.vnetIntegration ? model.config.network.apiServerSubnetId : undefined;
    const parsed = id ? parseResourceId(id) : undefined;
    if (!id || !parsed) return {};
    const observed = network.getSubnetOutput(
      { resourceGroupName: parsed.resourceGroup, virtualNetworkName: parsed.names[0], subnetName: parsed.names[1] },
      { parent: this, provider: args.providersBySubscription?.[parsed.subscriptionId] },
    );
    const checked = observed.apply((subnet) => {
      const violations = checkExistingApiServerSubnet({
        id,
        addressPrefix: subnet.addressPrefix,
        addressPrefixes: subnet.addressPrefixes,
        delegations: subnet.delegations,
      });
      if (violations.length > 0) {
        throw asRunError(new SecureAksValidationError(`cluster "${model.config.name}" API server subnet`, violations));
      }
      return id;
    });
    return { [id]: checked };
  }
}

function subnetId(
  vnet: RegisteredArmResource | undefined,
  subnet: string,
  existing: string | undefined,
): pulumi.Output<string> {
  return vnet ? pulumi.interpolate`${vnet.id}/subnets/${subnet}` : pulumi.output(existing!);
}
