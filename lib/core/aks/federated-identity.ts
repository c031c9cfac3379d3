import { zod, lazySchema } from '../validation/lazy-zod';
import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { text } from '../validation/input-boundary';

/**
 * A user-assigned identity federated with a Kubernetes service account of the
 * cluster: pods of that service account get the identity's Entra ID tokens
 * through Microsoft Entra Workload ID, without a stored secret (for example
 * cert-manager reaching Azure DNS or Key Vault).
 * @see https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster
 * @category Network and identity
 */
export interface FederatedIdentityProps {
  /**
   * Name of the federated identity credential on the identity: 3 to 120 letters, digits, `-` and `_`.
   * Changing it replaces the credential.
   */
  readonly name: string;
  /** Resource id of the user-assigned identity (`Microsoft.ManagedIdentity/userAssignedIdentities`). */
  readonly identityId: string;
  /** The identity's client id: the service account's `azure.workload.identity/client-id` annotation. */
  readonly clientId: string;
  /** Namespace of the service account. */
  readonly namespace: string;
  /** Name of the service account. */
  readonly serviceAccountName: string;
}

/** The runtime schema of {@link FederatedIdentityProps}. @internal */
export const FEDERATED_IDENTITY_PROPS = lazySchema(() => zod.strictObject({
  name: text(),
  identityId: text(),
  clientId: text(),
  namespace: text(),
  serviceAccountName: text(),
}));

/**
 * The audience of Entra ID's token exchange: the only one Workload ID accepts.
 * @category Network and identity
 */
export const WORKLOAD_IDENTITY_AUDIENCE = 'api://AzureADTokenExchange';

/**
 * The credential's subject: the service account, as the cluster's OIDC issuer names it in its tokens.
 * @category Network and identity
 */
export function federatedSubject(f: Pick<FederatedIdentityProps, 'namespace' | 'serviceAccountName'>): string {
  return `system:serviceaccount:${f.namespace}:${f.serviceAccountName}`;
}

/**
 * The service account the federation is for, annotated with the identity's
 * client id. Pods that use it also need the label
 * `azure.workload.identity/use: "true"` for the webhook to inject the token.
 * @see https://learn.microsoft.com/azure/aks/workload-identity-overview#service-account-annotations
 * @category Network and identity
 */
export function workloadIdentityServiceAccount(f: FederatedIdentityProps): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: f.serviceAccountName,
      namespace: f.namespace,
      annotations: { 'azure.workload.identity/client-id': f.clientId },
    },
  };
}
