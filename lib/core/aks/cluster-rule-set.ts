import { TRANSIT_ENCRYPTION_RULES } from '../encryption/transit-encryption-rules';
import { GITOPS_SOURCE_RULES } from '../gitops/gitops-source-cluster-rules';
import { ISTIO_ADDON_RULES } from '../mesh/istio-addon-rules';
import { ClusterRule } from '../rules/cluster-rule';
import { SUPPORT_WINDOW_RULES } from '../versions/support-window-rules';
import { API_SERVER_RULES } from './rules/api-server-rules';
import { BASELINE_RULES } from './rules/baseline-rules';
import { EGRESS_RULES } from './rules/egress-rules';
import { IDENTITY_RULES } from './rules/identity-rules';
import { NAME_RULES } from './rules/name-rules';
import { NETWORK_RULES } from './rules/network-rules';

/**
 * Every rule decided on a cluster's description, each written once beside
 * its domain: what a definition's validation, synth, the policy pack and the
 * audit run.
 */
export const CLUSTER_RULES: readonly ClusterRule[] = [
  ...NAME_RULES,
  ...API_SERVER_RULES,
  ...IDENTITY_RULES,
  ...NETWORK_RULES,
  ...TRANSIT_ENCRYPTION_RULES,
  ...EGRESS_RULES,
  ...GITOPS_SOURCE_RULES,
  ...ISTIO_ADDON_RULES,
  ...BASELINE_RULES,
  ...SUPPORT_WINDOW_RULES,
];

/** The ids of the rules decided on a cluster's description. */
export const CLUSTER_RULE_IDS: ReadonlySet<string> = new Set(CLUSTER_RULES.map((r) => r.rule.id));
