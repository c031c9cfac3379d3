import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, schemaOf, text } from '../validation/input-boundary';

/** The user-assigned identity Flux's source-controller pulls the OCI artifact with (Microsoft Entra Workload ID). */
export interface FluxSourceIdentity {
  /** Resource id of the user-assigned identity; it needs AcrPull on the registry. */
  readonly identityId: string;
  /** The identity's client id: the extension's `workloadIdentity.azureClientId`. */
  readonly clientId: string;
}

/** Options of {@link GitOpsSource.ociRepository}. */
export interface OciRepositorySourceOptions {
  /**
   * `oci://<registry>/<repository>` of the artifact holding the cluster's
   * GitOps tree, for example an Azure Container Registry reached through its
   * private endpoint: `oci://contoso.azurecr.io/platform/payments`.
   * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2
   */
  readonly url: string;
  /** The artifact's tag that Flux follows (pushed by `flux push artifact ... --tag`). */
  readonly tag: string;
  /**
   * The identity Flux pulls with: no secret in the cluster or the template.
   * The library federates it with the `flux-system/source-controller` service account.
   * @see https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2#workload-identity-in-aks-clusters
   */
  readonly identity: FluxSourceIdentity;
}

/** Options of {@link GitOpsSource.gitRepository}. */
export interface GitRepositorySourceOptions {
  /** `https://` or `ssh://` URL of the repository. */
  readonly url: string;
  /** The branch Flux follows. */
  readonly branch: string;
  /**
   * Name of a secret in `flux-system` holding the credentials (you create it):
   * the template carries no credential.
   * @default - none: a repository readable without credentials
   */
  readonly localAuthRef?: string;
}

/** A URL's scheme, lower-cased (`oci`, `https`, `ssh`), when it has one. */
export function urlScheme(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  return m ? m[1].toLowerCase() : undefined;
}

/** A URL's host, lower-cased, without user or port, when it parses. */
export function urlHost(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * Whether `url` is an OCI repository in an Azure Container Registry
 * (`oci://<registry>.azurecr.io/<path>`): what a network-isolated cluster
 * reaches through the registry's private endpoint.
 * @see https://learn.microsoft.com/azure/container-registry/container-registry-private-link
 */
export function isAzureContainerRegistryOci(url: string): boolean {
  return urlScheme(url) === 'oci' && /^[a-z0-9-]+\.azurecr\.io$/.test(urlHost(url) ?? '') && /^oci:\/\/[^/]+\/\S+$/i.test(url);
}

const IDENTITY = lazySchema(() => schemaOf<FluxSourceIdentity>()(zod.strictObject({ identityId: text(), clientId: text() })));
const OCI_OPTIONS = lazySchema(() => schemaOf<OciRepositorySourceOptions>()(zod.strictObject({ url: text(), tag: text(), identity: IDENTITY })));
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
 */
export class GitOpsSource {
  /** An OCI artifact, pulled with a workload identity. */
  public static ociRepository(options: OciRepositorySourceOptions): GitOpsSource {
    return fromOptions(OCI_OPTIONS, options, (o) => new GitOpsSource('OCIRepository', o.url ?? '', { tag: o.tag, identity: o.identity }));
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
    private readonly options: { readonly tag?: string; readonly branch?: string; readonly localAuthRef?: string; readonly identity?: FluxSourceIdentity },
  ) {}

  /** The OCI artifact's tag. */
  public get tag(): string | undefined {
    return this.options.tag;
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
