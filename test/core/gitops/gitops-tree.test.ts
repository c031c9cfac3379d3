import { expect, test } from 'vitest';
import { FLUX_MERGE_PATCH_ANNOTATIONS, gitOpsTree } from '../../../lib';

test('an object meant as a server-side-apply patch gets Flux\'s merge annotations, and no longer the Pulumi adapter\'s', () => {
  const patch = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'istio-ingressgateway', namespace: 'istio-system', annotations: { 'secure-aks.io/apply-as': 'server-side-patch', keep: 'me' } },
    spec: { ports: [{ name: 'tls-mysql', port: 13306, targetPort: 13306 }] },
  };
  const tree = gitOpsTree({ cluster: 'ledger', releases: [], issuer: [], mesh: [patch] });
  expect(tree.mesh['mesh.yaml'][0].metadata.annotations).toEqual({ keep: 'me', ...FLUX_MERGE_PATCH_ANNOTATIONS });
  expect(FLUX_MERGE_PATCH_ANNOTATIONS).toEqual({ 'kustomize.toolkit.fluxcd.io/ssa': 'Merge', 'kustomize.toolkit.fluxcd.io/prune': 'disabled' });
});

test('a chart mirrored in an OCI registry is pulled as an OCI Helm repository with Azure authentication', () => {
  const tree = gitOpsTree({
    cluster: 'c',
    releases: [{ name: 'cert-manager', repo: 'oci://contoso.azurecr.io/helm', chart: 'cert-manager', version: 'v1.21.1', namespace: 'cert-manager', values: {}, after: [] }],
    issuer: [],
    mesh: [],
  });
  expect(tree.prerequisites['helm-repositories.yaml'][0].spec).toEqual({ url: 'oci://contoso.azurecr.io/helm', interval: '1h', type: 'oci', provider: 'azure' });
});
