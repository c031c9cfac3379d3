import { parseAllDocuments } from 'yaml';
import { beforeAll, expect, test } from 'vitest';
import { analyzeMesh, analyzeMeshLink, validateFluxObject } from '../../lib';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

const docs = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJSON());
const CLUSTERS = ['payments', 'ledger', 'fx-rates', 'reporting'];

test('synthesizes a template per cluster, the hub template, a GitOps tree per cluster and the reports, offline', async () => {
  const files = (await import('../../examples/estate/definition')).default.artifacts();
  const names = Object.keys(files);
  for (const c of CLUSTERS) {
    expect(names).toEqual(
      expect.arrayContaining([
        `clusters/${c}.template.json`,
        `gitops/clusters/${c}/prerequisites/helm-releases.yaml`,
        `gitops/clusters/${c}/prerequisites/helm-repositories.yaml`,
        `gitops/clusters/${c}/issuer/issuer.yaml`,
        `gitops/clusters/${c}/mesh/mesh.yaml`,
        `reports/encryption-coverage-${c}.md`,
        `reports/security-baseline-${c}.md`,
        `reports/api-server-reachability-${c}.md`,
      ]),
    );
  }
  expect(names).toEqual(expect.arrayContaining(['hub.template.json', 'estate-overview.md', 'cross-cluster-encryption.md']));
  // GitOps-delivered: no manifests for a Kubernetes provider.
  expect(names.some((n) => n.startsWith('k8s/'))).toBe(false);
  const hub = JSON.parse(files['hub.template.json']);
  expect(hub.resources.filter((r: any) => r.type === 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings').map((r: any) => r.properties.remoteVirtualNetwork.id)).toEqual(
    CLUSTERS.map((c) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-${c}/providers/Microsoft.Network/virtualNetworks/${c}-vnet`),
  );
});

test('every object of every tree passes the analyzer and the CRDs; links pair up across clusters', async () => {
  const { build } = await import('../../examples/estate/definition');
  const files = (await import('../../examples/estate/definition')).default.artifacts();
  const estate = build();
  for (const c of CLUSTERS) {
    for (const o of docs(files[`gitops/clusters/${c}/prerequisites/helm-releases.yaml`])) expect(validateFluxObject(o)).toEqual([]);
    const mesh = docs(files[`gitops/clusters/${c}/mesh/mesh.yaml`]);
    const { asClient, asServer } = estate.linksOf(c);
    // What the cluster has besides the tree (backends, sidecars, credentials): every link side's inventory, together.
    const inventories = [...asClient.map((l) => l.link.clientInventory()), ...asServer.map((l) => l.link.serverInventory())];
    const inventory = {
      rootNamespace: inventories[0].rootNamespace,
      services: inventories.flatMap((i) => i.services ?? []),
      workloads: inventories.flatMap((i) => i.workloads ?? []),
      secrets: inventories.flatMap((i) => i.secrets ?? []),
    };
    expect(analyzeMesh(mesh, inventory).filter((f) => f.level === 'Error').map((f) => [c, f.object, f.message])).toEqual([]);
  }
  // Each link's two sides agree, in both directions between payments and the ledger.
  expect(estate.links.filter((l) => [l.client, l.server].sort().join() === 'ledger,payments').length).toBe(2);
  for (const l of estate.links) expect(analyzeMeshLink(l.link.clientObjects(), l.link.serverObjects()).filter((f) => f.level === 'Error')).toEqual([]);
  expect(files['reports/encryption-coverage-payments.md']).toMatch(/\| Cross-cluster \| encrypted \| mutual TLS through Istio gateways \(links "payments-ledger", "payments-fx", "ledger-notify"\)/);
  expect(files['estate-overview.md']).toContain('```mermaid');
  expect(files['estate-overview.md']).toContain('egress_payments_ledger ==>|"2 customer CA"| ingress_payments_ledger');
  expect(files['estate-overview.md']).toMatch(/subgraph region_northeurope\["northeurope"\]/);
});

test('the mocked Pulumi run registers every resource under its cluster, with no Kubernetes provider', async () => {
  const program = await import('../../examples/estate/index');
  await settle(...Object.values(program.clusterIds));
  await new Promise((r) => setTimeout(r, 300));
  expect(resources.some((r) => r.type === 'pulumi:providers:kubernetes')).toBe(false);
  expect(resources.some((r) => r.type.startsWith('kubernetes:'))).toBe(false);
  for (const c of CLUSTERS) {
    const mine = resources.filter((r) => r.name.startsWith(`estate-${c}-`));
    const rg = mine.find((r) => r.type === 'azure-native:resources:ResourceGroup')!;
    expect(rg.inputs.resourceGroupName).toBe(`rg-${c}`);
    const ext = mine.find((r) => r.type === 'azure-native:kubernetesconfiguration:Extension')!;
    expect(ext.inputs).toMatchObject({ clusterRp: 'Microsoft.ContainerService', clusterResourceName: 'managedClusters', clusterName: c, resourceGroupName: `rg-${c}`, extensionType: 'microsoft.flux' });
    const flux = mine.find((r) => r.type === 'azure-native:resources:Resource' && r.inputs.resourceType === 'fluxConfigurations')!;
    expect(flux.inputs).toMatchObject({
      resourceGroupName: `rg-${c}`,
      resourceProviderNamespace: 'Microsoft.ContainerService',
      parentResourcePath: `managedClusters/${c}/providers/Microsoft.KubernetesConfiguration`,
      apiVersion: '2025-04-01',
    });
    const peering = mine.find((r) => r.type === 'azure-native:network:VirtualNetworkPeering')!;
    expect(peering.inputs.virtualNetworkName).toBe(`${c}-vnet`);
  }
  const hub = resources.filter((r) => r.name.startsWith('estate-hub-'));
  expect(hub.filter((r) => r.type === 'azure-native:network:VirtualNetworkPeering').every((r) => r.inputs.resourceGroupName === 'rg-hub')).toBe(true);
  expect(hub.filter((r) => r.type === 'azure-native:privatedns:PrivateRecordSet').map((r) => r.inputs.relativeRecordSetName).sort()).toEqual(['mysql', 'notify', 'rates', 'reports-db']);
});

test('a cluster Pulumi delivers gets its charts as manifests instead of a tree', async () => {
  const { props } = await import('../../examples/estate/definition');
  const { ClusterDelivery, EstateModel } = await import('../../lib');
  const { estateTarget } = await import('../../lib/synth');
  const mixed = { ...props, clusters: props.clusters.map((c) => (c.name === 'ledger' ? { ...c, delivery: ClusterDelivery.pulumiKubernetes() } : c)) };
  const names = Object.keys(estateTarget(() => EstateModel.build(mixed)).artifacts());
  expect(names.filter((n) => n.startsWith('k8s/')).sort()).toEqual([
    'k8s/cluster-ledger-issuer.k8s.yaml',
    'k8s/link-ledger-notify-client.k8s.yaml',
    'k8s/link-payments-ledger-server.k8s.yaml',
    'k8s/link-reporting-ledger-server.k8s.yaml',
  ]);
  expect(names.some((n) => n.startsWith('gitops/clusters/ledger/'))).toBe(false);
});

test('each cluster\'s reachability report is read from its template: no path from the internet, and the hub through the spoke\'s peering', async () => {
  const files = (await import('../../examples/estate/definition')).default.artifacts();
  for (const c of CLUSTERS) {
    const report = files[`reports/api-server-reachability-${c}.md`];
    expect(report).toContain(`<!-- Generated by secure-aks from clusters/${c}.template.json. Do not edit. -->`);
    expect(report).toContain('Verdict: **no path from the internet**.');
    expect(report).toContain(`| vnet-integration-subnet | the cluster network ${c}-vnet | no |`);
    expect(report).toMatch(/\| vnet-integration-subnet \| virtual network hub-vnet \(peering\) \| no \| [^|]*allowForwardedTraffic/);
    expect(report).toContain(`az network vnet peering list --resource-group "$RESOURCE_GROUP" --vnet-name ${c}-vnet --output table`);
  }
});
