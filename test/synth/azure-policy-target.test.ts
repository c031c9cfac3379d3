import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { rulePolicyDefinitions } from '../../lib/core/policy/rule-policy-definitions';
import { azurePolicyTarget, synthesize } from '../../lib/synth';

test('synth writes each compiled definition and the templates that deploy them with the initiative, byte for byte the same on every run', () => {
  const files = azurePolicyTarget().artifacts();
  const definitions = rulePolicyDefinitions();
  expect(Object.keys(files).filter((f) => f.startsWith('definitions/')).sort()).toEqual(definitions.map((d) => `definitions/${d.properties.metadata.ruleId}.json`).sort());
  const local = JSON.parse(files['definitions/SAKS-BASE-016.json']);
  expect(local.properties.policyRule.if.allOf[1]).toEqual({ field: 'Microsoft.ContainerService/managedClusters/disableLocalAccounts', notEquals: true });
  for (const file of ['azure-policy.management-group.template.json', 'azure-policy.subscription.template.json']) {
    const template = JSON.parse(files[file]);
    expect(template.resources.filter((r: any) => r.type === 'Microsoft.Authorization/policyDefinitions')).toHaveLength(definitions.length);
    expect(template.resources.filter((r: any) => r.type === 'Microsoft.Authorization/policySetDefinitions')).toHaveLength(1);
  }
  expect(azurePolicyTarget().artifacts()).toEqual(files);
});

test('the example writes them to dist/azure-policy/ as secure-aks synth does, twice without a change', async () => {
  const target = (await import('../../examples/azure-policy/definition')).default;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-policy-'));
  try {
    const first = synthesize(new Map([['azure-policy', target]]), out);
    expect(first.failures.size).toBe(0);
    expect(first.written.get('azure-policy')).toContain('azure-policy.management-group.template.json');
    const written = fs.readFileSync(path.join(out, 'azure-policy', 'definitions', 'SAKS-NET-011.json'), 'utf8');
    // A second synth compares the templates with the first (no cluster in them: nothing to replace).
    expect(synthesize(new Map([['azure-policy', target]]), out).failures.size).toBe(0);
    expect(fs.readFileSync(path.join(out, 'azure-policy', 'definitions', 'SAKS-NET-011.json'), 'utf8')).toBe(written);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
