// The types from their own module: @pulumi/policy 1.21.0's index.d.ts re-exports members its
// proxy.d.ts does not declare, so importing the package root fails a type check without skipLibCheck.
import type { EnforcementLevel, Policies, PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy/policy';
import { AuditedResource, isType, MANAGED_CLUSTER_TYPE } from '../core/audit/audited-resource';
import { checkClusterPayload, PAYLOAD_RULE_IDS } from '../core/audit/cluster-payload-rules';
import { checkRelatedPayloads } from '../core/audit/related-payload-rules';
import { reference } from '../core/audit/related-resources';
import { ALL_RULES, Rules } from '../core/validation/rule-catalog';
import { Rule } from '../core/validation/rule';
import { describeValue, Violation } from '../core/validation/violation';
import { assertInput } from '../core/validation/input-boundary';
import { lazySchema, zod } from '../core/validation/lazy-zod';
import { describeAsAzure, UNKNOWN_VALUE } from './pulumi-resource-description';

/**
 * Rules decided on the whole stack: they read resources beside the cluster
 * (its subnets and network, its private DNS zone, role assignments,
 * diagnostic settings, locks). The others are decided on each cluster alone.
 */
export const STACK_RULE_IDS: ReadonlySet<string> = new Set(
  [
    Rules.ownZoneNeedsUserAssignedIdentity,
    Rules.apiServerSubnetSize,
    Rules.apiServerSubnetDedicated,
    Rules.vnetEncryptionWithVnetIntegration,
    Rules.clusterCidrsOverlap,
    Rules.privateClusterWithoutWayIn,
    Rules.auditLogsDestination,
    Rules.baselineAuditLogsOff,
    Rules.baselineDeleteLocksOff,
  ].map((r) => r.id),
);

/** The configuration every policy of the pack takes (its enforcement level is Pulumi's own setting). */
export interface SecureAksPolicyConfig {
  /**
   * Resource names (the Pulumi names of clusters) the policy does not apply
   * to, each with the reason after a colon: `"legacy-aks: replaced in Q3, ticket OPS-142"`.
   * Recorded in the policy configuration, so the exemption is reviewed like code.
   * @default []
   */
  readonly exemptions?: readonly string[];
}

/** Options of {@link secureAksPolicies}. */
export interface SecureAksPoliciesOptions {
  /**
   * Enforcement level of each policy by rule id, over the default (mandatory
   * for an error rule, advisory for a warning or an info). Policy
   * configuration (`pulumi up --policy-pack-config`) still overrides it.
   * @default {}
   */
  readonly enforcementLevels?: Readonly<Record<string, EnforcementLevel>>;
}

/** The name of the policy of a rule: its id in lowercase, e.g. `saks-api-005`. */
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
  },
};

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
          const described = args.resources.map((r) => ({ r, azure: describeAsAzure(r.type, r.name, r.props) }));
          const related = described.flatMap((d) => (d.azure ? [d.azure] : []));
          const used = new Set<string>();
          for (const { r, azure } of described) {
            if (!azure || !isType(azure.type, MANAGED_CLUSTER_TYPE)) continue;
            const apiSubnet = reference(azure.properties.apiServerAccessProfile?.subnetId);
            if (apiSubnet) used.add(apiSubnet.names.join('/').toLowerCase());
            if (exempt.has(r.name)) continue;
            const v = checkClusterPayload(azure, related.filter((x) => x !== azure), { wholeDeployment: true }).violations;
            reportRule(rule, decided(azure, [...v.errors, ...v.warnings, ...v.infos]), r, report);
          }
          // Resources made for AKS in a stack without the cluster that uses them (another team's network).
          for (const f of checkRelatedPayloads(related)) {
            const owner = described.find((d) => d.azure === f.resource)!.r;
            if (!used.has(f.subject.toLowerCase()) && !exempt.has(owner.name)) reportRule(rule, [f.violation], owner, report);
          }
        },
      };
      return policy;
    }
    const policy: ResourceValidationPolicy = {
      ...common,
      validateResource: (args, report) => {
        const azure = describeAsAzure(args.type, args.name, args.props);
        if (!azure || exemptionsOf(args.getConfig<SecureAksPolicyConfig>()).has(args.name)) return;
        if (!isType(azure.type, MANAGED_CLUSTER_TYPE)) {
          // A private DNS zone named for AKS API servers, checked on its own (the subnet rule is the stack's).
          reportRule(rule, checkRelatedPayloads([azure]).map((f) => f.violation), undefined, report);
          return;
        }
        const v = violationsOf(azure);
        reportRule(rule, decided(azure, [...v.errors, ...v.warnings, ...v.infos]), undefined, report);
      },
    };
    return policy;
  });
}

/** The payload rules of one cluster, computed once for all the pack's policies (keyed by the payload). */
const computed = new Map<string, ReturnType<typeof checkClusterPayload>['violations']>();
function violationsOf(azure: AuditedResource) {
  const key = JSON.stringify(azure);
  let v = computed.get(key);
  if (!v) {
    v = checkClusterPayload(azure, []).violations;
    if (computed.size >= 100) computed.clear();
    computed.set(key, v);
  }
  return v;
}

/**
 * The violations whose part of the payload Pulumi knows: during preview, a
 * section of the payload holding a value not known yet (another resource's
 * output) is not decided; `pulumi up` checks it once the value is known.
 */
function decided(azure: AuditedResource, violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => {
    const [head, second] = v.property.split('.');
    const section = head === 'properties' && second ? azure.properties[second.replace(/\[\d+\]$/, '')] : (azure as unknown as Record<string, unknown>)[head.replace(/\[\d+\]$/, '')];
    return !JSON.stringify(section ?? null).includes(UNKNOWN_VALUE);
  });
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
