import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy/policy';
import * as containerservice from '@pulumi/azure-native/containerservice';
import * as analyzerProxy from '@pulumi/policy/proxy';
import { beforeAll, expect, test, vi } from 'vitest';
import { ApiServerAccess } from '../../lib';
import { HardenedCluster } from '../../lib/pulumi';
import { secureAksPolicies } from '../../lib/policy';
import { evaluateClusterRules } from '../../lib/core/rules/evaluate-cluster-rules';
import { asOutputs, inAnalyzerOrder } from '../support/pulumi-analyzer';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

// Counts the rule engine's passes, whoever calls it.
vi.mock('../../lib/core/rules/evaluate-cluster-rules', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/core/rules/evaluate-cluster-rules')>();
  return { ...original, evaluateClusterRules: vi.fn(original.evaluateClusterRules) };
});

// The analyzer's own proxy, which its declarations leave out (marked internal in @pulumi/policy).
const { unknownCheckingProxy } = analyzerProxy as unknown as { unknownCheckingProxy: <T>(inputs: T) => T };

const CLUSTERS = 4;
/** Node pools declared as their own resources, a Windows one on each of the first clusters (Cilium dataplane, SAKS-ENC-006). */
const SEPARATE_POOLS = 2;
let stack: RecordedResource[];
beforeAll(async () => {
  const { resources } = await installMocks();
  const clusters = Array.from({ length: CLUSTERS }, (_, i) =>
    new HardenedCluster(`work-${i}`, { name: `work-${i}`, location: 'westeurope', resourceGroupName: 'rg', ...(i % 2 === 1 ? { apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) } : {}) }),
  );
  for (let i = 0; i < SEPARATE_POOLS; i++) {
    new containerservice.AgentPool(`work-${i}-win`, { resourceGroupName: 'rg', resourceName: `work-${i}`, agentPoolName: 'win1', mode: 'User', count: 2, vmSize: 'Standard_D4ds_v5', osType: 'Windows', enableEncryptionAtHost: true });
  }
  await settle(...clusters.map((c) => c.clusterId));
  stack = [...resources];
});

/**
 * Runs the pack as the Pulumi policy analyzer does: each resource policy on
 * each resource, and each stack policy on its own copy of the stack (a new
 * array of new resources, their inputs behind the analyzer's unknown-checking proxy).
 * @see https://github.com/pulumi/pulumi-policy/blob/master/sdk/nodejs/server.ts
 */
function analyze(): string[] {
  const reported: string[] = [];
  const copy = (r: RecordedResource): PolicyResource =>
    ({ type: r.type, name: r.name, urn: `urn:pulumi:stack::project::${r.type}::${r.name}`, props: unknownCheckingProxy(structuredClone(r.inputs)), opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined }) as unknown as PolicyResource;
  const common = { stackTags: new Map<string, string>(), getConfig: <T extends object>() => ({ evaluationDate: '2026-12-01' }) as T, notApplicable: (): never => { throw new Error('not applicable'); } };
  for (const p of inAnalyzerOrder(secureAksPolicies())) {
    const report = (message: string, urn?: string) => reported.push(`${p.name} ${urn ?? ''}: ${message}`);
    if ('validateStack' in p) (p as StackValidationPolicy).validateStack({ resources: stack.map((r) => asOutputs(copy(r))), ...common }, report);
    else for (const r of stack) ((p as ResourceValidationPolicy).validateResource as (args: object, report: (m: string) => void) => void)({ ...copy(r), ...common }, report);
  }
  return reported;
}

test('the rule work is done once per cluster for the whole pack, not once per policy', () => {
  const policies = secureAksPolicies();
  expect(policies.filter((p) => 'validateStack' in p).length).toBeGreaterThan(5);
  const passes = vi.mocked(evaluateClusterRules);
  passes.mockClear();
  const first = analyze();
  // One pass of the cluster-scope rules per cluster and per pool declared as its own resource, and one per
  // cluster of the stack rules, with the rules of node pools in the same pass where a cluster has such pools.
  expect(passes).toHaveBeenCalledTimes(2 * CLUSTERS + SEPARATE_POOLS);
  // Each policy still reports its own rule on every cluster, from the shared passes: a cluster rule
  // (SAKS-BASE-015, no customer-managed KMS key) on all four, a stack rule (SAKS-RUN-002, run command
  // disabled on a private cluster) on the two private ones, and the companion of a rule of node pools
  // (SAKS-ENC-006, Windows pools on the Cilium dataplane) on each separate Windows pool.
  expect(first.filter((m) => m.startsWith('saks-base-015 ')).length).toBe(CLUSTERS);
  expect(first.filter((m) => m.startsWith('saks-run-002 ')).length).toBe(CLUSTERS / 2);
  expect(first.filter((m) => m.startsWith('saks-enc-006-with-pools ')).sort()).toEqual(
    Array.from({ length: SEPARATE_POOLS }, (_, i) => expect.stringContaining(`::azure-native:containerservice:AgentPool::work-${i}-win: properties.osType = "Windows"`)),
  );
  // The same stack again (a second preview in the same process): nothing is recomputed, and the same is reported.
  passes.mockClear();
  expect(analyze()).toEqual(first);
  expect(passes).not.toHaveBeenCalled();
});

test('a changed stack is evaluated afresh: the cache is keyed by what the resources describe, not by the array', () => {
  analyze();
  const passes = vi.mocked(evaluateClusterRules);
  passes.mockClear();
  const cluster = stack.findIndex((r) => r.type === 'azure-native:resources:Resource' && r.inputs.resourceType === 'managedClusters');
  const original = stack[cluster];
  stack[cluster] = { ...original, inputs: { ...original.inputs, properties: { ...original.inputs.properties, disableLocalAccounts: false } } };
  try {
    const reported = analyze();
    expect(reported.some((m) => m.includes('disableLocalAccounts'))).toBe(true);
    expect(passes.mock.calls.length).toBeGreaterThan(0);
  } finally {
    stack[cluster] = original;
  }
});
