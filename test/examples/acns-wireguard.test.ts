import { Testing } from 'cdk8s';
import { beforeAll, expect, test } from 'vitest';
import { ApiVersions } from '../../lib';
import { MicrosoftModels } from '../support/microsoft-models';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';
import { wireBody } from '../support/template-resources';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

test('the template sends WireGuard at an API version that has it (checked against Microsoft\'s model)', async () => {
  const files = (await import('../../examples/acns-wireguard/definition')).default.artifacts();
  const cluster = JSON.parse(files['cluster.template.json']).resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters');
  const model = MicrosoftModels['Microsoft.ContainerService/managedClusters'];
  expect(cluster.apiVersion).toBe(ApiVersions.managedClusters);
  expect(cluster.apiVersion).toBe(model.apiVersion());
  expect((model.roundTrip(wireBody(cluster)) as any).properties.networkProfile.advancedNetworking.security.transitEncryption).toEqual({ type: 'WireGuard' });
  expect(cluster.properties.apiServerAccessProfile.enablePrivateCluster).toBe(true);
});

test('the coverage report states what ACNS WireGuard leaves unencrypted', async () => {
  const report = (await import('../../examples/acns-wireguard/definition')).default.artifacts()['encryption-coverage.md'];
  expect(report).toContain('| Pod to pod, across nodes | encrypted |');
  expect(report).toContain('| Pod to pod, same node | NOT encrypted |');
  expect(report).toContain('| Pods with hostNetwork: true | NOT encrypted |');
  // The workloads chart applies the hostNetwork admission policy: the report says what it keeps true.
  expect(report).toMatch(/\| Pods with hostNetwork: true \| NOT encrypted \| [^|]+ \| guarded at admission by ValidatingAdmissionPolicy secure-aks-host-network \(no workload outside kube-system/);
  expect(report).toContain('| Node to node (host traffic) | NOT encrypted |');
});

test('the Pulumi program deploys the cluster and applies the workloads chart to it', async () => {
  const program = await import('../../examples/acns-wireguard/index');
  await settle(program.clusterId);
  await new Promise((r) => setTimeout(r, 100));
  const { charts } = await import('../../examples/acns-wireguard/definition');
  const app = Testing.app();
  charts(app);
  const group = resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === 'workloads')!;
  expect(group.inputs.objs).toEqual(app.charts[0].toJson());
  expect(resources.find((r) => r.type === 'pulumi:providers:kubernetes')!.name).toBe('ledger-prod');
});
