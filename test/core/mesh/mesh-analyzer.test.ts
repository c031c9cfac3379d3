import { describe, expect, test } from 'vitest';
import { analyzeMesh, analyzeMeshLink, MeshFinding } from '../../../lib';
import { copy, find, MYSQL, mysqlLink, POSTGRES } from '../../support/mesh-fixtures';

const link = mysqlLink();
const client = () => copy(link.clientObjects());
const server = () => copy(link.serverObjects());
const analyzeClient = (objects: any[]) => analyzeMesh(objects, link.clientInventory());
const analyzeServer = (objects: any[]) => analyzeMesh(objects, link.serverInventory());
const codes = (f: MeshFinding[]) => f.map((x) => `${x.code} ${x.object}`);

test('the generated link has no findings on either side, nor across', () => {
  expect(analyzeClient(client())).toEqual([]);
  expect(analyzeServer(server())).toEqual([]);
  expect(analyzeMeshLink(client(), server())).toEqual([]);
});

describe('the seeded pitfalls are found', () => {
  test('wrong SNI: the client sends a name the server Gateway does not list (filter_chain_not_found)', () => {
    const c = client();
    find(c, 'DestinationRule', 'mysql-originate-mtls').spec.trafficPolicy.portLevelSettings[0].tls.sni = 'mysql.other.example';
    const [f] = analyzeMeshLink(c, server());
    expect(f).toMatchObject({ code: 'SAKS-AN-SNI', level: 'Error', object: 'DestinationRule/secure-aks-egress/mysql-originate-mtls' });
    expect(f.message).toContain('filter_chain_not_found');
    expect(f.fix).toContain('tls.sni');
  });

  test('across a link of several services, each DestinationRule is checked against the server Gateways on its own port', () => {
    const two = mysqlLink({ services: [MYSQL, POSTGRES] });
    const c = copy(two.clientObjects());
    const s = copy(two.serverObjects());
    expect(analyzeMeshLink(c, s)).toEqual([]);
    // Postgres's client now sends MySQL's host on its own port; MySQL's moves to a port no server listens on.
    find(c, 'DestinationRule', 'postgres-originate-mtls').spec.trafficPolicy.portLevelSettings[0].tls.sni = MYSQL.host;
    find(c, 'DestinationRule', 'mysql-originate-mtls').spec.trafficPolicy.portLevelSettings[0].port.number = 9;
    // A second Gateway on Postgres's port, listed after the first: its hosts are reported after the first's.
    s.push({ ...find(s, 'Gateway', 'postgres-ingress'), metadata: { name: 'other-ingress', namespace: 'secure-aks-ingress' } });
    s[s.length - 1] = copy(s[s.length - 1]);
    s[s.length - 1].spec.servers[0].hosts = ['other.example'];
    const findings = analyzeMeshLink(c, s);
    expect(findings.map((f) => `${f.code} ${f.object}`)).toEqual([
      'SAKS-AN-PORT DestinationRule/secure-aks-egress/mysql-originate-mtls',
      'SAKS-AN-SNI DestinationRule/secure-aks-egress/postgres-originate-mtls',
    ]);
    expect(findings[0].message).toBe('no Gateway of the server cluster listens on port 9');
    expect(findings[1].message).toContain(`(hosts: ${POSTGRES.host}, other.example)`);
    // Once the second Gateway lists MySQL's host on that port, Postgres's client is answered.
    s[s.length - 1].spec.servers[0].hosts = [MYSQL.host];
    expect(analyzeMeshLink(c, s).map((f) => f.code)).toEqual(['SAKS-AN-PORT']);
  });

  test('missing port: the egress gateway Service does not expose 15443 (Istio 1.10+ default)', () => {
    const c = client();
    find(c, 'Service', 'mysql-egressgateway').spec.ports = [{ name: 'https', port: 443, targetPort: 8443 }];
    expect(codes(analyzeClient(c))).toEqual([
      'IST0101 VirtualService/secure-aks-egress/mysql-via-egress',
      'IST0162 Gateway/secure-aks-egress/mysql-egress',
    ]);
  });

  test('secret in the wrong namespace: the gateway reports "not supplied by SDS"', () => {
    const s = server();
    find(s, 'Certificate', 'mysql-server').metadata.namespace = 'default';
    const [f] = analyzeServer(s);
    expect(f).toMatchObject({ code: 'IST0101', object: 'Gateway/secure-aks-ingress/mysql-ingress' });
    expect(f.message).toContain('"mysql-credential" not found in namespace "secure-aks-ingress"');
    expect(f.message).toContain('not supplied by SDS');
  });

  test('a DestinationRule outside the clients\' lookup path', () => {
    const c = client();
    find(c, 'DestinationRule', 'mysql-egress-gateway').metadata.namespace = 'team-a';
    const findings = analyzeClient(c);
    expect(findings.map((f) => f.code)).toContain('SAKS-AN-DR-LOOKUP');
    expect(findings.find((f) => f.code === 'SAKS-AN-DR-LOOKUP')!.fix).toBe('move it to "istio-system" or "secure-aks-egress"');
  });
});

describe('istioctl analyzer codes', () => {
  test('IST0101: a VirtualService bound to a gateway that does not exist', () => {
    const c = client();
    find(c, 'VirtualService', 'mysql-via-egress').spec.gateways = ['secure-aks-egress/nope', 'mesh'];
    expect(analyzeClient(c).find((f) => f.message.includes('gateway "secure-aks-egress/nope" not found'))?.code).toBe('IST0101');
  });

  test('IST0101: a subset no DestinationRule defines, and a selector matching no pods', () => {
    const c = client();
    find(c, 'DestinationRule', 'mysql-egress-gateway').spec.subsets[0].name = 'other';
    find(c, 'Gateway', 'mysql-egress').spec.selector = { istio: 'egressgateway' };
    const messages = analyzeClient(c).filter((f) => f.code === 'IST0101').map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('subset "mysql"'), expect.stringContaining('matches no gateway pods')]));
  });

  test('IST0132: a VirtualService host the bound Gateway does not serve', () => {
    const s = server();
    find(s, 'VirtualService', 'mysql-ingress').spec.hosts = ['other.fqdn.example'];
    expect(codes(analyzeServer(s))).toEqual(['IST0132 VirtualService/secure-aks-ingress/mysql-ingress']);
  });

  test('IST0109: two mesh VirtualServices for one host', () => {
    const c = client();
    const twin = copy(find(c, 'VirtualService', 'mysql-via-egress'));
    twin.metadata.name = 'mysql-twin';
    c.push(twin);
    expect(codes(analyzeClient(c))).toContain('IST0109 VirtualService/secure-aks-egress/mysql-twin');
  });

  test('IST0112: a destination without a port when the ServiceEntry has two', () => {
    const c = client();
    delete find(c, 'VirtualService', 'mysql-via-egress').spec.tcp[1].route[0].destination.port;
    expect(codes(analyzeClient(c))).toEqual(['IST0112 VirtualService/secure-aks-egress/mysql-via-egress']);
  });

  test('IST0134: a TCP ServiceEntry without addresses or auto-allocation', () => {
    const c = client();
    delete find(c, 'ServiceEntry', 'mysql-external').metadata.labels['networking.istio.io/enable-autoallocate-ip'];
    const [f] = analyzeClient(c);
    expect(f).toMatchObject({ code: 'IST0134', level: 'Warning', object: 'ServiceEntry/secure-aks-egress/mysql-external' });
  });

  test('IST0145: two Gateways with the same selector, port and host', () => {
    const s = server();
    const twin = copy(find(s, 'Gateway', 'mysql-ingress'));
    twin.metadata.name = 'mysql-ingress-twin';
    s.push(twin);
    expect(codes(analyzeServer(s))).toEqual(['IST0145 Gateway/secure-aks-ingress/mysql-ingress-twin']);
  });

  test('IST0106: an unknown field fails strict schema validation', () => {
    const c = client();
    find(c, 'DestinationRule', 'mysql-originate-mtls').spec.trafficPolicy.portLevelSettings[0].tls.credentialname = 'x';
    const [f] = analyzeClient(c);
    expect(f).toMatchObject({ code: 'IST0106', level: 'Error' });
    expect(f.message).toBe('schema: /spec/trafficPolicy/portLevelSettings/0/tls/credentialname unknown field "credentialname"');
  });

  test('IST0106: istiod\'s TLS rules (ISTIO_MUTUAL with a credential; MUTUAL without one)', () => {
    const c = client();
    find(c, 'Gateway', 'mysql-egress').spec.servers[0].tls.credentialName = 'client-credential';
    delete find(c, 'DestinationRule', 'mysql-originate-mtls').spec.trafficPolicy.portLevelSettings[0].tls.credentialName;
    const messages = analyzeClient(c).filter((f) => f.code === 'IST0106').map((f) => f.message);
    expect(messages).toEqual([
      'server on port 15443: ISTIO_MUTUAL must not set credentialName',
      'MUTUAL tls needs credentialName, or clientCertificate and privateKey',
    ]);
  });

  test('IST0106: the CEL rule against duplicate ServiceEntry ports, and a bad Certificate field', () => {
    const c = client();
    find(c, 'ServiceEntry', 'mysql-external').spec.ports[1].number = 3306;
    find(c, 'Certificate', 'mysql-client').spec.privateKey.algorithm = 'DSA';
    const messages = analyzeClient(c).filter((f) => f.code === 'IST0106').map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining(['port number cannot be duplicated', expect.stringContaining('/spec/privateKey/algorithm')]));
  });
});
