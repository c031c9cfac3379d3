import { expect, test } from 'vitest';
import { analyzeMesh, analyzeMeshLink, CustomerCaIssuer, PINNED_VERSIONS, RegulatedPlatformModel } from '../../../lib';
import { MicrosoftModels } from '../../support/microsoft-models';
import { PLATFORM } from '../../support/platform-fixtures';
import { templateResources, unknownProperties, wireBody } from '../../support/template-resources';

const platform = RegulatedPlatformModel.build(PLATFORM);

test('both clusters are private, with API Server VNet Integration and ACNS WireGuard, in their own networks', () => {
  for (const m of [platform.client, platform.server]) {
    expect(m.cluster.properties.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: true, enableVnetIntegration: true, disableRunCommand: true });
    expect((m.cluster.properties.networkProfile as any).advancedNetworking.security.transitEncryption).toEqual({ type: 'WireGuard' });
  }
  expect(platform.client.config.network.addressSpace).toEqual(['10.10.0.0/16']);
  expect(platform.server.config.network.nodeSubnetPrefix).toBe('10.20.0.0/20');
  expect(platform.server.config.network.apiServerSubnetPrefix).toBe('10.20.16.0/28');
});

test('the networks are peered both ways; the service record points at the server\'s internal ingress IP, linked to the client network', () => {
  const glue = platform.glueResources();
  expect(glue.filter((r) => r.type.endsWith('virtualNetworkPeerings')).map((r) => r.name)).toEqual([
    ['client-a-vnet', 'to-server'],
    ['server-b-vnet', 'to-client'],
  ]);
  const record = glue.find((r) => r.type === 'Microsoft.Network/privateDnsZones/A')!;
  expect(record.name).toEqual(['ledger.internal.example', 'mysql']);
  expect(record.properties).toEqual({ ttl: 300, aRecords: [{ ipv4Address: platform.ingressIp }] });
  expect(platform.ingressIp).toBe('10.20.15.250');
  const link = glue.find((r) => r.type.endsWith('virtualNetworkLinks'))!;
  expect((link.properties.virtualNetwork as any).id.logicalId).toBe('client/vnet');
  // The same address is pinned on the ingress gateway's internal load balancer.
  const svc = platform.link.serverObjects().find((o) => o.kind === 'Service')! as any;
  expect(svc.metadata.annotations).toEqual({
    'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
    'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.20.15.250',
  });
});

test('every resource of the platform template is valid at its pinned API version (Microsoft\'s models)', () => {
  const resources = templateResources(platform.toArmTemplate()).filter((r) => r.resource.type !== 'Microsoft.Resources/deployments');
  expect(resources.length).toBeGreaterThan(20);
  for (const { resource } of resources) {
    const model = MicrosoftModels[resource.type];
    expect(model, resource.type).toBeDefined();
    expect(resource.apiVersion, resource.type).toBe(model.apiVersion());
    const body = wireBody(resource);
    expect(unknownProperties(body, model.roundTrip(body)), `${resource.type} ${resource.name}`).toEqual([]);
  }
});

test('the manifests of both clusters pass the analyzer, and client workloads cannot reach the server network directly', () => {
  const l = platform.link;
  expect(analyzeMesh(l.clientObjects(), l.clientInventory())).toEqual([]);
  expect(analyzeMesh(l.serverObjects(), l.serverInventory())).toEqual([]);
  expect(analyzeMeshLink(l.clientObjects(), l.serverObjects())).toEqual([]);
  expect(l.egressLockdown).toEqual({ enabled: true, serverCidrs: ['10.20.0.0/16'] });
  expect(analyzeMesh(platform.issuer.objects(), { rootNamespace: 'istio-system' })).toEqual([]);
});

test('the customer CA issuer: CA secret, ACME or Vault, as a ClusterIssuer the certificates refer to', () => {
  expect(CustomerCaIssuer.fromCaSecret({ secretName: 'ca' }).objects()[0].spec).toEqual({ ca: { secretName: 'ca' } });
  expect(CustomerCaIssuer.vault({ server: 'https://vault.example', path: 'pki/sign/gw', role: 'gw' }).objects()[0].spec).toMatchObject({
    vault: { server: 'https://vault.example', path: 'pki/sign/gw', auth: { kubernetes: { role: 'gw' } } },
  });
  const acme = CustomerCaIssuer.acme({ server: 'https://acme.example/directory', privateKeySecretName: 'acme-key', solvers: [{ dns01: {} }] });
  expect(analyzeMesh(acme.objects(), { rootNamespace: 'istio-system' })).toEqual([]);
  expect(CustomerCaIssuer.existing({ kind: 'Issuer', name: 'mine' }).objects()).toEqual([]);
  const cert = platform.link.clientObjects().find((o) => o.kind === 'Certificate') as any;
  expect(cert.spec.issuerRef).toEqual({ name: 'customer-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
});

test('prerequisites are pinned Helm releases with generated values', () => {
  const charts = platform.prerequisites();
  expect(charts.map((c) => [c.name, c.chart, c.version])).toEqual([
    ['cert-manager', 'cert-manager', PINNED_VERSIONS.certManager],
    ['istio-base', 'base', PINNED_VERSIONS.istio],
    ['istiod', 'istiod', PINNED_VERSIONS.istio],
  ]);
  expect(charts[2].values).toMatchObject({ meshConfig: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } } });
  expect(charts[2].after).toEqual(['istio-base']);
});

test('the template is deterministic', () => {
  expect(JSON.stringify(RegulatedPlatformModel.build(PLATFORM).toArmTemplate())).toBe(JSON.stringify(platform.toArmTemplate()));
});
