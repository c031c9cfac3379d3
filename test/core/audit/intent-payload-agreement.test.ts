import { expect, test } from 'vitest';
import { isEvaluationDate, ManagedClusterModel, validateHardenedCluster } from '../../../lib';
import { unvalidatedClusterTemplate } from '../../../lib/core/aks/managed-cluster-model';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { checkClusterPayload, PAYLOAD_ONLY_RULE_IDS, PAYLOAD_RULE_IDS } from '../../../lib/core/audit/cluster-payload-rules';
import { ClusterDescription, describeDeployment } from '../../../lib/core/description/cluster-description';
import { readArmTemplate } from '../../../lib/core/readers/arm-template';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { VALID_CLUSTERS } from '../../support/cluster-fixtures';
import { FAILING_CASES, hardenedPayload } from '../../support/misconfiguration-corpus';

/** The clusters of a template, read as the audit reads a template (the definitions' own reader). */
function clustersOf(template: unknown, file = 'template.json'): readonly ClusterDescription[] {
  return describeDeployment([readArmTemplate(JSON.parse(JSON.stringify(template)), file)]).clusters;
}

/** The rules one cluster of a template breaks, by id and where. */
function findingsOf(cluster: ClusterDescription, evaluationDate?: string) {
  return evaluateClusterRules(cluster, CLUSTER_RULES, evaluationDate === undefined ? {} : { evaluationDate }).flatMap((o) => o.findings);
}

/** The payload rules on a template, as the audit and the policy pack read it. */
function payloadRuleIds(template: unknown, evaluationDate?: string): string[] {
  const [c] = clustersOf(template);
  return [...new Set(findingsOf(c, evaluationDate).map((v) => v.rule.id))].sort();
}

/** The rules both sides decide: the definition's, restricted to what a payload shows. */
function intentRuleIds(props: Parameters<typeof validateHardenedCluster>[0]): string[] {
  const v = validateHardenedCluster(props);
  return [...new Set([...v.errors, ...v.warnings, ...v.infos, ...v.acknowledged.map((a) => a.violation)].map((x) => x.rule.id))].filter((id) => PAYLOAD_RULE_IDS.has(id)).sort();
}

test.each(Object.entries(VALID_CLUSTERS))('valid definition "%s": its template breaks the same payload rules as the definition, and no payload-only one', (_name, props) => {
  const payload = payloadRuleIds(ManagedClusterModel.build(props).toArmTemplate());
  expect(payload.filter((id) => PAYLOAD_ONLY_RULE_IDS.has(id))).toEqual([]);
  expect(payload).toEqual(intentRuleIds(props));
});

// Every corpus misconfiguration of a cluster definition whose rule a payload decides: built without
// validation, its template breaks the same rule for the audit and the policy pack.
const decidable = FAILING_CASES.filter((c) => c.props && PAYLOAD_RULE_IDS.has(c.rule.id));

/**
 * Cases whose template cannot show the mistake, and why: the model never
 * writes what the rule forbids, so the payload rule is proven on a payload
 * written by hand (below) instead.
 */
const NOT_IN_THE_TEMPLATE: Readonly<Record<string, string>> = {};
/** Where the template shows the same mistake under the payload's own rule. */
const SAME_MISTAKE: Readonly<Record<string, string>> = {};

test('the corpus has payload-decidable cluster cases to compare', () => {
  expect(decidable.length).toBeGreaterThan(20);
  // The model writes what a definition says, mistakes included: every decidable case shows in its template.
  expect(Object.keys(NOT_IN_THE_TEMPLATE)).toEqual([]);
});

test.each(decidable.map((c) => [c.rule.id, c.name, c] as const))('%s (%s): the payload rules find it too', (id, name, c) => {
  let found: string[];
  try {
    found = payloadRuleIds(unvalidatedClusterTemplate(c.props!), c.evaluationDate);
  } catch (e) {
    expect(NOT_IN_THE_TEMPLATE[name], `building "${name}" without validation threw ${(e as Error).message}`).toBeDefined();
    return;
  }
  if (NOT_IN_THE_TEMPLATE[name]) {
    // Listed as not shown: if the template ever shows it, the payload rule must find it and the list shrink.
    expect(found).not.toContain(id);
    return;
  }
  expect(found).toContain(SAME_MISTAKE[id] ?? id);
});

test('the mistakes no template shows are found on payloads written by hand', () => {
  const found = (properties: Record<string, unknown>) => checkClusterPayload(hardenedPayload(properties), []).violations.errors.map((v) => v.rule.id);
  expect(found({ apiServerAccessProfile: { enablePrivateCluster: true, authorizedIPRanges: ['203.0.113.0/24'] } })).toContain('SAKS-API-001');
  expect(found({ securityProfile: { ...hardenedPayload().properties.securityProfile, azureKeyVaultKms: { enabled: true, keyId: `https://etcd-keys.vault.azure.net/keys/etcd/${'0'.repeat(32)}`, keyVaultNetworkAccess: 'Private' } } })).toContain('SAKS-KMS-002');
});

// Every example with a cluster (cross-cluster-mysql is Kubernetes objects only).
const EXAMPLES = ['private-cluster', 'public-authorized-ranges', 'acns-wireguard', 'calico-wireguard', 'platform'];

test.each(EXAMPLES)('example "%s": every template it synthesizes breaks no error rule of the payload, as its definition breaks none', async (example) => {
  // With its extension: vite resolves a dynamic import of a variable path only from a glob it can build.
  const mod = await import(`../../../examples/${example}/definition.ts`);
  const artifacts: Record<string, string> = mod.default.artifacts();
  const templates = Object.entries(artifacts).filter(([file]) => file.endsWith('.template.json'));
  expect(templates.length, `${example} writes no template`).toBeGreaterThan(0);
  for (const [file, text] of templates) {
    const clusters = clustersOf(JSON.parse(text), file);
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      const errors = findingsOf(c).filter((v) => v.rule.severity === 'error');
      expect(errors.map((v) => `${v.rule.id} ${v.property}`), `${file} ${String(c.resource.name)}`).toEqual([]);
    }
  }
  // Where the example exports its cluster definition, the two sides break the same rules.
  if (mod.cluster) expect(payloadRuleIds(JSON.parse(templates[0][1]))).toEqual(intentRuleIds(mod.cluster));
});

test('PAYLOAD_RULE_IDS (the rules table\'s "policy pack, audit") is exactly what the payload rules raise on the test inputs', () => {
  const raised = new Set<string>();
  const record = (cluster: ReturnType<typeof hardenedPayload>, related: Parameters<typeof checkClusterPayload>[1] = [], evaluationDate?: string) => {
    const v = checkClusterPayload(cluster, related, { wholeDeployment: true, evaluationDate }).violations;
    for (const x of [...v.errors, ...v.warnings, ...v.infos]) raised.add(x.rule.id);
  };
  for (const c of FAILING_CASES) {
    if (c.payload) record(c.payload);
    // An evaluation date that is no date is refused before any rule runs (SAKS-VER-003, not a payload rule).
    if (!c.props || (c.evaluationDate !== undefined && !isEvaluationDate(c.evaluationDate))) continue;
    let template: unknown;
    try {
      template = unvalidatedClusterTemplate(c.props);
    } catch {
      continue;
    }
    for (const cluster of clustersOf(template)) for (const x of findingsOf(cluster, c.evaluationDate)) raised.add(x.rule.id);
  }
  // What no template shows: ranges on a private cluster, a private vault without its id, a setting with nowhere to send logs.
  record(hardenedPayload({ apiServerAccessProfile: { enablePrivateCluster: true, authorizedIPRanges: ['203.0.113.0/24'] } }));
  record(hardenedPayload({ securityProfile: { azureKeyVaultKms: { enabled: true, keyId: `https://etcd-keys.vault.azure.net/keys/etcd/${'0'.repeat(32)}`, keyVaultNetworkAccess: 'Private' } } }));
  const cluster = hardenedPayload();
  record(cluster, [{ name: 'audit', type: 'Microsoft.Insights/diagnosticSettings', scope: cluster.id, properties: { logs: [{ category: 'kube-audit-admin', enabled: true }] } }]);
  // Flux configurations deployed on the cluster: the GitOps source rules read them.
  const flux = (name: string, properties: Record<string, unknown>) => ({ name, type: 'Microsoft.KubernetesConfiguration/fluxConfigurations', scope: cluster.id, properties });
  record(cluster, [
    flux('token', { sourceKind: 'GitRepository', gitRepository: { url: 'https://ci:token@github.com/contoso/platform', repositoryRef: { branch: 'main..x' } } }),
    flux('tagged', { sourceKind: 'OCIRepository', ociRepository: { url: 'oci://ghcr.io/contoso/platform:v1', repositoryRef: { tag: 'v1' }, useWorkloadIdentity: true } }),
  ]);
  expect([...raised].sort()).toEqual([...PAYLOAD_RULE_IDS].sort());
});
