import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { resolveClusterConfig } from '../../../lib/core/aks/resolved-cluster-config';
import { templateOfConfig } from '../../../lib/core/aks/managed-cluster-model';
import { AuditedResource } from '../../../lib/core/audit/audited-resource';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { evaluateAzurePolicy } from '../../../lib/core/policy/evaluate-azure-policy';
import { decodeDocument, parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { conditionPaths, ResourceCondition } from '../../../lib/core/rules/resource-condition';
import { SynthTarget } from '../../../lib/synth';
import { FAILING_CASES, hardenedPayload } from '../../support/misconfiguration-corpus';
import { azurePolicyView, clustersOf, COMPILED, disagreements, evaluable, policyStates, ruleVerdicts } from '../../support/policy-agreement';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** Every managed cluster every example synthesizes, by example and template. */
async function examplePayloads(): Promise<Array<{ readonly where: string; readonly payload: AuditedResource }>> {
  const out: Array<{ where: string; payload: AuditedResource }> = [];
  for (const example of fs.readdirSync(EXAMPLES).filter((e) => fs.existsSync(path.join(EXAMPLES, e, 'definition.ts'))).sort()) {
    const target = (await import(path.join(EXAMPLES, example, 'definition.ts'))).default as SynthTarget;
    for (const [file, text] of Object.entries(target.artifacts()).filter(([f]) => f.endsWith('.template.json'))) {
      for (const payload of clustersOf(JSON.parse(text))) out.push({ where: `${example}/${file}`, payload });
    }
  }
  return out;
}

/** The cluster payload of each corpus case that is a cluster definition (as the model writes it) or a cluster as Azure describes it. */
function corpusPayloads(): Array<{ readonly where: string; readonly ruleId: string; readonly payload: AuditedResource }> {
  return FAILING_CASES.flatMap((c) => {
    if (c.payload) return [{ where: c.name, ruleId: c.rule.id, payload: c.payload }];
    const props = c.props ?? c.deployment?.props;
    if (!props) return [];
    let payloads: AuditedResource[];
    try {
      payloads = clustersOf(templateOfConfig(resolveClusterConfig(props)));
    } catch {
      return []; // Input the model cannot write (its schema rejects it first).
    }
    return payloads.map((payload) => ({ where: c.name, ruleId: c.rule.id, payload }));
  });
}

let examples: Array<{ readonly where: string; readonly payload: AuditedResource }>;
async function examplesOnce() {
  examples ??= await examplePayloads();
  return examples;
}

/** What the examples accept: KMS and customer-managed disk keys need a key the customer brings; one example shows a public API server limited to authorized ranges. */
const EXAMPLES_ACCEPT = new Set(['SAKS-BASE-015', 'SAKS-BASE-023', 'SAKS-API-007']);

test('on every example\'s clusters, each definition flags exactly what its rule flags, and only the rules the examples accept', async () => {
  const payloads = await examplesOnce();
  expect(payloads.length).toBeGreaterThanOrEqual(7);
  for (const { where, payload } of payloads) {
    expect(disagreements(payload), where).toEqual([]);
    const flagged = [...policyStates(payload)].filter(([, s]) => s === 'non-compliant').map(([id]) => id);
    expect(flagged.filter((id) => !EXAMPLES_ACCEPT.has(id)), where).toEqual([]);
  }
}, 120_000);

test('on every misconfiguration of the corpus, each definition flags the cluster exactly when its rule does', () => {
  const cases = corpusPayloads();
  expect(cases.length).toBeGreaterThan(80);
  const problems = cases.flatMap(({ where, payload }) => disagreements(payload).map((d) => `${where}: ${d}`));
  expect(problems).toEqual([]);
  // Every rule with a definition has a case of its own, which that definition flags.
  const own = cases.filter((c) => COMPILED.some((x) => x.rule.rule.id === c.ruleId));
  expect(new Set(own.map((c) => c.ruleId)).size).toBe(COMPILED.length);
  for (const c of own) expect(policyStates(c.payload).get(c.ruleId), `${c.ruleId}: ${c.where}`).toBe('non-compliant');
});

/** The values a condition compares with, and values it does not name: what an unknown value could turn out to be. */
function candidates(condition: ResourceCondition): unknown[] {
  const named = JSON.stringify(condition).match(/"value":("[^"]*"|true|false)|"values":\[[^\]]*\]/g) ?? [];
  const values = named.flatMap((m) => JSON.parse(`{${m}}`).value ?? JSON.parse(`{${m}}`).values);
  return [undefined, true, false, 'other', '', ...values, ...values.filter((v: unknown) => typeof v === 'string').map((v: string) => v.toUpperCase())];
}

/** The concrete places of a condition's path in a payload (`[*]` expanded over the list there). */
function places(payload: AuditedResource, conditionPath: string): string[][] {
  const parts = conditionPath.split('.');
  let found: Array<{ at: unknown; keys: string[] }> = [{ at: payload, keys: [] }];
  for (const part of parts) {
    const star = part.endsWith('[*]');
    const key = star ? part.slice(0, -3) : part;
    found = found.flatMap(({ at, keys }) => {
      const next = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
      if (!star) return [{ at: next, keys: [...keys, key] }];
      return Array.isArray(next) ? next.map((e, i) => ({ at: e, keys: [...keys, key, String(i)] })) : [];
    });
  }
  return found.map((f) => f.keys);
}

/** A copy of the payload with `value` at `keys` (`undefined` removes it). */
function withValue(payload: AuditedResource, keys: readonly string[], value: unknown): AuditedResource {
  const copy = JSON.parse(JSON.stringify(payload));
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k] ??= {};
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
  return copy;
}

test('with a value not known (a template expression), a rule never passes or fails where some value it could be would make its definition say otherwise', async () => {
  const bases = [...(await examplesOnce()).map((e) => e.payload), ...corpusPayloads().filter((c) => c.payload.properties).slice(0, 40).map((c) => c.payload), hardenedPayload()];
  let checked = 0;
  for (const base of bases) {
    for (const { rule, definition } of COMPILED) {
      for (const keys of conditionPaths(rule.condition).flatMap((p) => places(base, p))) {
        const verdict = ruleVerdicts(withValue(base, keys, "[parameters('notKnownOffline')]")).get(rule.rule.id);
        const states = candidates(rule.condition).map((v) => evaluateAzurePolicy(evaluable(definition), withValue(base, keys, v)).state);
        // Unknown is undecided: a verdict given beside it holds whatever the value turns out to be.
        if (verdict === 'pass') expect(states, `${rule.rule.id} at ${keys.join('.')}`).not.toContain('non-compliant');
        if (verdict === 'fail') expect(states, `${rule.rule.id} at ${keys.join('.')}`).not.toContain('compliant');
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(500);
}, 120_000);

test('each value an unknown could turn out to be gets the same answer from the rule and from its definition', () => {
  const base = hardenedPayload({ agentPoolProfiles: [{ ...hardenedPayload().properties.agentPoolProfiles[0] }, { name: 'user', mode: 'User', osType: 'Linux', count: 3, vmSize: 'Standard_D4ds_v5' }] });
  const problems: string[] = [];
  for (const { rule } of COMPILED) {
    for (const keys of conditionPaths(rule.condition).flatMap((p) => places(base, p))) {
      for (const v of candidates(rule.condition)) problems.push(...disagreements(withValue(base, keys, v)).map((d) => `${keys.join('.')} = ${JSON.stringify(v)}: ${d}`));
    }
  }
  expect(problems).toEqual([]);
});

test('on Microsoft\'s own REST examples of managed clusters, each definition flags a cluster exactly when its rule does', () => {
  const dir = path.resolve(__dirname, '../../fixtures/aks-rest-examples');
  let clusters = 0;
  let flagged = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const cluster of describeDeployment([readDocument(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), file)]).clusters) {
      const verdicts = new Map(evaluateClusterRules(cluster, COMPILED.map((c) => c.rule)).map((o) => [o.rule.id, o.verdict]));
      // The body as read, as Azure Policy sees the resource.
      const resource = { type: 'Microsoft.ContainerService/managedClusters', name: cluster.name, ...cluster.resource.body };
      for (const { rule, definition } of COMPILED) {
        const verdict = verdicts.get(rule.rule.id);
        if (verdict === 'undecided') continue;
        const state = evaluateAzurePolicy(evaluable(definition), resource).state;
        expect(state, `${file}: ${rule.rule.id} (rule ${verdict})`).toBe(verdict === 'fail' ? 'non-compliant' : 'compliant');
        if (verdict === 'fail') flagged++;
      }
      clusters++;
    }
  }
  expect(clusters).toBeGreaterThanOrEqual(8);
  expect(flagged).toBeGreaterThan(clusters);
});

test('on the real third-party documents of the corpus, each definition agrees with its rule wherever the rule decides', () => {
  const root = path.resolve(__dirname, '../../fixtures/real-world');
  let decided = 0;
  for (const slug of fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'expected.json'))).sort()) {
    const expected = JSON.parse(fs.readFileSync(path.join(root, slug, 'expected.json'), 'utf8')) as { documents: string[]; form: string };
    // The programs are run under mocks, and their definitions checked, in test/core/readers/real-world-programs.test.ts.
    if (expected.form === 'pulumi-classic-program') continue;
    const readings = expected.documents.map((file) => {
      const decoded = decodeDocument(fs.readFileSync(path.join(root, slug, file)), file);
      if ('problem' in decoded) throw new Error(decoded.problem.message);
      const parsed = parseJsonDocument(decoded.text, file);
      if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
      return readDocument(parsed.value, file);
    });
    for (const cluster of describeDeployment(readings).clusters) {
      const verdicts = new Map(evaluateClusterRules(cluster, COMPILED.map((c) => c.rule)).map((o) => [o.rule.id, o.verdict]));
      const resource = azurePolicyView(cluster);
      for (const { rule, definition } of COMPILED) {
        const verdict = verdicts.get(rule.rule.id);
        if (verdict === 'undecided') continue;
        expect(evaluateAzurePolicy(evaluable(definition), resource).state, `${slug} ${cluster.name}: ${rule.rule.id} (rule ${verdict})`).toBe(verdict === 'fail' ? 'non-compliant' : 'compliant');
        decided++;
      }
    }
  }
  expect(decided).toBeGreaterThan(200);
});
