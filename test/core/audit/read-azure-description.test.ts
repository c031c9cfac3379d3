import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { auditedTogether, readAzureDescription, REST_NAMES_BY_LOWERCASE } from '../../../lib/core/audit/read-azure-description';
import { checkClusterPayload } from '../../../lib/core/audit/cluster-payload-rules';
import { hardenedPayload } from '../../support/misconfiguration-corpus';

const ruleIds = (resource: Parameters<typeof checkClusterPayload>[0]) => checkClusterPayload(resource, []).violations.errors.map((v) => `${v.rule.id} ${v.property}`).sort();

/** `az aks show -o json` of a cluster: properties at the top level, acronyms camel-cased by the CLI. */
function azAksShow(rest: ReturnType<typeof hardenedPayload>): Record<string, unknown> {
  const cliName = (k: string) => (REST_NAMES_BY_LOWERCASE[k.toLowerCase()] === k ? k.replace(/[A-Z]+(?=[A-Z][a-z]|$)/g, (m) => m[0] + m.slice(1).toLowerCase()) : k);
  const rename = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(rename) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [cliName(k), rename(x)])) : v;
  const { properties, ...envelope } = rest;
  return { ...envelope, type: 'Microsoft.ContainerService/ManagedClusters', resourceGroup: 'rg', provisioningState: 'Succeeded', fqdn: null, privateFqdn: 'c1-abc.privatelink.westeurope.azmk8s.io', ...(rename(properties) as object) };
}

test('the REST shape is read as it is: a hardened cluster breaks no error rule', () => {
  const d = readAzureDescription(hardenedPayload(), 'cluster.json');
  expect(d.problems).toEqual([]);
  expect(d.clusters.map((c) => [c.form, c.cluster.name])).toEqual([['rest', 'c1']]);
  expect(ruleIds(d.clusters[0].cluster)).toEqual([]);
});

test('az aks show\'s flattened shape and casing give the same findings as the REST shape', () => {
  const rest = hardenedPayload({ apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['0.0.0.0/0'] }, agentPoolProfiles: [{ name: 'system', mode: 'System', enableNodePublicIP: true }] });
  const cli = azAksShow(rest);
  // The CLI's own casing, as it prints it.
  expect(JSON.stringify(cli)).toContain('"authorizedIpRanges"');
  expect(JSON.stringify(cli)).toContain('"enableNodePublicIp"');
  const read = readAzureDescription(cli, 'show.json');
  expect(read.clusters[0].form).toBe('az-aks-show');
  expect(ruleIds(read.clusters[0].cluster)).toEqual(ruleIds(rest));
  expect(ruleIds(rest)).toEqual(['SAKS-API-005 properties.apiServerAccessProfile.authorizedIPRanges[0]', 'SAKS-NET-011 properties.agentPoolProfiles[0].enableNodePublicIP']);
  // Read-only members of a live cluster are kept as they are, not flagged.
  expect(read.clusters[0].cluster.properties.provisioningState).toBe('Succeeded');
});

test('the REST names the CLI camel-cases are Microsoft\'s serialized names', () => {
  const models = fs.readFileSync(path.join(path.dirname(require.resolve('@azure/arm-containerservice')), 'models', 'models.js'), 'utf8');
  for (const name of Object.values(REST_NAMES_BY_LOWERCASE)) expect(models, name).toContain(`"${name}"`);
});

test('an ARM template is one deployment: parameters resolved, nested and related resources read', () => {
  const cluster = hardenedPayload({ apiServerAccessProfile: { enablePrivateCluster: true, enableVnetIntegration: true, subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'apiserver')]" } });
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { clusterName: { type: 'string', defaultValue: 'from-parameter' } },
    resources: [
      { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } },
        resources: [{ type: 'subnets', apiVersion: '2024-05-01', name: 'apiserver', properties: { addressPrefix: '10.1.1.0/29' } }] },
      { ...cluster, id: undefined, name: "[parameters('clusterName')]", apiVersion: '2026-06-01' },
    ],
  };
  const d = readAzureDescription(template, 'template.json');
  const [c] = auditedTogether([d]);
  expect(c.form).toBe('arm-template');
  expect(c.cluster.name).toBe('from-parameter');
  expect(c.related.map((r) => `${r.type} ${r.name}`)).toEqual(['Microsoft.Network/virtualNetworks vnet', 'Microsoft.Network/virtualNetworks/subnets vnet/apiserver']);
  // The nested subnet is found through the resourceId() expression: too small, and not delegated.
  const found = checkClusterPayload(c.cluster, c.related, { wholeDeployment: true }).violations.errors.map((v) => v.rule.id).sort();
  expect(found).toEqual(['SAKS-VNI-001', 'SAKS-VNI-002']);
});

test('what is not a cluster description is unusable input, named by where it is', () => {
  expect(readAzureDescription('text', 'a.json').problems).toEqual(['a.json: not a JSON object or array']);
  expect(readAzureDescription({ name: 'x', type: 'Microsoft.Network/virtualNetworks', properties: {} }, 'b.json').problems).toEqual([
    'b.json: no managed cluster (Microsoft.ContainerService/managedClusters) in this document',
  ]);
  expect(readAzureDescription([{ hello: 1 }], 'c.json').problems).toEqual(['c.json#/0: not an Azure resource (no "type" and "name", or no "properties")']);
});

test('files read together are one deployment: each cluster sees the others\' resources', () => {
  const vnet = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v', name: 'v', type: 'Microsoft.Network/virtualNetworks', properties: {} };
  const [c] = auditedTogether([readAzureDescription(hardenedPayload(), 'c.json'), readAzureDescription(vnet, 'v.json')]);
  expect(c.related.map((r) => r.name)).toEqual(['v']);
});

test('a document with a control or bidirectional-override character is not audited: unusable input, located', () => {
  const hostile = hardenedPayload({ dnsPrefix: 'c1\u202e' });
  const d = readAzureDescription({ ...hostile, name: 'c1\u001b[2J' }, 'hostile.json');
  expect(d.clusters).toEqual([]);
  expect(d.problems).toEqual([
    expect.stringMatching(/^hostile\.json#\/name: U\+001B .* SAKS-INPUT-002/),
    expect.stringMatching(/^hostile\.json#\/properties\/dnsPrefix: U\+202E right-to-left override/),
  ]);
});
