import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, schemaOf, text } from '../validation/input-boundary';

/**
 * The user-assigned identity Flux's source-controller pulls the OCI artifact with (Microsoft Entra Workload ID).
 * @category GitOps delivery
 */
export interface FluxSourceIdentity {
  /** Resource id of the user-assigned identity; it needs AcrPull on the registry. */
  readonly identityId: string;
  /** The identity's client id: the extension's `workloadIdentity.azureClientId`. */
  readonly clientId: string;
}

/**
 * Options of {@link GitOpsSource.ociRepository}.
 * @category GitOps delivery
 */
export interface OciRepositorySourceOptions {
  /**
   * `oci://<registry>/<repository>` of the artifact holding the cluster's
   * GitOps tree, for example an Azure Container Registry reached through its
   * private endpoint: `oci://contoso.azurecr.io/platform/payments`.
   * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2
   */
  readonly url: string;
  /**
   * The artifact's tag that Flux follows (pushed by `flux push artifact ... --tag`):
   * `[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}`, never inside `url`. Give `tag` or `digest`.
   * @default - none: give `digest`
   * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
   */
  readonly tag?: string;
  /**
   * The artifact's digest (`sha256:<64 hex digits>`), pinning one exact artifact
   * instead of following a tag. Give `tag` or `digest`.
   * @default - none: Flux follows `tag`
   * @see https://fluxcd.io/flux/components/source/ocirepositories/#reference
   */
  readonly digest?: string;
  /**
   * The identity Flux pulls with: no secret in the cluster or the template.
   * The library federates it with the `flux-system/source-controller` service account.
   * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2#workload-identity-in-aks-clusters
   */
  readonly identity: FluxSourceIdentity;
}

/**
 * Options of {@link GitOpsSource.gitRepository}.
 * @category GitOps delivery
 */
export interface GitRepositorySourceOptions {
  /**
   * `https://` or `ssh://` URL of the repository, without credentials
   * (`https://user:token@...` is refused: SAKS-GIT-005); `ssh://git@host/...`
   * names the SSH user only.
   * @see https://git-scm.com/docs/git-clone#_git_urls
   */
  readonly url: string;
  /**
   * The branch Flux follows: a name `git check-ref-format --branch` accepts (not `HEAD`).
   * @see https://git-scm.com/docs/git-check-ref-format
   */
  readonly branch: string;
  /**
   * Name of a secret in `flux-system` holding the credentials (you create it;
   * a Secret's name is a DNS subdomain, SAKS-K8S-002):
   * the template carries no credential. Microsoft's alternative, HTTPS
   * credentials in the fluxConfiguration's `configurationProtectedSettings`,
   * would put the secret into the template: the library does not write it.
   * @see https://learn.microsoft.com/rest/api/kubernetesconfiguration/flux-configurations/create-or-update
   * @default - none: a repository readable without credentials
   */
  readonly localAuthRef?: string;
}

/**
 * A URL's scheme, lower-cased (`oci`, `https`, `ssh`), when it has one.
 * @internal
 */
export function urlScheme(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * A URL's host, lower-cased, without user or port, when it parses.
 * @internal
 */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * An Azure Container Registry's login server: `<registry>.azurecr.io`, or a
 * sovereign cloud's `.azurecr.cn` (Azure operated by 21Vianet) and
 * `.azurecr.us` (Azure Government). Registry names are 5 to 50 letters and digits.
 * @see https://fluxcd.io/flux/components/source/ocirepositories/#azure
 * @category GitOps delivery
 */
export const AZURE_CONTAINER_REGISTRY_HOST = /^[a-z0-9]{5,50}\.azurecr\.(io|cn|us)$/;

/**
 * Whether `url` is an OCI repository in an Azure Container Registry
 * (`oci://<registry>.azurecr.io/<path>`): what a network-isolated cluster
 * reaches through the registry's private endpoint.
 * @see https://learn.microsoft.com/azure/container-registry/container-registry-private-link
 * @category GitOps delivery
 */
export function isAzureContainerRegistryOci(url: string): boolean {
  return urlScheme(url) === 'oci' && AZURE_CONTAINER_REGISTRY_HOST.test(urlHost(url) ?? '') && /^oci:\/\/[^/]+\/\S+$/i.test(url);
}

const IDENTITY = lazySchema(() => schemaOf<FluxSourceIdentity>()(zod.strictObject({ identityId: text(), clientId: text() })));
const OCI_OPTIONS = lazySchema(() => schemaOf<OciRepositorySourceOptions>()(zod.strictObject({ url: text(), tag: text().optional(), digest: text().optional(), identity: IDENTITY })));
const GIT_OPTIONS = lazySchema(() =>
  schemaOf<GitRepositorySourceOptions>()(zod.strictObject({ url: text(), branch: text(), localAuthRef: text().optional() })),
);

/**
 * Where a cluster's Flux pulls its GitOps tree from: an OCI artifact (an
 * Azure Container Registry behind a private endpoint suits network-isolated
 * clusters) or a Git repository.
 * @example
 * GitOpsSource.ociRepository({ url: 'oci://contoso.azurecr.io/platform/payments', tag: 'production', identity: { identityId, clientId } });
 * GitOpsSource.gitRepository({ url: 'https://github.com/contoso/platform', branch: 'main' });
 * @category GitOps delivery
 */
export class GitOpsSource {
  /** An OCI artifact, pulled with a workload identity. */
  public static ociRepository(options: OciRepositorySourceOptions): GitOpsSource {
    return fromOptions(OCI_OPTIONS, options, (o) => new GitOpsSource('OCIRepository', o.url ?? '', { tag: o.tag, digest: o.digest, identity: o.identity }));
  }

  /** A Git repository branch. */
  public static gitRepository(options: GitRepositorySourceOptions): GitOpsSource {
    return fromOptions(GIT_OPTIONS, options, (o) => new GitOpsSource('GitRepository', o.url ?? '', { branch: o.branch, localAuthRef: o.localAuthRef }));
  }

  private constructor(
    /** The fluxConfiguration's `sourceKind`. */
    public readonly kind: 'OCIRepository' | 'GitRepository',
    /** The source URL. */
    public readonly url: string,
    private readonly options: { readonly tag?: string; readonly digest?: string; readonly branch?: string; readonly localAuthRef?: string; readonly identity?: FluxSourceIdentity },
  ) {}

  /** The OCI artifact's tag. */
  public get tag(): string | undefined {
    return this.options.tag;
  }

  /** The OCI artifact's digest. */
  public get digest(): string | undefined {
    return this.options.digest;
  }

  /** The Git branch. */
  public get branch(): string | undefined {
    return this.options.branch;
  }

  /** The secret with Git credentials, by name. */
  public get localAuthRef(): string | undefined {
    return this.options.localAuthRef;
  }

  /** The identity Flux pulls an OCI artifact with. */
  public get identity(): FluxSourceIdentity | undefined {
    return this.options.identity;
  }

  /** The registry or Git server host, when the URL parses. */
  public get host(): string | undefined {
    return urlHost(this.url);
  }

  /** The URL's scheme, lower-cased (`oci`, `https`, `ssh`). */
  public get scheme(): string | undefined {
    return urlScheme(this.url);
  }
}
