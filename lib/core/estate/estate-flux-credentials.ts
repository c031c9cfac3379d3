import { WORKLOAD_IDENTITY_AUDIENCE, federatedSubject } from '../aks/federated-identity';
import { ApiVersions } from '../arm/api-versions';
import { ArmValue } from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { parseResourceId } from '../arm/resource-id';
import { ClusterDelivery } from '../gitops/cluster-delivery';
import { FLUX_SOURCE_CONTROLLER } from '../gitops/flux-extension';

/** A GitOps-delivered cluster whose Flux pulls with a workload identity. */
export interface FluxCredentialCluster {
  readonly name: string;
  readonly delivery: ClusterDelivery;
}

/**
 * The name of a cluster's Flux credential on the pull identity: one per
 * cluster, so the clusters sharing the identity never overwrite each
 * other's (a credential is a child of its identity, named under it).
 * Credential names take 3 to 120 characters; cluster names at most 63.
 * @see https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations
 */
export function fluxCredentialName(cluster: string): string {
  return `${cluster}-flux-source-controller`;
}

/** The logical id of a cluster's Flux credential. */
export function fluxCredentialLogicalId(cluster: string): string {
  return `flux-credential-${cluster}`;
}

/**
 * The federated credentials of every cluster's Flux source-controller on its
 * pull identity, in definition order, each depending on the one before it on
 * the same identity: Entra refuses concurrent writes of credentials to one
 * identity, so they are created one after another, in one template (or one
 * Pulumi dependency chain). `issuer` gives each cluster's OIDC issuer URL: an
 * ARM `reference()` by literal id in the template, a reference to the
 * registered cluster under Pulumi.
 * @see https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2#workload-identity-in-aks-clusters
 */
export function fluxCredentialResources(clusters: readonly FluxCredentialCluster[], issuer: (cluster: string) => ArmValue): ArmResource[] {
  const previous = new Map<string, string>();
  const out: ArmResource[] = [];
  for (const c of clusters) {
    const identity = c.delivery.kind === 'gitOps' ? c.delivery.source?.identity : undefined;
    const parsed = identity ? parseResourceId(identity.identityId) : undefined;
    if (!identity || !parsed) continue;
    const key = identity.identityId.toLowerCase();
    const before = previous.get(key);
    const logicalId = fluxCredentialLogicalId(c.name);
    out.push({
      logicalId,
      type: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
      apiVersion: ApiVersions.userAssignedIdentities,
      name: [parsed.names[0], fluxCredentialName(c.name)],
      // The credential lives with its identity, in whatever resource group that is.
      targetResourceGroup: { subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup },
      properties: {
        issuer: issuer(c.name),
        subject: federatedSubject(FLUX_SOURCE_CONTROLLER),
        audiences: [WORKLOAD_IDENTITY_AUDIENCE],
      },
      ...(before ? { dependsOn: [before] } : {}),
    });
    previous.set(key, logicalId);
  }
  return out;
}
