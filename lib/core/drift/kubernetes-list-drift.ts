import { TransitEncryption } from '../encryption/transit-encryption';
import { approvedTransitEncryption } from './approved-transit-encryption';
import { ApprovedCluster } from './cluster-matching';
import { KubernetesListDrift } from './drift-run';
import { compareKubernetesObjects, KubernetesObjectAt, objectKey } from './kubernetes-drift';

/**
 * An approved manifest (`<name>.k8s.yaml`) and its objects.
 * @internal
 */
export interface ApprovedManifest {
  readonly name: string;
  /** The approved cluster the objects are applied to, where the folder says it (an estate's `gitops/clusters/<cluster>`). */
  readonly cluster?: string;
  readonly objects: readonly KubernetesObjectAt[];
}

/**
 * Compares one live List with the approved manifest that holds most of its
 * objects (several when they hold as many; all of them when none holds any,
 * for the hostNetwork check alone). The transit encryption the hostNetwork
 * check needs is that of the cluster the manifest's folder names (an
 * estate's GitOps tree), else the approved cluster's when the approved
 * folder describes one cluster, or several with the same encryption.
 * @internal
 */
export function compareKubernetesList(live: string, items: readonly KubernetesObjectAt[], manifests: readonly ApprovedManifest[], clusters: readonly ApprovedCluster[]): KubernetesListDrift {
  const keys = new Set(items.map((i) => objectKey(i.object)));
  const overlap = manifests.map((m) => m.objects.filter((o) => keys.has(objectKey(o.object))).length);
  const best = Math.max(0, ...overlap);
  const chosen = best === 0 ? manifests : manifests.filter((_, i) => overlap[i] === best);
  const objects = chosen.flatMap((m) => m.objects);
  // The cluster the chosen objects are for, when their folder names it; else every approved cluster.
  const named = chosen.map((m) => m.cluster).filter((c): c is string => c !== undefined);
  const own = clusters.filter((c) => named.some((n) => n.toLowerCase() === c.description.name.toLowerCase()));
  const encryption = encryptionOf(own.length > 0 ? own : clusters, (own.length > 0 ? chosen : manifests).flatMap((m) => m.objects.map((o) => o.object)));
  return { live, manifests: chosen.map((m) => m.name), result: compareKubernetesObjects(objects, items, encryption) };
}

function encryptionOf(clusters: readonly ApprovedCluster[], manifests: readonly Readonly<Record<string, any>>[]): TransitEncryption | { unknown: string } {
  if (clusters.length === 0) return { unknown: 'the approved folder holds no cluster template' };
  const each = clusters.map((c) => approvedTransitEncryption(c.description, manifests));
  const unknown = each.find((e) => 'unknown' in e);
  if (unknown) return unknown;
  const kinds = new Set(each.map((e) => (e as TransitEncryption).kind));
  if (kinds.size > 1) return { unknown: `the approved folder describes ${clusters.length} clusters with different transit encryption (give the folder of one)` };
  return each[0];
}
