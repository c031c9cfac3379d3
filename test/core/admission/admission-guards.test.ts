import { expect, test } from 'vitest';
import { admissionPolicyObjects, deployedAdmissionPolicies, FlowCoverage, hostNetworkAdmissionPolicy, TransitEncryption, withAdmissionGuards } from '../../../lib';

const spec = hostNetworkAdmissionPolicy(TransitEncryption.acnsWireGuard())!;
const row: FlowCoverage = { flow: 'host-network-pods', status: 'unencrypted', by: 'nothing', sources: [] };

test('a statement says it is guarded only when the policy and its binding are deployed as written', () => {
  const [policy, binding] = admissionPolicyObjects(spec);
  expect(deployedAdmissionPolicies([spec], [policy, binding]).map((p) => p.name)).toEqual(['secure-aks-host-network']);
  // Without its binding a policy enforces nothing; edited, it is not the rule's.
  expect(deployedAdmissionPolicies([spec], [policy])).toEqual([]);
  const edited = JSON.parse(JSON.stringify(policy));
  edited.spec.matchConditions[0].expression = 'false';
  expect(deployedAdmissionPolicies([spec], [edited, binding])).toEqual([]);
  const warnOnly = { ...binding, spec: { ...(binding.spec as object), validationActions: ['Warn'] } };
  expect(deployedAdmissionPolicies([spec], [policy, warnOnly])).toEqual([]);
});

test('the guarded flow names the policy and what it guards; other flows are unchanged', () => {
  const other: FlowCoverage = { flow: 'node-to-node', status: 'unencrypted', by: 'nothing', caveat: 'c', sources: [] };
  const [guarded, unguarded] = withAdmissionGuards([row, other], [spec]);
  expect(guarded.caveat).toBe('guarded at admission by ValidatingAdmissionPolicy secure-aks-host-network (no workload outside kube-system, calico-system, tigera-operator sets hostNetwork: true)');
  expect(guarded.status).toBe('unencrypted');
  expect(unguarded).toEqual(other);
});
