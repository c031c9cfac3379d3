import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { CLUSTER_RULES } from '../../../../lib/core/aks/cluster-rule-set';
import { describeDeployment } from '../../../../lib/core/description/cluster-description';
import { readAzureJson } from '../../../../lib/core/readers/azure-json/read-azure-json';
import { REST_NAMES_BY_LOWERCASE } from '../../../../lib/core/readers/azure-json/rest-names';
import { evaluateClusterRules } from '../../../../lib/core/rules/evaluate-cluster-rules';
import { hardenedPayload } from '../../../support/misconfiguration-corpus';

/** The error rules a document's only cluster breaks, by id. */
function errorRuleIds(document: unknown): string[] {
  const [cluster] = describeDeployment([readAzureJson(document, 'cluster.json')]).clusters;
  const findings = evaluateClusterRules(cluster, CLUSTER_RULES, { evaluationDate: '2026-01-15' }).flatMap((o) => o.findings);
  return findings.filter((v) => v.rule.severity === 'error').map((v) => v.rule.id).sort();
}

/** `az aks show -o json` of a cluster: properties at the top level, acronyms camel-cased by the CLI. */
function azAksShow(rest: ReturnType<typeof hardenedPayload>): Record<string, unknown> {
  const cliName = (k: string) => (REST_NAMES_BY_LOWERCASE[k.toLowerCase()] === k ? k.replace(/[A-Z]+(?=[A-Z][a-z]|$)/g, (m) => m[0] + m.slice(1).toLowerCase()) : k);
  const rename = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(rename) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [cliName(k), rename(x)])) : v;
  const { properties, ...envelope } = rest;
  return { ...envelope, type: 'Microsoft.ContainerService/ManagedClusters', resourceGroup: 'rg', provisioningState: 'Succeeded', fqdn: null, privateFqdn: 'c1-abc.privatelink.westeurope.azmk8s.io', ...(rename(properties) as object) };
}

test('the REST shape is read as it is: a hardened cluster breaks no error rule', () => {
  const reading = readAzureJson(hardenedPayload(), 'cluster.json');
  expect(reading.problems).toEqual([]);
  expect(reading.resources.map((r) => [r.name, r.origin.pointer])).toEqual([['c1', '']]);
  expect(errorRuleIds(hardenedPayload())).toEqual([]);
});

test('az aks show\'s flattened shape and casing give the same findings as the REST shape', () => {
  const rest = hardenedPayload({ apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ['0.0.0.0/0'] }, agentPoolProfiles: [{ name: 'system', mode: 'System', enableNodePublicIP: true }] });
  const cli = azAksShow(rest);
  // The CLI's own casing, as it prints it.
  expect(JSON.stringify(cli)).toContain('"authorizedIpRanges"');
  expect(JSON.stringify(cli)).toContain('"enableNodePublicIp"');
  expect(errorRuleIds(rest)).toEqual(expect.arrayContaining(['SAKS-API-005', 'SAKS-NET-011']));
  expect(errorRuleIds(cli)).toEqual(errorRuleIds(rest));
  // Read-only members of a live cluster are kept as they are, not flagged.
  const [cluster] = readAzureJson(cli, 'show.json').resources;
  expect((cluster.body.properties as Record<string, unknown>).provisioningState).toBe('Succeeded');
});

test('the REST names the CLI camel-cases are Microsoft\'s serialized names', () => {
  const models = fs.readFileSync(path.join(path.dirname(require.resolve('@azure/arm-containerservice')), 'models', 'models.js'), 'utf8');
  for (const name of Object.values(REST_NAMES_BY_LOWERCASE)) expect(models, name).toContain(`"${name}"`);
});

test('what is not an Azure resource is a problem, named by where it is', () => {
  expect(readAzureJson('text', 'a.json').problems).toEqual([{ at: { document: 'a.json', pointer: '' }, message: 'not a JSON object' }]);
  expect(readAzureJson([{ hello: 1 }], 'c.json').problems).toEqual([{ at: { document: 'c.json', pointer: '/0' }, message: 'not an Azure resource (no "type" and "name")' }]);
});
