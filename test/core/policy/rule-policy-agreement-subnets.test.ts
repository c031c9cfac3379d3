import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { SUBNET_RULES } from '../../../lib/core/aks/rules/subnet-rules';
import { AuditedResource } from '../../../lib/core/audit/audited-resource';
import { checkRelatedPayloads } from '../../../lib/core/audit/related-payload-rules';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { UnknownValue } from '../../../lib/core/description/unknown-value';
import { evaluateAzurePolicy, PolicyState } from '../../../lib/core/policy/evaluate-azure-policy';
import { resourceRulePolicyDefinition } from '../../../lib/core/policy/rule-policy-definitions';
import { decodeDocument, parseJsonDocument } from '../../../lib/core/readers/document-text';
import { readDocument } from '../../../lib/core/readers/read-document';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { resourceBreaksRule } from '../../../lib/core/rules/resource-rule';
import { Undecided } from '../../../lib/core/rules/undecided';
import { evaluable, exampleTemplatesOnce } from '../../support/policy-agreement';

/*
 * The definitions on a subnet alone (SUBNET_RULES), run by the library's
 * Azure Policy evaluator on subnets written as their own resources and inline
 * in their virtual network: on every example's network they must be
 * compliant; on a misconfigured subnet they must flag exactly what the
 * subnet rule, the audit's check of a subnet alone, and the cluster rule on
 * the cluster that uses the subnet find; and a value the library cannot know
 * must never make the definition's answer stand where another value would
 * change it.
 */

type Json = Record<string, any>;
const VNET = 'Microsoft.Network/virtualNetworks';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const DELEGATION = 'Microsoft.ContainerService/managedClusters';
const SIZE = SUBNET_RULES.find((r) => r.rule.id === 'SAKS-VNI-001')!;
const DEFINITION = evaluable(resourceRulePolicyDefinition(SIZE));
const CLUSTER_SIZE_RULE = CLUSTER_RULES.find((r) => r.rule === SIZE.rule)!;
const isType = (r: Json, type: string) => String(r.type).toLowerCase() === type.toLowerCase();
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));


/** The virtual networks and subnets of a template as Azure Policy sees them: expressions evaluated, a value not known offline left unknown. */
function networkResources(template: Json): Json[] {
  return readDocument(clone(template), 'template.json')
    .resources.filter((r) => isType(r, VNET) || isType(r, SUBNET))
    .map((r) => ({ type: r.type, name: r.name, ...r.body }));
}

/** The definition's state on a resource; `undecided` where it depends on a value not known offline. */
function stateOf(resource: Json): PolicyState | 'undecided' {
  try {
    return evaluateAzurePolicy(DEFINITION, resource).state;
  } catch (e) {
    if (e instanceof Undecided) return 'undecided';
    throw e;
  }
}

/** The cluster rule's verdict on each cluster of a whole deployment. */
function clusterVerdicts(template: Json): string[] {
  return describeDeployment([readDocument(clone(template), 'template.json')]).clusters.map((c) => evaluateClusterRules(c, [CLUSTER_SIZE_RULE])[0].verdict);
}

/** Whether a subnet's settings are delegated to managed clusters. */
const delegated = (settings: Json) => (settings.delegations ?? []).some((d: Json) => d?.properties?.serviceName === DELEGATION);

/** A copy of the template with `change` applied to the settings of every subnet delegated to managed clusters. */
function withApiServerSubnet(template: Json, change: (settings: Json) => void): Json {
  const copy = clone(template);
  for (const r of copy.resources) {
    if (isType(r, SUBNET) && delegated(r.properties)) change(r.properties);
    if (isType(r, VNET)) for (const s of r.properties.subnets ?? []) if (delegated(s.properties)) change(s.properties);
  }
  return copy;
}

/** The template with each virtual network's API server subnet written as a resource of its own. */
function withSubnetResources(template: Json): Json {
  const copy = clone(template);
  const extra: Json[] = [];
  for (const r of copy.resources.filter((x: Json) => isType(x, VNET))) {
    const own = (r.properties.subnets ?? []).filter((s: Json) => delegated(s.properties));
    r.properties.subnets = (r.properties.subnets ?? []).filter((s: Json) => !delegated(s.properties));
    for (const s of own) extra.push({ type: SUBNET, apiVersion: r.apiVersion, name: `${r.name}/${s.name}`, dependsOn: [], properties: s.properties });
  }
  copy.resources.push(...extra);
  return copy;
}

test('every example\'s network, its API server subnet inline or as its own resource: the subnet definition is compliant, as the subnet rule and the cluster rule are', async () => {
  let subnets = 0;
  for (const { where, template } of await exampleTemplatesOnce()) {
    for (const form of [template, withSubnetResources(template)]) {
      for (const r of networkResources(form)) {
        expect(stateOf(r), `${where} ${r.name}`).toBe('compliant');
        const settings = isType(r, SUBNET) ? [r.properties] : (r.properties.subnets ?? []).map((s: Json) => s.properties ?? s);
        subnets += settings.filter(delegated).length;
      }
      expect(checkRelatedPayloads(networkResources(form) as unknown as AuditedResource[]), where).toEqual([]);
      expect(clusterVerdicts(form), where).not.toContain('fail');
    }
  }
  // Every example with API Server VNet Integration has such a subnet, in both forms.
  expect(subnets).toBeGreaterThanOrEqual(2 * 8);
}, 120_000);

test('an API server subnet smaller than /28, inline or as its own resource: the definition flags it exactly when the subnet rule, the audit\'s check of the subnet alone and the cluster rule do', async () => {
  const prefixes: Array<[string, Json, boolean]> = [
    ['a /29', { addressPrefix: '10.224.16.0/29' }, true],
    ['a /30', { addressPrefix: '10.224.16.0/30' }, true],
    ['a /28', { addressPrefix: '10.224.16.0/28' }, false],
    ['a /27', { addressPrefix: '10.224.16.0/27' }, false],
    ['a /29 among its prefixes', { addressPrefix: undefined, addressPrefixes: ['10.224.16.0/29'] }, true],
    ['a /29 and a /28', { addressPrefix: undefined, addressPrefixes: ['10.224.16.0/29', '10.224.17.0/28'] }, false],
  ];
  let flagged = 0;
  for (const { where, template } of (await exampleTemplatesOnce()).slice(0, 3)) {
    for (const [name, prefix, broken] of prefixes) {
      for (const form of [template, withSubnetResources(template)]) {
        const variant = withApiServerSubnet(form, (s) => Object.assign(s, prefix));
        const resources = networkResources(variant);
        const states = resources.map(stateOf);
        const label = `${where}, ${name}${form === template ? ' inline' : ' as its own resource'}`;
        expect(states.includes('non-compliant'), label).toBe(broken);
        expect(states, label).not.toContain('undecided');
        // The subnet rule decided by the rule engine, and the audit's check of each resource alone.
        const own = resources.filter((r) => isType(r, SUBNET));
        const inline = resources.filter((r) => isType(r, VNET)).flatMap((r) => (r.properties.subnets ?? []).map((s: Json) => ({ properties: s.properties ?? s })));
        expect([...own, ...inline].some((s) => resourceBreaksRule(SIZE, s, { document: 'template.json', pointer: '' }) === true), label).toBe(broken);
        expect(checkRelatedPayloads(resources as unknown as AuditedResource[]).some((f) => f.violation.rule === SIZE.rule), label).toBe(broken);
        // The cluster rule, on the cluster that names the subnet.
        expect(clusterVerdicts(variant).includes('fail'), label).toBe(broken);
        if (broken) flagged++;
      }
    }
  }
  expect(flagged).toBe(3 * 2 * 3);
}, 120_000);

test('a subnet not delegated to managed clusters, or delegated to another service, is not an API server subnet: no size is asked of it', () => {
  const subnet = (delegations: unknown) => ({ type: SUBNET, name: 'hub/small', properties: { addressPrefix: '10.9.0.0/29', delegations } });
  expect(stateOf(subnet([]))).toBe('compliant');
  expect(stateOf(subnet(undefined))).toBe('compliant');
  expect(stateOf(subnet([{ name: 'aci', properties: { serviceName: 'Microsoft.ContainerInstance/containerGroups' } }]))).toBe('compliant');
  // The service's name compares without regard to case, as Azure Policy compares text.
  expect(stateOf(subnet([{ name: 'aks', properties: { serviceName: 'microsoft.containerservice/managedclusters' } }]))).toBe('non-compliant');
  expect(resourceBreaksRule(SIZE, subnet([{ name: 'aks', properties: { serviceName: 'microsoft.containerservice/managedclusters' } }]), { document: 'x', pointer: '' })).toBe(true);
});

test('a subnet with a value not known offline: the definition and the subnet rule answer only where every value it could be gives that answer', () => {
  const unknown = new UnknownValue('a template parameter without a value');
  const delegations = [{ name: 'aks', properties: { serviceName: DELEGATION } }];
  const cases: Array<[string, (v: unknown) => Json, readonly unknown[]]> = [
    ['the prefix', (v) => ({ addressPrefix: v, delegations }), ['10.0.0.0/29', '10.0.0.0/28', '10.0.0.0/24', undefined]],
    ['a prefix among several', (v) => ({ addressPrefixes: ['10.0.0.0/29', v], delegations }), ['10.0.1.0/29', '10.0.1.0/28']],
    ['the delegation of a /29', (v) => ({ addressPrefix: '10.0.0.0/29', delegations: [{ name: 'd', properties: { serviceName: v } }] }), [DELEGATION, 'Microsoft.Sql/managedInstances']],
    ['the delegation of a /24', (v) => ({ addressPrefix: '10.0.0.0/24', delegations: [{ name: 'd', properties: { serviceName: v } }] }), [DELEGATION, 'Microsoft.Sql/managedInstances']],
    ['the delegations of a /29', (v) => ({ addressPrefix: '10.0.0.0/29', delegations: v }), [delegations, []]],
  ];
  let undecided = 0;
  for (const [what, settings, candidates] of cases) {
    for (const asResource of [true, false]) {
      const at = (v: unknown) => (asResource ? { type: SUBNET, name: 'net/api', properties: settings(v) } : { type: VNET, name: 'net', properties: { subnets: [{ name: 'api', properties: settings(v) }] } });
      const state = stateOf(at(unknown));
      const states = candidates.map((v) => stateOf(at(v)));
      const label = `${what}${asResource ? '' : ' (inline)'}`;
      // Decided only when every value it could be gives the same answer; never compliant where a value would be flagged.
      if (state === 'undecided') {
        expect(new Set(states).size, label).toBeGreaterThan(1);
        undecided++;
      } else expect(states.every((s) => s === state), label).toBe(true);
      // The rule engine decides the subnet rule as the definition does.
      const verdict = resourceBreaksRule(SIZE, { properties: settings(unknown) }, { document: 'x', pointer: '' });
      expect(verdict === undefined ? 'undecided' : verdict ? 'non-compliant' : 'compliant', label).toBe(state);
    }
  }
  // The prefix, a prefix among several, the delegation of a /29 and the delegations of a /29 are undecided in both forms.
  expect(undecided).toBe(8);
});

test('on the real third-party documents of the corpus, every subnet, inline or as its own resource, gets the same answer from the definition and from the subnet rule', () => {
  const root = path.resolve(__dirname, '../../fixtures/real-world');
  let subnets = 0;
  for (const slug of fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'expected.json'))).sort()) {
    const expected = JSON.parse(fs.readFileSync(path.join(root, slug, 'expected.json'), 'utf8')) as { documents: string[]; form: string };
    if (expected.form === 'pulumi-classic-program') continue;
    for (const file of expected.documents) {
      const decoded = decodeDocument(fs.readFileSync(path.join(root, slug, file)), file);
      if ('problem' in decoded) throw new Error(decoded.problem.message);
      const parsed = parseJsonDocument(decoded.text, file);
      if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
      const resources = readDocument(parsed.value, file)
        .resources.filter((r) => isType(r, VNET) || isType(r, SUBNET))
        .map((r): Json => ({ type: r.type, name: r.name, ...r.body }));
      for (const r of resources) {
        const settings: unknown[] = isType(r, SUBNET) ? [r.properties] : Array.isArray(r.properties?.subnets) ? r.properties.subnets.map((x: Json) => x?.properties ?? x) : [];
        const verdicts = settings.map((x) => resourceBreaksRule(SIZE, { properties: x as Json }, { document: file, pointer: '' }));
        const expectedState = verdicts.includes(true) ? 'non-compliant' : verdicts.includes(undefined) ? 'undecided' : 'compliant';
        expect(stateOf(r), `${slug} ${String(r.name)}`).toBe(expectedState);
        subnets += settings.length;
      }
    }
  }
  // The quickstarts' subnets, inline and as their own resources (none of the corpus is delegated to managed clusters).
  expect(subnets).toBeGreaterThanOrEqual(3);
});

test('the cluster rule on an API server subnet whose prefix is not known offline is undecided, as the subnet\'s definition is, never passed', async () => {
  const [{ template }] = await exampleTemplatesOnce();
  for (const form of [template, withSubnetResources(template)]) {
    const variant = withApiServerSubnet({ ...form, parameters: { ...(form.parameters ?? {}), notKnownOffline: { type: 'string' } } }, (s) => Object.assign(s, { addressPrefix: "[parameters('notKnownOffline')]" }));
    expect(clusterVerdicts(variant)).toEqual(['undecided']);
    expect(networkResources(variant).map(stateOf)).toContain('undecided');
  }
});
