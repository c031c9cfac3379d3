import { DocumentLocation } from '../description/described-resource';
import { findUnencryptedHostNetworkWorkloads } from '../encryption/host-network-check';
import { TransitEncryption } from '../encryption/transit-encryption';
import { canonicalJson } from '../kubernetes/json-equality';
import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { KubernetesRuleJudge, valueAt } from './kubernetes-broken-rules';

/**
 * A Kubernetes object and where it was read (a manifest's document, a `kubectl get -o json` List's item).
 * @internal
 */
export interface KubernetesObjectAt {
  readonly object: Readonly<Record<string, any>>;
  readonly at: DocumentLocation;
}

/**
 * A security-relevant field of a live Kubernetes object that differs from the approved manifest.
 * @internal
 */
export interface KubernetesDrift {
  /** `apiVersion/kind/namespace/name`. */
  readonly object: string;
  /** The field, e.g. `spec.trafficPolicy.tls`. */
  readonly field: string;
  /** The approved value; `undefined` when the approved object does not set it or there is no approved object. */
  readonly approved: unknown;
  readonly approvedAt?: DocumentLocation;
  /** The live value; `undefined` when the live object does not set it. */
  readonly live: unknown;
  readonly liveAt: DocumentLocation;
  /**
   * The catalog rules the live value breaks, if any: judged by the admission
   * policies the approved manifests carry (a link's TLS modes, its backends'
   * STRICT mutual TLS, Calico's WireGuard), and the host-network check.
   */
  readonly brokenRules: readonly Rule[];
}

/**
 * A live hostNetwork workload whose verdict needs the cluster's transit encryption, which is not known.
 * @internal
 */
export interface UndecidedKubernetesObject {
  readonly object: string;
  readonly liveAt: DocumentLocation;
  readonly reason: string;
}

/**
 * The Kubernetes side of a drift run.
 * @internal
 */
export interface KubernetesDriftResult {
  readonly drifts: readonly KubernetesDrift[];
  readonly undecided: readonly UndecidedKubernetesObject[];
  /** Approved objects with compared fields that are not live, where the live input lists their kind in their namespace (deleted). */
  readonly missing: readonly KubernetesObjectAt[];
}

/**
 * The fields compared, by kind: the ones that decide whether traffic is
 * encrypted and to whom (TLS modes, ports, hosts, mTLS, WireGuard).
 * Kubernetes compares names and values with regard to case, and so do we.
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 * @see https://docs.tigera.io/calico/latest/reference/resources/felixconfig
 * @internal
 */
export const COMPARED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  DestinationRule: ['spec.host', 'spec.trafficPolicy.tls', 'spec.trafficPolicy.portLevelSettings', 'spec.exportTo'],
  Gateway: ['spec.selector', 'spec.servers'],
  PeerAuthentication: ['spec.selector', 'spec.mtls', 'spec.portLevelMtls'],
  ServiceEntry: ['spec.hosts', 'spec.ports', 'spec.location', 'spec.resolution', 'spec.endpoints', 'spec.exportTo'],
  FelixConfiguration: ['spec.wireguardEnabled', 'spec.wireguardEnabledV6', 'spec.wireguardHostEncryptionEnabled'],
};

/** Where each workload kind keeps its pod spec's `hostNetwork`. */
const HOST_NETWORK_PATHS: Readonly<Record<string, string>> = {
  Pod: 'spec.hostNetwork',
  Deployment: 'spec.template.spec.hostNetwork',
  StatefulSet: 'spec.template.spec.hostNetwork',
  DaemonSet: 'spec.template.spec.hostNetwork',
  ReplicaSet: 'spec.template.spec.hostNetwork',
  Job: 'spec.template.spec.hostNetwork',
  CronJob: 'spec.jobTemplate.spec.template.spec.hostNetwork',
};

/**
 * `apiVersion/kind/namespace/name`; an object without a namespace is in `default`, where kubectl applies it.
 * @internal
 */
export function objectKey(o: Readonly<Record<string, any>>, clusterScoped = false): string {
  const namespace = clusterScoped ? '' : (o.metadata?.namespace ?? 'default');
  return `${o.apiVersion}/${o.kind}/${namespace}/${o.metadata?.name}`;
}

const CLUSTER_SCOPED = new Set(['FelixConfiguration', 'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ClusterIssuer', 'CustomResourceDefinition']);
const keyOf = (o: Readonly<Record<string, any>>) => objectKey(o, CLUSTER_SCOPED.has(o.kind));

function pointerOf(at: DocumentLocation, field: string): DocumentLocation {
  return { document: at.document, pointer: `${at.pointer}/${field.split('.').map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` };
}

/**
 * Compares live Kubernetes objects (`kubectl get ... -o json`) with the
 * approved manifests by `apiVersion/kind/namespace/name`, on the fields of
 * {@link COMPARED_FIELDS}, each drift naming the rules its live value breaks
 * (judged by the approved admission policies, {@link KubernetesRuleJudge});
 * reports a live object of a compared kind that the approved manifests do not
 * hold when an approved policy would deny it; and reports each live workload
 * with `hostNetwork: true` that the approved manifests do not run so and
 * whose traffic the cluster's transit encryption leaves unencrypted (the
 * library's host-network check, SAKS-ENC-017). Without the cluster's transit
 * encryption, such a workload is undecided.
 * @internal
 */
export function compareKubernetesObjects(
  approved: readonly KubernetesObjectAt[],
  live: readonly KubernetesObjectAt[],
  encryption: TransitEncryption | { readonly unknown: string },
): KubernetesDriftResult {
  const approvedByKey = new Map(approved.map((a) => [keyOf(a.object), a]));
  const liveKeys = new Set(live.map((l) => keyOf(l.object)));
  const judge = new KubernetesRuleJudge(approved.map((a) => a.object), encryption);
  const drifts: KubernetesDrift[] = [];
  const undecided: UndecidedKubernetesObject[] = [];
  for (const l of live) {
    const key = keyOf(l.object);
    const a = approvedByKey.get(key);
    for (const field of a ? COMPARED_FIELDS[l.object.kind] ?? [] : []) {
      const [approvedValue, liveValue] = [valueAt(a!.object, field), valueAt(l.object, field)];
      if (canonicalJson(approvedValue) === canonicalJson(liveValue)) continue;
      drifts.push({ object: key, field, approved: approvedValue, approvedAt: pointerOf(a!.at, field), live: liveValue, liveAt: pointerOf(l.at, field), brokenRules: judge.brokenByField(a!.object, l.object, field) });
    }
    if (!a && COMPARED_FIELDS[l.object.kind] !== undefined) {
      const broken = judge.brokenByObject(l.object);
      if (broken.length > 0) drifts.push({ object: key, field: 'spec', approved: undefined, live: l.object.spec, liveAt: pointerOf(l.at, 'spec'), brokenRules: broken });
    }
    const hostNetworkField = HOST_NETWORK_PATHS[l.object.kind];
    if (hostNetworkField === undefined || valueAt(l.object, hostNetworkField) !== true || (a && valueAt(a.object, hostNetworkField) === true)) continue;
    if ('unknown' in encryption) {
      undecided.push({ object: key, liveAt: pointerOf(l.at, hostNetworkField), reason: `it sets hostNetwork: true, and the cluster's transit encryption is not known (${encryption.unknown})` });
      continue;
    }
    if (findUnencryptedHostNetworkWorkloads([l.object], encryption).length === 0) continue;
    drifts.push({
      object: key,
      field: hostNetworkField,
      approved: a ? valueAt(a.object, hostNetworkField) : undefined,
      ...(a ? { approvedAt: pointerOf(a.at, hostNetworkField) } : {}),
      live: true,
      liveAt: pointerOf(l.at, hostNetworkField),
      brokenRules: [Rules.hostNetworkUnencrypted],
    });
  }
  // An approved object is missing only where the live input lists its kind in its namespace (`kubectl get <kind> -n <ns>` or `-A`).
  const listed = new Set(live.map((l) => `${l.object.kind}/${CLUSTER_SCOPED.has(l.object.kind) ? '' : (l.object.metadata?.namespace ?? 'default')}`));
  const missing = approved.filter(
    (a) => COMPARED_FIELDS[a.object.kind] !== undefined && !liveKeys.has(keyOf(a.object)) && listed.has(`${a.object.kind}/${CLUSTER_SCOPED.has(a.object.kind) ? '' : (a.object.metadata?.namespace ?? 'default')}`),
  );
  return { drifts, undecided, missing };
}
