import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuditedResource } from '../../lib/core/audit/audited-resource';
import { describedFromAudited } from '../../lib/core/audit/described-from-audited';
import { ClusterDescription, describeDeployment } from '../../lib/core/description/cluster-description';
import { AzurePolicyDefinition } from '../../lib/core/policy/azure-policy-definition';
import { evaluateAzurePolicy, PolicyState } from '../../lib/core/policy/evaluate-azure-policy';
import { expressibleRules, rulePolicyDefinition, RulePolicyDefinition } from '../../lib/core/policy/rule-policy-definitions';
import { evaluateClusterRules } from '../../lib/core/rules/evaluate-cluster-rules';
import { Verdict } from '../../lib/core/rules/rule-outcome';
import { SynthTarget } from '../../lib/synth';

/** The rules Azure Policy can express, each with the definition compiled from it. */
export const COMPILED = expressibleRules().map((rule) => ({ rule, definition: rulePolicyDefinition(rule) }));

/** A compiled definition in the form the library's Azure Policy evaluator reads. */
export function evaluable(d: RulePolicyDefinition): AzurePolicyDefinition {
  return { name: d.name, id: `/providers/Microsoft.Authorization/policyDefinitions/${d.name}`, file: `${d.properties.metadata.ruleId}.json`, displayName: d.properties.displayName, parameters: d.properties.parameters, policyRule: d.properties.policyRule };
}

/** Each expressible rule's verdict on a cluster payload, as the audit and the policy pack decide it. */
export function ruleVerdicts(payload: AuditedResource): Map<string, Verdict> {
  const described = describedFromAudited(payload, { document: 'payload', pointer: '/0' });
  const [cluster] = describeDeployment([{ resources: [described], notExamined: [], problems: [], wholeDeployment: false }]).clusters;
  return new Map(evaluateClusterRules(cluster, COMPILED.map((c) => c.rule)).map((o) => [o.rule.id, o.verdict]));
}

/** Each compiled definition's state on the same payload, with its default effect (Audit). */
export function policyStates(payload: AuditedResource): Map<string, PolicyState> {
  return new Map(COMPILED.map((c) => [c.rule.rule.id, evaluateAzurePolicy(evaluable(c.definition), payload).state]));
}

/**
 * Where a rule and its definition disagree on a payload: a failed rule must be
 * non-compliant, a passed one compliant (an undecided rule is left to the
 * unknown-value test).
 */
export function disagreements(payload: AuditedResource): string[] {
  const verdicts = ruleVerdicts(payload);
  const states = policyStates(payload);
  return COMPILED.flatMap(({ rule }) => {
    const v = verdicts.get(rule.rule.id)!;
    const s = states.get(rule.rule.id)!;
    const agree = v === 'undecided' || (v === 'fail') === (s === 'non-compliant');
    return agree ? [] : [`${rule.rule.id}: rule ${v}, policy ${s}`];
  });
}

/** The managed clusters of an ARM template, as payloads. */
export function clustersOf(template: { readonly resources: readonly Record<string, unknown>[] }): AuditedResource[] {
  return template.resources.filter((r) => String(r.type).toLowerCase() === 'microsoft.containerservice/managedclusters') as unknown as AuditedResource[];
}

/**
 * A described cluster as Azure returns it, as Azure Policy evaluates it: every
 * pool in `agentPoolProfiles` (those declared as their own resources too), a
 * value the reader could not know as some value (a decided rule holds for any).
 */
export function azurePolicyView(cluster: ClusterDescription, name: string = cluster.name): Record<string, any> {
  const pools = Array.isArray(cluster.pools) ? cluster.pools.map((p) => p.profile.raw) : undefined;
  const body = JSON.parse(JSON.stringify(cluster.resource.body ?? {}));
  return { type: 'Microsoft.ContainerService/managedClusters', name, ...body, properties: { ...(body.properties ?? {}), ...(pools ? { agentPoolProfiles: JSON.parse(JSON.stringify(pools)) } : {}) } };
}

/** An ARM template's JSON. */
type TemplateJson = { resources: Record<string, any>[] } & Record<string, any>;

/** Every ARM template with a cluster that an example synthesizes, by example and file. */
async function exampleTemplates(): Promise<Array<{ readonly where: string; readonly template: TemplateJson }>> {
  const examples = path.resolve(__dirname, '../../examples');
  const out: Array<{ where: string; template: TemplateJson }> = [];
  for (const example of fs.readdirSync(examples).filter((e) => fs.existsSync(path.join(examples, e, 'definition.ts'))).sort()) {
    const target = (await import(path.join(examples, example, 'definition.ts'))).default as SynthTarget;
    for (const [file, text] of Object.entries(target.artifacts()).filter(([f]) => f.endsWith('.template.json'))) {
      const template = JSON.parse(text);
      if (clustersOf(template).length > 0) out.push({ where: `${example}/${file}`, template });
    }
  }
  return out;
}

let templates: Awaited<ReturnType<typeof exampleTemplates>> | undefined;
/** {@link exampleTemplates}, synthesized once per test file. */
export async function exampleTemplatesOnce() {
  templates ??= await exampleTemplates();
  return templates;
}
