import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { DescribedResource } from '../../../../lib/core/description/described-resource';
import { isUnknown } from '../../../../lib/core/description/unknown-value';
import { readArmTemplate } from '../../../../lib/core/readers/arm-template';
import { decodeDocument, parseJsonDocument } from '../../../../lib/core/readers/document-text';

const CLUSTER = 'Microsoft.ContainerService/managedClusters';
const RG = '/subscriptions/(subscription)/resourceGroups/(resourceGroup)';
const fixture = (slug: string, file: string) => path.join(__dirname, '../../../fixtures/arm-templates', slug, file);

/** Reads a template file as the audit will: bytes, text, JSON as ARM accepts it. */
function readFile(file: string, parameters?: Record<string, unknown>) {
  const decoded = decodeDocument(fs.readFileSync(file), file);
  if (!('text' in decoded)) throw new Error(decoded.problem.message);
  const parsed = parseJsonDocument(decoded.text, file);
  if (!('value' in parsed)) throw new Error(parsed.problems[0].message);
  return readArmTemplate(parsed.value, path.basename(file), { parameters });
}

const ofType = (resources: readonly DescribedResource[], type: string) => resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
const props = (r: DescribedResource) => r.body.properties as any;

test('the AKS quickstart: the cluster, its one agent pool, no private cluster setting; what has no default is unknown', () => {
  const reading = readFile(fixture('quickstart-aks', 'azuredeploy.json'));
  expect(reading.problems).toEqual([]);
  expect(reading.notExamined).toEqual([]);
  const [cluster] = reading.resources;
  expect(reading.resources).toHaveLength(1);
  expect(cluster).toMatchObject({ type: CLUSTER, name: 'aks101cluster', id: `${RG}/providers/${CLUSTER}/aks101cluster`, apiVersion: '2020-09-01', origin: { pointer: '/resources/0' } });
  expect(props(cluster).agentPoolProfiles).toEqual([{ name: 'agentpool', osDiskSizeGB: 0, count: 3, vmSize: 'Standard_D2s_v3', osType: 'Linux', mode: 'System' }]);
  // No apiServerAccessProfile: the API server is public, as Azure's default.
  expect(props(cluster).apiServerAccessProfile).toBeUndefined();
  expect(isUnknown(props(cluster).dnsPrefix) && props(cluster).dnsPrefix.reason).toBe("parameter 'dnsPrefix' has no default value");
  expect(isUnknown(cluster.body.location)).toBe(true);
});

test('the quickstart with a parameters file: given values replace the unknowns', () => {
  const reading = readFile(fixture('quickstart-aks', 'azuredeploy.json'), { dnsPrefix: 'aks101', agentCount: 5 });
  expect(props(reading.resources[0]).dnsPrefix).toBe('aks101');
  expect(props(reading.resources[0]).agentPoolProfiles[0].count).toBe(5);
});

test('the quickstart saved as UTF-16 (Windows PowerShell) or with a BOM reads the same', () => {
  const text = fs.readFileSync(fixture('quickstart-aks', 'azuredeploy.json'), 'utf8');
  const expected = readFile(fixture('quickstart-aks', 'azuredeploy.json')).resources;
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  for (const bytes of [utf16, bom]) {
    const decoded = decodeDocument(bytes, 'azuredeploy.json') as { text: string };
    const parsed = parseJsonDocument(decoded.text, 'azuredeploy.json') as { value: unknown };
    expect(JSON.stringify(readArmTemplate(parsed.value, 'azuredeploy.json').resources)).toBe(JSON.stringify(expected));
  }
});

test('AVM managed cluster (languageVersion 2.0) with its defaults: the cluster and the telemetry deployment only', () => {
  const reading = readFile(fixture('avm-managed-cluster', 'main.json'));
  expect(reading.problems).toEqual([]);
  // Deployed for certain: the telemetry deployment and the cluster; the rest hangs on conditions the caller decides.
  expect(reading.resources.filter((r) => r.condition === undefined).map((r) => [r.type, r.origin.pointer])).toEqual([
    ['Microsoft.Resources/deployments', '/resources/avmTelemetry'],
    [CLUSTER, '/resources/managedCluster'],
  ]);
  expect(reading.resources.filter((r) => r.condition !== undefined).map((r) => r.type)).toContain('Microsoft.Authorization/locks');
  const cluster = reading.resources[1];
  // `name` has no default; apiServerAccessProfile is nullable without default: the caller decides, so it is unknown.
  expect(isUnknown(cluster.name) && cluster.name.reason).toBe("parameter 'name' has no default value");
  expect(isUnknown(props(cluster).apiServerAccessProfile)).toBe(true);
  expect(props(cluster).disableLocalAccounts).toBe(true);
});

test('AVM managed cluster with parameters: private cluster, agent pools through nested deployments, lock, diagnostics and role assignment on the cluster', () => {
  const reading = readFile(fixture('avm-managed-cluster', 'main.json'), {
    name: 'aks-prod',
    enableTelemetry: false,
    primaryAgentPoolProfiles: [{ name: 'system', count: 3, vmSize: 'Standard_D4s_v5', mode: 'System' }],
    agentPools: [{ name: 'user1', count: 2 }, { name: 'user2', count: 1 }],
    apiServerAccessProfile: { enablePrivateCluster: true },
    lock: { kind: 'CanNotDelete' },
    diagnosticSettings: [{ workspaceResourceId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/la' }],
    roleAssignments: [{ roleDefinitionIdOrName: 'Reader', principalId: '00000000-0000-0000-0000-000000000001' }],
  });
  expect(reading.problems).toEqual([]);
  const clusterId = `${RG}/providers/${CLUSTER}/aks-prod`;
  const [cluster] = ofType(reading.resources, CLUSTER);
  expect(cluster.id).toBe(clusterId);
  expect(props(cluster).apiServerAccessProfile).toEqual({ enablePrivateCluster: true });
  expect(props(cluster).agentPoolProfiles.map((p: any) => [p.name, p.count, p.mode])).toEqual([['system', 3, 'System']]);
  const pools = ofType(reading.resources, `${CLUSTER}/agentPools`);
  expect(pools.map((p) => [p.name, props(p).count, p.origin.pointer])).toEqual([
    ['aks-prod/user1', 2, '/resources/managedCluster_agentPools/properties/template/resources/agentPool'],
    ['aks-prod/user2', 1, '/resources/managedCluster_agentPools/properties/template/resources/agentPool'],
  ]);
  expect(ofType(reading.resources, 'Microsoft.Resources/deployments').filter((r) => r.condition === undefined)).toHaveLength(2);
  for (const type of ['Microsoft.Authorization/locks', 'Microsoft.Insights/diagnosticSettings', 'Microsoft.Authorization/roleAssignments']) {
    expect(ofType(reading.resources, type).map((r) => r.scope)).toEqual([clusterId]);
  }
  expect(props(ofType(reading.resources, 'Microsoft.Authorization/locks')[0]).level).toBe('CanNotDelete');
  expect(props(ofType(reading.resources, 'Microsoft.Authorization/roleAssignments')[0]).roleDefinitionId).toBe('/subscriptions/(subscription)/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7');
});

test('aks-baseline cluster stamp (// comments, nested deployments, the nested providers form): read whole', () => {
  const reading = readFile(fixture('aks-baseline-cluster-stamp', 'cluster-stamp.json'));
  expect(reading.problems).toEqual([]);
  expect(reading.notExamined).toEqual([]);
  const [cluster] = ofType(reading.resources, CLUSTER);
  expect(cluster.origin.pointer).toBe('/resources/17');
  // The name is `aks-` and a uniqueString of the resource group: unknown, but the same value everywhere it is used.
  expect(isUnknown(cluster.name)).toBe(true);
  expect(String(cluster.name)).toMatch(/^aks-\[uniqueString\(/);
  // A public API server, restricted to the authorized ranges the parameter gives (none by default).
  expect(props(cluster).apiServerAccessProfile).toEqual({ authorizedIPRanges: [], enablePrivateCluster: false });
  expect(props(cluster).agentPoolProfiles.map((p: any) => p.name)).toEqual(['npsystem', 'npuser01']);
  expect(props(cluster).enableRBAC).toBe(true);
  // The diagnostic setting nested under the cluster as `providers/diagnosticSettings` is on the cluster.
  const clusterId = String(cluster.id);
  const onCluster = reading.resources.filter((r) => String(r.scope) === clusterId);
  expect(onCluster.map((r) => r.type)).toEqual(expect.arrayContaining(['Microsoft.Insights/diagnosticSettings', 'Microsoft.KubernetesConfiguration/extensions', 'Microsoft.Authorization/roleAssignments']));
  // The role assignments of the nested deployment go to the network's resource group, known only from a parameter.
  const nested = reading.resources.filter((r) => r.origin.pointer.startsWith('/resources/8/properties/template/'));
  expect(nested.map((r) => r.type)).toEqual(['Microsoft.Authorization/roleAssignments', 'Microsoft.Authorization/roleAssignments']);
  expect(nested.every((r) => isUnknown(r.scope) && /parameters\('targetvnetresourceid'\)/.test(String(r.scope)))).toBe(true);
  // A multi-line KQL query in a saved search is kept as written.
  const query = props(ofType(reading.resources, 'Microsoft.Insights/scheduledQueryRules')[0]).source.query;
  expect(isUnknown(query) ? query.symbol : query).toContain('KubePodInventory');
});

test('a 2 MB template reads in well under the time a CLI run allows', () => {
  const text = fs.readFileSync(fixture('aks-baseline-cluster-stamp', 'cluster-stamp.json'), 'utf8');
  const stamp = (parseJsonDocument(text, 'stamp') as { value: any }).value;
  const big = JSON.stringify({ ...stamp, resources: Array.from({ length: 30 }, () => stamp.resources).flat() }, null, 2);
  expect(big.length).toBeGreaterThan(2_000_000);
  const start = process.cpuUsage();
  const reading = readArmTemplate((parseJsonDocument(big, 'big') as { value: unknown }).value, 'big');
  const cpuMs = process.cpuUsage(start).user / 1000;
  expect(reading.resources.length).toBe(30 * readArmTemplate(stamp, 'stamp').resources.length);
  // CPU time, not wall time: the bound holds on a busy machine and still catches a quadratic reading.
  expect(cpuMs).toBeLessThan(3000);
});
