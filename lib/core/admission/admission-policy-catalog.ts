import { FELIX_ADMISSION_POLICY } from '../encryption/felix-admission-policy';
import { HOST_NETWORK_ADMISSION_POLICY } from '../encryption/host-network-admission-policy';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';

/**
 * A rule the cluster itself enforces after deployment, through a ValidatingAdmissionPolicy the library writes.
 * @category Admission policies
 */
export interface AdmissionPolicyEntry {
  readonly rule: Rule;
  /** The policy's name (for a link, with `<link>` for the link's name). */
  readonly policy: string;
  /** What adds the policy to a chart. */
  readonly addedBy: string;
}

/**
 * Every rule with an admission policy, in catalogue order.
 * @category Admission policies
 */
export const ADMISSION_POLICIES: readonly AdmissionPolicyEntry[] = [
  { rule: Rules.calicoFelixNotDeployed, policy: FELIX_ADMISSION_POLICY, addedBy: 'CalicoWireGuardConfiguration' },
  { rule: Rules.hostNetworkUnencrypted, policy: HOST_NETWORK_ADMISSION_POLICY, addedBy: 'HostNetworkEncryptionCheck' },
  { rule: Rules.meshLinkObjectsKept, policy: 'secure-aks-link-<link>-client, secure-aks-link-<link>-server', addedBy: 'CrossClusterClient, CrossClusterServer' },
  { rule: Rules.meshLinkBackendStrictMtls, policy: 'secure-aks-link-<link>-backend-mtls', addedBy: 'CrossClusterServer' },
];

/**
 * The admission policies that enforce `rule` in the cluster (empty for most rules).
 * @category Admission policies
 */
export function admissionPoliciesOf(rule: Rule): string[] {
  return ADMISSION_POLICIES.filter((p) => p.rule.id === rule.id).map((p) => p.policy);
}
