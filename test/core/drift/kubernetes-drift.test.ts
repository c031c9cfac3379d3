import { parseAllDocuments } from 'yaml';
import { expect, test } from 'vitest';
import { TransitEncryption } from '../../../lib/core/encryption/transit-encryption';
import { approvedTransitEncryption } from '../../../lib/core/drift/approved-transit-encryption';
import { approvedClusters } from '../../../lib/core/drift/drift-run';
import { compareKubernetesObjects, KubernetesObjectAt } from '../../../lib/core/drift/kubernetes-drift';
import { compareKubernetesList } from '../../../lib/core/drift/kubernetes-list-drift';
import { readDocument } from '../../../lib/core/readers/read-document';
import { renderDriftJson, renderDriftSarif, renderDriftText } from '../../../lib/core/drift/drift-report';
import { DriftRun } from '../../../lib/core/drift/drift-run';
import { Rules } from '../../../lib/core/validation/rule-catalog';

const manifest = (name: string, text: string): KubernetesObjectAt[] =>
  parseAllDocuments(text)
    .map((d) => d.toJSON())
    .filter((o) => o)
    .map((object, i) => ({ object, at: { document: name, pointer: `/${i}` } }));

/** The objects as `kubectl get ... -o json` returns them: a List, with what the API server adds. */
function kubectlList(objects: ReadonlyArray<Record<string, any>>): Record<string, any> {
  return {
    apiVersion: 'v1',
    kind: 'List',
    items: objects.map((o, i) => ({ ...structuredClone(o), metadata: { ...o.metadata, uid: `0000000${i}-0000-0000-0000-000000000000`, resourceVersion: String(1000 + i), generation: 1, creationTimestamp: '2026-12-01T08:00:00Z' } })),
    metadata: { resourceVersion: '' },
  };
}
const itemsOf = (list: Record<string, any>, name = 'live.json'): KubernetesObjectAt[] => list.items.map((object: any, i: number) => ({ object, at: { document: name, pointer: `/items/${i}` } }));

async function platformClient() {
  const files = (await import('../../../examples/platform/definition')).default.artifacts();
  return manifest('dist/platform/client.k8s.yaml', files['client.k8s.yaml']);
}

test('kubectl edit of a DestinationRule\'s TLS mode (MUTUAL to DISABLE): drift of the field, both values and where they were read', async () => {
  const approved = await platformClient();
  const istio = approved.filter((a) => ['DestinationRule', 'Gateway', 'ServiceEntry'].includes(a.object.kind)).map((a) => a.object);
  const live = kubectlList(istio);
  const rule = live.items.find((o: any) => o.kind === 'DestinationRule' && JSON.stringify(o).includes('"MUTUAL"'));
  const before = structuredClone(rule.spec.trafficPolicy.portLevelSettings);
  for (const p of rule.spec.trafficPolicy.portLevelSettings) if (p.tls?.mode === 'MUTUAL') p.tls = { mode: 'DISABLE' };
  const result = compareKubernetesObjects(approved, itemsOf(live), TransitEncryption.acnsWireGuard());
  expect(result.drifts).toEqual([
    {
      object: `networking.istio.io/v1/DestinationRule/secure-aks-egress/${rule.metadata.name}`,
      field: 'spec.trafficPolicy.portLevelSettings',
      approved: before,
      approvedAt: { document: 'dist/platform/client.k8s.yaml', pointer: expect.stringMatching(/^\/\d+\/spec\/trafficPolicy\/portLevelSettings$/) },
      live: [expect.objectContaining({ tls: { mode: 'DISABLE' } })],
      liveAt: { document: 'live.json', pointer: `/items/${live.items.indexOf(rule)}/spec/trafficPolicy/portLevelSettings` },
      // Judged by the link's admission policy, which the approved manifest carries.
      brokenRules: [Rules.meshLinkObjectsKept],
    },
  ]);
  // Unedited, what the API server adds (uid, resourceVersion, ...) is no drift.
  expect(compareKubernetesObjects(approved, itemsOf(kubectlList(istio)), TransitEncryption.acnsWireGuard()).drifts).toEqual([]);
});

test('a Gateway\'s TLS mode and hosts edited; a deleted Gateway is approved and not live where its kind is listed', async () => {
  const approved = await platformClient();
  const gateway = approved.find((a) => a.object.kind === 'Gateway')!.object;
  const live = kubectlList([gateway]);
  live.items[0].spec.servers[0].tls = { mode: 'PASSTHROUGH' };
  live.items[0].spec.servers[0].hosts = ['*'];
  const result = compareKubernetesObjects(approved, itemsOf(live), TransitEncryption.acnsWireGuard());
  expect(result.drifts.map((d) => [d.field, (d.live as any)[0].tls, (d.approved as any)[0].tls, d.brokenRules.map((r) => r.id)])).toEqual([['spec.servers', { mode: 'PASSTHROUGH' }, gateway.spec.servers[0].tls, ['SAKS-MESH-025']]]);
  expect(compareKubernetesObjects(approved, itemsOf(kubectlList([])), TransitEncryption.acnsWireGuard()).missing).toEqual([]);
  const otherGatewayListed = kubectlList([{ ...gateway, metadata: { ...gateway.metadata, name: 'another' } }]);
  expect(compareKubernetesObjects(approved, itemsOf(otherGatewayListed), TransitEncryption.acnsWireGuard()).missing.map((m) => m.object.metadata.name)).toEqual([gateway.metadata.name]);
});

test('PeerAuthentication STRICT to PERMISSIVE and a FelixConfiguration with WireGuard turned off are drift', async () => {
  const calico = (await import('../../../examples/calico-wireguard/definition')).default.artifacts();
  const approved = manifest('dist/calico-wireguard/calico-wireguard.k8s.yaml', calico['calico-wireguard.k8s.yaml']);
  const felix = approved.find((a) => a.object.kind === 'FelixConfiguration')!.object;
  const live = kubectlList([{ ...felix, spec: { ...felix.spec, wireguardEnabled: false } }]);
  expect(compareKubernetesObjects(approved, itemsOf(live), TransitEncryption.calicoWireGuard()).drifts.map((d) => [d.object, d.field, d.approved, d.live, d.brokenRules.map((r) => r.id)])).toEqual([
    [`${felix.apiVersion}/FelixConfiguration//${felix.metadata.name}`, 'spec.wireguardEnabled', true, false, ['SAKS-ENC-016']],
  ]);
  // The Felix rule is judged from the cluster's transit encryption too, when the manifests carry no policy.
  const withoutPolicies = approved.filter((a) => !a.object.kind.startsWith('ValidatingAdmissionPolicy'));
  expect(compareKubernetesObjects(withoutPolicies, itemsOf(live), TransitEncryption.calicoWireGuard()).drifts.map((d) => d.brokenRules.map((r) => r.id))).toEqual([['SAKS-ENC-016']]);
  const strict = { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'default', namespace: 'istio-system' }, spec: { mtls: { mode: 'STRICT' } } };
  const permissive = kubectlList([{ ...strict, spec: { mtls: { mode: 'PERMISSIVE' } } }]);
  expect(compareKubernetesObjects([{ object: strict, at: { document: 'mesh.k8s.yaml', pointer: '/0' } }], itemsOf(permissive), TransitEncryption.acnsWireGuard()).drifts.map((d) => [d.field, d.approved, d.live])).toEqual([
    ['spec.mtls', { mode: 'STRICT' }, { mode: 'PERMISSIVE' }],
  ]);
  // A PeerAuthentication of the user's own: no approved policy guards it, so no rule is named.
  expect(compareKubernetesObjects([{ object: strict, at: { document: 'mesh.k8s.yaml', pointer: '/0' } }], itemsOf(permissive), TransitEncryption.acnsWireGuard()).drifts[0].brokenRules).toEqual([]);
});

async function mysqlServer() {
  const files = (await import('../../../examples/cross-cluster-mysql/definition')).default.artifacts();
  return manifest('dist/cross-cluster-mysql/server.k8s.yaml', files['server.k8s.yaml']);
}

test('a link backend\'s PeerAuthentication made PERMISSIVE, or given a port-level DISABLE: drift breaking SAKS-MESH-026; a harmless field names no rule', async () => {
  const approved = await mysqlServer();
  const pa = approved.find((a) => a.object.kind === 'PeerAuthentication')!.object;
  expect(pa.spec).toEqual({ selector: { matchLabels: { app: 'mysql' } }, mtls: { mode: 'STRICT' } });
  const live = kubectlList([pa]);
  live.items[0].spec.mtls.mode = 'PERMISSIVE';
  live.items[0].spec.portLevelMtls = { 3306: { mode: 'DISABLE' } };
  const result = compareKubernetesObjects(approved, itemsOf(live), TransitEncryption.acnsWireGuard());
  expect(result.drifts.map((d) => [d.object, d.field, d.approved, d.live, d.brokenRules.map((r) => r.id)])).toEqual([
    ['security.istio.io/v1/PeerAuthentication/default/mysql-backend-strict-mtls', 'spec.mtls', { mode: 'STRICT' }, { mode: 'PERMISSIVE' }, ['SAKS-MESH-026']],
    ['security.istio.io/v1/PeerAuthentication/default/mysql-backend-strict-mtls', 'spec.portLevelMtls', undefined, { 3306: { mode: 'DISABLE' } }, ['SAKS-MESH-026']],
  ]);
  // A label added to the selector narrows what STRICT covers: the policy keeps the selector exact.
  const narrowed = kubectlList([pa]);
  narrowed.items[0].spec.selector.matchLabels.version = 'v2';
  expect(compareKubernetesObjects(approved, itemsOf(narrowed), TransitEncryption.acnsWireGuard()).drifts.map((d) => [d.field, d.brokenRules.map((r) => r.id)])).toEqual([['spec.selector', ['SAKS-MESH-026']]]);
  // The ingress Gateway's selector is not what the link's policy keeps: drift, no rule broken.
  const gateway = approved.find((a) => a.object.kind === 'Gateway')!.object;
  const relabelled = kubectlList([gateway]);
  relabelled.items[0].spec.selector = { istio: 'another' };
  expect(compareKubernetesObjects(approved, itemsOf(relabelled), TransitEncryption.acnsWireGuard()).drifts.map((d) => [d.field, d.brokenRules])).toEqual([['spec.selector', []]]);
});

test('a PeerAuthentication the approved manifests do not hold, PERMISSIVE for the backend\'s pods: drift breaking SAKS-MESH-026; one for other pods: none', async () => {
  const approved = await mysqlServer();
  const own = (selector: Record<string, string>) => ({ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'legacy', namespace: 'default' }, spec: { selector: { matchLabels: selector }, mtls: { mode: 'PERMISSIVE' } } });
  const result = compareKubernetesObjects(approved, itemsOf(kubectlList([own({ app: 'mysql', track: 'canary' })])), TransitEncryption.acnsWireGuard());
  expect(result.drifts.map((d) => [d.object, d.field, d.approved, d.live, d.brokenRules.map((r) => r.id)])).toEqual([
    ['security.istio.io/v1/PeerAuthentication/default/legacy', 'spec', undefined, own({ app: 'mysql', track: 'canary' }).spec, ['SAKS-MESH-026']],
  ]);
  expect(compareKubernetesObjects(approved, itemsOf(kubectlList([own({ app: 'reports' })])), TransitEncryption.acnsWireGuard()).drifts).toEqual([]);
});

test('the broken rules of a Kubernetes drift are in the text, JSON and SARIF reports', async () => {
  const approved = await mysqlServer();
  const pa = approved.find((a) => a.object.kind === 'PeerAuthentication')!.object;
  const live = kubectlList([pa]);
  live.items[0].spec.mtls.mode = 'DISABLE';
  const run: DriftRun = { clusters: [], unmanaged: [], ambiguous: [], notFound: [], problems: [], kubernetes: [{ live: 'live.json', manifests: ['server.k8s.yaml'], result: compareKubernetesObjects(approved, itemsOf(live), TransitEncryption.acnsWireGuard()) }] };
  expect(renderDriftText(run)).toContain(`    breaks:   [SAKS-MESH-026] ${Rules.meshLinkBackendStrictMtls.statement}`);
  expect(JSON.parse(renderDriftJson(run)).kubernetes[0].drifts.map((d: any) => [d.field, d.brokenRules])).toEqual([['spec.mtls', ['SAKS-MESH-026']]]);
  const sarif = JSON.parse(renderDriftSarif(run, { toolVersion: '0.0.0' }));
  expect(sarif.runs[0].results.map((r: any) => [r.ruleId, r.properties.brokenRules, /Breaks SAKS-MESH-026\.$/.test(r.message.text)])).toEqual([['SAKS-DRIFT-001', ['SAKS-MESH-026'], true]]);
});

test('a pod with hostNetwork: true on a cluster with ACNS WireGuard: drift breaking SAKS-ENC-017; with Calico WireGuard (host traffic encrypted): none', async () => {
  const files = (await import('../../../examples/acns-wireguard/definition')).default.artifacts();
  const approved = manifest('dist/acns-wireguard/workloads.k8s.yaml', files['workloads.k8s.yaml']);
  const clusters = approvedClusters([{ name: 'cluster.template.json', reading: readDocument(JSON.parse(files['cluster.template.json']), 'cluster.template.json') }]);
  expect(approvedTransitEncryption(clusters[0].description, [])).toMatchObject({ kind: 'acnsWireGuard' });
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'ledger' }, spec: { hostNetwork: true, containers: [{ name: 'sh', image: 'busybox' }] } };
  const live = itemsOf(kubectlList([...approved.map((a) => a.object), pod]));
  const drift = compareKubernetesList('live.json', live, [{ name: 'dist/acns-wireguard/workloads.k8s.yaml', objects: approved }], clusters);
  expect(drift.manifests).toEqual(['dist/acns-wireguard/workloads.k8s.yaml']);
  expect(drift.result.drifts.map((d) => [d.object, d.field, d.approved, d.live, d.brokenRules.map((r) => r.id)])).toEqual([['v1/Pod/ledger/debug', 'spec.hostNetwork', undefined, true, ['SAKS-ENC-017']]]);
  expect(compareKubernetesObjects(approved, live, TransitEncryption.calicoWireGuard()).drifts).toEqual([]);
  // Without the cluster's transit encryption, undecided.
  expect(compareKubernetesObjects(approved, live, { unknown: 'no cluster template' }).undecided.map((u) => u.object)).toEqual(['v1/Pod/ledger/debug']);
});

test('the approved cluster\'s transit encryption is read as the rules read it: the manifests\' FelixConfiguration "default", the nodes\' own network, unknown where the rules are undecided', () => {
  const template = (properties: Record<string, unknown>) => ({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-07-01', name: 'approved', location: 'westeurope', properties }],
  });
  const described = (properties: Record<string, unknown>) => approvedClusters([{ name: 'cluster.template.json', reading: readDocument(template(properties), 'cluster.template.json') }])[0].description;
  const calico = described({ networkProfile: { networkPlugin: 'azure', networkPolicy: 'calico' } });
  const felix = (name: string) => ({ apiVersion: 'crd.projectcalico.org/v1', kind: 'FelixConfiguration', metadata: { name }, spec: { wireguardEnabled: true } });
  expect(approvedTransitEncryption(calico, [felix('default')])).toMatchObject({ kind: 'calicoWireGuard' });
  // Felix reads only the configuration named "default".
  expect(approvedTransitEncryption(calico, [felix('other')])).toMatchObject({ kind: 'none' });
  expect(approvedTransitEncryption(described({ networkProfile: { advancedNetworking: { security: { transitEncryption: { type: 'WIREGUARD' } } } } }), [])).toMatchObject({ kind: 'acnsWireGuard' });
  const brought = described({ agentPoolProfiles: [{ name: 'system', vnetSubnetID: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke/subnets/nodes' }] });
  expect(approvedTransitEncryption(brought, [])).toEqual({ unknown: "whether the nodes' virtual network is encrypted: the virtual network spoke is not among the resources read" });
});
