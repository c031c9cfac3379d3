import { ApiObject } from 'cdk8s';
import { expect, test } from 'vitest';
import {
  admissionPolicyObjects,
  backendMtlsAdmissionPolicy,
  CertificateSource,
  createRequestOf,
  CrossClusterLink,
  evaluateAdmissionPolicy,
  linkAdmissionPolicies,
  StrictSchemaValidator,
  updateRequestOf,
} from '../../../lib';
import { offlineApp } from '../../../lib/cdk8s';
import { FAILING_CASES } from '../../support/misconfiguration-corpus';
import { ledgerService as service } from '../../support/mesh-fixtures';

type Obj = Record<string, any>;
const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o));

/** mysql by namespace (default), pg by its pods' labels (database). */
const link = () =>
  CrossClusterLink.build({
    name: 'ledger',
    certificates: CertificateSource.existingSecrets(),
    services: [
      service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306 }),
      service('pg', 5432, { host: 'pg.database.svc.cluster.local', port: 5432, workloadLabels: { app: 'pg', tier: 'db' } }),
    ],
  });
const peerAuthentications = (l: CrossClusterLink) => l.serverObjects().filter((o) => o.kind === 'PeerAuthentication') as Obj[];
const other = (namespace: string, spec: Obj): Obj => ({ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'other', namespace }, spec });

test('the policy is valid against the Kubernetes 1.30 OpenAPI, and admits every object the link writes', () => {
  const l = link();
  const objects = admissionPolicyObjects(backendMtlsAdmissionPolicy(l)!);
  for (const o of objects) expect(StrictSchemaValidator.shipped().validate(`kubernetes/${o.kind}`, o), o.kind).toEqual([]);
  expect(objects[0].metadata).toMatchObject({ name: 'secure-aks-link-ledger-backend-mtls', annotations: { 'secure-aks.io/rule': 'SAKS-MESH-026' } });
  const policies = linkAdmissionPolicies(l, 'server').map((s) => admissionPolicyObjects(s)[0]);
  expect(policies.map((p) => p.metadata.name)).toEqual(['secure-aks-link-ledger-server', 'secure-aks-link-ledger-backend-mtls']);
  for (const o of l.serverObjects()) {
    for (const request of [createRequestOf(o), updateRequestOf(o, o)]) expect(policies.flatMap((p) => evaluateAdmissionPolicy(p, request).denials), `${o.kind}/${o.metadata.name}`).toEqual([]);
  }
  // The PeerAuthentications are the policy's: it concerns them.
  for (const pa of peerAuthentications(l)) expect(evaluateAdmissionPolicy(objects[0], createRequestOf(pa)).matched).toBe(true);
});

test('each weakened PeerAuthentication of the link is denied with the policy\'s message', () => {
  const l = link();
  const [policy] = admissionPolicyObjects(backendMtlsAdmissionPolicy(l)!);
  const [byLabels, byNamespace] = peerAuthentications(l);
  expect([byLabels.metadata, byNamespace.metadata].map((m) => `${m.namespace}/${m.name}`)).toEqual(['database/pg-backend-strict-mtls', 'default/ledger-backends-strict-mtls']);
  const weaken = (o: Obj, change: (spec: Obj) => void): Obj => {
    const w = copy(o);
    change(w.spec);
    return w;
  };
  const variants: [string, Obj, Obj][] = [
    ['PERMISSIVE', byNamespace, weaken(byNamespace, (s) => (s.mtls.mode = 'PERMISSIVE'))],
    ['DISABLE', byNamespace, weaken(byNamespace, (s) => (s.mtls.mode = 'DISABLE'))],
    ['UNSET', byLabels, weaken(byLabels, (s) => (s.mtls.mode = 'UNSET'))],
    ['mtls removed (UNSET)', byLabels, weaken(byLabels, (s) => delete s.mtls)],
    ['port-level DISABLE of the backend port', byLabels, weaken(byLabels, (s) => (s.portLevelMtls = { 5432: { mode: 'DISABLE' } }))],
    ['port-level PERMISSIVE of another port', byLabels, weaken(byLabels, (s) => (s.portLevelMtls = { 8080: { mode: 'PERMISSIVE' } }))],
    ['selector changed', byLabels, weaken(byLabels, (s) => (s.selector.matchLabels = { app: 'other' }))],
    ['selector added to the namespace-wide policy', byNamespace, weaken(byNamespace, (s) => (s.selector = { matchLabels: { app: 'mysql' } }))],
  ];
  for (const [what, before, after] of variants) {
    const d = evaluateAdmissionPolicy(policy, updateRequestOf(before, after));
    expect(d.denials, what).toHaveLength(1);
    expect(d.denials[0], what).toMatch(new RegExp(`^\\[SAKS-MESH-026\\] PeerAuthentication ${before.metadata.namespace}/${before.metadata.name} of the cross-cluster link "ledger" must keep mtls\\.mode STRICT`));
    expect(d.denials[0], what).toMatch(/\(source: https:\/\/istio\.io\/latest\/docs\/reference\/config\/security\/peer_authentication\/\)$/);
  }
  // A port-level STRICT is no weakening.
  expect(evaluateAdmissionPolicy(policy, updateRequestOf(byLabels, weaken(byLabels, (s) => (s.portLevelMtls = { 5432: { mode: 'STRICT' } })))).denials).toEqual([]);
});

test('another PeerAuthentication that can select a backend must be STRICT; one that cannot is left alone', () => {
  const [policy] = admissionPolicyObjects(backendMtlsAdmissionPolicy(link())!);
  const decide = (o: Obj) => evaluateAdmissionPolicy(policy, createRequestOf(o));
  // default is covered whole: any PeerAuthentication there governs the backend's pods.
  expect(decide(other('default', { selector: { matchLabels: { app: 'web' } }, mtls: { mode: 'PERMISSIVE' } })).denials[0]).toMatch(/^\[SAKS-MESH-026\] a PeerAuthentication in default that can select the backend of "mysql"/);
  expect(decide(other('default', { mtls: { mode: 'DISABLE' } })).denials).toHaveLength(1);
  expect(decide(other('default', { mtls: { mode: 'STRICT' } })).denials).toEqual([]);
  // database holds a backend by labels: a selector that can match its pods must be STRICT, at every port.
  expect(decide(other('database', { selector: { matchLabels: { app: 'pg' } }, mtls: { mode: 'PERMISSIVE' } })).denials[0]).toMatch(/in database that can select the backend of "pg"/);
  expect(decide(other('database', { selector: { matchLabels: { app: 'pg', version: 'v2' } }, mtls: { mode: 'STRICT' }, portLevelMtls: { 5432: { mode: 'DISABLE' } } })).denials).toHaveLength(1);
  expect(decide(other('database', { selector: {}, mtls: { mode: 'PERMISSIVE' } })).denials).toHaveLength(1);
  // A selector that contradicts the backend's labels, and a namespace-wide policy (a workload's own wins over it), cannot weaken it.
  expect(decide(other('database', { selector: { matchLabels: { app: 'reports' } }, mtls: { mode: 'PERMISSIVE' } })).denials).toEqual([]);
  expect(decide(other('database', { mtls: { mode: 'PERMISSIVE' } })).denials).toEqual([]);
  // Namespaces without a backend are not the policy's.
  expect(decide(other('payments', { mtls: { mode: 'DISABLE' } })).matched).toBe(false);
});

test('mtlsMode UNSET removes the backend\'s PeerAuthentication and its policy; a link with no STRICT backend has no policy', () => {
  const unset = CrossClusterLink.build({
    name: 'ledger',
    certificates: CertificateSource.existingSecrets(),
    services: [service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306, mtlsMode: 'UNSET' })],
    acknowledgements: [{ ruleId: 'SAKS-MESH-027', reason: 'the mainframe bridge cannot run an Istio sidecar' }],
  });
  expect(peerAuthentications(unset)).toEqual([]);
  expect(backendMtlsAdmissionPolicy(unset)).toBeUndefined();
  expect(linkAdmissionPolicies(unset, 'server').map((p) => p.name)).toEqual(['secure-aks-link-ledger-server']);
  expect(unset.acknowledged.map((a) => [a.violation.rule.id, a.violation.property])).toEqual([['SAKS-MESH-027', 'services[0].backend.mtlsMode']]);
  // Without the acknowledgement, the warning is printed.
  const warned = CrossClusterLink.validate({ name: 'ledger', certificates: CertificateSource.existingSecrets(), services: [service('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306, mtlsMode: 'UNSET' })] });
  expect(warned.errors).toEqual([]);
  expect(warned.warnings.map((w) => w.rule.id)).toEqual(['SAKS-MESH-027']);
});

test('an empty workloadLabels is refused (it would select no pod), and so is a label the API server would refuse', () => {
  const validate = (workloadLabels: Record<string, string>) =>
    CrossClusterLink.validate({ name: 'ledger', certificates: CertificateSource.existingSecrets(), services: [service('pg', 5432, { host: 'pg.database.svc.cluster.local', port: 5432, workloadLabels })] });
  expect(validate({}).errors.map((e) => [e.rule.id, e.property])).toEqual([['SAKS-INPUT-001', 'services[0].backend.workloadLabels']]);
  expect(validate({ 'app*': 'pg' }).errors.map((e) => [e.rule.id, e.property])).toEqual([['SAKS-K8S-002', 'server objects: PeerAuthentication/database/pg-backend-strict-mtls']]);
});

test('the corpus case of SAKS-MESH-026 is refused at synth and denied in the cluster, with the same message', () => {
  const corpus = FAILING_CASES.find((c) => c.rule.id === 'SAKS-MESH-026')!;
  const app = offlineApp();
  corpus.charts!(app);
  // Synth refuses it (the chart's own check, the same policy) ...
  expect(() => app.charts.map((c) => c.toJson())).toThrow(/\[SAKS-MESH-026\] chart server: PeerAuthentication\/default\/legacy/);
  // ... and the cluster would deny it.
  const objects = app.charts.flatMap((c) => c.node.findAll()).filter((c: any) => c instanceof ApiObject).map((c: any) => c.toJson()) as Obj[];
  const policy = objects.find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.annotations['secure-aks.io/rule'] === 'SAKS-MESH-026')!;
  const denied = objects.filter((o) => evaluateAdmissionPolicy(policy, createRequestOf(o)).denials.length > 0);
  expect(denied.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['PeerAuthentication/default/legacy']);
  expect(evaluateAdmissionPolicy(policy, createRequestOf(denied[0])).denials).toEqual([expect.stringMatching(/^\[SAKS-MESH-026\] a PeerAuthentication in default that can select the backend of "mysql"/)]);
});
