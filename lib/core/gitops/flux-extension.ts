import { ApiVersions } from '../arm/api-versions';
import { ArmReference, ArmValue } from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { ClusterDelivery } from './cluster-delivery';

/**
 * The `microsoft.flux` extension version the library installs, pinned: the one
 * whose Flux release (FLUX_SCHEMA_VERSION; the controllers' tags are in
 * FLUX_SCHEMA_SOURCE) the GitOps tree is validated against. Bumped together
 * with the extracted CRDs (scripts/vendor-flux-crds.sh), never floating.
 *
 * 1.24.1 (release notes of 2026-08-10, Flux v2.7.5) is the newest release the
 * notes list as of their August 2026 revision. Microsoft supports the newest
 * release and the two before it, so each later release shortens this pin's
 * support: bump it when a new one is out.
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/flux-gitops-release-notes
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/extensions-release#flux-gitops
 * @category GitOps delivery
 */
export const FLUX_EXTENSION_VERSION = '1.24.1';

/**
 * The namespace the extension installs Flux into, and where the fluxConfiguration lives.
 * @category GitOps delivery
 */
export const FLUX_NAMESPACE = 'flux-system';

/**
 * The Kustomizations of each cluster's fluxConfiguration, in the order Flux applies them.
 * @category GitOps delivery
 */
export const GITOPS_LAYERS = ['prerequisites', 'issuer', 'mesh'] as const;
/**
 * One layer of a cluster's GitOps tree.
 * @category GitOps delivery
 */
export type GitOpsLayer = (typeof GITOPS_LAYERS)[number];

/**
 * Flux's `source-controller` service account: the one the OCI pull identity is federated with.
 * @category GitOps delivery
 */
export const FLUX_SOURCE_CONTROLLER = { namespace: FLUX_NAMESPACE, serviceAccountName: 'source-controller' } as const;

/**
 * The Flux extension on the cluster (logical id `cluster`): pinned, no
 * automatic minor upgrades, and with workload identity for an OCI source.
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2
 * @category GitOps delivery
 */
export function fluxExtensionResource(delivery: ClusterDelivery): ArmResource {
  const identity = delivery.source?.identity;
  return {
    logicalId: 'flux-extension',
    type: 'Microsoft.KubernetesConfiguration/extensions',
    apiVersion: ApiVersions.kubernetesConfigurationExtensions,
    name: ['flux'],
    scope: new ArmReference('cluster'),
    properties: {
      extensionType: 'microsoft.flux',
      // Pinned: the tree is validated against this release's CRDs.
      autoUpgradeMinorVersion: false,
      version: FLUX_EXTENSION_VERSION,
      scope: { cluster: { releaseNamespace: FLUX_NAMESPACE } },
      configurationSettings: {
        // Flux's multi-tenancy lockdown (the extension's default, written down): no cross-namespace references.
        'multiTenancy.enforce': 'true',
        ...(identity ? { 'workloadIdentity.enable': 'true', 'workloadIdentity.azureClientId': identity.clientId } : {}),
      },
    },
    createOnlyProperties: ['extensionType', 'scope'],
  };
}

/**
 * The cluster's fluxConfiguration: its source, and one Kustomization per
 * layer of its tree, each depending on the one before and waiting for every
 * object it applies to be ready (Flux's health checks) before the next starts.
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2#flux-configurations
 * @category GitOps delivery
 */
export function fluxConfigurationResource(cluster: string, delivery: ClusterDelivery): ArmResource {
  const source = delivery.source!;
  const root = delivery.treePath(cluster);
  const kustomizations: Record<string, Record<string, ArmValue>> = {};
  GITOPS_LAYERS.forEach((layer, i) => {
    kustomizations[layer] = {
      path: `./${root}/${layer}`,
      dependsOn: i === 0 ? [] : [GITOPS_LAYERS[i - 1]],
      prune: true,
      wait: true,
      timeoutInSeconds: 600,
      syncIntervalInSeconds: 600,
      retryIntervalInSeconds: 120,
    };
  });
  const sourceProperties: Record<string, ArmValue> =
    source.kind === 'OCIRepository'
      ? { ociRepository: { url: source.url, repositoryRef: source.digest !== undefined ? { digest: source.digest } : { tag: source.tag! }, useWorkloadIdentity: true, insecure: false, syncIntervalInSeconds: 300, timeoutInSeconds: 600 } }
      : {
          gitRepository: {
            url: source.url,
            repositoryRef: { branch: source.branch! },
            ...(source.localAuthRef ? { localAuthRef: source.localAuthRef } : {}),
            syncIntervalInSeconds: 300,
            timeoutInSeconds: 600,
          },
        };
  return {
    logicalId: 'flux-configuration',
    type: 'Microsoft.KubernetesConfiguration/fluxConfigurations',
    apiVersion: ApiVersions.fluxConfigurations,
    name: ['secure-aks'],
    scope: new ArmReference('cluster'),
    properties: {
      scope: 'cluster',
      namespace: FLUX_NAMESPACE,
      sourceKind: source.kind,
      suspend: false,
      ...sourceProperties,
      kustomizations: kustomizations as Record<string, ArmValue>,
    },
    createOnlyProperties: ['scope', 'namespace'],
    dependsOn: ['flux-extension'],
  };
}
