import { describeObject } from '../kubernetes/kubernetes-object';
import { IN_CLUSTER_COVERAGE } from './encryption-coverage';
import { SourceUrl, Sources } from '../validation/sources';
import { TransitEncryption } from './transit-encryption';

/**
 * A workload whose traffic the cluster's transit encryption does not cover.
 * @category Transit encryption
 */
export interface HostNetworkFinding {
  /** `kind/namespace/name` of the object. */
  readonly object: string;
  readonly message: string;
}

/**
 * The namespaces whose pods are documented to need `hostNetwork: true`: AKS's
 * own system components (DNS, proxy, the CNI and its WireGuard agents) run in
 * `kube-system`; Calico's operator and node agents, where Calico is the
 * network policy engine, run in `tigera-operator` and `calico-system`. The
 * admission policy of SAKS-ENC-017 spares these namespaces, and only these.
 * @category Admission policies
 */
export const HOST_NETWORK_NAMESPACES: readonly { readonly namespace: string; readonly source: SourceUrl }[] = [
  { namespace: 'kube-system', source: Sources.aksNamespaces },
  { namespace: 'calico-system', source: Sources.calicoOperatorOnAks },
  { namespace: 'tigera-operator', source: Sources.calicoOperatorOnAks },
];

/**
 * Where each workload kind keeps its pod spec.
 * @category Admission policies
 */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * Finds workloads with `hostNetwork: true` whose traffic the transit
 * encryption leaves unencrypted (for ACNS WireGuard: every one of them).
 * The verdict comes from the coverage facts, so it changes with them.
 * @category Transit encryption
 */
export function findUnencryptedHostNetworkWorkloads(
  objects: readonly unknown[],
  encryption: TransitEncryption,
): HostNetworkFinding[] {
  const fact = IN_CLUSTER_COVERAGE[encryption.kind]['host-network-pods'];
  if (fact.status === 'encrypted') return [];
  const findings: HostNetworkFinding[] = [];
  for (const o of objects as Array<Record<string, any>>) {
    const path = POD_SPEC_PATHS[o?.kind];
    if (!path) continue;
    const podSpec = path.reduce<any>((x, k) => (x == null ? undefined : x[k]), o);
    if (podSpec?.hostNetwork === true) {
      findings.push({
        object: describeObject(o),
        message:
          `${describeObject(o)} sets hostNetwork: true, so its traffic is ${fact.status === 'partial' ? 'only partly encrypted' : 'not encrypted'} ` +
          `by ${encryption.kind} (${fact.by}). Remove hostNetwork, or encrypt this traffic in the application (mTLS); see ${fact.sources[0]}`,
      });
    }
  }
  return findings;
}
