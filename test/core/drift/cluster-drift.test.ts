import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { ApprovedCluster } from '../../../lib/core/drift/cluster-matching';
import { renderDriftJson, renderDriftSarif, renderDriftText } from '../../../lib/core/drift/drift-report';
import { approvedClusters, compareWithApproved, DriftRun } from '../../../lib/core/drift/drift-run';
import { parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';
import { approvedFiles, azAksShowOf, liveGetOf, liveResourceOf, RESOURCE_GROUP, SUBSCRIPTION } from '../../support/live-cluster';

const TEMPLATE = 'dist/acns-wireguard/cluster.template.json';
let wireguard: string;
let publicRanges: string;
let approved: ApprovedCluster[];

beforeAll(async () => {
  wireguard = (await approvedFiles('acns-wireguard'))['cluster.template.json'];
  publicRanges = (await approvedFiles('public-authorized-ranges'))['cluster.template.json'];
  approved = approvedClusters([
    { name: TEMPLATE, reading: readDocument(JSON.parse(wireguard), TEMPLATE) },
    { name: 'dist/public-authorized-ranges/cluster.template.json', reading: readDocument(JSON.parse(publicRanges), 'dist/public-authorized-ranges/cluster.template.json') },
  ]);
});

function driftOf(...live: unknown[]): DriftRun {
  const readings = live.map((doc, i) => readDocument(doc, `live-${i}.json`));
  return compareWithApproved(describeDeployment(readings).clusters, approved);
}

const summary = (run: DriftRun) => run.clusters.flatMap((c) => c.drifts.map((d) => ({ path: d.path, approved: d.approved, live: d.live, rules: d.brokenRules.map((r) => r.id) })));

test('a GET of the cluster as approved, with what Azure adds (read-only members, defaults), is no drift, in either live form', () => {
  for (const live of [liveGetOf(wireguard), azAksShowOf(liveGetOf(wireguard))]) {
    const run = driftOf(live);
    expect(run.clusters).toHaveLength(1);
    expect(run.clusters[0].approved.template).toBe(TEMPLATE);
    expect(run.clusters[0].matchedBy).toMatch(/^by name only with dist\/acns-wireguard\/cluster.template.json#\/resources\/\d+ \(its subscription and resource group are chosen at deployment\)$/);
    expect(run.clusters[0].drifts).toEqual([]);
    expect(run.clusters[0].undecided).toEqual([]);
    expect(run.clusters[0].newlyBroken).toEqual([]);
    // The GET holds the cluster alone: what the template deploys beside it is listed, never passed.
    expect(run.clusters[0].notCompared.map((n) => n.resource.type)).toContain('Microsoft.Insights/diagnosticSettings');
    expect(run.unmanaged).toEqual([]);
  }
});

test('the portal turns public access on (a private cluster with API Server VNet Integration made public): drift, breaking SAKS-API-005 and giving it a public endpoint (SAKS-API-007)', () => {
  const run = driftOf(liveGetOf(wireguard, (c) => (c.properties.apiServerAccessProfile.enablePrivateCluster = false)));
  expect(summary(run)).toEqual([
    {
      path: 'properties.apiServerAccessProfile.enablePrivateCluster',
      approved: expect.objectContaining({ state: 'known', value: true, at: { document: TEMPLATE, pointer: expect.stringMatching(/^\/resources\/\d+\/properties\/apiServerAccessProfile\/enablePrivateCluster$/) } }),
      live: expect.objectContaining({ state: 'known', value: false, at: { document: 'live-0.json', pointer: '/properties/apiServerAccessProfile/enablePrivateCluster' } }),
      rules: ['SAKS-API-007', 'SAKS-API-005'],
    },
  ]);
});

test('az aks update --api-server-authorized-ip-ranges 0.0.0.0/0: drift of the list, breaking SAKS-API-005', () => {
  const run = driftOf(liveGetOf(publicRanges, (c) => (c.properties.apiServerAccessProfile.authorizedIPRanges = ['0.0.0.0/0'])));
  expect(summary(run)).toEqual([
    {
      path: 'properties.apiServerAccessProfile.authorizedIPRanges',
      approved: expect.objectContaining({ value: ['203.0.113.0/24', '198.51.100.7/32'] }),
      live: expect.objectContaining({ value: ['0.0.0.0/0'] }),
      rules: ['SAKS-API-005'],
    },
  ]);
  // The same ranges in another order are the same setting.
  expect(summary(driftOf(liveGetOf(publicRanges, (c) => c.properties.apiServerAccessProfile.authorizedIPRanges.reverse())))).toEqual([]);
});

test('authorized ranges added to a private cluster, where the approved template sets none: drift, since a rule it keeps breaks there', () => {
  const run = driftOf(liveGetOf(wireguard, (c) => (c.properties.apiServerAccessProfile.authorizedIPRanges = ['198.51.100.0/24'])));
  expect(summary(run)).toEqual([
    { path: 'properties.apiServerAccessProfile.authorizedIPRanges', approved: expect.objectContaining({ state: 'absent' }), live: expect.objectContaining({ value: ['198.51.100.0/24'] }), rules: ['SAKS-API-001'] },
  ]);
});

test('another team\'s Terraform turns the network policy off: drift, breaking the rules that need it', () => {
  const run = driftOf(liveGetOf(wireguard, (c) => (c.properties.networkProfile.networkPolicy = 'none')));
  expect(summary(run)).toEqual([
    { path: 'properties.networkProfile.networkPolicy', approved: expect.objectContaining({ value: 'cilium' }), live: expect.objectContaining({ value: 'none' }), rules: ['SAKS-ENC-004', 'SAKS-BASE-008'] },
  ]);
});

test('node pools compare by name: a changed pool, a pool added and a pool removed', () => {
  const run = driftOf(
    liveGetOf(wireguard, (c) => {
      const [system, user] = c.properties.agentPoolProfiles;
      c.properties.agentPoolProfiles = [{ ...user, name: 'batch', enableNodePublicIP: true }, { ...system, securityProfile: { sshAccess: 'LocalUser' } }];
    }),
  );
  expect(summary(run).map((d) => [d.path, d.approved.state, d.live.state])).toEqual([
    ["properties.agentPoolProfiles['system'].securityProfile.sshAccess", 'known', 'known'],
    ["properties.agentPoolProfiles['user']", 'known', 'absent'],
    ["properties.agentPoolProfiles['batch']", 'absent', 'known'],
  ]);
  expect(summary(run).find((d) => d.path.includes('batch'))!.rules).toEqual(['SAKS-NET-011']);
});

test('a Resource Graph export of the tenant: the approved cluster and its network compared, a cluster no template describes unmanaged', () => {
  const list = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/aks-rest-examples/ManagedClustersList.json'), 'utf8'));
  const other = list.responses['200'].body.value[0];
  const vnet = liveResourceOf(wireguard, 'Microsoft.Network/virtualNetworks', (v) => v.properties.subnets.push({ name: 'jumpbox', properties: { addressPrefix: '10.1.250.0/24' } }));
  const run = driftOf({ count: 3, data: [liveGetOf(wireguard), vnet, other], skip_token: null, total_records: 3 });
  expect(run.unmanaged.map((u) => u.resource.id)).toEqual([other.id]);
  expect(summary(run)).toEqual([
    { path: "properties.subnets['jumpbox']", approved: expect.objectContaining({ state: 'absent' }), live: expect.objectContaining({ value: { name: 'jumpbox', properties: { addressPrefix: '10.1.250.0/24' } } }), rules: [] },
  ]);
  expect(run.clusters[0].drifts[0].resource).toEqual({ type: 'Microsoft.Network/virtualNetworks', name: 'ledger-prod-vnet', id: `/subscriptions/${SUBSCRIPTION}/resourcegroups/${RESOURCE_GROUP}/providers/Microsoft.Network/virtualNetworks/ledger-prod-vnet` });
  expect(run.clusters[0].notCompared.map((n) => n.resource.type)).not.toContain('Microsoft.Network/virtualNetworks');
  // The approved public cluster is in neither input: listed, not compared.
  expect(run.notFound.map((n) => n.description.name)).toEqual(['analytics-dev']);
});

test('an approved value the template does not know offline (a parameter without default) is undecided, never "no drift"', () => {
  const template = JSON.parse(wireguard);
  template.parameters = { privateCluster: { type: 'bool' } };
  template.resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters').properties.apiServerAccessProfile.enablePrivateCluster = "[parameters('privateCluster')]";
  const withParameter = approvedClusters([{ name: 'parameterized.json', reading: readDocument(template, 'parameterized.json') }]);
  const live = describeDeployment([readDocument(liveGetOf(wireguard, (c) => (c.properties.apiServerAccessProfile.enablePrivateCluster = false)), 'live.json')]).clusters;
  const run = compareWithApproved(live, withParameter);
  expect(run.clusters[0].undecided.map((u) => [u.path, u.live.state === 'known' ? u.live.value : u.live.state])).toEqual([['properties.apiServerAccessProfile.enablePrivateCluster', false]]);
  expect(run.clusters[0].undecided[0].reason).toMatch(/privateCluster/);
  expect(run.clusters[0].drifts.map((d) => d.path)).not.toContain('properties.apiServerAccessProfile.enablePrivateCluster');
});

test('two approved templates that describe a cluster of the same name and place: ambiguous, not compared', () => {
  const twice = approvedClusters(['a', 'b'].map((n) => ({ name: `${n}/cluster.template.json`, reading: readDocument(JSON.parse(wireguard), `${n}/cluster.template.json`) })));
  const run = compareWithApproved(describeDeployment([readDocument(liveGetOf(wireguard), 'live.json')]).clusters, twice);
  expect(run.clusters).toEqual([]);
  expect(run.ambiguous[0].how).toMatch(/^2 approved clusters match it by name \(a\/cluster.template.json#\/resources\/\d+, b\/cluster.template.json#\/resources\/\d+\)/);
});

test('the node count the cluster autoscaler moves is not drift; its bounds are', () => {
  const template = JSON.parse(wireguard);
  const pools = template.resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters').properties.agentPoolProfiles;
  Object.assign(pools[1], { enableAutoScaling: true, minCount: 2, maxCount: 5 });
  const text = JSON.stringify(template);
  const autoscaled = approvedClusters([{ name: 'autoscaled.json', reading: readDocument(template, 'autoscaled.json') }]);
  const live = (edit: (c: any) => void) => describeDeployment([readDocument(liveGetOf(text, edit), 'live.json')]).clusters;
  expect(compareWithApproved(live((c) => (c.properties.agentPoolProfiles[1].count = 4)), autoscaled).clusters[0].drifts).toEqual([]);
  expect(compareWithApproved(live((c) => (c.properties.agentPoolProfiles[1].maxCount = 50)), autoscaled).clusters[0].drifts.map((d) => d.path)).toEqual(["properties.agentPoolProfiles['user'].maxCount"]);
  // Without the autoscaler, the count is the approved one.
  expect(summary(driftOf(liveGetOf(wireguard, (c) => (c.properties.agentPoolProfiles[1].count = 4)))).map((d) => d.path)).toEqual(["properties.agentPoolProfiles['user'].count"]);
});

test('real documents nobody here wrote, as approved templates and as live state: each read without error, every live cluster accounted for', () => {
  const root = path.resolve(__dirname, '../../fixtures/real-world');
  const documents = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .flatMap((folder) => fs.readdirSync(path.join(root, folder)).filter((f) => f.endsWith('.json') && f !== 'expected.json').map((f) => `${folder}/${f}`))
    .sort()
    .map((name) => {
      // As the CLI reads them: JSON with comments, as ARM accepts it.
      const parsed = parseJsonDocument(fs.readFileSync(path.join(root, name), 'utf8'), name);
      if (!('value' in parsed)) throw new Error(`${name}: not JSON`);
      return { name, reading: readDocument(parsed.value, name) };
    });
  const templates = documents.filter((d) => d.reading.form === 'arm-template');
  const live = documents.filter((d) => d.reading.form === 'azure-json');
  expect(templates.length).toBeGreaterThan(3);
  expect(live.length).toBeGreaterThan(1);
  const realApproved = approvedClusters(templates);
  for (const l of live) {
    const clusters = describeDeployment([l.reading]).clusters;
    const run = compareWithApproved(clusters, [...realApproved, ...approved]);
    expect(run.clusters.length + run.unmanaged.length + run.ambiguous.length, l.name).toBe(clusters.length);
    // A live cluster whose name a real template writes only as a parameter is not matched by a guess.
    for (const c of run.clusters) expect(c.approved.description.name.toLowerCase()).toBe(c.live.name.toLowerCase());
  }
  // A real template compared with itself: every cluster whose name it knows matched, and no drift.
  let compared = 0;
  for (const t of templates) {
    const run = compareWithApproved(describeDeployment([t.reading]).clusters, approvedClusters([t]));
    expect(run.clusters.flatMap((c) => c.drifts), t.name).toEqual([]);
    compared += run.clusters.length;
  }
  expect(compared).toBeGreaterThan(0);
});

test('a diagnostic setting read with the cluster: its audit log category turned off is drift; the categories Azure adds with their retention are not', () => {
  const cluster = `/subscriptions/${SUBSCRIPTION}/resourcegroups/${RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/ledger-prod`;
  const setting = (kubeAuditAdmin: boolean) => ({
    id: `${cluster}/providers/microsoft.insights/diagnosticSettings/ledger-prod-audit-logs`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name: 'ledger-prod-audit-logs',
    properties: {
      workspaceId: `/subscriptions/${SUBSCRIPTION}/resourcegroups/${RESOURCE_GROUP}/providers/microsoft.operationalinsights/workspaces/ledger-prod-logs`,
      logs: [
        { category: 'guard', categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } },
        { category: 'kube-audit-admin', categoryGroup: null, enabled: kubeAuditAdmin, retentionPolicy: { enabled: false, days: 0 } },
        { category: 'kube-apiserver', categoryGroup: null, enabled: false, retentionPolicy: { enabled: false, days: 0 } },
      ],
      metrics: [],
    },
  });
  expect(summary(driftOf(liveGetOf(wireguard), setting(true)))).toEqual([]);
  const run = driftOf(liveGetOf(wireguard), setting(false));
  expect(summary(run).map((d) => [d.path, d.approved.state === 'known' && d.approved.value, d.live.state === 'known' && d.live.value])).toEqual([["properties.logs['kube-audit-admin'].enabled", true, false]]);
  expect(run.clusters[0].drifts[0].resource.type).toBe('Microsoft.Insights/diagnosticSettings');
});

test('a template with two clusters (the platform): each live cluster compared with its own, and only its own resources beside it', async () => {
  const platform = (await approvedFiles('platform'))['platform.template.json'];
  const name = 'dist/platform/platform.template.json';
  const both = approvedClusters([{ name, reading: readDocument(JSON.parse(platform), name) }]);
  const clientVnet = liveResourceOf(platform, 'Microsoft.Network/virtualNetworks', (v) => (v.properties.subnets = v.properties.subnets.filter((x: any) => x.name !== 'apiserver')), 'payments-client-vnet');
  const live = [liveGetOf(platform, undefined, 'payments-client'), liveGetOf(platform, undefined, 'ledger-server'), clientVnet];
  const run = compareWithApproved(describeDeployment([readDocument(live, 'live.json')]).clusters, both);
  expect(run.clusters.map((c) => [c.live.name, c.approved.description.name])).toEqual([
    ['payments-client', 'payments-client'],
    ['ledger-server', 'ledger-server'],
  ]);
  const [client, server] = run.clusters;
  expect(client.drifts.map((d) => [d.resource.name, d.path, d.live.state])).toEqual([['payments-client-vnet', "properties.subnets['apiserver']", 'absent']]);
  expect(server.drifts).toEqual([]);
  const names = (c: typeof client) => c.notCompared.map((n) => n.resource.name);
  // A peering between the two clusters' networks is each one's; nothing else of the other cluster is.
  expect(names(server).filter((n) => n.startsWith('payments-client'))).toEqual(['payments-client-vnet/to-server']);
  expect(names(client).filter((n) => n.startsWith('ledger-server-'))).toEqual(['ledger-server-vnet/to-client']);
  expect(names(server)).toEqual(expect.arrayContaining(['ledger-server-egress-rt', 'ledger-server-nodes-nsg', 'ledger-server-identity', 'ledger-server-vnet/to-client']));
});

test('any member of the live cluster replaced by null, a number, text, a list or an object: a report, never an exception', () => {
  const base = liveGetOf(wireguard);
  const paths: string[][] = [];
  const walk = (v: unknown, at: string[]) => {
    if (at.length > 0) paths.push(at);
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(base, []);
  expect(paths.length).toBeGreaterThan(100);
  let drifted = 0;
  for (const at of paths) {
    for (const replacement of [null, 0, 'x', [], {}]) {
      const live = structuredClone(base);
      const parent = at.slice(0, -1).reduce<any>((x, k) => x[k], live);
      parent[at[at.length - 1]] = replacement;
      const run = driftOf(live);
      renderDriftText(run);
      renderDriftJson(run);
      renderDriftSarif(run, { toolVersion: '0.0.0' });
      drifted += run.clusters.some((c) => c.drifts.length > 0) ? 1 : 0;
    }
  }
  expect(drifted).toBeGreaterThan(paths.length);
});
