import { expect, test } from 'vitest';
import { GitOpsSource } from '../../../lib';
import { checkGitOpsSource, checkHelmChartMirror, gitBranchProblem, ociUrlProblem } from '../../../lib/core/gitops/gitops-source-rules';

const identity = { identityId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/flux', clientId: '00000000-0000-0000-0000-0000000000f1' };
const oci = (o: { url?: string; tag?: string; digest?: string }) => checkGitOpsSource(GitOpsSource.ociRepository({ url: 'oci://contoso1.azurecr.io/estate', identity, ...o }), 'delivery.source');
const git = (url: string, branch = 'main') => checkGitOpsSource(GitOpsSource.gitRepository({ url, branch }), 'delivery.source');
const ids = (found: readonly { rule: { id: string }; property: string }[]) => found.map((v) => `${v.rule.id} ${v.property}`);

test('branch names as git check-ref-format --branch decides them', () => {
  for (const ok of ['main', 'release/1.2', 'feature/x_y-z', 'v1.0', 'a.b']) expect(gitBranchProblem(ok), ok).toBeUndefined();
  for (const bad of ['', 'main..x', 'has space', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[b', 'a\\b', '-x', '/x', 'x/', 'x.', 'x.lock', 'a/.hidden', 'a//b', 'a@{1}', '@', 'HEAD', 'tab\there']) {
    expect(gitBranchProblem(bad), JSON.stringify(bad)).toBeDefined();
  }
  expect(ids(git('https://github.com/contoso/platform', 'main..x'))).toEqual(['SAKS-GIT-006 delivery.source.branch']);
});

test('the credentials Secret is named as the API server names a Secret (a DNS subdomain)', () => {
  const withSecret = (localAuthRef: string) => checkGitOpsSource(GitOpsSource.gitRepository({ url: 'https://github.com/contoso/platform', branch: 'main', localAuthRef }), 'delivery.source');
  expect(withSecret('git-credentials')).toEqual([]);
  expect(withSecret('platform.git-credentials')).toEqual([]);
  for (const bad of ['My_Secret', 'Git-Credentials', '-creds', `a${'b'.repeat(253)}`]) expect(ids(withSecret(bad)), bad).toEqual(['SAKS-K8S-002 delivery.source.localAuthRef']);
});

test('credentials in a URL are refused and never echoed; an SSH user name is not a credential', () => {
  const found = git('https://ci:ghp_secret@github.com/contoso/platform');
  expect(ids(found)).toEqual(['SAKS-GIT-005 delivery.source.url']);
  expect(JSON.stringify(found)).not.toContain('ghp_secret');
  expect(ids(git('https://ghp_token@github.com/contoso/platform'))).toEqual(['SAKS-GIT-005 delivery.source.url']);
  expect(git('ssh://git@github.com/contoso/platform')).toEqual([]);
  expect(ids(git('ssh://git:password@github.com/contoso/platform'))).toEqual(['SAKS-GIT-005 delivery.source.url']);
});

test('OCI repository, tag and digest by the distribution spec, each in its own field', () => {
  expect(oci({ tag: 'production' })).toEqual([]);
  expect(oci({ digest: `sha256:${'a'.repeat(64)}` })).toEqual([]);
  expect(ids(oci({ url: 'oci://contoso1.azurecr.io/estate:production', tag: 'production' }))).toEqual(['SAKS-GIT-007 delivery.source.url']);
  expect(ids(oci({ url: `oci://contoso1.azurecr.io/estate@sha256:${'a'.repeat(64)}`, tag: 'x' }))).toEqual(['SAKS-GIT-007 delivery.source.url']);
  expect(ids(oci({ url: 'oci://contoso1.azurecr.io/Estate/Clusters', tag: 'x' }))).toEqual(['SAKS-GIT-007 delivery.source.url']);
  expect(ids(oci({ tag: '.hidden' }))).toEqual(['SAKS-GIT-007 delivery.source.tag']);
  expect(ids(oci({ tag: 'x'.repeat(129) }))).toEqual(['SAKS-GIT-007 delivery.source.tag']);
  expect(ids(oci({}))).toEqual(['SAKS-GIT-007 delivery.source.tag']);
  expect(ids(oci({ tag: 'x', digest: `sha256:${'a'.repeat(64)}` }))).toEqual(['SAKS-GIT-007 delivery.source.tag']);
  expect(ids(oci({ digest: 'sha256:abc' }))).toEqual(['SAKS-GIT-007 delivery.source.digest']);
  expect(ociUrlProblem('oci://registry.example:5000/a/b__c/d-e.f')).toBeUndefined();
});

test('the Azure provider only for Azure Container Registry, in the public and sovereign clouds', () => {
  for (const host of ['contoso1.azurecr.io', 'contoso1.azurecr.cn', 'contoso1.azurecr.us']) expect(oci({ url: `oci://${host}/estate`, tag: 'x' }), host).toEqual([]);
  for (const host of ['ghcr.io', 'contoso1.azurecr.io.evil.example', 'azurecr.io']) {
    expect(ids(oci({ url: `oci://${host}/estate`, tag: 'x' })), host).toEqual(['SAKS-GIT-008 delivery.source.url']);
  }
  expect(checkHelmChartMirror('oci://contoso1.azurecr.io/helm', 'helmChartMirror')).toEqual([]);
  expect(ids(checkHelmChartMirror('oci://ghcr.io/contoso/helm', 'helmChartMirror'))).toEqual(['SAKS-GIT-008 helmChartMirror']);
  expect(ids(checkHelmChartMirror('oci://contoso1.azurecr.io/Helm', 'helmChartMirror'))).toEqual(['SAKS-GIT-007 helmChartMirror']);
});

test('a digest reaches the fluxConfiguration as its own field', async () => {
  const { fluxConfigurationResource } = await import('../../../lib/core/gitops/flux-extension');
  const { ClusterDelivery } = await import('../../../lib');
  const digest = `sha256:${'b'.repeat(64)}`;
  const r = fluxConfigurationResource('c', ClusterDelivery.gitOps({ source: GitOpsSource.ociRepository({ url: 'oci://contoso1.azurecr.io/estate', digest, identity }) }));
  expect((r.properties.ociRepository as any).repositoryRef).toEqual({ digest });
});
