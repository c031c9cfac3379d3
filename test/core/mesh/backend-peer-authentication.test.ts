import { expect, test } from 'vitest';
import {
  admissionPolicyObjects,
  analyzeMesh,
  CertificateSource,
  CrossClusterLink,
  CrossClusterServiceProps,
  crossClusterCoverage,
  crossClusterSegments,
  deployedAdmissionPolicies,
  FlowCoverage,
  linkAdmissionPolicies,
  withAdmissionGuards,
} from '../../../lib';
import { ledgerService as service } from '../../support/mesh-fixtures';

const build = (services: CrossClusterServiceProps[], apiVersion?: 'v1' | 'v1beta1') => CrossClusterLink.build({ name: 'ledger', certificates: CertificateSource.existingSecrets(), services, apiVersion });
const peerAuthentications = (l: CrossClusterLink) => l.serverObjects().filter((o) => o.kind === 'PeerAuthentication');
const schemaErrors = (objects: readonly unknown[]) => analyzeMesh(objects, { rootNamespace: 'istio-system' }).filter((f) => f.code === 'IST0106');

test('by default the server side writes one STRICT PeerAuthentication per backend namespace; with workload labels, one per backend', () => {
  const l = build([
    service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306 }),
    service('redis', 6379, { host: 'redis.default.svc.cluster.local', port: 6379 }),
    service('pg', 5432, { host: 'pg.database.svc.cluster.local', port: 5432, workloadLabels: { app: 'pg' } }),
  ]);
  expect(peerAuthentications(l)).toEqual([
    {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'pg-backend-strict-mtls', namespace: 'database', labels: { 'app.kubernetes.io/managed-by': 'secure-aks', 'secure-aks.io/link': 'ledger' } },
      spec: { selector: { matchLabels: { app: 'pg' } }, mtls: { mode: 'STRICT' } },
    },
    {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'ledger-backends-strict-mtls', namespace: 'default', labels: { 'app.kubernetes.io/managed-by': 'secure-aks', 'secure-aks.io/link': 'ledger' } },
      spec: { mtls: { mode: 'STRICT' } },
    },
  ]);
  expect(l.backendPeerAuthentications().map((p) => p.services)).toEqual([['pg'], ['mysql', 'redis']]);
  // The client side writes none: the backends are in the server cluster.
  expect(l.clientObjects().filter((o) => o.kind === 'PeerAuthentication')).toEqual([]);
});

test('the PeerAuthentications pass the vendored Istio CRD schema and its CEL rules, in v1 and v1beta1; a broken one does not', () => {
  for (const apiVersion of ['v1', 'v1beta1'] as const) {
    const l = build([service('pg', 5432, { host: 'pg.database.svc.cluster.local', port: 5432, workloadLabels: { app: 'pg' } }), service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306 })], apiVersion);
    expect(peerAuthentications(l).map((o) => o.apiVersion)).toEqual([`security.istio.io/${apiVersion}`, `security.istio.io/${apiVersion}`]);
    expect(schemaErrors(l.serverObjects())).toEqual([]);
  }
  const [namespaceWide] = peerAuthentications(build([service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306 })]));
  // The CRD's CEL rule: port-level settings need a selector.
  const portLevel = { ...namespaceWide, spec: { mtls: { mode: 'STRICT' }, portLevelMtls: { 3306: { mode: 'STRICT' } } } };
  expect(schemaErrors([portLevel]).map((f) => f.message)).toEqual([expect.stringMatching(/CEL rule at \/spec: portLevelMtls requires selector/)]);
  expect(schemaErrors([{ ...namespaceWide, spec: { mtls: { mode: 'strict' } } }]).length).toBe(1);
  expect(schemaErrors([{ ...namespaceWide, spec: { mtls: { mode: 'STRICT', strict: true } } }]).map((f) => f.message)).toEqual([expect.stringMatching(/unknown field "strict"/)]);
});

test('the coverage says the last hop is enforced by the PeerAuthentication, or, with mtlsMode UNSET, that it is not (partial)', () => {
  const strict = build([service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306 })]);
  expect(crossClusterSegments(strict).mysql[2].caveat).toMatch(/^enforced by the STRICT PeerAuthentication default\/ledger-backends-strict-mtls \(every workload of default\)/);
  expect(crossClusterCoverage(strict)).toMatchObject({ status: 'encrypted', caveat: expect.stringMatching(/^the last segment is mutual TLS only where the backend runs a sidecar/) });
  expect(crossClusterCoverage(strict).admissionPolicies!.map((p) => p.name)).toEqual(['secure-aks-link-ledger-client', 'secure-aks-link-ledger-server', 'secure-aks-link-ledger-backend-mtls']);
  const unset = build([service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306, mtlsMode: 'UNSET' })]);
  expect(crossClusterSegments(unset).mysql[2].caveat).toMatch(/^not enforced: the definition sets mtlsMode UNSET/);
  expect(crossClusterCoverage(unset)).toMatchObject({ status: 'partial', caveat: expect.stringMatching(/to mysql\.default\.svc\.cluster\.local \(link "ledger"\), is not enforced/) });
  expect(crossClusterCoverage(unset).admissionPolicies!.map((p) => p.name)).toEqual(['secure-aks-link-ledger-client', 'secure-aks-link-ledger-server']);
});

test('the cross-cluster statement says the backends\' policy guards it only when the server cluster applies that policy', () => {
  const l = build([service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306 })]);
  const coverage = crossClusterCoverage(l);
  const row: FlowCoverage = { flow: 'cross-cluster', status: 'encrypted', by: coverage.by, caveat: coverage.caveat, sources: coverage.sources };
  const serverSide = [...l.serverObjects(), ...linkAdmissionPolicies(l, 'server').flatMap((p) => admissionPolicyObjects(p))];
  const [guarded] = withAdmissionGuards([row], deployedAdmissionPolicies(coverage.admissionPolicies!, serverSide));
  expect(guarded.caveat).toContain('guarded at admission by ValidatingAdmissionPolicy secure-aks-link-ledger-backend-mtls (the backends of the cross-cluster link "ledger" accept only mutual TLS');
  // Without the backends' policy among the deployed objects, the statement does not claim it.
  const withoutIt = serverSide.filter((o) => o.metadata.name !== 'secure-aks-link-ledger-backend-mtls');
  expect(withAdmissionGuards([row], deployedAdmissionPolicies(coverage.admissionPolicies!, withoutIt))[0].caveat).not.toContain('backend-mtls');
});
