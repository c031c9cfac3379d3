import { AdmissionPolicySpec, admissionMessage, celHasPath, celString, celStrings } from '../admission/admission-policy';
import { resourceNameOf } from '../admission/admission-evaluation';
import { Rules } from '../validation/rule-catalog';
import { IN_CLUSTER_COVERAGE } from './encryption-coverage';
import { HOST_NETWORK_NAMESPACES, POD_SPEC_PATHS } from './host-network-check';
import { TransitEncryption } from './transit-encryption';

/**
 * The name of the hostNetwork policy and its binding.
 * @category Admission policies
 */
export const HOST_NETWORK_ADMISSION_POLICY = 'secure-aks-host-network';

/** The API group of each workload kind that carries a pod spec (`''` is the core group). */
const WORKLOAD_GROUPS: Readonly<Record<string, string>> = {
  Pod: '',
  ReplicationController: '',
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
};

/**
 * The admission policy of SAKS-ENC-017 for a cluster whose transit
 * encryption leaves hostNetwork traffic unencrypted (or partly so): no
 * workload of the kinds the synth check reads ({@link POD_SPEC_PATHS}) may set
 * `hostNetwork: true` outside the namespaces documented to need it
 * ({@link HOST_NETWORK_NAMESPACES}). Undefined when the encryption covers
 * hostNetwork pods: then the rule has nothing to forbid.
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @category Admission policies
 */
export function hostNetworkAdmissionPolicy(encryption: TransitEncryption): AdmissionPolicySpec | undefined {
  const fact = IN_CLUSTER_COVERAGE[encryption.kind]['host-network-pods'];
  if (fact.status === 'encrypted') return undefined;
  const namespaces = HOST_NETWORK_NAMESPACES.map((n) => n.namespace);
  const kinds = Object.keys(POD_SPEC_PATHS).sort();
  const source = fact.sources[0];
  return {
    name: HOST_NETWORK_ADMISSION_POLICY,
    rule: Rules.hostNetworkUnencrypted,
    source,
    guards: `no workload outside ${namespaces.join(', ')} sets hostNetwork: true`,
    flows: ['host-network-pods'],
    resourceRules: [...new Set(kinds.map((k) => WORKLOAD_GROUPS[k]))].sort().map((group) => ({
      apiGroups: [group],
      apiVersions: ['*'],
      resources: kinds.filter((k) => WORKLOAD_GROUPS[k] === group).map(resourceNameOf).sort(),
      operations: ['CREATE', 'UPDATE'],
    })),
    matchConditions: [{ name: 'outside-host-network-namespaces', expression: `!(request.namespace in ${celStrings(namespaces)})` }],
    validations: kinds.map((kind) => {
      const field = [...POD_SPEC_PATHS[kind], 'hostNetwork'];
      return {
        expression: `request.resource.resource != ${celString(resourceNameOf(kind))} || !(${celHasPath('object', field)} && object.${field.join('.')} == true)`,
        message: admissionMessage(
          Rules.hostNetworkUnencrypted,
          `a ${kind} outside ${namespaces.join(', ')} must not set hostNetwork: true: its traffic is ${fact.status === 'partial' ? 'only partly encrypted' : 'not encrypted'} by ${encryption.kind}`,
          source,
        ),
      };
    }),
  };
}
