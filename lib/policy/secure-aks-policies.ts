// The types from their own module: @pulumi/policy 1.21.0's index.d.ts re-exports members its
// proxy.d.ts does not declare, so importing the package root fails a type check without skipLibCheck.
import type { EnforcementLevel, Policies, PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy/policy';
import { CLUSTER_RULES } from '../core/aks/cluster-rule-set';
import { isType, MANAGED_CLUSTER_TYPE } from '../core/audit/audited-resource';
import { PAYLOAD_RULE_IDS } from '../core/audit/cluster-payload-rules';
import { describedFromAudited } from '../core/audit/described-from-audited';
import { describeDeployment } from '../core/description/cluster-description';
import { DescribedResource } from '../core/description/described-resource';
import { describeClassicAzureResource } from '../core/readers/pulumi/classic-azure-resource';
import { evaluateClusterRules } from '../core/rules/evaluate-cluster-rules';
import { checkRelatedPayloads } from '../core/audit/related-payload-rules';
import { referenceOf } from '../core/description/related-resources';
import { ALL_RULES } from '../core/validation/rule-catalog';
import { Rule } from '../core/validation/rule';
import { describeValue, formatViolation, Violation } from '../core/validation/violation';
import { evaluationDateViolation, todayInUtc } from '../core/versions/evaluation-date';
import { assertInput } from '../core/validation/input-boundary';
import { lazySchema, zod } from '../core/validation/lazy-zod';
import { describeAsAzure } from './pulumi-resource-description';

/**
 * Rules decided on the whole stack: they read resources beside the cluster
 * (its subnets and network, its private DNS zone, role assignments,
 * diagnostic settings, locks). The others are decided on each cluster alone.
 * Each rule says which it is (its scope), once, beside its predicate.
 * @category Policy pack
 */
export const STACK_RULE_IDS: ReadonlySet<string> = new Set(CLUSTER_RULES.filter((r) => r.scope === 'deployment').map((r) => r.rule.id));

/**
 * The configuration every policy of the pack takes (its enforcement level is Pulumi's own setting).
 * @category Policy pack
 */
export interface SecureAksPolicyConfig {
  /**
   * Resource names (the Pulumi names of clusters) the policy does not apply
   * to, each with the reason after a colon: `"legacy-aks: replaced in Q3, ticket OPS-142"`.
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
      description: 'Pulumi names of clusters the policy does not apply to, each as "<name>: <reason of at least 10 characters>"',
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
 * several resources.
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
  assertInput(OPTIONS, options, 'secureAksPolicies options');
  const levels = options.enforcementLevels ?? {};
  const rules = ALL_RULES.filter((r) => PAYLOAD_RULE_IDS.has(r.id));
  return rules.map((rule) => {
    const common = {
      name: policyName(rule),
      description: `${rule.id}: ${rule.statement}. Source: ${rule.sources.join(' ; ')}`,
      enforcementLevel: levels[rule.id] ?? (rule.severity === 'error' ? 'mandatory' : 'advisory'),
      configSchema: CONFIG_SCHEMA,
    } as const;
    if (STACK_RULE_IDS.has(rule.id)) {
      const policy: StackValidationPolicy = {
        ...common,
        validateStack: (args, report) => {
          const exempt = exemptionsOf(args.getConfig<SecureAksPolicyConfig>());
          const stack = stackOutcomes(args.resources);
          const related = stack.described.flatMap((d) => (d.azure ? [d.azure] : []));
          const used = new Set<string>();
          for (const { azure } of stack.described) {
            if (!azure || !isType(azure.type, MANAGED_CLUSTER_TYPE)) continue;
            const apiSubnet = referenceOf(azure.properties.apiServerAccessProfile?.subnetId);
            if (apiSubnet) used.add(apiSubnet.names.join('/').toLowerCase());
          }
          for (const { r, findings } of stack.clusters) if (!exempt.has(r.name)) reportRule(rule, findings, r, report);
          // Resources made for AKS in a stack without the cluster that uses them (another team's network).
          for (const f of checkRelatedPayloads(related)) {
            const owner = stack.described.find((d) => d.azure === f.resource)!.r;
            if (!used.has(f.subject.toLowerCase()) && !exempt.has(owner.name)) reportRule(rule, [f.violation], owner, report);
          }
        },
      };
      return policy;
    }
    const policy: ResourceValidationPolicy = {
      ...common,
      validateResource: (args, report) => {
        const config = args.getConfig<SecureAksPolicyConfig>();
        if (exemptionsOf(config).has(args.name)) return;
        const evaluationDate = evaluationDateOf(config, report);
        if (evaluationDate === undefined) return;
        const azure = describeAsAzure(args.type, args.name, args.props);
        if (azure && !isType(azure.type, MANAGED_CLUSTER_TYPE)) {
          // A private DNS zone named for AKS API servers, checked on its own (the subnet rule is the stack's).
          reportRule(rule, checkRelatedPayloads([azure]).map((f) => f.violation), undefined, report);
          return;
        }
        reportRule(rule, resourceFindings(args.type, args.name, args.props, args.urn, evaluationDate), undefined, report);
      },
    };
    return policy;
  });
}

/** A Pulumi resource as a described one: azure-native (typed or generic, given as `azure` when already read) or the classic `@pulumi/azure` provider. */
function describedOf(type: string, name: string, props: Record<string, unknown>, urn: string, azure = describeAsAzure(type, name, props)): DescribedResource | undefined {
  if (azure) return describedFromAudited(azure, { document: urn, pointer: '' });
  return describeClassicAzureResource(type, name, props, urn);
}

/**
 * The findings of the cluster rules on one resource, computed once for all the
 * pack's policies (keyed by the resource's URN and inputs): each policy
 * reports its own rule's.
 */
const computed = new Map<string, readonly Violation[]>();
function resourceFindings(type: string, name: string, props: Record<string, unknown>, urn: string, evaluationDate: string): readonly Violation[] {
  const described = describedOf(type, name, props, urn);
  if (!described || !isType(described.type, MANAGED_CLUSTER_TYPE)) return [];
  const key = `${evaluationDate}\n${urn}\n${JSON.stringify(described.body)}`;
  let found = computed.get(key);
  if (!found) {
    const [cluster] = describeDeployment([{ resources: [described], notExamined: [], problems: [], wholeDeployment: false }]).clusters;
    found = evaluateClusterRules(cluster, CLUSTER_RULES.filter((r) => r.scope === 'cluster'), { evaluationDate }).flatMap((o) => o.findings);
    if (computed.size >= 100) computed.clear();
    computed.set(key, found);
  }
  return found;
}

/** The stack's clusters, each with the findings of the stack rules, computed once per stack for all the pack's policies. */
const stacks = new WeakMap<readonly PolicyResource[], ReturnType<typeof evaluateStack>>();
function stackOutcomes(resources: readonly PolicyResource[]) {
  let found = stacks.get(resources);
  if (!found) {
    found = evaluateStack(resources);
    stacks.set(resources, found);
  }
  return found;
}

function evaluateStack(resources: readonly PolicyResource[]) {
  const described = resources.map((r) => {
    const azure = describeAsAzure(r.type, r.name, r.props);
    return { r, azure, d: describedOf(r.type, r.name, r.props, r.urn, azure) };
  });
  const deployment = describeDeployment([{ resources: described.flatMap((x) => (x.d ? [x.d] : [])), notExamined: [], problems: [], wholeDeployment: true }]);
  const stackRules = CLUSTER_RULES.filter((r) => r.scope === 'deployment');
  const clusters = deployment.clusters.map((cluster) => ({
    r: described.find((x) => x.d === cluster.resource)!.r,
    findings: evaluateClusterRules(cluster, stackRules).flatMap((o) => o.findings),
  }));
  return { described, clusters };
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
