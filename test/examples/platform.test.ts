import { parseAllDocuments } from 'yaml';
import { beforeAll, expect, test } from 'vitest';
import { analyzeMesh, analyzeMeshLink } from '../../lib';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

const docs = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJSON());

test('synthesizes templates, both clusters\' manifests and every report offline', async () => {
  const files = (await import('../../examples/platform/definition')).default.artifacts();
  expect(Object.keys(files).sort()).toEqual([
    'api-server-reachability-client.md',
    'api-server-reachability-server.md',
    'client-issuer.k8s.yaml',
    'client.k8s.yaml',
    'cross-cluster-encryption.md',
    'encryption-coverage-client.md',
    'encryption-coverage-server.md',
    'evidence/assessment-results.oscal.json',
    'evidence/report.html',
    'platform.template.json',
    'prerequisites.md',
    'security-baseline-client.md',
    'security-baseline-server.md',
    'server-issuer.k8s.yaml',
    'server.k8s.yaml',
  ]);
  const template = JSON.parse(files['platform.template.json']);
  expect(template.resources.filter((r: any) => r.type === 'Microsoft.ContainerService/managedClusters').map((r: any) => r.name)).toEqual([
    'payments-client',
    'ledger-server',
  ]);
  // No public endpoint anywhere: both API servers private, no public FQDN, internal ingress only.
  for (const c of template.resources.filter((r: any) => r.type === 'Microsoft.ContainerService/managedClusters')) {
    expect(c.properties.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false });
  }
  expect(template.resources.some((r: any) => r.type === 'Microsoft.Network/publicIPAddresses')).toBe(false);
  const server = docs(files['server.k8s.yaml']);
  expect(server.find((o: any) => o.kind === 'Service').metadata.annotations['service.beta.kubernetes.io/azure-load-balancer-internal']).toBe('true');
});

test('the manifests pass the library\'s analyzer', async () => {
  const { build } = await import('../../examples/platform/definition');
  const files = (await import('../../examples/platform/definition')).default.artifacts();
  const p = build();
  const client = docs(files['client.k8s.yaml']);
  const server = docs(files['server.k8s.yaml']);
  expect(analyzeMesh(client, p.link.clientInventory())).toEqual([]);
  expect(analyzeMesh(server, p.link.serverInventory())).toEqual([]);
  expect(analyzeMeshLink(client, server)).toEqual([]);
  expect(analyzeMesh(docs(files['client-issuer.k8s.yaml']), { rootNamespace: 'istio-system' })).toEqual([]);
});

test('the coverage of every flow includes the cross-cluster one', async () => {
  const files = (await import('../../examples/platform/definition')).default.artifacts();
  for (const side of ['client', 'server']) {
    const md = files[`encryption-coverage-${side}.md`];
    expect(md).toMatch(/\| Cross-cluster \| encrypted \| mutual TLS through Istio gateways/);
    expect(md).toContain('| Pod to pod, across nodes | encrypted |');
  }
  expect(files['security-baseline-client.md']).not.toMatch(/\| fail \|/);
});

test('the Pulumi program deploys the platform', async () => {
  const program = await import('../../examples/platform/index');
  await settle(program.clientClusterId, program.serverClusterId);
  await new Promise((r) => setTimeout(r, 200));
  expect(resources.filter((r) => r.type === 'secure-aks:azure:HardenedCluster' || r.name.endsWith('-cluster')).map((r) => r.name)).toEqual(
    expect.arrayContaining(['platform-client-cluster', 'platform-server-cluster']),
  );
  expect(resources.some((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === 'platform-mesh-server')).toBe(true);
});

test('egress leaves through the hub firewall: no public egress IP, and the reports say so', async () => {
  const files = (await import('../../examples/platform/definition')).default.artifacts();
  const template = JSON.parse(files['platform.template.json']);
  for (const c of template.resources.filter((r: any) => r.type === 'Microsoft.ContainerService/managedClusters')) {
    expect(c.properties.networkProfile.outboundType).toBe('userDefinedRouting');
  }
  const tables = template.resources.filter((r: any) => r.type === 'Microsoft.Network/routeTables');
  expect(tables.map((t: any) => t.properties.routes[0].properties)).toEqual([
    { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4' },
    { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4' },
  ]);
  for (const side of ['client', 'server']) {
    expect(files[`encryption-coverage-${side}.md`]).toContain('Public egress path: no. Egress leaves through the virtual appliance at 10.0.1.4');
    expect(files[`security-baseline-${side}.md`]).toMatch(/\| egress path \| [^|]+ \| pass \|/);
  }
});

test('one setting moves the platform onto the AKS Istio add-on: the clusters enable it, and no open-source Istio is installed', async () => {
  const { build } = await import('../../examples/platform/definition');
  const { NEWEST_AKS_ISTIO_REVISION } = await import('../../lib');
  const { regulatedPlatformTarget } = await import('../../lib/synth');
  const files = regulatedPlatformTarget(() => build('aksIstioAddon')).artifacts();
  const revision = NEWEST_AKS_ISTIO_REVISION.revision;
  const template = JSON.parse(files['platform.template.json']);
  for (const c of template.resources.filter((r: any) => r.type === 'Microsoft.ContainerService/managedClusters')) {
    expect(c.properties.serviceMeshProfile).toEqual({
      mode: 'Istio',
      istio: { revisions: [revision], components: { ingressGateways: [{ mode: 'Internal', enabled: false }, { mode: 'External', enabled: false }] } },
    });
  }
  expect(files['prerequisites.md']).not.toContain('istiod');
  expect(files['prerequisites.md']).toContain(`AKS Istio add-on at revision \`${revision}\``);
  for (const side of ['client', 'server']) {
    const config = docs(files[`${side}-mesh-config.k8s.yaml`]);
    expect(config.map((o: any) => [o.kind, o.metadata.namespace, o.metadata.name])).toEqual([['ConfigMap', 'aks-istio-system', `istio-shared-configmap-${revision}`]]);
    expect(JSON.parse(config[0].data.mesh).outboundTrafficPolicy).toEqual({ mode: 'REGISTRY_ONLY' });
  }
  // The dedicated gateways are injected by the add-on's control plane (its revision label).
  const client = docs(files['client.k8s.yaml']);
  const gateway = client.find((o: any) => o.kind === 'Deployment');
  expect(gateway.spec.template.metadata.labels['istio.io/rev']).toBe(revision);
  const p = build('aksIstioAddon');
  expect(analyzeMesh(client, p.link.clientInventory())).toEqual([]);
  expect(analyzeMesh(docs(files['server.k8s.yaml']), p.link.serverInventory())).toEqual([]);
});
