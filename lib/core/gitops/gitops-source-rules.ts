import { isDns1123Subdomain } from '../kubernetes/kubernetes-names';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { AZURE_CONTAINER_REGISTRY_HOST, GitOpsSource, urlHost, urlScheme } from './gitops-source';

/**
 * What the source rules read of a source: a definition's {@link GitOpsSource},
 * or the fields of a fluxConfiguration deployed beside a cluster.
 */
export type GitOpsSourceFacts = Pick<GitOpsSource, 'kind' | 'url' | 'scheme' | 'branch' | 'localAuthRef' | 'tag' | 'digest'> & { readonly identity?: unknown };

/**
 * A repository name of the OCI distribution spec: lower-case path components
 * of letters and digits joined by `.`, `_`, `__` or runs of `-`, separated by `/`.
 * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
 */
const OCI_REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** A tag of the OCI distribution spec. */
const OCI_TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
/** A digest of the OCI image spec, with the registered algorithms' exact lengths. */
const OCI_DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
/** A registry host (`name` or `name:port`) as the distribution spec's references write it. */
const REGISTRY = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?$/;

/** The user information of a URL (`user` or `user:password` before `@`), when it has any. */
export function urlUserInfo(url: string): { readonly user: string; readonly password?: string } | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url);
  if (!m) return undefined;
  const colon = m[1].indexOf(':');
  return colon < 0 ? { user: m[1] } : { user: m[1].slice(0, colon), password: m[1].slice(colon + 1) };
}

/**
 * Why git refuses `branch` as a branch name (`git check-ref-format --branch`),
 * or undefined when it accepts it.
 * @see https://git-scm.com/docs/git-check-ref-format
 */
export function gitBranchProblem(branch: string): string | undefined {
  if (branch === '') return 'it is empty';
  if (branch === '@') return 'it is "@"';
  // `--branch` also refuses HEAD: git never creates refs/heads/HEAD
  // (strbuf_check_branch_ref, https://github.com/git/git/blob/v2.39.5/object-name.c).
  if (branch === 'HEAD') return 'it is "HEAD"';
  if (branch.startsWith('-')) return 'it starts with "-"';
  if (branch.startsWith('/') || branch.endsWith('/')) return 'it starts or ends with "/"';
  if (branch.endsWith('.')) return 'it ends with "."';
  if (branch.includes('..')) return 'it contains ".."';
  if (branch.includes('@{')) return 'it contains "@{"';
  if (branch.includes('//')) return 'it contains "//"';
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0020\u007f~^:?*[\\]/.exec(branch);
  if (bad) return `it contains ${JSON.stringify(bad[0])}`;
  const component = branch.split('/').find((c) => c.startsWith('.') || c.endsWith('.lock'));
  if (component !== undefined) return `its component "${component}" starts with "." or ends with ".lock"`;
  return undefined;
}

/**
 * An OCI source's registry and repository (`oci://<registry>/<repository>`),
 * or why the URL is not one: a tag (`:<tag>`) or digest (`@sha256:...`) inside it, or
 * a repository outside the distribution spec's grammar.
 */
export function ociUrlProblem(url: string): { readonly problem: string; readonly fix: string } | undefined {
  const m = /^oci:\/\/([^/]+)\/(.+)$/i.exec(url);
  if (!m || urlUserInfo(url)) return undefined; // the transport and credential rules say what is wrong
  const [, registry, repository] = m;
  if (repository.includes('@')) return { problem: 'the URL carries a digest', fix: 'give the digest in the source\'s digest field, and the URL without it' };
  if (repository.includes(':')) return { problem: 'the URL carries a tag', fix: 'give the tag in the source\'s tag field, and the URL without it' };
  if (!REGISTRY.test(registry)) return { problem: `"${registry}" is not a registry host`, fix: 'use oci://<registry host>/<repository>' };
  if (!OCI_REPOSITORY.test(repository.replace(/\/+$/, ''))) {
    return { problem: `repository "${repository}" is outside the distribution spec's grammar`, fix: 'use lower-case path components of letters and digits, joined by ".", "_", "__" or "-", separated by "/"' };
  }
  return undefined;
}

/**
 * What the owners of Git and OCI say about a GitOps source: no credentials in
 * the URL (SAKS-GIT-005), a branch git accepts (SAKS-GIT-006), an OCI
 * repository, tag and digest of the distribution spec's grammar, each in its
 * own field (SAKS-GIT-007), and the Azure provider only for an Azure Container
 * Registry (SAKS-GIT-008). `at` is the source's property (`delivery.source`).
 * @see https://git-scm.com/docs/git-check-ref-format
 * @see https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
 */
export function checkGitOpsSource(source: GitOpsSourceFacts, at: string): Violation[] {
  const out: Violation[] = [];
  const add = (rule: Violation['rule'], property: string, value: unknown, fix: string, detail?: string) => out.push({ rule, property, value, fix, detail });
  const user = urlUserInfo(source.url);
  // An ssh:// user (git@) names the account, not a secret; anything else before "@" is a credential.
  if (user && (source.scheme !== 'ssh' || user.password !== undefined)) {
    add(
      Rules.gitOpsUrlCredentials,
      `${at}.url`,
      source.url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@'),
      source.kind === 'GitRepository'
        ? 'remove the credentials from the URL: create a Secret in flux-system with them and name it in localAuthRef'
        : 'remove the credentials from the URL: Flux pulls with the workload identity',
      'the URL is written in clear into every template and fluxConfiguration',
    );
  }
  if (source.kind === 'GitRepository') {
    const problem = gitBranchProblem(source.branch ?? '');
    if (problem) add(Rules.gitOpsBranchName, `${at}.branch`, source.branch, 'use a branch name git accepts (git check-ref-format --branch <name>)', problem);
    // Flux's GitRepository names the Secret by localAuthRef: a Secret's name is a DNS subdomain.
    if (source.localAuthRef !== undefined && !isDns1123Subdomain(source.localAuthRef)) {
      add(Rules.apiServerValidity, `${at}.localAuthRef`, source.localAuthRef, 'name the Secret in flux-system with lower-case letters, digits, "-" and ".", at most 253 characters', 'a Secret\'s name is a DNS subdomain (RFC 1123)');
    }
    return out;
  }
  const url = ociUrlProblem(source.url);
  if (url) add(Rules.gitOpsOciReference, `${at}.url`, source.url, url.fix, url.problem);
  if ((source.tag === undefined) === (source.digest === undefined)) {
    add(Rules.gitOpsOciReference, `${at}.tag`, source.tag, 'give either tag or digest (one, not both)');
  }
  if (source.tag !== undefined && !OCI_TAG.test(source.tag)) {
    add(Rules.gitOpsOciReference, `${at}.tag`, source.tag, 'use a tag of letters, digits, "_", "." and "-", at most 128, not starting with "." or "-"');
  }
  if (source.digest !== undefined && !OCI_DIGEST.test(source.digest)) {
    add(Rules.gitOpsOciReference, `${at}.digest`, source.digest, 'give the digest as sha256:<64 lower-case hex digits> (or sha512:<128>)');
  }
  if (source.identity && urlScheme(source.url) === 'oci' && !AZURE_CONTAINER_REGISTRY_HOST.test(urlHost(source.url) ?? '')) {
    add(Rules.gitOpsAzureProvider, `${at}.url`, source.url, 'pull with the workload identity from your Azure Container Registry (oci://<registry>.azurecr.io/...)', 'the Azure provider exchanges the identity\'s token for an ACR token; other registries refuse it');
  }
  return out;
}

/**
 * A Helm chart mirror (`oci://<registry>/<path>`): the HelmRepository pulls it
 * with Flux's Azure provider, so it is an Azure Container Registry, and its
 * path is a repository of the distribution spec's grammar.
 */
export function checkHelmChartMirror(mirror: string, at: string): Violation[] {
  const out: Violation[] = [];
  if (urlScheme(mirror) !== 'oci') return out; // the transport rule (SAKS-GIT-001) says so
  if (urlUserInfo(mirror)) out.push({ rule: Rules.gitOpsUrlCredentials, property: at, value: mirror.replace(/^(oci:\/\/)[^/?#]*@/i, '$1***@'), fix: 'remove the credentials from the URL: Flux pulls with the workload identity' });
  const url = ociUrlProblem(mirror);
  if (url) out.push({ rule: Rules.gitOpsOciReference, property: at, value: mirror, fix: url.fix, detail: url.problem });
  if (!AZURE_CONTAINER_REGISTRY_HOST.test(urlHost(mirror) ?? '')) {
    out.push({ rule: Rules.gitOpsAzureProvider, property: at, value: mirror, fix: 'copy the charts into your Azure Container Registry (oci://<registry>.azurecr.io/<path>): Flux pulls the mirror with the Azure provider' });
  }
  return out;
}
