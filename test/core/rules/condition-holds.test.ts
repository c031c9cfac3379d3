import { expect, test } from 'vitest';
import { AuditedResource } from '../../../lib/core/audit/audited-resource';
import { describedFromAudited } from '../../../lib/core/audit/described-from-audited';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { ClusterRuleContext } from '../../../lib/core/rules/cluster-rule';
import { conditionHolds } from '../../../lib/core/rules/condition-holds';
import { Cond, conditionPaths, ResourceCondition } from '../../../lib/core/rules/resource-condition';
import { Undecided } from '../../../lib/core/rules/undecided';
import { Rules } from '../../../lib/core/validation/rule-catalog';

const EXPR = "[parameters('unknown')]";

/** The condition on a cluster of these properties: true, false, or 'undecided'. */
function decide(condition: ResourceCondition, properties: Record<string, unknown>, top: Record<string, unknown> = {}): boolean | 'undecided' {
  const payload = { name: 'c1', type: 'Microsoft.ContainerService/managedClusters', properties, ...top } as AuditedResource;
  const [cluster] = describeDeployment([{ resources: [describedFromAudited(payload, { document: 'd', pointer: '' })], notExamined: [], problems: [], wholeDeployment: false }]).clusters;
  try {
    return conditionHolds(new ClusterRuleContext(cluster, Rules.kmsOff), condition);
  } catch (e) {
    if (e instanceof Undecided) return 'undecided';
    throw e;
  }
}

test('is, in and exists compare as ARM does: text without regard to case, "true" as true, null as absent', () => {
  expect(decide(Cond.is('properties.networkProfile.networkPlugin', 'azure'), { networkProfile: { networkPlugin: 'Azure' } })).toBe(true);
  expect(decide(Cond.is('properties.disableLocalAccounts', true), { disableLocalAccounts: 'True' })).toBe(true);
  expect(decide(Cond.is('properties.disableLocalAccounts', true), {})).toBe(false);
  expect(decide(Cond.in('sku.tier', ['Standard', 'Premium']), {}, { sku: { tier: 'premium' } })).toBe(true);
  expect(decide(Cond.exists('properties.dnsPrefix'), { dnsPrefix: null })).toBe(false);
  expect(decide(Cond.exists('properties.dnsPrefix'), { dnsPrefix: '' })).toBe(true);
  expect(decide(Cond.not(Cond.is('identity.type', 'UserAssigned')), {}, { identity: { type: 'SystemAssigned' } })).toBe(true);
});

test('an unknown value leaves a condition undecided unless the known parts decide it', () => {
  const unknownPlugin = { networkProfile: { networkPlugin: EXPR } };
  expect(decide(Cond.is('properties.networkProfile.networkPlugin', 'azure'), unknownPlugin)).toBe('undecided');
  expect(decide(Cond.not(Cond.exists('properties.networkProfile.networkPlugin')), unknownPlugin)).toBe('undecided');
  // One known false part makes allOf false; one known true part makes anyOf true.
  expect(decide(Cond.allOf(Cond.is('properties.networkProfile.networkPlugin', 'azure'), Cond.is('properties.enableRBAC', true)), { ...unknownPlugin, enableRBAC: false })).toBe(false);
  expect(decide(Cond.anyOf(Cond.is('properties.networkProfile.networkPlugin', 'azure'), Cond.is('properties.enableRBAC', false)), { ...unknownPlugin, enableRBAC: false })).toBe(true);
  expect(decide(Cond.anyOf(Cond.is('properties.networkProfile.networkPlugin', 'azure'), Cond.is('properties.enableRBAC', false)), { ...unknownPlugin, enableRBAC: true })).toBe('undecided');
});

test('some holds when one element meets the condition, whatever another element\'s unknown value', () => {
  const pools = (a: unknown, b: unknown) => ({ agentPoolProfiles: [{ name: 'a', enableNodePublicIP: a }, { name: 'b', enableNodePublicIP: b }] });
  const publicIp = Cond.some('properties.agentPoolProfiles', Cond.is('enableNodePublicIP', true));
  expect(decide(publicIp, pools(EXPR, true))).toBe(true);
  expect(decide(publicIp, pools(EXPR, false))).toBe('undecided');
  expect(decide(publicIp, pools(false, false))).toBe(false);
  expect(decide(publicIp, { agentPoolProfiles: EXPR })).toBe('undecided');
  expect(decide(publicIp, {})).toBe(false);
  expect(conditionPaths(publicIp)).toEqual(['properties.agentPoolProfiles[*].enableNodePublicIP']);
});
