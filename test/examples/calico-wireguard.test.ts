import { Testing } from 'cdk8s';
import { beforeAll, expect, test } from 'vitest';
import { FELIX_CONFIGURATION_SCHEMA, StrictSchemaValidator } from '../../lib';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

test('the cluster runs Azure CNI with Calico policy, and the manifest validates strictly as a FelixConfiguration', async () => {
  const files = (await import('../../examples/calico-wireguard/definition')).default.artifacts();
  const cluster = JSON.parse(files['cluster.template.json']).resources.find((r: any) => r.type === 'Microsoft.ContainerService/managedClusters');
  expect(cluster.properties.networkProfile).toMatchObject({ networkPlugin: 'azure', networkPolicy: 'calico', networkDataplane: 'azure' });
  const { parseAllDocuments } = await import('yaml');
  const docs = parseAllDocuments(files['calico-wireguard.k8s.yaml']).map((d) => d.toJSON());
  const validator = new StrictSchemaValidator();
  validator.register('felix', FELIX_CONFIGURATION_SCHEMA);
  expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
    'FelixConfiguration/default',
    'ValidatingAdmissionPolicy/secure-aks-calico-wireguard',
    'ValidatingAdmissionPolicyBinding/secure-aks-calico-wireguard',
  ]);
  expect(validator.validate('felix', docs[0])).toEqual([]);
  expect(docs[0]).toMatchObject({ kind: 'FelixConfiguration', metadata: { name: 'default' }, spec: { wireguardEnabled: true } });
});

test('the coverage report states that Calico also encrypts host traffic', async () => {
  const report = (await import('../../examples/calico-wireguard/definition')).default.artifacts()['encryption-coverage.md'];
  expect(report).toContain('| Node to node (host traffic) | encrypted |');
  expect(report).toContain('| Pods with hostNetwork: true | encrypted |');
  expect(report).toContain('Microsoft supports Calico for network policy only');
});

test('the Pulumi program applies the FelixConfiguration to this cluster', async () => {
  const program = await import('../../examples/calico-wireguard/index');
  await settle(program.clusterId);
  await new Promise((r) => setTimeout(r, 100));
  const { charts } = await import('../../examples/calico-wireguard/definition');
  const app = Testing.app();
  charts(app);
  const group = resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup')!;
  expect(group.inputs.objs).toEqual(app.charts[0].toJson());
  // The admission policy that keeps WireGuard on goes with the FelixConfiguration.
  expect(group.inputs.objs.map((o: any) => o.kind)).toContain('ValidatingAdmissionPolicy');
});
