import { expect, test } from 'vitest';
import { templateOfConfig } from '../../../lib/core/aks/managed-cluster-model';
import { resolveClusterConfig } from '../../../lib/core/aks/resolved-cluster-config';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { evaluateAzurePolicy, PolicyState } from '../../../lib/core/policy/evaluate-azure-policy';
import { existenceRules, expressibleRules, rulePolicyDefinition } from '../../../lib/core/policy/rule-policy-definitions';
import { readDocument } from '../../../lib/core/readers/read-document';
import { ClusterRule } from '../../../lib/core/rules/cluster-rule';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { conditionPaths } from '../../../lib/core/rules/resource-condition';
import { Verdict } from '../../../lib/core/rules/rule-outcome';
import { FAILING_CASES, hardenedPayload } from '../../support/misconfiguration-corpus';
import { clustersOf, evaluable, exampleTemplatesOnce } from '../../support/policy-agreement';

/*
 * The definitions beyond a condition on the cluster: a node pool created as an
 * agentPools resource, and the resources a rule requires on the cluster
 * (AuditIfNotExists). Each is run by the library's Azure Policy evaluator on
 * what the rule decides: they must agree wherever the rule decides, and a value
 * the library cannot know must never make the rule pass or fail where some
 * value it could be would make the definition say otherwise.
 */

type Json = Record<string, any>;
const AGENT_POOLS = 'Microsoft.ContainerService/managedClusters/agentPools';
const POOL_RULES = expressibleRules().filter((r) => r.poolCondition).map((rule) => ({ rule, definition: evaluable(rulePolicyDefinition(rule)) }));
const EXISTENCE_RULES = existenceRules().map((rule) => ({ rule, definition: evaluable(rulePolicyDefinition(rule)) }));
const UNKNOWN = "[parameters('notKnownOffline')]";
/** A template's frame, with parameters that have no value offline. */
const TEMPLATE = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: { notKnownOffline: { type: 'string' }, withLocks: { type: 'bool' } },
};


/** Each rule's verdict on each cluster of a whole deployment (an ARM template), by cluster name. */
function verdictsOf(template: { resources: readonly Json[] }, rules: readonly ClusterRule[]): Map<string, Map<string, Verdict>> {
  const clusters = describeDeployment([readDocument(JSON.parse(JSON.stringify(template)), 'template.json')]).clusters;
  return new Map(clusters.map((c) => [String(c.name), new Map(evaluateClusterRules(c, rules).map((o) => [o.rule.id, o.verdict]))]));
}

/** The template with a cluster's pools as agentPools resources of their own, the cluster keeping none inline. */
function withSeparatePools(cluster: Json, pools: readonly Json[]): { resources: Json[] } & Json {
  const { agentPoolProfiles: _inline, ...properties } = cluster.properties;
  return {
    ...TEMPLATE,
    resources: [
      { ...cluster, properties },
      ...pools.map(({ name, ...profile }) => ({ type: AGENT_POOLS, apiVersion: cluster.apiVersion, name: `${cluster.name}/${name}`, dependsOn: [], properties: profile })),
    ],
  };
}

/** Where a pool rule and its definition disagree on pools created as agentPools resources: the rule fails exactly when some pool resource is non-compliant. */
function poolDisagreements(cluster: Json, pools: readonly Json[]): string[] {
  const template = withSeparatePools(cluster, pools);
  const verdicts = verdictsOf(template, POOL_RULES.map((p) => p.rule)).get(String(cluster.name))!;
  return POOL_RULES.flatMap(({ rule, definition }) => {
    const verdict = verdicts.get(rule.rule.id)!;
    const states = template.resources.filter((r) => r.type === AGENT_POOLS).map((r) => evaluateAzurePolicy(definition, r).state);
    if (verdict === 'undecided') return [];
    return (verdict === 'fail') === states.includes('non-compliant') ? [] : [`${rule.rule.id}: rule ${verdict}, pool resources ${states.join(', ')}`];
  });
}

test('a node pool created as an agentPools resource: each pool definition flags it exactly when the pool rule fails, on every example\'s pools and every pool of the corpus', async () => {
  let pools = 0;
  for (const { where, template } of await exampleTemplatesOnce()) {
    for (const cluster of clustersOf(template) as unknown as Json[]) {
      for (const pool of cluster.properties.agentPoolProfiles ?? []) {
        expect(poolDisagreements(cluster, [pool]), `${where} pool ${pool.name}`).toEqual([]);
        pools++;
      }
    }
  }
  // The corpus's pool misconfigurations, each pool alone: the definition must flag the pool resource.
  let flagged = 0;
  for (const c of FAILING_CASES.filter((x) => POOL_RULES.some((p) => p.rule.rule === x.rule) && x.props)) {
    for (const cluster of clustersOf(templateOfConfig(resolveClusterConfig(c.props!))) as unknown as Json[]) {
      for (const pool of cluster.properties.agentPoolProfiles ?? []) {
        expect(poolDisagreements(cluster, [pool]), `${c.name} pool ${pool.name}`).toEqual([]);
        const { rule, definition } = POOL_RULES.find((p) => p.rule.rule === c.rule)!;
        const state = evaluateAzurePolicy(definition, withSeparatePools(cluster, [pool]).resources[1]).state;
        if (verdictsOf(withSeparatePools(cluster, [pool]), [rule]).get(String(cluster.name))!.get(rule.rule.id) === 'fail') {
          expect(state, `${c.name} pool ${pool.name}`).toBe('non-compliant');
          flagged++;
        }
      }
    }
  }
  expect(pools).toBeGreaterThanOrEqual(7);
  expect(flagged).toBeGreaterThanOrEqual(POOL_RULES.length);
}, 120_000);

test('a pool resource with a value not known offline: the rule never passes or fails where a value it could be would make the definition say otherwise, and each value gets the same answer from both', () => {
  const base = hardenedPayload().properties.agentPoolProfiles[0] as Json;
  const cluster = hardenedPayload() as unknown as Json;
  let checked = 0;
  for (const { rule, definition } of POOL_RULES) {
    for (const p of conditionPaths(rule.poolCondition!)) {
      const keys = p.split('.');
      const candidates = [undefined, true, false, 'other', '', 'Linux', 'Windows', 'Disabled', 'EntraId', 'LocalUser', 'DISABLED'];
      const at = (value: unknown) => {
        const pool = JSON.parse(JSON.stringify(base));
        let o = pool;
        for (const k of keys.slice(0, -1)) o = o[k] ??= {};
        if (value === undefined) delete o[keys[keys.length - 1]];
        else o[keys[keys.length - 1]] = value;
        return pool;
      };
      const verdict = verdictsOf(withSeparatePools(cluster, [at(UNKNOWN)]), [rule]).get(String(cluster.name))!.get(rule.rule.id);
      const states: PolicyState[] = candidates.map((v) => evaluateAzurePolicy(definition, withSeparatePools(cluster, [at(v)]).resources[1]).state);
      if (verdict === 'pass') expect(states, `${rule.rule.id} ${p}`).not.toContain('non-compliant');
      if (verdict === 'fail') expect(states, `${rule.rule.id} ${p}`).not.toContain('compliant');
      for (const v of candidates) expect(poolDisagreements(cluster, [at(v)]), `${rule.rule.id} ${p} = ${JSON.stringify(v)}`).toEqual([]);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(4);
});

/** Each existence definition's state on each cluster of a template, the template's other resources being the related ones. */
function existenceDisagreements(template: { resources: Json[] }): string[] {
  const verdicts = verdictsOf(template, EXISTENCE_RULES.map((e) => e.rule));
  return (clustersOf(template) as unknown as Json[]).flatMap((cluster) =>
    EXISTENCE_RULES.flatMap(({ rule, definition }) => {
      const verdict = verdicts.get(String(cluster.name))?.get(rule.rule.id);
      const state = evaluateAzurePolicy(definition, cluster, template.resources).state;
      if (verdict === undefined || verdict === 'undecided') return [];
      return (verdict === 'fail') === (state === 'non-compliant') ? [] : [`${cluster.name} ${rule.rule.id}: rule ${verdict}, policy ${state}`];
    }),
  );
}

test('every example\'s clusters have the diagnostic setting and the lock the existence definitions look for, and the definitions agree with their rules', async () => {
  let decided = 0;
  for (const { where, template } of await exampleTemplatesOnce()) {
    expect(existenceDisagreements(template), where).toEqual([]);
    const verdicts = verdictsOf(template, EXISTENCE_RULES.map((e) => e.rule));
    for (const cluster of clustersOf(template) as unknown as Json[]) {
      for (const { rule, definition } of EXISTENCE_RULES) {
        expect(verdicts.get(String(cluster.name))?.get(rule.rule.id), `${where} ${rule.rule.id}`).toBe('pass');
        expect(evaluateAzurePolicy(definition, cluster, template.resources).state, `${where} ${rule.rule.id}`).toBe('compliant');
        decided++;
      }
    }
  }
  expect(decided).toBeGreaterThanOrEqual(2 * 7);
}, 120_000);

/** A copy of the template with `change` applied to each resource of `type`. */
function changed(template: { resources: Json[] }, type: string, change: (r: Json) => Json | undefined): { resources: Json[] } {
  const copy = JSON.parse(JSON.stringify(template));
  return { ...copy, parameters: { ...(copy.parameters ?? {}), ...TEMPLATE.parameters }, resources: copy.resources.flatMap((r: Json) => (String(r.type).toLowerCase() === type.toLowerCase() ? [change(r)].filter((x) => x !== undefined) : [r])) };
}

const DIAGNOSTICS = 'Microsoft.Insights/diagnosticSettings';
const LOCKS = 'Microsoft.Authorization/locks';

test('on the corpus\'s misconfigurations and their variants, each existence definition flags the cluster exactly when its rule fails', async () => {
  const cases = FAILING_CASES.filter((c) => EXISTENCE_RULES.some((e) => e.rule.rule === c.rule) && c.props);
  expect(cases.length).toBe(EXISTENCE_RULES.length);
  for (const c of cases) {
    const template = templateOfConfig(resolveClusterConfig(c.props!)) as unknown as { resources: Json[] };
    expect(existenceDisagreements(template), c.name).toEqual([]);
    const cluster = clustersOf(template)[0] as unknown as Json;
    const { definition } = EXISTENCE_RULES.find((e) => e.rule.rule === c.rule)!;
    expect(evaluateAzurePolicy(definition, cluster, template.resources).state, c.name).toBe('non-compliant');
  }
  const [{ template }] = await exampleTemplatesOnce();
  const variants: Array<[string, { resources: Json[] }, string, Verdict]> = [
    ['no diagnostic setting', changed(template, DIAGNOSTICS, () => undefined), 'SAKS-BASE-013', 'fail'],
    ['a setting without the audit log', changed(template, DIAGNOSTICS, (r) => ({ ...r, properties: { ...r.properties, logs: [{ category: 'guard', enabled: true }] } })), 'SAKS-BASE-013', 'fail'],
    ['the audit log turned off', changed(template, DIAGNOSTICS, (r) => ({ ...r, properties: { ...r.properties, logs: [{ category: 'kube-audit-admin', enabled: false }] } })), 'SAKS-BASE-013', 'fail'],
    ['the audit category group', changed(template, DIAGNOSTICS, (r) => ({ ...r, properties: { ...r.properties, logs: [{ categoryGroup: 'audit', enabled: true }] } })), 'SAKS-BASE-013', 'pass'],
    ['every log, in upper case', changed(template, DIAGNOSTICS, (r) => ({ ...r, properties: { ...r.properties, logs: [{ categoryGroup: 'ALLLOGS', enabled: true }] } })), 'SAKS-BASE-013', 'pass'],
    ['no lock', changed(template, LOCKS, () => undefined), 'SAKS-BASE-014', 'fail'],
    ['a read-only lock', changed(template, LOCKS, (r) => ({ ...r, properties: { ...r.properties, level: 'ReadOnly' } })), 'SAKS-BASE-014', 'fail'],
    ['a lock in lower case', changed(template, LOCKS, (r) => ({ ...r, properties: { ...r.properties, level: 'cannotdelete' } })), 'SAKS-BASE-014', 'pass'],
  ];
  for (const [name, variant, ruleId, expected] of variants) {
    const cluster = clustersOf(variant)[0] as unknown as Json;
    expect(verdictsOf(variant, EXISTENCE_RULES.map((e) => e.rule)).get(String(cluster.name))?.get(ruleId), name).toBe(expected);
    expect(existenceDisagreements(variant), name).toEqual([]);
  }
}, 120_000);

test('a required resource with a value not known offline, or deployed under a condition: the rule is undecided, since a value it could be makes the definition find it and another not', async () => {
  const [{ template }] = await exampleTemplatesOnce();
  const cases: Array<[string, string, (v: unknown) => { resources: Json[] }, readonly unknown[]]> = [
    ['SAKS-BASE-013', 'the log category', (v) => changed(template, DIAGNOSTICS, (r) => ({ ...r, properties: { ...r.properties, logs: [{ category: v, enabled: true }] } })), ['kube-audit', 'guard']],
    ['SAKS-BASE-013', 'whether the log is on', (v) => changed(template, DIAGNOSTICS, (r) => ({ ...r, properties: { ...r.properties, logs: [{ category: 'kube-audit', enabled: v }] } })), [true, false]],
    ['SAKS-BASE-014', 'the lock level', (v) => changed(template, LOCKS, (r) => ({ ...r, properties: { ...r.properties, level: v } })), ['CanNotDelete', 'ReadOnly']],
  ];
  for (const [ruleId, what, at, candidates] of cases) {
    const { definition } = EXISTENCE_RULES.find((e) => e.rule.rule.id === ruleId)!;
    const unknown = at(UNKNOWN);
    const cluster = clustersOf(unknown)[0] as unknown as Json;
    const verdict = verdictsOf(unknown, EXISTENCE_RULES.map((e) => e.rule)).get(String(cluster.name))?.get(ruleId);
    const states = candidates.map((v) => evaluateAzurePolicy(definition, cluster, at(v).resources).state);
    // Some value finds the resource, another does not: only "undecided" is true.
    expect(states.sort(), `${ruleId} ${what}`).toEqual(['compliant', 'non-compliant']);
    expect(verdict, `${ruleId} ${what}`).toBe('undecided');
  }
  const conditional = changed(template, LOCKS, (r) => ({ ...r, condition: "[parameters('withLocks')]" }));
  const cluster = clustersOf(conditional)[0] as unknown as Json;
  expect(verdictsOf(conditional, EXISTENCE_RULES.map((e) => e.rule)).get(String(cluster.name))?.get('SAKS-BASE-014')).toBe('undecided');
}, 120_000);
