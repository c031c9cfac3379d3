import { expect, test } from 'vitest';
import {
  admissionPolicyObjects,
  AdmissionPolicySpec,
  backendMtlsAdmissionPolicy,
  CertificateSource,
  createRequestOf,
  CrossClusterLink,
  evaluateAdmissionPolicy,
  findInvalidForApiServer,
  GatewayDeployment,
  KubernetesObject,
  linkAdmissionPolicy,
  StrictSchemaValidator,
  updateRequestOf,
} from '../../../lib';
import { compiledAdmissionExpressionCount } from '../../../lib/core/admission/admission-evaluation';
import { ledgerService } from '../../support/mesh-fixtures';
import { perObjectBackendMtlsAdmissionPolicy } from '../../support/per-object-backend-mtls-admission-policy';
import { perObjectLinkAdmissionPolicy } from '../../support/per-object-link-admission-policy';

type Obj = Record<string, any>;
const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o));

/** A link of `count` services (one backend by workload labels), its egress gateway dedicated or shared. */
const linkOf = (name: string, count: number, egress: 'dedicated' | 'shared' = 'dedicated') =>
  CrossClusterLink.build({
    name,
    certificates: CertificateSource.existingSecrets(),
    client: { gateway: egress === 'shared' ? GatewayDeployment.shared() : GatewayDeployment.dedicated() },
    services: Array.from({ length: count }, (_, i) =>
      ledgerService(`svc${i}`, 3000 + i, i === 1 ? { host: `svc${i}.database.svc.cluster.local`, port: 5432, workloadLabels: { app: `svc${i}` } } : { host: `svc${i}.default.svc.cluster.local`, port: 3306 }),
    ),
  });

/** Each object of a side as written and weakened in every way the policy guards against, and its neighbours. */
function variantsOf(objects: readonly KubernetesObject[], namespace: string): Obj[] {
  const out: Obj[] = [];
  const edits: ((o: Obj) => void)[] = [
    (o) => JSON.stringify(o).includes('MUTUAL') && Object.assign(o, JSON.parse(JSON.stringify(o).replace(/"(ISTIO_MUTUAL|MUTUAL)"/g, '"DISABLE"'))),
    (o) => Object.assign(o, JSON.parse(JSON.stringify(o).replace(/"number":(\d+)/g, (_, n) => `"number":${Number(n) + 1}`))),
    (o) => Object.assign(o, JSON.parse(JSON.stringify(o).replace(/"(hosts?|sni|address)":"[^"]*"/g, '"$1":"other.example"').replace(/"hosts":\["[^"]*"\]/g, '"hosts":["*"]'))),
    (o) => Object.assign(o, JSON.parse(JSON.stringify(o).replace(/"credentialName":"[^"]*"/g, '"credentialName":"other"'))),
    (o) => o.spec?.trafficPolicy?.portLevelSettings && (o.spec.trafficPolicy.tls = { mode: 'DISABLE' }),
    (o) => o.spec?.trafficPolicy?.portLevelSettings?.push({ port: { number: 1 }, tls: { mode: 'DISABLE' } }),
    (o) => o.spec?.servers?.push({ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }),
    (o) => o.spec?.ports?.pop(),
    (o) => o.spec?.endpoints?.push({ address: 'other.example', ports: { tls: 1 } }),
    (o) => delete o.spec,
    // The egress gateway's subsets: reordered (kept), one in place of another, one more, one fewer.
    (o) => o.spec?.subsets?.reverse(),
    (o) => o.spec?.subsets?.length > 1 && (o.spec.subsets[1] = copy(o.spec.subsets[0])),
    (o) => o.spec?.subsets?.push(copy(o.spec.subsets[0])),
    (o) => o.spec?.subsets?.pop(),
    (o) => o.spec?.subsets && (o.spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.sni = 'other.example'),
    // The same object under another name, or in another namespace.
    (o) => (o.metadata.name = `${o.metadata.name}-copy`),
    (o) => (o.metadata.namespace = 'payments'),
  ];
  for (const object of objects) {
    out.push(copy(object));
    for (const edit of edits) {
      const o = copy(object) as Obj;
      edit(o);
      if (JSON.stringify(o) !== JSON.stringify(object)) out.push(o);
    }
  }
  // Another DestinationRule, anywhere, for each of the link's hosts and the egress gateway's.
  const hosts = [...new Set(objects.filter((o) => o.kind === 'DestinationRule').map((o) => (o.spec as Obj).host as string))];
  for (const host of hosts) {
    for (const ns of [namespace, 'payments']) out.push({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'plain', namespace: ns }, spec: { host, trafficPolicy: { tls: { mode: 'DISABLE' } } } });
  }
  return out;
}

test('SAKS-MESH-025: the per-kind policy denies exactly what the per-object policy denied, with the same messages, on every object and weakened variant', () => {
  let denied = 0;
  let compared = 0;
  for (const link of [linkOf('ledger', 3), linkOf('ledger', 1), linkOf('ledger', 3, 'shared')]) {
    for (const side of ['client', 'server'] as const) {
      const [policy] = admissionPolicyObjects(linkAdmissionPolicy(link, side));
      const [reference] = admissionPolicyObjects(perObjectLinkAdmissionPolicy(link, side));
      const objects = side === 'client' ? link.clientObjects() : link.serverObjects();
      const namespace = side === 'client' ? link.egress.namespace : link.ingress.namespace;
      for (const o of variantsOf(objects, namespace)) {
        const original = objects.find((x) => x.kind === o.kind && x.metadata.name === o.metadata.name) ?? o;
        for (const request of [createRequestOf(o), updateRequestOf(original, o)]) {
          const expected = evaluateAdmissionPolicy(reference, request);
          const actual = evaluateAdmissionPolicy(policy, request);
          expect(actual.denials, `${side} ${request.operation} ${o.kind} ${o.metadata.namespace}/${o.metadata.name}: ${JSON.stringify(o.spec)}`).toEqual(expected.denials);
          // The per-kind policy concerns the whole namespace: it may match more, never less.
          if (expected.matched) expect(actual.matched).toBe(true);
          denied += expected.denials.length;
          compared++;
        }
      }
    }
  }
  // The comparison covers denials, of every kind of object, not only admissions.
  expect(compared).toBeGreaterThan(500);
  expect(denied).toBeGreaterThan(150);
});

/** PeerAuthentications a user might write next to a link's backends: each mode, with and without selectors and port-level modes. */
function otherPeerAuthentications(namespaces: readonly string[]): Obj[] {
  const out: Obj[] = [];
  const selectors = [undefined, {}, { matchLabels: {} }, { matchLabels: { app: 'svc1' } }, { matchLabels: { app: 'svc1', version: 'v2' } }, { matchLabels: { app: 'other' } }];
  for (const namespace of [...namespaces, 'payments']) {
    for (const mode of ['STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET', undefined]) {
      for (const selector of selectors) {
        for (const portLevelMtls of [undefined, { 5432: { mode: 'DISABLE' } }, { 5432: { mode: 'STRICT' } }]) {
          out.push({ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'other', namespace }, spec: { ...(selector ? { selector } : {}), ...(mode ? { mtls: { mode } } : {}), ...(portLevelMtls ? { portLevelMtls } : {}) } });
        }
      }
    }
  }
  return out;
}

test('SAKS-MESH-026: the backend policy with variables denies exactly what the per-object policy denied, with the same messages', () => {
  let denied = 0;
  for (const link of [linkOf('ledger', 3), linkOf('ledger', 1)]) {
    const [policy] = admissionPolicyObjects(backendMtlsAdmissionPolicy(link)!);
    const [reference] = admissionPolicyObjects(perObjectBackendMtlsAdmissionPolicy(link)!);
    const own = link.serverObjects().filter((o) => o.kind === 'PeerAuthentication');
    const variants = own.flatMap((pa) =>
      otherPeerAuthentications([]).map((o): Obj => ({ ...o, metadata: { ...pa.metadata } })),
    );
    const namespaces = [...new Set(own.map((o) => o.metadata.namespace!))];
    for (const o of [...(own as Obj[]), ...variants, ...otherPeerAuthentications(namespaces)]) {
      const original = own.find((x) => x.metadata.name === o.metadata.name && x.metadata.namespace === o.metadata.namespace) ?? o;
      for (const request of [createRequestOf(o), updateRequestOf(original, o)]) {
        const expected = evaluateAdmissionPolicy(reference, request);
        expect(evaluateAdmissionPolicy(policy, request), `${request.operation} ${o.metadata.namespace}/${o.metadata.name}: ${JSON.stringify(o.spec)}`).toEqual(expected);
        denied += expected.denials.length;
      }
    }
  }
  expect(denied).toBeGreaterThan(300);
});

test('the number of CEL expressions of a link\'s policies, and of programs compiled to check its objects, does not grow with its services', () => {
  const policiesOf = (link: CrossClusterLink) => [linkAdmissionPolicy(link, 'client'), linkAdmissionPolicy(link, 'server'), backendMtlsAdmissionPolicy(link)!];
  const expressionsOf = (link: CrossClusterLink) =>
    policiesOf(link).map((spec) => {
      const [policy] = admissionPolicyObjects(spec) as Obj[];
      return [...policy.spec.matchConditions, ...policy.spec.validations, ...policy.spec.variables].length + policy.spec.validations.filter((v: Obj) => v.messageExpression).length;
    });
  expect(expressionsOf(linkOf('few', 2))).toEqual(expressionsOf(linkOf('many', 60)));
  // Once the objects of a link of 2 services were checked, checking a link of 60 (same name, every
  // object and weakened variant) compiles no new CEL program: only literals of data grew.
  const compiledChecking = (link: CrossClusterLink, policies: (l: CrossClusterLink) => AdmissionPolicySpec[]) => {
    const before = compiledAdmissionExpressionCount();
    for (const spec of policies(link)) {
      const [policy] = admissionPolicyObjects(spec);
      for (const o of variantsOf([...link.clientObjects(), ...link.serverObjects()], 'x')) evaluateAdmissionPolicy(policy, createRequestOf(o));
    }
    return compiledAdmissionExpressionCount() - before;
  };
  compiledChecking(linkOf('counted', 2), policiesOf);
  expect(compiledChecking(linkOf('counted', 60), policiesOf)).toBe(0);
  // The count can grow: the per-object policies compile a validation per object.
  const perObject = (l: CrossClusterLink) => [perObjectLinkAdmissionPolicy(l, 'client'), perObjectLinkAdmissionPolicy(l, 'server'), perObjectBackendMtlsAdmissionPolicy(l)!];
  compiledChecking(linkOf('reference', 2), perObject);
  expect(compiledChecking(linkOf('reference', 60), perObject)).toBeGreaterThan(3 * 58);
});

test('the per-kind policies are valid against the Kubernetes OpenAPI and admit every object of a link of many services', () => {
  const link = linkOf('wide', 40, 'shared');
  const validator = StrictSchemaValidator.shipped();
  for (const side of ['client', 'server'] as const) {
    const [policy, binding] = admissionPolicyObjects(linkAdmissionPolicy(link, side));
    expect(validator.validate('kubernetes/ValidatingAdmissionPolicy', policy)).toEqual([]);
    expect(validator.validate('kubernetes/ValidatingAdmissionPolicyBinding', binding)).toEqual([]);
    for (const o of side === 'client' ? link.clientObjects() : link.serverObjects()) {
      expect(evaluateAdmissionPolicy(policy, createRequestOf(o)).denials, `${o.kind}/${o.metadata.name}`).toEqual([]);
    }
  }
});

test('a link whose client policy etcd cannot store is refused, with the fix', () => {
  const link = (count: number) => CrossClusterLink.build({
    name: 'big',
    certificates: CertificateSource.existingSecrets(),
    services: Array.from({ length: count }, (_, i) => ({ name: `svc${i}`, host: `svc${i}.big.example`, clientPort: 20000 + i, gatewayPort: 30000 + i, backend: { host: `svc${i}.default.svc.cluster.local`, port: 8080 }, clientNamespaces: ['default'], clientCredentialName: `svc${i}-client`, serverCredentialName: `svc${i}-server` })),
  });
  const clientPolicy = (count: number) => admissionPolicyObjects(linkAdmissionPolicy(link(count), 'client'))[0];
  // The size grows by the same bytes per service: past 1.5 MiB by some 150 services.
  const sizeOf = (count: number) => JSON.stringify(clientPolicy(count)).length;
  const perService = (sizeOf(200) - sizeOf(100)) / 100;
  const count = Math.ceil((1.5 * 1024 * 1024 - sizeOf(100)) / perService) + 100 + 150;
  expect(findInvalidForApiServer([clientPolicy(count)])).toEqual([
    expect.objectContaining({ object: 'ValidatingAdmissionPolicy/secure-aks-link-big-client', message: expect.stringMatching(/^is \d+ bytes as JSON, more than the 1\.5 MiB etcd stores in one request$/), fix: expect.stringContaining('split its services into several links') }),
  ]);
  expect(findInvalidForApiServer([clientPolicy(100)])).toEqual([]);
}, 60_000);
