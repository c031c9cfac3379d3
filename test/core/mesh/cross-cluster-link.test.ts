import { expect, test } from 'vitest';
import {
  analyzeMesh,
  analyzeMeshLink,
  CertificateSource,
  CrossClusterLink,
  GatewayDeployment,
  validateIstioObject,
  MeshFlavour,
  SERVER_SIDE_PATCH_ANNOTATION,
  frameworkClausesLine,
  renderCrossClusterEncryption,
} from '../../../lib';
import { find, MYSQL, mysqlLink, POSTGRES } from '../../support/mesh-fixtures';

test('emits networking.istio.io/v1 by default and v1beta1 on request; both validate strictly', () => {
  for (const [apiVersion, link] of [['networking.istio.io/v1', mysqlLink()], ['networking.istio.io/v1beta1', mysqlLink({ apiVersion: 'v1beta1' })]] as const) {
    const istio = [...link.clientObjects(), ...link.serverObjects()].filter((o) => o.apiVersion.startsWith('networking.istio.io/'));
    expect(istio.length).toBe(7);
    for (const o of istio) {
      expect(o.apiVersion).toBe(apiVersion);
      expect(validateIstioObject(o.kind, o)).toEqual([]);
    }
  }
});

test('the client side: ServiceEntry, egress Gateway, two-route VirtualService, two DestinationRules', () => {
  const c = mysqlLink().clientObjects();
  expect(find(c, 'ServiceEntry', 'mysql-external').spec).toMatchObject({
    hosts: ['mysql.fqdn.example'],
    location: 'MESH_EXTERNAL',
    resolution: 'DNS',
    ports: [{ number: 3306, protocol: 'TCP' }, { number: 13306, protocol: 'TLS' }],
  });
  expect(find(c, 'Gateway', 'mysql-egress').spec.servers).toEqual([
    { port: { number: 15443, name: 'tls-mysql', protocol: 'TLS' }, hosts: ['mysql.fqdn.example'], tls: { mode: 'ISTIO_MUTUAL' } },
  ]);
  const routes = find(c, 'VirtualService', 'mysql-via-egress').spec.tcp;
  expect(routes.map((r: any) => [r.match[0].gateways[0], r.match[0].port, r.route[0].destination])).toEqual([
    ['mesh', 3306, { host: 'mysql-egressgateway.secure-aks-egress.svc.cluster.local', subset: 'mysql', port: { number: 15443 } }],
    ['secure-aks-egress/mysql-egress', 15443, { host: 'mysql.fqdn.example', port: { number: 13306 } }],
  ]);
  expect(find(c, 'DestinationRule', 'mysql-egress-gateway').spec.subsets[0].trafficPolicy.portLevelSettings[0].tls).toEqual({ mode: 'ISTIO_MUTUAL', sni: 'mysql.fqdn.example' });
  expect(find(c, 'DestinationRule', 'mysql-originate-mtls').spec.trafficPolicy.portLevelSettings[0].tls).toEqual({
    mode: 'MUTUAL',
    credentialName: 'client-credential',
    sni: 'mysql.fqdn.example',
  });
});

test('the SNI always equals a host of the target Gateway, on both hops', () => {
  const link = mysqlLink({ services: [MYSQL, POSTGRES] });
  const c = link.clientObjects();
  const egressHosts = c.filter((o) => o.kind === 'Gateway').flatMap((g: any) => g.spec.servers.flatMap((s: any) => s.hosts));
  for (const subset of find(c, 'DestinationRule', 'mysql-egress-gateway').spec.subsets) {
    expect(egressHosts).toContain(subset.trafficPolicy.portLevelSettings[0].tls.sni);
  }
  expect(analyzeMeshLink(c, link.serverObjects())).toEqual([]);
});

test('several services share one gateway pair: one subset DestinationRule, one ingress Service with every port', () => {
  const link = mysqlLink({ services: [MYSQL, POSTGRES] });
  const c = link.clientObjects();
  const s = link.serverObjects();
  expect(c.filter((o) => o.kind === 'DestinationRule' && o.metadata.name === 'mysql-egress-gateway')).toHaveLength(1);
  expect(find(c, 'DestinationRule', 'mysql-egress-gateway').spec.subsets.map((x: any) => x.name)).toEqual(['mysql', 'postgres']);
  expect(find(s, 'Service', 'mysql-ingressgateway').spec.ports.map((p: any) => p.port)).toEqual([13306, 15432]);
  expect(analyzeMesh(c, link.clientInventory())).toEqual([]);
  expect(analyzeMesh(s, link.serverInventory())).toEqual([]);
});

test('the dedicated ingress gateway is an internal Azure load balancer unless told otherwise', () => {
  const svc = (l: CrossClusterLink) => find(l.serverObjects(), 'Service', 'mysql-ingressgateway');
  expect(svc(mysqlLink()).metadata.annotations).toEqual({ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' });
  expect(svc(mysqlLink()).spec.type).toBe('LoadBalancer');
  expect(svc(mysqlLink({ internalLoadBalancer: false })).metadata.annotations).toBeUndefined();
});

test('flavour presets: open-source Istio, the AKS add-on, Cloud Service Mesh', () => {
  expect(MeshFlavour.openSourceIstio().ingressGateway).toEqual({ namespace: 'istio-system', selector: { istio: 'ingressgateway' }, serviceName: 'istio-ingressgateway' });
  const aks = MeshFlavour.aksIstioAddon({ revision: 'asm-1-26' });
  expect(aks.rootNamespace).toBe('aks-istio-system');
  expect(aks.ingressGateway).toEqual({ namespace: 'aks-istio-ingress', selector: { istio: 'aks-istio-ingressgateway-internal' }, serviceName: 'aks-istio-ingressgateway-internal' });
  expect(aks.egressGateway.namespace).toBe('aks-istio-egress');
  expect(aks.injectionLabels).toEqual({ 'istio.io/rev': 'asm-1-26' });
  expect(MeshFlavour.cloudServiceMesh().rootNamespace).toBe('istio-system');
});

test('the guide\'s shape: shared gateways get only the missing ports, as server-side-apply patches', () => {
  const link = mysqlLink({
    client: { gateway: GatewayDeployment.shared() },
    server: { flavour: MeshFlavour.cloudServiceMesh(), gateway: GatewayDeployment.shared() },
  });
  const c = link.clientObjects();
  const s = link.serverObjects();
  const patch = (objects: any[]) => objects.filter((o) => o.metadata.annotations?.[SERVER_SIDE_PATCH_ANNOTATION] === 'server-side-patch');
  expect(patch(c).map((o) => [o.metadata.namespace, o.metadata.name, o.spec.ports])).toEqual([
    ['istio-system', 'istio-egressgateway', [{ name: 'tls-egress', port: 15443, targetPort: 15443, protocol: 'TCP' }]],
  ]);
  expect(patch(s).map((o) => [o.metadata.namespace, o.metadata.name, o.spec.ports.map((p: any) => p.port)])).toEqual([
    ['asm-ingress', 'asm-ingressgateway', [13306]],
  ]);
  expect(find(s, 'Gateway', 'mysql-ingress').spec.selector).toEqual({ asm: 'ingressgateway' });
  expect(s.some((o) => o.kind === 'Deployment')).toBe(false);
  expect(analyzeMesh(c, link.clientInventory())).toEqual([]);
  expect(analyzeMesh(s, link.serverInventory())).toEqual([]);
  // Without the patch, the analyzer sees that the port does not exist (IST0162).
  expect(analyzeMesh(s.filter((o) => !patch(s).includes(o)), link.serverInventory()).map((f) => f.code)).toEqual(['IST0162']);

  const declared = mysqlLink({ server: { gateway: GatewayDeployment.shared({ existingServicePorts: [{ port: 13306 }] }) } });
  expect(patch(declared.serverObjects())).toEqual([]);
});

test('the AKS Istio add-on\'s ingress gateway is used as it is: port 443, no patch (the add-on does not support port configuration)', () => {
  const link = mysqlLink({
    services: [{ ...MYSQL, gatewayPort: 443 }],
    server: { flavour: MeshFlavour.aksIstioAddon({ revision: 'asm-1-30' }), gateway: GatewayDeployment.shared() },
  });
  const s = link.serverObjects();
  expect(s.filter((o: any) => o.metadata.annotations?.[SERVER_SIDE_PATCH_ANNOTATION])).toEqual([]);
  expect(find(s, 'Gateway', 'mysql-ingress').spec.selector).toEqual({ istio: 'aks-istio-ingressgateway-internal' });
  expect(find(s, 'Gateway', 'mysql-ingress').spec.servers[0].port.number).toBe(443);
});

test('certificates: cert-manager Certificates with SANs of the host, in each gateway\'s namespace, from the customer issuer', () => {
  const link = mysqlLink({
    certificates: CertificateSource.certManager({
      clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' },
      serverIssuer: { kind: 'Issuer', name: 'server-ca' },
    }),
  });
  const client = find(link.clientObjects(), 'Certificate', 'mysql-client');
  const server = find(link.serverObjects(), 'Certificate', 'mysql-server');
  expect(client.metadata.namespace).toBe('secure-aks-egress');
  expect(client.spec).toMatchObject({ secretName: 'client-credential', dnsNames: ['mysql.fqdn.example'], issuerRef: { kind: 'ClusterIssuer', name: 'customer-ca' } });
  expect(client.spec.usages).toContain('client auth');
  expect(server.metadata.namespace).toBe('secure-aks-ingress');
  expect(server.spec).toMatchObject({ secretName: 'mysql-credential', issuerRef: { kind: 'Issuer', name: 'server-ca' } });
  expect(server.spec.usages).toContain('server auth');
  // The mesh CA is never involved: nothing refers to Istio's own CA secrets.
  expect(JSON.stringify([...link.clientObjects(), ...link.serverObjects()])).not.toMatch(/cacerts|istio-ca-secret/);
});

test('existing secrets: no Certificates, and the analyzer takes the named secrets as present', () => {
  const link = mysqlLink({ certificates: CertificateSource.existingSecrets() });
  expect([...link.clientObjects(), ...link.serverObjects()].filter((o) => o.kind === 'Certificate')).toEqual([]);
  expect(analyzeMesh(link.serverObjects(), link.serverInventory())).toEqual([]);
});

test('building is deterministic', () => {
  expect(JSON.stringify(mysqlLink().clientObjects())).toBe(JSON.stringify(mysqlLink().clientObjects()));
});

test('a link\'s reviewed warning can be acknowledged, and the report records it', () => {
  const reason = 'the payments namespace runs only the egress gateway\'s own clients (reviewed 2026-11)';
  const link = mysqlLink({ egressLockdown: { enabled: false }, acknowledgements: [{ ruleId: 'SAKS-MESH-008', reason }] });
  expect(link.warnings.map((w) => w.rule.id)).not.toContain('SAKS-MESH-008');
  expect(link.acknowledged.map((a) => a.acknowledgement.reason)).toEqual([reason]);
  expect(renderCrossClusterEncryption(link)).toContain(reason);
  // With the framework clauses the accepted rule supports ("unmapped" when none is recorded).
  expect(renderCrossClusterEncryption(link)).toMatch(new RegExp(`^\\| SAKS-MESH-008 \\|.*\\| ${frameworkClausesLine('SAKS-MESH-008')} \\|$`, 'm'));
  expect(mysqlLink({ egressLockdown: { enabled: false } }).warnings.map((w) => w.rule.id)).toContain('SAKS-MESH-008');
});
