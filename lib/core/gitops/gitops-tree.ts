import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { PinnedHelmChart } from '../platform/mesh-prerequisites';
import { SERVER_SIDE_PATCH_ANNOTATION } from '../mesh/cross-cluster-link';
import { SecureAksValidationError } from '../validation/validation-error';
import { Rules } from '../validation/rule-catalog';
import { FLUX_NAMESPACE, GitOpsLayer } from './flux-extension';
import { fluxApiVersion, validateFluxObject } from './flux-schemas';

/**
 * What goes into one cluster's GitOps tree.
 * @category GitOps delivery
 */
export interface GitOpsTreeInput {
  /** The cluster's name (error messages). */
  readonly cluster: string;
  /** Helm releases of the `prerequisites` layer. */
  readonly releases: readonly PinnedHelmChart[];
  /** Objects of the `issuer` layer (the customer CA's ClusterIssuer). */
  readonly issuer: readonly KubernetesObject[];
  /** Objects of the `mesh` layer (mesh configuration, the cross-cluster objects). */
  readonly mesh: readonly KubernetesObject[];
}

/**
 * One cluster's tree: the objects of each layer, by file name inside the layer's folder.
 * @category GitOps delivery
 */
export type GitOpsTree = Readonly<Record<GitOpsLayer, Readonly<Record<string, readonly KubernetesObject[]>>>>;

/**
 * Flux's annotations for an object that adds fields to one the cluster
 * already has (a port on a preinstalled gateway Service): apply with
 * server-side apply's merge, keeping the fields other managers own, and never
 * prune the object it patches.
 * @see https://fluxcd.io/flux/components/kustomize/kustomizations/#controlling-the-apply-behavior-of-resources
 * @see https://fluxcd.io/flux/faq/#how-to-patch-coredns-and-other-pre-installed-addons
 * @category GitOps delivery
 */
export const FLUX_MERGE_PATCH_ANNOTATIONS = {
  'kustomize.toolkit.fluxcd.io/ssa': 'Merge',
  'kustomize.toolkit.fluxcd.io/prune': 'disabled',
} as const;

/** A repository name Flux accepts, from the chart repository URL's host. */
function repositoryName(repo: string): string {
  const host = /^[a-z]+:\/\/([^/:]+)/i.exec(repo)?.[1] ?? repo;
  return host.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}

/**
 * The objects of one cluster's GitOps tree, in three layers that the
 * fluxConfiguration applies in order (`prerequisites`, `issuer`, `mesh`):
 * Flux HelmRepository and HelmRelease objects for the pinned charts with
 * their generated values (ordered by `dependsOn`), the issuer, and the mesh
 * and cross-cluster objects. Objects meant as server-side-apply patches get
 * Flux's merge annotations instead of the Pulumi adapter's. Every Flux object
 * is validated strictly against the CRDs of the release the extension runs.
 * @throws SecureAksValidationError when a Flux object fails its CRD
 * @category GitOps delivery
 */
export function gitOpsTree(input: GitOpsTreeInput): GitOpsTree {
  const repositories = new Map<string, KubernetesObject>();
  const releases: KubernetesObject[] = [];
  for (const r of input.releases) {
    const repoName = repositoryName(r.repo);
    if (!repositories.has(repoName)) {
      repositories.set(repoName, {
        apiVersion: fluxApiVersion('HelmRepository'),
        kind: 'HelmRepository',
        metadata: { name: repoName, namespace: FLUX_NAMESPACE },
        spec: { url: r.repo, interval: '1h', ...(r.repo.startsWith('oci://') ? { type: 'oci', provider: 'azure' } : {}) },
      });
    }
    releases.push({
      apiVersion: fluxApiVersion('HelmRelease'),
      kind: 'HelmRelease',
      metadata: { name: r.name, namespace: FLUX_NAMESPACE },
      spec: {
        interval: '1h',
        releaseName: r.name,
        targetNamespace: r.namespace,
        storageNamespace: r.namespace,
        chart: { spec: { chart: r.chart, version: r.version, sourceRef: { kind: 'HelmRepository', name: repoName } } },
        ...(r.after.length > 0 ? { dependsOn: r.after.map((name) => ({ name })) } : {}),
        install: { createNamespace: true, crds: 'CreateReplace', remediation: { retries: 3 } },
        upgrade: { crds: 'CreateReplace', remediation: { retries: 3 } },
        values: r.values as Record<string, unknown>,
      },
    });
  }
  const flux = [...repositories.values(), ...releases];
  const problems = flux.flatMap((o) =>
    validateFluxObject(o).map((f) => ({
      rule: Rules.gitOpsFluxSchema,
      property: `${o.kind}/${o.metadata.name}${f.path}`,
      value: o.kind,
      fix: 'report this: the library wrote an object the Flux CRD rejects',
      detail: f.message,
    })),
  );
  if (problems.length > 0) throw new SecureAksValidationError(`GitOps tree of cluster "${input.cluster}"`, problems);
  const asFlux = (o: KubernetesObject): KubernetesObject => {
    const annotations = o.metadata.annotations;
    if (annotations?.[SERVER_SIDE_PATCH_ANNOTATION] !== 'server-side-patch') return o;
    const { [SERVER_SIDE_PATCH_ANNOTATION]: _, ...rest } = annotations;
    return { ...o, metadata: { ...o.metadata, annotations: { ...rest, ...FLUX_MERGE_PATCH_ANNOTATIONS } } };
  };
  return {
    prerequisites: { 'helm-repositories.yaml': [...repositories.values()], 'helm-releases.yaml': releases },
    issuer: { 'issuer.yaml': input.issuer.map(asFlux) },
    mesh: { 'mesh.yaml': input.mesh.map(asFlux) },
  };
}
