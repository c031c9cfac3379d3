import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FEDERATED_IDENTITY_PROPS, FederatedIdentityProps, workloadIdentityServiceAccount } from '../core/aks/federated-identity';
import { validateFederatedIdentity } from '../core/aks/validate-federated-identities';
import { checkInput } from '../core/validation/input-boundary';
import { ViolationCollector } from '../core/validation/violation-collector';

/**
 * The Kubernetes service account of a federated identity
 * (`HardenedClusterProps.federatedIdentities`), annotated with the identity's
 * client id, for a user's own Chart. Pods that use it need the label
 * `azure.workload.identity/use: "true"`.
 * @example
 * new WorkloadIdentityServiceAccount(chart, 'cert-manager', {
 *   name: 'cert-manager-dns', identityId, clientId, namespace: 'cert-manager', serviceAccountName: 'cert-manager',
 * });
 * @see https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster
 * @category Network and identity
 */
export class WorkloadIdentityServiceAccount extends Construct {
  /** The ServiceAccount object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: FederatedIdentityProps) {
    const v = new ViolationCollector();
    const checked = checkInput(FEDERATED_IDENTITY_PROPS, props);
    v.addAll(checked.violations);
    if (checked.value !== undefined) validateFederatedIdentity(checked.value, 'props', v);
    v.throwIfErrors(`WorkloadIdentityServiceAccount "${id}"`);
    super(scope, id);
    const object = workloadIdentityServiceAccount(props);
    this.apiObject = new ApiObject(this, 'Resource', { apiVersion: object.apiVersion, kind: object.kind, metadata: { ...object.metadata } });
  }
}
