import { baselineStatus, SECURITY_BASELINE } from '../aks/security-baseline';
import { CLUSTER_NOT_READ, ClusterDescription, MANAGED_CLUSTER_TYPE } from '../description/cluster-description';
import { FLOW_LABELS, FlowCoverage, TrafficFlow } from '../encryption/encryption-coverage';
import { AZURE_POLICY_AKS_DEFINITIONS } from '../policy/azure-policy-definitions.generated';
import { PolicyResult } from '../policy/evaluate-azure-policy';
import { apiServerReachability } from '../reachability/api-server-reachability';
import { RuleEvaluationOptions } from '../rules/rule-evaluation-options';
import type { AuditedControl, AuditedPolicy, ClusterAudit } from './audit-cluster';
import { AzureDescriptionForm } from './audited-resource';
import { auditedControl, auditedRuleOutcomes } from './audited-rule-outcomes';

/**
 * The audit of node pools whose cluster is not among the resources read (a
 * template or a stack that adds pools to an existing cluster): the rules
 * that judge node pools, on the pools read. Everything that is the
 * cluster's (its transit encryption, egress, API server, the baseline
 * controls the pools do not break, Azure Policy's definitions of managed
 * clusters) is not verified: the cluster was not read.
 * @internal
 */
export function auditPoolsWithoutCluster(d: ClusterDescription, form: AzureDescriptionForm = 'rest', options: RuleEvaluationOptions = {}): ClusterAudit {
  // Only the rules that judge node pools run where the cluster was not read (evaluateClusterRules).
  const { evaluationDate, outcomes, undecided, violations } = auditedRuleOutcomes(d, options);
  const root = d.root.asFact();
  const reason = root.state === 'unknown' ? root.reason : CLUSTER_NOT_READ;
  const first = d.poolResources[0];
  const { document, pointer } = first.origin;
  const cluster = {
    source: pointer === '' ? document : `${document}#${pointer}`,
    form,
    cluster: { name: subjectName(d, reason), type: MANAGED_CLUSTER_TYPE, apiVersion: first.apiVersion, properties: {} },
    related: [],
  };
  const notVerified = `not known offline: ${reason}`;
  const coverage = (Object.keys(FLOW_LABELS) as TrafficFlow[]).map((flow): FlowCoverage => ({ flow, status: 'not-verified', by: notVerified, sources: [] }));
  // A control the pools break fails; one they keep is not verified: the cluster and its other pools were not read.
  const baseline = SECURITY_BASELINE.map((check): AuditedControl => {
    const status = baselineStatus(check, outcomes);
    return auditedControl(check, status === 'fail' || status === 'opt-out' ? status : 'not-verified');
  });
  // Azure Policy's built-ins for AKS judge the managed cluster, which was not read.
  const policies = AZURE_POLICY_AKS_DEFINITIONS.map((definition): AuditedPolicy => ({
    result: { definition, effect: definition.policyRule?.then?.effect ?? 'unknown', state: 'not-applicable' } as unknown as PolicyResult,
    state: 'undecided',
  }));
  return {
    cluster,
    violations,
    undecided,
    outcomes,
    transitEncryption: { kind: 'not-verified', reason: notVerified },
    coverage,
    egress: { publicEgress: 'unverified', description: reason },
    baseline,
    policies,
    reachability: apiServerReachability(d),
    evaluationDate,
  };
}

/**
 * The subject's name in the reports: the cluster the pools' names give (a
 * literal, or the expression a template writes), the pools, and why the
 * cluster is not judged: `aks-prod: node pools user1 (cluster not read)`.
 */
function subjectName(d: ClusterDescription, reason: string): string {
  const names = d.poolResources.map((p) => (typeof p.name === 'string' ? p.name : p.name.toString()));
  const parts = names.map((n) => {
    const slash = n.lastIndexOf('/');
    return slash > 0 ? { cluster: n.slice(0, slash), pool: n.slice(slash + 1) } : { cluster: undefined, pool: n };
  });
  const cluster = parts[0].cluster;
  const why = reason === CLUSTER_NOT_READ ? 'cluster not read' : 'cluster not known';
  return `${cluster === undefined ? '' : `${cluster}: `}node pools ${parts.map((p) => p.pool).join(', ')} (${why})`;
}
