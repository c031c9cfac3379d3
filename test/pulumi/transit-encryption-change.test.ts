import * as pulumi from '@pulumi/pulumi';
import { beforeAll, expect, test } from 'vitest';
import { HardenedClusterProps, PodNetworking, TransitEncryption } from '../../lib';
import { HardenedCluster } from '../../lib/pulumi';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

/** Deploys `props` under stack name `stack`, as its own program, and returns what was recorded for the cluster, with its options. */
async function deploy(stack: string, props: Partial<HardenedClusterProps>) {
  // Each deployment is its own program: one program writing the same cluster twice is refused.
  ({ resources } = await installMocks());
  const opts = new Map<string, pulumi.CustomResourceOptions>();
  const aks = new HardenedCluster(stack, { name: 'same', location: 'westeurope', resourceGroupName: 'rg', ...props }, {
    transformations: [(a) => { opts.set(a.name, a.opts); return undefined; }],
  });
  await settle(aks.clusterId);
  const mine = resources.filter((r) => r.name.startsWith(`${stack}-`));
  const cluster = mine.find((r) => r.name === `${stack}-cluster`)!;
  return {
    names: mine.map((r) => r.name.slice(stack.length + 1)).sort(),
    properties: cluster.inputs.properties,
    replaceOnChanges: opts.get(`${stack}-cluster`)!.replaceOnChanges ?? [],
  };
}

/** Paths (below `properties`) whose values differ between two payloads. */
function changedPaths(a: any, b: any, prefix = 'properties'): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => changedPaths(a[k], b[k], `${prefix}.${k}`));
  }
  return [prefix];
}

test('switching ACNS WireGuard off is an in-place update of the same resources', async () => {
  const acns = await deploy('acns', {});
  const none = await deploy('none', { transitEncryption: TransitEncryption.none() });
  expect(none.names).toEqual(acns.names);
  const changed = changedPaths(acns.properties, none.properties).sort();
  expect(changed).toEqual([
    'properties.networkProfile.advancedNetworking.enabled',
    'properties.networkProfile.advancedNetworking.observability',
    'properties.networkProfile.advancedNetworking.security',
  ]);
  // None of the changed paths forces a replacement: Azure updates ACNS in place.
  expect(changed.filter((p) => acns.replaceOnChanges.includes(p))).toEqual([]);
});

test('switching ACNS to Calico WireGuard leaves the Cilium dataplane: a replacement, as Azure cannot do it in place', async () => {
  const acns = await deploy('acns2', {});
  const calico = await deploy('calico', { transitEncryption: TransitEncryption.calicoWireGuard() });
  const changed = changedPaths(acns.properties, calico.properties).sort();
  expect(changed).toEqual([
    'properties.networkProfile.advancedNetworking.enabled',
    'properties.networkProfile.advancedNetworking.observability',
    'properties.networkProfile.advancedNetworking.security',
    'properties.networkProfile.networkDataplane',
    'properties.networkProfile.networkPolicy',
  ]);
  expect(changed.filter((p) => calico.replaceOnChanges.includes(p))).toEqual(['properties.networkProfile.networkDataplane']);
  // The way back (Azure to Cilium dataplane) is an in-place upgrade.
  expect(acns.replaceOnChanges).not.toContain('properties.networkProfile.networkDataplane');
});

test('a change of pod networking (create-only) shows as a replacement', async () => {
  const overlay = await deploy('overlay', {});
  const otherCidr = await deploy('othercidr', { podNetworking: PodNetworking.azureCniOverlay({ podCidr: '10.250.0.0/16' }) });
  const changed = changedPaths(overlay.properties, otherCidr.properties);
  expect(changed).toEqual(['properties.networkProfile.podCidr']);
  expect(otherCidr.replaceOnChanges).toContain('properties.networkProfile.podCidr');
});
