// The types from their own module: @pulumi/policy 1.21.0's index.d.ts re-exports members its
// proxy.d.ts does not declare, so importing the package root fails a type check without skipLibCheck.
import type { EnforcementLevel, Policies, PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy/policy';
import { CLUSTER_RULES } from '../core/aks/cluster-rule-set';
import { isType, MANAGED_CLUSTER_TYPE } from '../core/audit/audited-resource';
import { PAYLOAD_RULE_IDS } from '../core/audit/cluster-payload-rules';
import { AGENT_POOL_TYPE, describeDeployment } from '../core/description/cluster-description';
import { evaluateClusterRules } from '../core/rules/evaluate-cluster-rules';
import { checkRelatedPayloads } from '../core/audit/related-payload-rules';
import { referenceOf } from '../core/description/related-resources';
import { ALL_RULES } from '../core/validation/rule-catalog';
import { Rule } from '../core/validation/rule';
import { describeValue, formatViolation, Violation } from '../core/validation/violation';
import { evaluationDateViolation, todayInUtc } from '../core/versions/evaluation-date';
import { assertInput } from '../core/validation/input-boundary';
import { lazySchema, zod } from '../core/validation/lazy-zod';
import { DescribedResource, NotExamined } from '../core/description/described-resource';
import { FindingWithPools, findingsWithPools } from './findings-with-pools';
import { describeAsAzure, known } from './pulumi-resource-description';
import { DescribedStackResources, describePulumiResource, describePulumiStack, describeStackResources } from './pulumi-stack-description';
import { rememberInputs, withSeenInputs } from './seen-inputs';

/**
 * Rules decided on the whole stack: they read resources beside the cluster
 * (its subnets and network, its private DNS zone, role assignments,
 * diagnostic settings, locks). The others are decided on each cluster alone.
 * Each rule says which it is (its scope), once, beside its predicate.
 * @category Policy pack
 */
export const STACK_RULE_IDS: ReadonlySet<string> = new Set(CLUSTER_RULES.filter((r) => r.scope === 'deployment').map((r) => r.rule.id));

/**
 * Rules decided on each cluster alone that read its node pools: a node pool
 * declared as its own resource is not part of its cluster's resource, so each
 * of these rules has, besides its resource policy, a companion stack policy
 * ({@link withPoolsPolicyName}) that decides it on each cluster together with
 * the pools declared as their own resources in the stack.
 * @category Policy pack
 */
export const WITH_POOLS_RULE_IDS: ReadonlySet<string> = new Set(
  CLUSTER_RULES.filter((r) => r.scope === 'cluster' && r.judgesPools === true && PAYLOAD_RULE_IDS.has(r.rule.id)).map((r) => r.rule.id),
);

/**
 * The configuration every policy of the pack takes (its enforcement level is Pulumi's own setting).
 * @category Policy pack
 */
export interface SecureAksPolicyConfig {
  /**
   * Resource names (the Pulumi names of clusters, or of node pools declared
   * as their own resources) the policy does not apply to, each with the
   * reason after a colon: `"legacy-aks: replaced in Q3, ticket OPS-142"`.
   * Recorded in the policy configuration, so the exemption is reviewed like code.
   * @default []
   */
  readonly exemptions?: readonly string[];
  /**
   * The day the support windows (SAKS-VER-001, SAKS-VER-002) are judged on,
   * `YYYY-MM-DD` in UTC: give it to make a preview's result the same from one day to the next.
   * @default - today in UTC
   * @see https://learn.microsoft.com/azure/aks/supported-kubernetes-versions
   */
  readonly evaluationDate?: string;
}

/**
 * Options of {@link secureAksPolicies}.
 * @category Policy pack
 */
export interface SecureAksPoliciesOptions {
  /**
   * Enforcement level of each policy by rule id, over the default (mandatory
   * for an error rule, advisory for a warning or an info). Policy
   * configuration (`pulumi up --policy-pack-config`) still overrides it.
   * @default {}
   */
  readonly enforcementLevels?: Readonly<Record<string, EnforcementLevel>>;
}

/**
 * The name of the policy of a rule: its id in lowercase, e.g. `saks-api-005`.
 * @category Policy pack
 */
export function policyName(rule: Rule): string {
  return rule.id.toLowerCase();
}

/**
 * The name of the companion stack policy of a rule in {@link WITH_POOLS_RULE_IDS}:
 * the policy's name and `-with-pools`, e.g. `saks-enc-005-with-pools`.
 * @category Policy pack
 */
export function withPoolsPolicyName(rule: Rule): string {
  return `${policyName(rule)}-with-pools`;
}

const OPTIONS = lazySchema(() =>
  zod.strictObject({
    enforcementLevels: zod
      .partialRecord(
        zod.enum([...PAYLOAD_RULE_IDS] as [string, ...string[]], { message: 'expected the id of a rule the policy pack checks ("Enforced in: policy pack" in docs/validation-rules.md)' }),
        zod.enum(['advisory', 'mandatory', 'remediate', 'disabled']),
      )
      .optional(),
  }),
);

const CONFIG_SCHEMA = {
  properties: {
    exemptions: {
      type: 'array' as const,
      items: { type: 'string' as const, pattern: '^[^:]+: .{10,}$' },
      description: 'Pulumi names of clusters (or of node pools declared as their own resources) the policy does not apply to, each as "<name>: <reason of at least 10 characters>"',
    },
    evaluationDate: {
      type: 'string' as const,
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'The day (YYYY-MM-DD, UTC) the support windows are judged on; default: today',
    },
  },
};

/**
 * The evaluation date of a policy's configuration: today in UTC when none is
 * given, `undefined` after reporting the library's violation when it is no calendar date.
 */
function evaluationDateOf(config: SecureAksPolicyConfig, report: ReportViolation): string | undefined {
  const bad = evaluationDateViolation(config.evaluationDate, 'evaluationDate');
  if (bad) {
    report(formatViolation(bad));
    return undefined;
  }
  return config.evaluationDate ?? todayInUtc();
}

/**
 * The policies of the CrossGuard policy pack: one per rule of the catalog
 * that an Azure payload decides, named after the rule, on every managed
 * cluster of a Pulumi program however it is written (the typed
 * `azure-native` ManagedCluster of any API version module, or the generic
 * `azure-native:resources:Resource`), and on the stack for the rules that read
 * several resources. Each rule of node pools decided on a cluster alone also
 * has a companion stack policy, `<rule>-with-pools` ({@link withPoolsPolicyName}),
 * for what it finds only on a cluster together with the node pools declared as
 * their own resources in the stack.
 * @example
 * // index.ts of a policy pack project (PulumiPolicy.yaml: runtime: nodejs)
 * import { PolicyPack } from '@pulumi/policy';
 * import { secureAksPolicies } from 'secure-aks/policy';
 * new PolicyPack('secure-aks', { policies: secureAksPolicies() });
 * @see https://www.pulumi.com/docs/iac/using-pulumi/crossguard/
 * @category Policy pack
 */
export function secureAksPolicies(options: SecureAksPoliciesOptions = {}): Policies {
  // Options may come from a policy project's JSON or YAML: wrong types and unknown rules are reported all at once.
  // No options need no schema: the policy pack's process then does not load zod (half a second of its start-up).
  const empty = options === undefined || (typeof options === 'object' && options !== null && !Array.isArray(options) && Object.keys(options).length === 0);
  if (!empty) assertInput(OPTIONS, options, 'secureAksPolicies options');
  const levels = options.enforcementLevels ?? {};
  const rules = ALL_RULES.filter((r) => PAYLOAD_RULE_IDS.has(r.id));
  return rules.flatMap((rule) => {
    const common = {
      name: policyName(rule),
      description: `${rule.id}: ${rule.statement}. Source: ${rule.sources.join(' ; ')}`,
      enforcementLevel: levels[rule.id] ?? (rule.severity === 'error' ? 'mandatory' : 'advisory'),
      configSchema: CONFIG_SCHEMA,
    } as const;
    if (STACK_RULE_IDS.has(rule.id)) return [stackPolicy(rule, common)];
    if (!WITH_POOLS_RULE_IDS.has(rule.id)) return [resourcePolicy(rule, common)];
    return [resourcePolicy(rule, common), withPoolsPolicy(rule, common)];
  });
}

/** What the policies of a rule have in common: its name, description, enforcement level and configuration. */
type PolicyCommon = Pick<StackValidationPolicy, 'name' | 'description' | 'enforcementLevel' | 'configSchema'>;

/** The policy of a rule decided on the whole stack. */
function stackPolicy(rule: Rule, common: PolicyCommon): StackValidationPolicy {
  return {
    ...common,
    validateStack: (args, report) => {
      const config = args.getConfig<SecureAksPolicyConfig>();
      const evaluationDate = evaluationDateOf(config, report);
      if (evaluationDate === undefined) return;
      const exempt = exemptionsOf(config);
      const stack = stackOutcomes(args.resources, evaluationDate);
      for (const { r, findings } of stack.clusters) if (!exempt.has(r.name)) reportRule(rule, findings, r, report);
      for (const { owner, violation } of stack.orphans) if (!exempt.has(owner.name)) reportRule(rule, [violation], owner, report);
    },
  };
}

/** The policy of a rule decided on each resource alone (a cluster, a node pool declared as its own resource). */
function resourcePolicy(rule: Rule, common: PolicyCommon): ResourceValidationPolicy {
  return {
    ...common,
    validateResource: (args, report) => {
      // The stack policies read these inputs: they are handed the resource's outputs.
      rememberInputs(args.urn, args.props);
      const config = args.getConfig<SecureAksPolicyConfig>();
      if (exemptionsOf(config).has(args.name)) return;
      const evaluationDate = evaluationDateOf(config, report);
      if (evaluationDate === undefined) return;
      reportRule(rule, resourceFindings(args, evaluationDate), undefined, report);
    },
  };
}

/**
 * The companion stack policy of a rule of node pools: the rule on each
 * cluster with its pools declared as their own resources, reporting only what
 * the rule's resource policy cannot see on one resource alone. CrossGuard runs
 * stack policies once all the stack's resources are registered, at preview
 * and at update; a policy is either a resource or a stack policy, hence two.
 * @see https://www.pulumi.com/docs/iac/using-pulumi/crossguard/core-concepts/
 */
function withPoolsPolicy(rule: Rule, common: PolicyCommon): StackValidationPolicy {
  return {
    ...common,
    name: withPoolsPolicyName(rule),
    description: `${rule.id} on each cluster with its node pools declared as their own resources: ${rule.statement}. Source: ${rule.sources.join(' ; ')}`,
    validateStack: (args, report) => {
      const config = args.getConfig<SecureAksPolicyConfig>();
      const evaluationDate = evaluationDateOf(config, report);
      if (evaluationDate === undefined) return;
      const exempt = exemptionsOf(config);
      for (const { cluster, on, violation } of stackOutcomes(args.resources, evaluationDate).withPools) {
        if (!exempt.has(cluster.name) && !exempt.has(on.name)) reportRule(rule, [violation], on, report);
      }
    },
  };
}

/**
 * What one resource breaks on its own, computed once for all the pack's
 * resource policies, each of which reports its own rule's: the cluster rules
 * on a cluster; on a private DNS zone named for AKS API servers, its name (the
 * subnet rule is the stack's). The analyzer gives each policy its own copy of
 * the resource's inputs, so the copies are recognised by their content.
 */
const computed = new Map<string, readonly Violation[]>();
function resourceFindings(r: Pick<PolicyResource, 'type' | 'name' | 'props' | 'urn'>, evaluationDate: string): readonly Violation[] {
  const key = `${evaluationDate}\n${r.urn}\n${r.type}\n${r.name}\n${inputsText(r.props)}`;
  let found = computed.get(key);
  if (!found) {
    found = findingsOf(r, evaluationDate);
    // A stack's resources, with room to spare; a long-lived process does not grow without bound.
    if (computed.size >= 10_000) computed.clear();
    computed.set(key, found);
  }
  return found;
}

function findingsOf(r: Pick<PolicyResource, 'type' | 'name' | 'props' | 'urn'>, evaluationDate: string): readonly Violation[] {
  const azure = describeAsAzure(r.type, r.name, r.props);
  const described = describePulumiResource(r, azure);
  if (azure && !isType(azure.type, MANAGED_CLUSTER_TYPE) && !isType(azure.type, AGENT_POOL_TYPE)) return checkRelatedPayloads([azure]).map((f) => f.violation);
  if (!described) return [];
  // A cluster, or a node pool declared as its own resource (azure-native `AgentPool`, the classic
  // `KubernetesClusterNodePool`): read alone, the pool's cluster is not read, and only the rules of node pools
  // run on it, with what they need of the cluster undecided. Its cluster's own policies judge the cluster.
  const deployment = describeDeployment([{ resources: [described], notExamined: [], problems: [], wholeDeployment: false }]);
  const clusterRules = CLUSTER_RULES.filter((c) => c.scope === 'cluster');
  return [...deployment.clusters, ...deployment.orphanPools].flatMap((d) => evaluateClusterRules(d, clusterRules, { evaluationDate }).flatMap((o) => o.findings));
}

/**
 * The stack rules' findings, computed once per stack for all the pack's stack
 * policies. The Pulumi policy analyzer hands each stack policy its own copy of
 * the stack's resources (a new array, new property proxies), so the copies are
 * recognised by what they describe: the evaluation date and every resource's
 * URN and described body.
 * @see https://github.com/pulumi/pulumi-policy/blob/master/sdk/nodejs/server.ts
 */
let lastStack: { readonly key: string; readonly outcome: StackOutcome } | undefined;
function stackOutcomes(stack: readonly PolicyResource[], evaluationDate: string): StackOutcome {
  // The inputs the resource policies were given, not the outputs the stack policies are handed.
  const { resources, unseen } = withSeenInputs(stack);
  const key = [evaluationDate, ...resources.map((r) => `${r.urn}\n${inputsText(r.props)}`), ...unseen.map((u) => u.at.document)].join('\n\n');
  if (lastStack?.key !== key) lastStack = { key, outcome: evaluateStack(resources, describeStackResources(resources), unseen, evaluationDate) };
  return lastStack.outcome;
}

/**
 * A resource's inputs as text that tells two copies apart: the inputs the
 * analyzer's unknown-checking proxy wraps, its unknown markers included
 * (`__getSpecialProxyTarget`, `@pulumi/policy`'s proxy.ts); otherwise a copy
 * read member by member, an unknown member as the library's marker.
 */
const PROXY_TARGET = '__getSpecialProxyTarget';
function inputsText(props: Record<string, unknown>): string {
  const target = props[PROXY_TARGET];
  if (target !== undefined) return JSON.stringify(target);
  return JSON.stringify(known(props));
}

interface StackOutcome {
  /** The stack's clusters, each with the findings of the stack rules, and the pools whose cluster is not in the stack with theirs. */
  readonly clusters: readonly { readonly r: PolicyResource; readonly findings: readonly Violation[] }[];
  /** Resources made for AKS in a stack without the cluster that uses them (another team's network), with what they break on their own. */
  readonly orphans: readonly { readonly owner: PolicyResource; readonly violation: Violation }[];
  /** What the rules of node pools find on each cluster with the pools declared as their own resources, and no resource policy reports. */
  readonly withPools: readonly FindingWithPools[];
}

function evaluateStack(resources: readonly PolicyResource[], described: DescribedStackResources<PolicyResource>, unseen: readonly NotExamined[], evaluationDate: string): StackOutcome {
  const { deployment } = describePulumiStack(resources, described, unseen);
  const stackRules = CLUSTER_RULES.filter((r) => r.scope === 'deployment');
  const withPoolsRules = CLUSTER_RULES.filter((r) => WITH_POOLS_RULE_IDS.has(r.rule.id));
  const byDescribed = new Map(described.flatMap((x) => (x.d ? [[x.d, x.r] as const] : [])));
  const resourceOf = (d: DescribedResource) => byDescribed.get(d)!;
  const withPools: FindingWithPools[] = [];
  // Pools whose cluster is not in the stack too, reported on their first pool (only the rules of node pools run on them).
  const clusters = [...deployment.clusters, ...deployment.orphanPools].map((d) => {
    // A cluster with pools declared as their own resources: the rules of node pools run in the same pass.
    const separatePools = d.clusterRead && d.poolResources.length > 0;
    const outcomes = evaluateClusterRules(d, separatePools ? [...stackRules, ...withPoolsRules] : stackRules, { evaluationDate });
    const findingsOf = (ids: ReadonlySet<string>) => outcomes.filter((o) => ids.has(o.rule.id)).flatMap((o) => o.findings);
    if (separatePools) withPools.push(...findingsWithPools(d, resourceOf, findingsOf(WITH_POOLS_RULE_IDS), (r) => resourceFindings(r, evaluationDate)));
    return { r: resourceOf(d.clusterRead ? d.resource : d.poolResources[0]), findings: findingsOf(STACK_RULE_IDS) };
  });
  const used = new Set<string>();
  for (const { azure } of described) {
    if (!azure || !isType(azure.type, MANAGED_CLUSTER_TYPE)) continue;
    const apiSubnet = referenceOf(azure.properties.apiServerAccessProfile?.subnetId);
    if (apiSubnet) used.add(apiSubnet.names.join('/').toLowerCase());
  }
  const owners = new Map(described.flatMap((x) => (x.azure ? [[x.azure, x.r] as const] : [])));
  const orphans = checkRelatedPayloads([...owners.keys()])
    .filter((f) => !used.has(f.subject.toLowerCase()))
    .map((f) => ({ owner: owners.get(f.resource)!, violation: f.violation }));
  return { clusters, orphans, withPools };
}

function exemptionsOf(config: SecureAksPolicyConfig): Set<string> {
  return new Set((config.exemptions ?? []).map((e) => e.slice(0, e.indexOf(':')).trim()));
}

function reportRule(rule: Rule, violations: readonly Violation[], resource: PolicyResource | undefined, report: ReportViolation): void {
  for (const v of violations) {
    if (v.rule.id !== rule.id) continue;
    const message = `${v.property} = ${describeValue(v.value)}: ${v.fix}${v.detail ? ` (${v.detail})` : ''}`;
    if (resource) report(message, resource.urn);
    else report(message);
  }
}
