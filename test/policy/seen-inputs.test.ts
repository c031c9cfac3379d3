import type { PolicyResource } from '@pulumi/policy/policy';
import { expect, test } from 'vitest';
import { rememberInputs, withSeenInputs } from '../../lib/policy/seen-inputs';

const resource = (type: string, name: string, props: Record<string, unknown>) => ({ type, name, urn: `urn:pulumi:s::p::${type}::${name}-${Math.random()}`, props }) as Pick<PolicyResource, 'type' | 'name' | 'urn' | 'props'>;

test('a stack policy reads the inputs the resource policies were given, not the outputs it is handed', () => {
  const cluster = resource('azure-native:containerservice:ManagedCluster', 'aks', { name: 'aks', provisioningState: 'Succeeded' });
  const inputs = { resourceGroupName: 'rg', resourceName: 'aks', location: 'westeurope' };
  rememberInputs(cluster.urn, inputs);
  const { resources, unseen } = withSeenInputs([cluster]);
  expect(resources).toEqual([{ ...cluster, props: inputs }]);
  expect(unseen).toEqual([]);
});

test('a resource of a type the pack reads whose inputs were not seen is not examined; other resources are left out', () => {
  const read = resource('azure-native:network:Subnet', 'snet', { name: 'snet' });
  const classic = resource('azure:containerservice/kubernetesCluster:KubernetesCluster', 'aks', {});
  const other = resource('kubernetes:core/v1:Namespace', 'ns', {});
  const stackItself = resource('pulumi:pulumi:Stack', 'project-dev', {});
  const { resources, unseen } = withSeenInputs([read, classic, other, stackItself]);
  expect(resources).toEqual([]);
  expect(unseen.map((u) => [u.at.document, u.what])).toEqual([
    [read.urn, 'the azure-native:network:Subnet "snet"'],
    [classic.urn, 'the azure:containerservice/kubernetesCluster:KubernetesCluster "aks"'],
  ]);
  expect(unseen[0].reason).toContain('a stack policy sees a resource\'s outputs');
});
