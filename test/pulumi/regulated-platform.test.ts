import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { beforeAll, expect, test } from 'vitest';
import { PINNED_VERSIONS, RegulatedPlatformModel } from '../../lib';
import { addCrossClusterCharts } from '../../lib/cdk8s';
import { RegulatedPlatform } from '../../lib/pulumi';
import { PLATFORM } from '../support/platform-fixtures';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
const options = new Map<string, pulumi.ResourceOptions & { provider?: pulumi.ProviderResource }>();
let stack: RegulatedPlatform;
const model = RegulatedPlatformModel.build(PLATFORM);

beforeAll(async () => {
  ({ resources } = await installMocks());
  stack = new RegulatedPlatform('platform', { platform: model, resourceGroupName: 'rg' }, {
    transformations: [(a) => { options.set(a.name, a.opts as never); return undefined; }],
  });
  await settle(stack.client.clusterId, stack.server.clusterId, stack.mesh.urn);
  await new Promise((r) => setTimeout(r, 200));
});

test('each cluster\'s ARM resources are children of its HardenedCluster, itself a child of the platform', () => {
  expect(options.get('platform-client')!.parent).toBe(stack);
  expect(options.get('platform-server')!.parent).toBe(stack);
  for (const r of model.client.resources) expect(options.get(`platform-client-${r.logicalId}`)!.parent, r.logicalId).toBe(stack.client);
  for (const r of model.server.resources) expect(options.get(`platform-server-${r.logicalId}`)!.parent, r.logicalId).toBe(stack.server);
  for (const r of model.glueResources()) expect(options.get(`platform-${r.logicalId}`)!.parent, r.logicalId).toBe(stack);
});

test('the glue refers to the real networks of both clusters', () => {
  const peering = resources.find((r) => r.name === 'platform-peering-client-to-server')!;
  // azure-native's typed resource, at the API version the model pins.
  expect(peering.type).toBe('azure-native:network:VirtualNetworkPeering');
  expect(peering.inputs).toMatchObject({ virtualNetworkName: 'client-a-vnet', virtualNetworkPeeringName: 'to-server', allowForwardedTraffic: false });
  expect(peering.inputs.remoteVirtualNetwork.id).toMatch(/virtualNetworks\/server-b-vnet$/);
});

test('no chart goes to the wrong cluster: every Kubernetes resource carries its own cluster\'s provider', () => {
  const kube = resources.filter((r) => r.type.startsWith('kubernetes:'));
  expect(kube.map((r) => r.name).sort()).toEqual([
    'platform-client-cert-manager',
    'platform-client-issuer',
    'platform-client-istio-base',
    'platform-client-istiod',
    'platform-mesh-client',
    'platform-mesh-server',
    'platform-server-cert-manager',
    'platform-server-issuer',
    'platform-server-istio-base',
    'platform-server-istiod',
  ]);
  for (const r of kube) {
    const side = r.name.includes('-client') ? 'client' : 'server';
    expect(r.provider, r.name).toContain(`pulumi:providers:kubernetes::platform-${side}::`);
  }
});

test('the mesh charts are exactly the synthesized ones, and wait for Istio and the issuer', () => {
  const app = Testing.app();
  const charts = addCrossClusterCharts(app, model.link);
  const group = (name: string) => resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === name)!;
  expect(group('platform-mesh-client').inputs.objs).toEqual(charts.client.toJson());
  expect(group('platform-mesh-server').inputs.objs).toEqual(charts.server.toJson());
  const deps = options.get('platform-mesh-client')!.dependsOn as pulumi.Resource[];
  expect(deps).toContain(stack.releases.client.istiod);
});

test('Helm releases are pinned, in order, with the cluster\'s provider', () => {
  const istiod = resources.find((r) => r.name === 'platform-server-istiod')!;
  expect(istiod.inputs).toMatchObject({ chart: 'istiod', version: PINNED_VERSIONS.istio, namespace: 'istio-system', repositoryOpts: { repo: 'https://istio-release.storage.googleapis.com/charts' } });
  expect(options.get('platform-server-istiod')!.dependsOn).toEqual([stack.releases.server['istio-base']]);
});

test('the Kubernetes providers use the clusters\' Entra ID kubeconfigs, as secrets', () => {
  const provider = resources.find((r) => r.type === 'pulumi:providers:kubernetes' && r.name === 'platform-client')!;
  // A secret arrives wrapped in Pulumi's secret signature.
  expect(provider.inputs.kubeconfig['4dabf18193072939515e22adb298388d']).toBe('1b47061264138c4ac30d75fd1eb44270');
  expect(provider.inputs.kubeconfig.value).toContain('kubelogin');
});

test('on the AKS Istio add-on: no Istio Helm release, the shared MeshConfig applied first, and the clusters enable the add-on', async () => {
  const addon = RegulatedPlatformModel.build({ ...PLATFORM, meshDistribution: 'aksIstioAddon' });
  // Another program: the same clusters in the same resource group would collide with the first platform's.
  ({ resources } = await installMocks());
  const on = new RegulatedPlatform('asm', { platform: addon, resourceGroupName: 'rg' }, {
    transformations: [(a) => { options.set(a.name, a.opts as never); return undefined; }],
  });
  await settle(on.client.clusterId, on.server.clusterId, on.mesh.urn);
  await new Promise((r) => setTimeout(r, 200));
  const kube = resources.filter((r) => r.type.startsWith('kubernetes:') && r.name.startsWith('asm-'));
  expect(kube.map((r) => r.name).sort()).toEqual([
    'asm-client-cert-manager',
    'asm-client-issuer',
    'asm-client-mesh-config',
    'asm-mesh-client',
    'asm-mesh-server',
    'asm-server-cert-manager',
    'asm-server-issuer',
    'asm-server-mesh-config',
  ]);
  const config = resources.find((r) => r.type === 'kubernetes:yaml/v2:ConfigGroup' && r.name === 'asm-client-mesh-config')!;
  expect(config.inputs.objs.map((o: any) => o.metadata.name)).toEqual([`istio-shared-configmap-${addon.versions.aksIstioRevision}`]);
  const deps = options.get('asm-mesh-client')!.dependsOn as pulumi.Resource[];
  const urns = await Promise.all(deps.map((d) => new Promise<string>((resolve) => d.urn.apply(resolve))));
  expect(urns.map((u) => u.split('::').pop()).sort()).toEqual(['asm-client-issuer', 'asm-client-mesh-config']);
  const cluster = resources.find((r) => r.name === 'asm-client-cluster')!;
  expect(cluster.inputs.properties.serviceMeshProfile.istio.revisions).toEqual([addon.versions.aksIstioRevision]);
});
