import { expect, test, vi } from 'vitest';
import { validateHardenedCluster } from '../../../lib/core/aks/validate-cluster';
import { describedFromAudited } from '../../../lib/core/audit/described-from-audited';
import { ClusterRuleContext } from '../../../lib/core/rules/cluster-rule';
import { SUB } from '../../support/cluster-fixtures';
import { CLUSTER_RULES } from '../../../lib/core/aks/cluster-rule-set';
import { AGENT_POOL_TYPE, CLUSTER_NOT_READ, describeDeployment, MANAGED_CLUSTER_TYPE } from '../../../lib/core/description/cluster-description';
import { DescribedResource } from '../../../lib/core/description/described-resource';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { Rules } from '../../../lib/core/validation/rule-catalog';
import { FAILING_CASES, hardenedPayload } from '../../support/misconfiguration-corpus';

const EVALUATION_DATE = '2026-06-01';
const poolResource = (name: string, properties: Record<string, unknown>, i = 0): DescribedResource => ({ type: AGENT_POOL_TYPE, name, body: { properties }, origin: { document: 'pool.json', pointer: `/resources/${i}` } });
const verdictsOf = (outcomes: ReturnType<typeof evaluateClusterRules>) => Object.fromEntries(outcomes.map((o) => [o.rule.id, o.verdict]));

test('on pools whose cluster is not read, only the rules of node pools run: what the pools show is decided, what needs the cluster undecided', () => {
  const [orphan] = describeDeployment([{ resources: [poolResource('aks-prod/user1', { mode: 'User', osType: 'Linux', vmSize: 'Standard_D4ds_v5', enableNodePublicIP: true, enableFIPS: true, enableEncryptionAtHost: true })], notExamined: [], problems: [], wholeDeployment: true }]).orphanPools;
  const outcomes = evaluateClusterRules(orphan, CLUSTER_RULES, { evaluationDate: EVALUATION_DATE });
  expect(outcomes.map((o) => o.rule.id).sort()).toEqual(CLUSTER_RULES.filter((r) => r.judgesPools).map((r) => r.rule.id).sort());
  const verdicts = verdictsOf(outcomes);
  // Decided on the pool alone: its public IPs, its encryption at host, its name.
  expect(verdicts[Rules.nodePublicIp.id]).toBe('fail');
  expect(outcomes.find((o) => o.rule === Rules.nodePublicIp)!.findings.map((f) => f.at)).toEqual([{ document: 'pool.json', pointer: '/resources/0/properties/enableNodePublicIP' }]);
  expect(verdicts[Rules.baselineHostEncryptionOff.id]).toBe('pass');
  expect(verdicts[Rules.nodePool.id]).toBe('pass');
  // A FIPS pool breaks SAKS-ENC-005 only in a cluster with WireGuard: the cluster was not read, so undecided, and why.
  const fips = outcomes.find((o) => o.rule === Rules.wireGuardNotFips)!;
  expect(fips.verdict).toBe('undecided');
  expect(fips.undecided.map((u) => u.reason)).toContain(CLUSTER_NOT_READ);
  // No rule of the cluster alone is judged on a pool: its API server is not the pool's.
  expect(verdicts[Rules.apiServerPublicEndpoint.id]).toBeUndefined();
});

test('a pool judged with its cluster gives the same pool verdicts, and the rules of the cluster decide too', () => {
  const cluster: DescribedResource = { type: MANAGED_CLUSTER_TYPE, name: 'aks-prod', body: { location: 'westeurope', properties: { agentPoolProfiles: [] } }, origin: { document: 'pool.json', pointer: '/resources/1' } };
  const deployment = describeDeployment([{ resources: [poolResource('aks-prod/user1', { mode: 'User', enableNodePublicIP: true }), cluster], notExamined: [], problems: [], wholeDeployment: true }]);
  expect(deployment.orphanPools).toEqual([]);
  const verdicts = verdictsOf(evaluateClusterRules(deployment.clusters[0], CLUSTER_RULES, { evaluationDate: EVALUATION_DATE }));
  expect(verdicts[Rules.nodePublicIp.id]).toBe('fail');
  expect(verdicts[Rules.apiServerPublicEndpoint.id]).toBe('fail');
});

test('every rule the misconfiguration corpus breaks on a node pool\'s setting is a rule of node pools, so it judges pools declared apart from their cluster too', () => {
  const POOL_POSITION = /^(systemPool|userNodePools\[\d+\])\.|agentPoolProfiles\[\d+\]\./;
  const onPools = new Set(FAILING_CASES.filter((c) => POOL_POSITION.test(c.property)).map((c) => c.rule.id));
  const clusterRuleIds = new Set(CLUSTER_RULES.map((r) => r.rule.id));
  expect([...onPools].filter((id) => clusterRuleIds.has(id)).length).toBeGreaterThanOrEqual(5);
  const unmarked = CLUSTER_RULES.filter((r) => onPools.has(r.rule.id) && !r.judgesPools).map((r) => r.rule.id);
  expect(unmarked).toEqual([]);
});

test('every rule of the cluster alone that reads the node pools is a rule of node pools, so the policy pack decides it with the pools declared apart', () => {
  // Records which rules ask for the pools, on the corpus's definitions and payloads and on payloads that reach each pool read.
  const readers = new Set<string>();
  const read = ClusterRuleContext.prototype.pools;
  const pools = vi.spyOn(ClusterRuleContext.prototype, 'pools').mockImplementation(function (this: ClusterRuleContext) {
    readers.add(this.rule.id);
    return read.call(this);
  });
  const vnet = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke`;
  const payloads = [
    ...FAILING_CASES.flatMap((c) => (c.payload ? [c.payload] : [])),
    hardenedPayload(),
    hardenedPayload({ networkProfile: { networkPlugin: 'azure', networkDataplane: 'cilium', outboundType: 'managedNATGateway' } }),
    hardenedPayload({ apiServerAccessProfile: { enableVnetIntegration: true, subnetId: `${vnet}/subnets/api` }, agentPoolProfiles: [{ name: 'system', mode: 'System', osType: 'Windows', vnetSubnetID: `${vnet}/subnets/nodes` }] }),
  ];
  try {
    for (const p of payloads) {
      const [cluster] = describeDeployment([{ resources: [describedFromAudited(p, { document: 'payload.json', pointer: '' })], notExamined: [], problems: [], wholeDeployment: false }]).clusters;
      evaluateClusterRules(cluster, CLUSTER_RULES, { evaluationDate: EVALUATION_DATE });
    }
    for (const c of FAILING_CASES) if (c.props) validateHardenedCluster(c.props, { evaluationDate: EVALUATION_DATE });
  } finally {
    pools.mockRestore();
  }
  expect(readers.size).toBeGreaterThanOrEqual(10);
  const unmarked = CLUSTER_RULES.filter((r) => r.scope === 'cluster' && readers.has(r.rule.id) && !r.judgesPools).map((r) => r.rule.id);
  expect(unmarked).toEqual([]);
});
