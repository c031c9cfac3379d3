import { fromOptions, factoryResult, wellFormedText } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { zod, lazySchema } from '../validation/lazy-zod';
import { GitOpsSource } from './gitops-source';

/**
 * Options of {@link ClusterDelivery.gitOps}.
 * @category GitOps delivery
 */
export interface GitOpsDeliveryOptions {
  /** Where the cluster's Flux pulls its tree from. */
  readonly source: GitOpsSource;
  /**
   * Folder of this cluster's tree inside the source.
   * @default 'clusters/<cluster name>'
   */
  readonly path?: string;
}

/** A folder inside the source: relative, `/`-separated segments of letters, digits, `.`, `_`, `-`, never `.` or `..`. */
const isTreePath = (s: string) => s.split('/').every((seg) => /^[A-Za-z0-9._-]+$/.test(seg) && seg !== '.' && seg !== '..');

const GITOPS_OPTIONS = lazySchema(() =>
  zod.strictObject({
    source: factoryResult(GitOpsSource, 'GitOpsSource.ociRepository({ ... }) or GitOpsSource.gitRepository({ ... })'),
    path: wellFormedText(Rules.inputType, 'use a folder inside the source, e.g. "clusters/payments": segments of letters, digits, ".", "_" and "-"', isTreePath).optional(),
  }),
);

/**
 * How a cluster's Kubernetes objects reach it.
 *
 * `pulumiKubernetes()`: `pulumi up` applies them through a Kubernetes provider
 * from the cluster's kubeconfig, so it must run from a network that reaches the
 * private API server. `gitOps(...)`: the AKS GitOps extension (Flux v2) pulls
 * them from a Git repository or an OCI artifact, and the deployer needs only
 * Azure Resource Manager.
 * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2
 * @example
 * ClusterDelivery.gitOps({ source: GitOpsSource.ociRepository({ url, tag: 'production', identity }) });
 * @category GitOps delivery
 */
export class ClusterDelivery {
  /** Applied by `pulumi up` through a Kubernetes provider (needs line of sight to the API server). */
  public static pulumiKubernetes(): ClusterDelivery {
    return new ClusterDelivery('pulumiKubernetes', undefined, undefined);
  }

  /** Pulled by the cluster's Flux from `source`. */
  public static gitOps(options: GitOpsDeliveryOptions): ClusterDelivery {
    return fromOptions(GITOPS_OPTIONS, options, (o) => new ClusterDelivery('gitOps', o.source, o.path));
  }

  private constructor(
    /** Which delivery. */
    public readonly kind: 'pulumiKubernetes' | 'gitOps',
    /** The GitOps source. */
    public readonly source: GitOpsSource | undefined,
    private readonly path: string | undefined,
  ) {}

  /** The folder of `cluster`'s tree inside the source (GitOps only). */
  public treePath(cluster: string): string {
    return this.path ?? `clusters/${cluster}`;
  }
}
