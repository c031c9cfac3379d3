import { isResourceIdOfType } from '../arm/resource-id';
import { isDns1123Label, isDns1123Subdomain } from '../kubernetes/kubernetes-names';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { FEDERATED_CREDENTIALS_PER_IDENTITY } from './aks-limits';
import { federatedSubject, FederatedIdentityProps } from './federated-identity';
import { ResolvedClusterConfig } from './resolved-cluster-config';
import { GUID } from './validation-helpers';

const CREDENTIAL_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$/;

/**
 * Federated identity credentials for the cluster's service accounts.
 * @see https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster
 * @category Network and identity
 */
export function validateFederatedIdentities(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const feds = c.federatedIdentities;
  if (feds.length > 0 && !c.workloadIdentity) {
    v.add(Rules.federationNeedsIssuer, 'workloadIdentity', false, 'leave workloadIdentity on: the credentials trust the cluster\'s OIDC issuer');
  }
  const names = new Set<string>();
  const subjects = new Set<string>();
  const perIdentity = new Map<string, number>();
  feds.forEach((f, i) => {
    const at = `federatedIdentities[${i}]`;
    const identity = f.identityId.toLowerCase();
    if (!CREDENTIAL_NAME.test(f.name)) {
      v.add(Rules.federatedIdentity, `${at}.name`, f.name, 'use 3-120 letters, digits, "-" and "_", starting with a letter or digit');
    } else if (names.has(`${identity}/${f.name}`)) {
      v.add(Rules.federatedIdentity, `${at}.name`, f.name, 'give each credential of an identity its own name');
    }
    names.add(`${identity}/${f.name}`);
    validateFederatedIdentity(f, at, v);
    const subject = `${identity}|${federatedSubject(f)}`;
    if (subjects.has(subject)) v.add(Rules.federatedIdentity, `${at}.serviceAccountName`, f.serviceAccountName, 'federate each service account with an identity once');
    subjects.add(subject);
    perIdentity.set(identity, (perIdentity.get(identity) ?? 0) + 1);
    if (perIdentity.get(identity) === FEDERATED_CREDENTIALS_PER_IDENTITY + 1) {
      v.add(Rules.federatedIdentity, 'federatedIdentities', f.identityId, `use at most ${FEDERATED_CREDENTIALS_PER_IDENTITY} credentials per identity, or another identity`);
    }
  });
}

/**
 * The fields of one federation: the identity by id with its client id, and the service account's names.
 * @category Network and identity
 */
export function validateFederatedIdentity(f: FederatedIdentityProps, at: string, v: ViolationCollector): void {
  if (!isResourceIdOfType(f.identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities')) {
    v.add(Rules.resourceId, `${at}.identityId`, f.identityId, 'pass a Microsoft.ManagedIdentity/userAssignedIdentities resource id');
  }
  if (!GUID.test(f.clientId)) v.add(Rules.federatedIdentity, `${at}.clientId`, f.clientId, 'pass the identity\'s client id (a GUID)');
  if (!isDns1123Label(f.namespace)) v.add(Rules.federatedIdentity, `${at}.namespace`, f.namespace, 'use a Kubernetes namespace name');
  if (!isDns1123Subdomain(f.serviceAccountName)) v.add(Rules.federatedIdentity, `${at}.serviceAccountName`, f.serviceAccountName, 'use a Kubernetes object name');
}
