import { Provider } from '@pulumi/kubernetes/provider';
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { beforeAll, expect, test } from 'vitest';
import { TransitEncryption } from '../../lib';
import { CalicoWireGuardConfiguration, HostNetworkEncryptionCheck } from '../../lib/cdk8s';
import { ChartDeployment } from '../../lib/pulumi';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

test('applies exactly the chart\'s synthesized objects, through the given provider', async () => {
  const chart = Testing.chart();
  new CalicoWireGuardConfiguration(chart, 'felix', { transitEncryption: TransitEncryption.calicoWireGuard() });
  const provider = new Provider('cluster-a', { kubeconfig: 'unused' });
  const deployment = new ChartDeployment('calico', { chart, provider });
  await settle(deployment.urn);
  const group = resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === 'calico')!;
  expect(group.inputs.objs).toEqual(Testing.synth(chart));
  expect(deployment.objects).toEqual(Testing.synth(chart));
  const urn = await new Promise<string>((r) => deployment.configGroup.urn.apply(r));
  expect(urn).toContain('secure-aks:kubernetes:ChartDeployment$kubernetes:yaml/v2:ConfigGroup::calico');
});

test('fails before registering anything when the chart does not validate', () => {
  const chart = Testing.chart();
  new kplus.Pod(chart, 'agent', { containers: [{ image: 'example/agent:1' }], hostNetwork: true });
  new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.acnsWireGuard() });
  const before = resources.length;
  expect(() => new ChartDeployment('bad', { chart, provider: new Provider('cluster-b', { kubeconfig: 'unused' }) })).toThrow(/hostNetwork: true/);
  expect(resources.filter((r) => r.name === 'bad')).toEqual([]);
  expect(resources.length - before).toBeLessThanOrEqual(1); // at most the provider itself
});
