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
    'client-issuer.k8s.yaml',
    'client.k8s.yaml',
    'cross-cluster-encryption.md',
    'encryption-coverage-client.md',
    'encryption-coverage-server.md',
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
