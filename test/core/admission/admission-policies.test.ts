import { App } from 'cdk8s';
import { expect, test } from 'vitest';
import { celCompileProblems } from '../../../lib/core/kubernetes/cel-compile-problems';
import {
  admissionPolicyObjects,
  AdmissionPolicySpec,
  backendMtlsAdmissionPolicy,
  calicoWireGuardDeployment,
  CertificateSource,
  createRequestOf,
  CrossClusterLink,
  evaluateAdmissionPolicy,
  felixAdmissionPolicy,
  findUnencryptedHostNetworkWorkloads,
  HOST_NETWORK_NAMESPACES,
  hostNetworkAdmissionPolicy,
  KubernetesObject,
  linkAdmissionPolicy,
  policyForRequest,
  POD_SPEC_PATHS,
  TransitEncryption,
  updateRequestOf,
} from '../../../lib';
import { offlineApp } from '../../../lib/cdk8s';
import { FAILING_CASES } from '../../support/misconfiguration-corpus';

type Obj = Record<string, any>;
const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o));

/** Every object each example's cdk8s app writes, by example (both mesh distributions of the platform). */
async function exampleApps(): Promise<Record<string, Obj[]>> {
  const apps: Record<string, (app: App) => void> = {
    'acns-wireguard': (await import('../../../examples/acns-wireguard/definition')).charts,
    'calico-wireguard': (await import('../../../examples/calico-wireguard/definition')).charts,
    'cross-cluster-mysql': (await import('../../../examples/cross-cluster-mysql/definition')).charts,
    estate: (await import('../../../examples/estate/definition')).charts,
    'platform (open-source Istio)': (app) => import('../../../examples/platform/definition').then((m) => m.charts(app, 'openSourceIstio')),
    'platform (AKS Istio add-on)': (app) => import('../../../examples/platform/definition').then((m) => m.charts(app, 'aksIstioAddon')),
  };
  const out: Record<string, Obj[]> = {};
  for (const [name, add] of Object.entries(apps)) {
    const app = offlineApp();
    await add(app);
    out[name] = app.charts.flatMap((c) => c.toJson());
  }
  return out;
}

const policiesIn = (objects: readonly Obj[]) => objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy');
const denialsOf = (policies: readonly Obj[], request: Parameters<typeof evaluateAdmissionPolicy>[1]) => policies.flatMap((p) => evaluateAdmissionPolicy(p, request).denials);

/** The functions and operators of standard CEL, which both Kubernetes' CEL and @bufbuild/cel implement. */
const STANDARD_CEL = new Set(['_&&_', '_||_', '!_', '_==_', '_!=_', '@in', 'size', '_[_]', '@not_strictly_false', '_?_:_', '_<_', '_<=_', '_>_', '_>=_', '_+_', 'string']);

/** The functions an expression calls (macros such as has(), all() and exists() are expanded by the parser). */
async function functionsOf(expression: string): Promise<Set<string>> {
  const { parse } = await import('@bufbuild/cel');
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { $typeName?: string; exprKind?: { case?: string; value?: { function?: string } } };
    if (n.$typeName === 'cel.expr.Expr' && n.exprKind?.case === 'callExpr') found.add(n.exprKind.value!.function!);
    Object.values(node).forEach(visit);
  };
  visit(parse(expression).expr);
  return found;
}

const mysqlLink = () => CrossClusterLink.build({
  name: 'ledger',
  certificates: CertificateSource.existingSecrets(),
  services: [{ name: 'mysql', host: 'mysql.ledger.internal.example', clientPort: 3306, gatewayPort: 13306, backend: { host: 'mysql.default.svc.cluster.local', port: 3306 }, clientNamespaces: ['payments'], clientCredentialName: 'mysql-client', serverCredentialName: 'mysql-server' }],
});

/** A link with a backend by workload labels (database) and one by namespace (default). */
const mixedLink = () => CrossClusterLink.build({
  name: 'ledger',
  certificates: CertificateSource.existingSecrets(),
  services: [
    { name: 'mysql', host: 'mysql.ledger.internal.example', clientPort: 3306, gatewayPort: 13306, backend: { host: 'mysql.default.svc.cluster.local', port: 3306 }, clientNamespaces: ['payments'], clientCredentialName: 'mysql-client', serverCredentialName: 'mysql-server' },
    { name: 'pg', host: 'pg.ledger.internal.example', clientPort: 5432, gatewayPort: 15432, backend: { host: 'pg.database.svc.cluster.local', port: 5432, workloadLabels: { app: 'pg', tier: 'db' } }, clientNamespaces: ['payments'], clientCredentialName: 'pg-client', serverCredentialName: 'pg-server' },
  ],
});

test('every example carries the policies of what it deploys, and every object it writes is admitted by them', async () => {
  const apps = await exampleApps();
  const names = Object.fromEntries(Object.entries(apps).map(([k, objects]) => [k, policiesIn(objects).map((p) => p.metadata.name).sort()]));
  expect(names['acns-wireguard']).toEqual(['secure-aks-host-network']);
  expect(names['calico-wireguard']).toEqual(['secure-aks-calico-wireguard']);
  expect(names['cross-cluster-mysql']).toEqual(['secure-aks-link-mysql-backend-mtls', 'secure-aks-link-mysql-client', 'secure-aks-link-mysql-server']);
  expect(names['platform (open-source Istio)']).toEqual(['secure-aks-link-platform-backend-mtls', 'secure-aks-link-platform-client', 'secure-aks-link-platform-server']);
  expect(names.estate.length).toBeGreaterThan(0);
  for (const [example, objects] of Object.entries(apps)) {
    const policies = policiesIn(objects);
    // Each policy has its binding, and concerns at least one object of the example (it guards something real).
    for (const p of policies) {
      expect(objects.find((o) => o.kind === 'ValidatingAdmissionPolicyBinding' && o.spec.policyName === p.metadata.name), `${example}: ${p.metadata.name}`).toMatchObject({ spec: { validationActions: ['Deny', 'Audit'] } });
      if (p.metadata.name !== 'secure-aks-host-network') expect(objects.some((o) => evaluateAdmissionPolicy(p, createRequestOf(o)).matched), `${example}: ${p.metadata.name}`).toBe(true);
    }
    for (const o of objects) {
      expect(denialsOf(policies, createRequestOf(o)), `${example}: ${o.kind}/${o.metadata.name}`).toEqual([]);
      expect(denialsOf(policies, updateRequestOf(o, o)), `${example}: update of ${o.kind}/${o.metadata.name}`).toEqual([]);
    }
  }
});

test('every expression compiles with @bufbuild/cel and uses only standard CEL, which Kubernetes\' CEL also has', async () => {
  const apps = await exampleApps();
  const specs: AdmissionPolicySpec[] = [
    hostNetworkAdmissionPolicy(TransitEncryption.acnsWireGuard())!,
    hostNetworkAdmissionPolicy(TransitEncryption.virtualNetworkEncryption())!,
    felixAdmissionPolicy(TransitEncryption.calicoWireGuard({ ipv6: true })),
    linkAdmissionPolicy(mysqlLink(), 'client'),
    linkAdmissionPolicy(mysqlLink(), 'server'),
    backendMtlsAdmissionPolicy(mysqlLink())!,
    backendMtlsAdmissionPolicy(mixedLink())!,
  ];
  const policies = [...Object.values(apps).flatMap(policiesIn), ...specs.map((s) => admissionPolicyObjects(s)[0])];
  const typed = policies.flatMap((p) => [
    ...(p.spec.matchConditions ?? []).map((v: Obj) => ({ expression: v.expression as string, output: 'bool' as const })),
    ...(p.spec.variables ?? []).map((v: Obj) => ({ expression: v.expression as string, output: undefined })),
    ...p.spec.validations.map((v: Obj) => ({ expression: v.expression as string, output: 'bool' as const })),
    ...p.spec.validations.filter((v: Obj) => v.messageExpression).map((v: Obj) => ({ expression: v.messageExpression as string, output: 'string' as const })),
  ]);
  const expressions = typed.map((t) => t.expression);
  expect(expressions.length).toBeGreaterThan(20);
  const used = new Set<string>();
  for (const e of expressions) for (const f of await functionsOf(e)) used.add(f);
  expect([...used].filter((f) => !STANDARD_CEL.has(f))).toEqual([]);
  // The check can fail: an extension function (Kubernetes' quantity library) is not standard CEL.
  expect([...(await functionsOf("quantity(object.spec.x).isGreaterThan(quantity('1'))"))].some((f) => !STANDARD_CEL.has(f))).toBe(true);
  // Kubernetes compiles them with homogeneous aggregate literals: no list or map literal mixes types
  // (a map per field, not a map of records), or the API server refuses the policy.
  // Each has the type Kubernetes requires of its field (bool, or string for a message).
  expect(typed.flatMap(({ expression, output }) => celCompileProblems(expression, output).map((problem) => `${expression.slice(0, 80)}: ${problem}`))).toEqual([]);
  // Kubernetes' optional syntax is not in @bufbuild/cel: no generated expression may use it.
  expect(expressions.filter((e) => e.includes('.?'))).toEqual([]);
  await expect(functionsOf('object.?spec.orValue(1)')).rejects.toThrow();
});

test('SAKS-ENC-017: the policy denies exactly what the synth check finds, outside the documented namespaces', () => {
  const [policy] = admissionPolicyObjects(hostNetworkAdmissionPolicy(TransitEncryption.acnsWireGuard())!);
  const workload = (kind: string, namespace: string, hostNetwork: boolean): Obj => {
    const [group, version] = { Pod: ['', 'v1'], ReplicationController: ['', 'v1'], Job: ['batch', 'v1'], CronJob: ['batch', 'v1'] }[kind] ?? ['apps', 'v1'];
    const o: Obj = { apiVersion: group ? `${group}/${version}` : version, kind, metadata: { name: 'w', namespace } };
    POD_SPEC_PATHS[kind].reduce((at, k) => (at[k] = {}), o).hostNetwork = hostNetwork;
    return o;
  };
  const spared = HOST_NETWORK_NAMESPACES.map((n) => n.namespace);
  let denied = 0;
  for (const kind of Object.keys(POD_SPEC_PATHS)) {
    for (const namespace of ['payments', ...spared]) {
      for (const hostNetwork of [true, false]) {
        const o = workload(kind, namespace, hostNetwork);
        const flagged = findUnencryptedHostNetworkWorkloads([o], TransitEncryption.acnsWireGuard()).length > 0 && !spared.includes(namespace);
        const d = evaluateAdmissionPolicy(policy, createRequestOf(o));
        expect(d.denials.length > 0, `${kind} in ${namespace}, hostNetwork ${hostNetwork}`).toBe(flagged);
        if (flagged) {
          denied++;
          expect(d.denials[0]).toMatch(new RegExp(`^\\[SAKS-ENC-017\\] a ${kind} outside kube-system.*must not set hostNetwork: true`));
        }
      }
    }
  }
  expect(denied).toBe(Object.keys(POD_SPEC_PATHS).length);
  // The corpus case of SAKS-ENC-017 is denied in the cluster too.
  const corpus = FAILING_CASES.find((c) => c.rule.id === 'SAKS-ENC-017')!;
  const app = offlineApp();
  corpus.charts!(app);
  const objects = app.charts.flatMap((c) => c.node.findAll()).filter((c: any) => typeof c.toJson === 'function' && c.kind === 'DaemonSet').map((c: any) => c.toJson());
  expect(objects.flatMap((o: Obj) => evaluateAdmissionPolicy(policy, createRequestOf(o)).denials)).toHaveLength(1);
  // No policy where the encryption covers hostNetwork pods: the rule forbids nothing there.
  expect(hostNetworkAdmissionPolicy(TransitEncryption.calicoWireGuard())).toBeUndefined();
});

test('SAKS-ENC-016: the policy admits a FelixConfiguration exactly when the coverage counts WireGuard on', () => {
  for (const encryption of [TransitEncryption.calicoWireGuard(), TransitEncryption.calicoWireGuard({ ipv6: true })]) {
    const [policy] = admissionPolicyObjects(felixAdmissionPolicy(encryption));
    const felix = (spec: Obj, name = 'default'): Obj => ({ apiVersion: 'crd.projectcalico.org/v1', kind: 'FelixConfiguration', metadata: { name }, spec });
    const variants = [{ wireguardEnabled: true, wireguardEnabledV6: true }, { wireguardEnabled: true }, { wireguardEnabled: false }, {}, { wireguardEnabled: true, wireguardEnabledV6: false }];
    for (const spec of variants) {
      const on = calicoWireGuardDeployment(encryption, [felix(spec)]).on;
      const d = evaluateAdmissionPolicy(policy, updateRequestOf(felix({ wireguardEnabled: true, wireguardEnabledV6: true }), felix(spec)));
      expect(d.denials.length === 0, JSON.stringify(spec)).toBe(on);
      if (!on) expect(d.denials[0]).toMatch(/^\[SAKS-ENC-016\] the FelixConfiguration "default" must keep wireguardEnabled(V6)?: true/);
    }
    // Felix reads only "default": a per-node configuration is not the policy's.
    expect(evaluateAdmissionPolicy(policy, createRequestOf(felix({ wireguardEnabled: false }, 'node.a'))).matched).toBe(false);
  }
});

test('SAKS-MESH-025: each weakened link object is denied with the policy\'s message, and every other object is left alone', () => {
  const link = mysqlLink();
  const client = link.clientObjects();
  const server = link.serverObjects();
  const [clientPolicy] = admissionPolicyObjects(linkAdmissionPolicy(link, 'client'));
  const [serverPolicy] = admissionPolicyObjects(linkAdmissionPolicy(link, 'server'));
  const find = (objects: readonly KubernetesObject[], kind: string, name: string) => copy(objects.find((o) => o.kind === kind && o.metadata.name === name)!) as Obj;
  const weakened: [string, Obj, Obj, RegExp][] = [
    ['DestinationRule MUTUAL to SIMPLE', clientPolicy, ((o) => ((o.spec.trafficPolicy.portLevelSettings[0].tls.mode = 'SIMPLE'), o))(find(client, 'DestinationRule', 'mysql-originate-mtls')), /DestinationRule secure-aks-egress\/mysql-originate-mtls .* must keep host mysql.ledger.internal.example, port 13306, TLS mode MUTUAL/],
    ['DestinationRule TLS removed', clientPolicy, ((o) => (delete o.spec.trafficPolicy.portLevelSettings[0].tls, o))(find(client, 'DestinationRule', 'mysql-originate-mtls')), /mysql-originate-mtls/],
    ['DestinationRule ISTIO_MUTUAL to DISABLE', clientPolicy, ((o) => ((o.spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.mode = 'DISABLE'), o))(find(client, 'DestinationRule', 'ledger-egress-gateway')), /ledger-egress-gateway .* TLS mode ISTIO_MUTUAL/],
    ['egress Gateway port changed', clientPolicy, ((o) => ((o.spec.servers[0].port.number = 15444), o))(find(client, 'Gateway', 'mysql-egress')), /Gateway secure-aks-egress\/mysql-egress .* must keep port 15443/],
    ['egress Gateway host widened', clientPolicy, ((o) => ((o.spec.servers[0].hosts = ['*']), o))(find(client, 'Gateway', 'mysql-egress')), /mysql-egress/],
    ['ServiceEntry port changed', clientPolicy, ((o) => ((o.spec.ports[1].number = 443), o))(find(client, 'ServiceEntry', 'mysql-external')), /ServiceEntry secure-aks-egress\/mysql-external/],
    ['ingress Gateway MUTUAL to SIMPLE', serverPolicy, ((o) => ((o.spec.servers[0].tls.mode = 'SIMPLE'), o))(find(server, 'Gateway', 'mysql-ingress')), /Gateway secure-aks-ingress\/mysql-ingress .* TLS mode MUTUAL with credential mysql-server/],
    ['ingress Gateway host changed', serverPolicy, ((o) => ((o.spec.servers[0].hosts = ['other.example']), o))(find(server, 'Gateway', 'mysql-ingress')), /mysql-ingress/],
    [
      'another DestinationRule for the link\'s host',
      clientPolicy,
      { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'plain', namespace: 'payments' }, spec: { host: 'mysql.ledger.internal.example', trafficPolicy: { tls: { mode: 'DISABLE' } } } },
      /only the DestinationRules of the cross-cluster link "ledger" may configure traffic to mysql.ledger.internal.example/,
    ],
  ];
  for (const [what, policy, object, message] of weakened) {
    const d = evaluateAdmissionPolicy(policy, updateRequestOf(object, object));
    expect(d.denials, what).toHaveLength(1);
    expect(d.denials[0], what).toMatch(/^\[SAKS-MESH-025\] /);
    expect(d.denials[0], what).toMatch(message);
    expect(d.denials[0], what).toMatch(/\(source: https:\/\/istio\.io\//);
  }
  // The same names in another namespace, and other kinds, are not the link's.
  const elsewhere = find(client, 'Gateway', 'mysql-egress');
  elsewhere.metadata.namespace = 'payments';
  elsewhere.spec.servers[0].tls.mode = 'SIMPLE';
  expect(evaluateAdmissionPolicy(clientPolicy, createRequestOf(elsewhere)).matched).toBe(false);
  for (const o of [...client, ...server]) expect(denialsOf([clientPolicy, serverPolicy], createRequestOf(o)), `${o.kind}/${o.metadata.name}`).toEqual([]);
});

test('an expression that cannot be evaluated denies (failurePolicy: Fail)', () => {
  const [policy] = admissionPolicyObjects(linkAdmissionPolicy(mysqlLink(), 'server'));
  const broken = { ...(policy as Obj), spec: { ...(policy as Obj).spec, validations: [{ expression: 'object.spec.nothing.there == 1', message: 'm' }] } };
  const gateway = mysqlLink().serverObjects().find((o) => o.kind === 'Gateway')!;
  expect(evaluateAdmissionPolicy(broken, createRequestOf(gateway)).denials).toEqual(['m']);
});

test('the GitOps tree of every estate cluster carries the policies of its links, from the charts or from the model', async () => {
  const { default: target, props } = await import('../../../examples/estate/definition');
  const { EstateModel } = await import('../../../lib');
  const estate = EstateModel.build(props);
  for (const name of estate.clusters.keys()) {
    const { asClient, asServer } = estate.linksOf(name);
    const expected = [...asClient.map((l) => `secure-aks-link-${l.name}-client`), ...asServer.flatMap((l) => [`secure-aks-link-${l.name}-server`, `secure-aks-link-${l.name}-backend-mtls`])].sort();
    const mesh = estate.gitOpsTree(name).mesh['mesh.yaml'];
    expect(mesh.filter((o) => o.kind === 'ValidatingAdmissionPolicy').map((o) => o.metadata.name).sort(), name).toEqual(expected);
  }
  const files = target.artifacts();
  const trees = Object.entries(files).filter(([f]) => /^gitops\/.*\/mesh\/mesh\.yaml$/.test(f));
  expect(trees.length).toBeGreaterThan(0);
  for (const [file, text] of trees) expect(text, file).toMatch(/kind: ValidatingAdmissionPolicyBinding/);
});

test('every policy and binding the examples write is valid, strictly, against the Kubernetes OpenAPI of the oldest minor that serves them', async () => {
  const { ADMISSION_POLICY_MIN_KUBERNETES, ADMISSION_REGISTRATION_OPENAPI, StrictSchemaValidator } = await import('../../../lib');
  expect(ADMISSION_REGISTRATION_OPENAPI.kubernetesMinor).toBe(ADMISSION_POLICY_MIN_KUBERNETES.join('.'));
  const validator = StrictSchemaValidator.shipped();
  const objects = Object.values(await exampleApps()).flat().filter((o) => /^ValidatingAdmissionPolicy(Binding)?$/.test(o.kind));
  expect(objects.length).toBeGreaterThan(10);
  for (const o of objects) expect(validator.validate(`kubernetes/${o.kind}`, o), `${o.kind}/${o.metadata.name}`).toEqual([]);
  // The validation can fail: an unknown field, a wrong type, a missing spec, a wrong API version.
  const [policy, binding] = admissionPolicyObjects(linkAdmissionPolicy(mysqlLink(), 'client')).map(copy) as Obj[];
  policy.spec.validations[0].messag = 'typo';
  expect(validator.validate('kubernetes/ValidatingAdmissionPolicy', policy)).toEqual([{ path: '/spec/validations/0/messag', message: 'unknown field "messag"' }]);
  binding.spec.validationActions = 'Deny';
  expect(validator.validate('kubernetes/ValidatingAdmissionPolicyBinding', binding).map((f) => f.path)).toEqual(['/spec/validationActions']);
  expect(validator.validate('kubernetes/ValidatingAdmissionPolicyBinding', { ...binding, apiVersion: 'admissionregistration.k8s.io/v1beta1', spec: undefined }).length).toBeGreaterThan(0);
});

test('a validation written for one object can be left out for any other: the decisions of a link\'s policies are the same on every object and weakened variant', () => {
  // Two services, one backend by workload labels: the backend policy holds a validation for each PeerAuthentication.
  const link = mixedLink();
  const specs = [linkAdmissionPolicy(link, 'client'), linkAdmissionPolicy(link, 'server'), backendMtlsAdmissionPolicy(link)!];
  expect(specs.flatMap((s) => s.validations).filter((v) => v.onlyFor).length).toBeGreaterThan(1);
  const objects = [...link.clientObjects(), ...link.serverObjects()].map((o) => copy(o) as Obj);
  // Each object as written, and weakened: every string "MUTUAL"/"ISTIO_MUTUAL"/"STRICT" turned into a weaker mode, every port moved.
  const weaken = (o: Obj): Obj => JSON.parse(JSON.stringify(o).replace(/"(ISTIO_MUTUAL|MUTUAL|STRICT)"/g, '"DISABLE"').replace(/"number":(\d+)/g, (_, n) => `"number":${Number(n) + 1}`));
  let denied = 0;
  for (const spec of specs) {
    const [policy] = admissionPolicyObjects(spec);
    for (const o of objects.flatMap((x) => [x, weaken(x)])) {
      for (const request of [createRequestOf(o), updateRequestOf(o, o)]) {
        const full = evaluateAdmissionPolicy(policy, request);
        expect(evaluateAdmissionPolicy(policyForRequest(spec, policy, request), request), `${spec.name} ${o.kind}/${o.metadata.name}`).toEqual(full);
        denied += full.denials.length;
      }
    }
  }
  // The variants are denied: the comparison covers denials, not only admissions.
  expect(denied).toBeGreaterThan(10);
});
