import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { expect, test } from 'vitest';
import { CertificateSource, CrossClusterLink } from '../../lib';
import { addCrossClusterCharts, CrossClusterClient, CrossClusterClientChart, CrossClusterServer, CrossClusterServerChart, meshWarningsOf } from '../../lib/cdk8s';
import { MYSQL, mysqlLink, POSTGRES, USER_VIRTUAL_SERVICE_WITH_MISSING_REFERENCES } from '../support/mesh-fixtures';
import { expectValidationError } from '../support/validation-error';

test('one definition, two charts; both synthesize and agree', () => {
  const app = Testing.app();
  const { client, server } = addCrossClusterCharts(app, mysqlLink());
  expect(client.node.id).toBe('mysql-client');
  expect(server.node.id).toBe('mysql-server');
  const c = client.toJson();
  const s = server.toJson();
  expect(c.filter((o: any) => o.kind === 'Gateway')[0].spec.servers[0].hosts).toEqual(s.filter((o: any) => o.kind === 'Gateway')[0].spec.servers[0].hosts);
});

test('the egress lockdown NetworkPolicy (cdk8s-plus): cluster-internal egress only, in each client namespace', () => {
  const chart = new CrossClusterClientChart(Testing.app(), 'client', { link: mysqlLink() });
  const [np] = Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy');
  expect(np.metadata).toMatchObject({ name: 'mysql-egress-lockdown', namespace: 'default' });
  expect(np.spec).toEqual({
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{ to: [{ namespaceSelector: {}, podSelector: {} }], ports: [] }],
  });
});

test('with server networks named, the lockdown denies only them', () => {
  const chart = new CrossClusterClientChart(Testing.app(), 'client', { link: mysqlLink({ egressLockdown: { serverCidrs: ['10.20.0.0/16'] } }) });
  const [np] = Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy');
  expect(np.spec.egress[1].to).toEqual([{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.20.0.0/16'] } }]);
});

test('the analyzer runs on objects the user adds to the chart, naming the object, the code and the fix', () => {
  const app = Testing.app();
  const { client } = addCrossClusterCharts(app, mysqlLink());
  new ApiObject(client, 'user-vs', USER_VIRTUAL_SERVICE_WITH_MISSING_REFERENCES);
  expect(() => client.toJson()).toThrow(/Error \[IST0101\] \(VirtualService\/default\/reports\) referenced gateway "secure-aks-egress\/missing" not found; fix: create the Gateway/);
});

test('a mismatch between the two charts fails synth (cross-chart SNI check)', () => {
  const app = Testing.app();
  const { client, server } = addCrossClusterCharts(app, mysqlLink());
  const gw = server.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).find((o) => o.kind === 'Gateway')!;
  gw.addJsonPatch(JsonPatch.replace('/spec/servers/0/hosts', ['mysql.internal.example']));
  expect(() => client.toJson()).toThrow(/SAKS-AN-SNI[\s\S]*filter_chain_not_found/);
});

test('warnings do not fail synth and are kept on the chart', () => {
  const app = Testing.app();
  const { client } = addCrossClusterCharts(app, mysqlLink({ services: [{ ...(mysqlLink().services[0]), addressing: { kind: 'addresses', addresses: [] } }] }));
  expect(() => client.toJson()).not.toThrow();
  expect(client.warnings.map((w) => w.code)).toEqual(['IST0134']);
});

test('the user\'s own objects in any chart of an app that uses the library are checked as the API server would', () => {
  const app = Testing.app();
  addCrossClusterCharts(app, mysqlLink());
  const chart = new Chart(app, 'mine');
  new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: '9lives', namespace: 'default' }, spec: { ports: [{ name: 'a-very-long-port-name', port: 80 }] } });
  const error = expectValidationError(() => app.synthYaml());
  const found = error.violations.filter((v) => v.rule.id === 'SAKS-K8S-002').map((v) => v.value);
  expect(found).toEqual([
    'metadata.name "9lives" is not a valid Service name (a DNS label of at most 63 characters, starting with a letter)',
    'port name "a-very-long-port-name" is not an IANA service name (at most 15 lowercase letters, digits and "-", with a letter)',
  ]);
});

test('client and server charts built separately in one app are paired by link name; two different definitions are rejected', () => {
  const app = Testing.app();
  new CrossClusterServerChart(app, 'server', { link: mysqlLink() });
  // Another team's copy of the definition, with a different gateway port.
  const drifted = mysqlLink({ services: [{ ...mysqlLink().services[0], gatewayPort: 23306 }] });
  new CrossClusterClientChart(app, 'client', { link: drifted });
  const error = expectValidationError(() => app.synthYaml());
  const ids = error.violations.map((v) => `${v.rule.id} ${v.property}`);
  expect(ids).toContain('SAKS-MESH-012 charts client and server: services[0].gatewayPort');
  // The same definition, built separately, passes.
  const ok = Testing.app();
  new CrossClusterServerChart(ok, 'server', { link: mysqlLink() });
  new CrossClusterClientChart(ok, 'client', { link: mysqlLink() });
  expect(() => ok.synthYaml()).not.toThrow();
});

test('the link\'s sides as constructs in the user\'s own charts: the same objects, and the same checks across the app', () => {
  const viaCharts = addCrossClusterCharts(Testing.app(), mysqlLink());
  const app = Testing.app();
  const payments = new Chart(app, 'payments');
  const ledger = new Chart(app, 'ledger');
  new ApiObject(payments, 'app-ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payments' } });
  new CrossClusterClient(payments, 'mysql', { link: mysqlLink(), cluster: 'payments-client' });
  new CrossClusterServer(ledger, 'mysql', { link: mysqlLink(), cluster: 'ledger-server' });
  const client = payments.toJson().filter((o: any) => !(o.kind === 'Namespace' && o.metadata.name === 'payments'));
  expect(client).toEqual(viaCharts.client.toJson());
  expect(ledger.toJson()).toEqual(viaCharts.server.toJson());

  // The pair is checked however the sides were placed: a drifted server side fails synth.
  const drifted = Testing.app();
  new CrossClusterClient(new Chart(drifted, 'payments'), 'mysql', { link: mysqlLink() });
  new CrossClusterServer(new Chart(drifted, 'ledger'), 'mysql', { link: mysqlLink({ services: [{ ...MYSQL, gatewayPort: 23306 }] }) });
  const error = expectValidationError(() => drifted.synthYaml());
  expect(error.violations.map((v) => `${v.rule.id} ${v.property}`)).toContain('SAKS-MESH-012 charts payments and ledger: services[0].gatewayPort');
});

test('two links in one chart of the user: the analyzer knows both links\' gateways and secrets, and the user\'s objects are analyzed', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'payments');
  const postgres = CrossClusterLink.build({
    name: 'postgres',
    certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
    services: [POSTGRES],
  });
  new CrossClusterClient(chart, 'mysql', { link: mysqlLink() });
  new CrossClusterClient(chart, 'postgres', { link: postgres });
  expect(() => app.synthYaml()).not.toThrow();
  expect(meshWarningsOf(chart)).toEqual([]);
  new ApiObject(chart, 'user-dr', {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: 'reports', namespace: 'default' },
    spec: { host: 'reports', trafficPolicy: { tls: { mode: 'MUTUAL', credentialName: 'reports', notAField: true } } },
  });
  expect(() => app.synthYaml()).toThrow(/IST0106[\s\S]*DestinationRule\/default\/reports[\s\S]*notAField/);
});

test('many links on one pair of clusters, each with its dedicated gateways, share the gateway namespaces without colliding', () => {
  const app = Testing.app();
  for (const [i, svc] of [MYSQL, POSTGRES].entries()) {
    const link = CrossClusterLink.build({
      name: `link${i}`,
      certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
      services: [svc],
    });
    addCrossClusterCharts(app, link, { clientCluster: 'client', serverCluster: 'server' });
  }
  const yaml = app.synthYaml();
  // One Namespace object per chart, identical across links.
  expect(yaml.match(/name: secure-aks-egress\n/g)?.length).toBeGreaterThanOrEqual(2);
});
