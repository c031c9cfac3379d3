import { expect, test } from 'vitest';
import { ignoredProperty, READ_ONLY_PROPERTIES } from '../../../lib/core/drift/read-only-properties';
import { MicrosoftModels } from '../../support/microsoft-models';

const model = MicrosoftModels['Microsoft.ContainerService/managedClusters'];

/** Sets `value` at a REST path of `target` (`*` as the key `x`, `[]` as the first element), creating what is missing. */
function setAt(target: Record<string, any>, path: string, value: unknown): void {
  const keys = path.replace(/\[\]/g, '.0').split('.').map((k) => (k === '*' ? 'x' : k));
  let here: any = target;
  keys.slice(0, -1).forEach((k, i) => {
    if (here[k] === undefined) here[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    here = here[k];
  });
  here[keys[keys.length - 1]] = value;
}

function getAt(target: unknown, path: string): unknown {
  return path
    .replace(/\[\]/g, '.0')
    .split('.')
    .map((k) => (k === '*' ? 'x' : k))
    .reduce<any>((x, k) => (x == null ? undefined : x[k]), target);
}

// The members Microsoft's model of the pinned API version reads from a GET and never sends: its serializer drops them.
const SPEC_ENTRIES = READ_ONLY_PROPERTIES.filter((p) => p.reason.startsWith('readOnly in the REST API specification (Microsoft.ContainerService'));

test.each(SPEC_ENTRIES.map((p) => [p.path]))('%s is read-only in Microsoft\'s model of the cluster (a GET has it, a PUT never sends it)', (p) => {
  const cluster: Record<string, any> = { location: 'westeurope', properties: { dnsPrefix: 'x', agentPoolProfiles: [{ name: 'system', mode: 'System' }], addonProfiles: { x: { enabled: true } } } };
  if (p.includes('podIdentityProfile')) cluster.properties.podIdentityProfile = { enabled: true, userAssignedIdentities: [{ name: 'x', namespace: 'n', identity: { resourceId: 'r', clientId: 'c', objectId: 'o' } }] };
  // An object where the model has one, else text: the model keeps what it can read.
  const value = /identity$|provisioningError$|provisioningInfo$|powerState$|effectiveOutboundIPs$/i.test(p) ? (p.endsWith('IPs') ? [{ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/publicIPAddresses/ip' }] : { code: 'Running' }) : 'x';
  setAt(cluster, p, value);
  expect(getAt(model.roundTrip(cluster), p), p).toBeUndefined();
  // The same round trip keeps a writable member beside it, so the test could fail.
  expect(getAt(model.roundTrip(cluster), 'properties.dnsPrefix')).toBe('x');
});

test('every read-only member Microsoft\'s model drops from a real GET is ignored by the drift check', () => {
  // Microsoft's example response of the pinned version (test/fixtures/aks-rest-examples).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const example = require('../../fixtures/aks-rest-examples/AdvancedNetworkingTransitEncryption.json');
  const get = example.responses['200'].body;
  const kept = model.roundTrip(get);
  const dropped: string[] = [];
  const visit = (value: unknown, after: unknown, path: string) => {
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = Array.isArray(value) ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`;
      const a = after == null ? undefined : (after as Record<string, unknown>)[k];
      if (a === undefined) dropped.push(p);
      else visit(v, a, p);
    }
  };
  visit(get, kept, '');
  expect(dropped.length).toBeGreaterThan(0);
  expect(dropped.filter((p) => ignoredProperty(p) === undefined)).toEqual([]);
  // Writable settings are never ignored.
  for (const p of ['properties.apiServerAccessProfile.enablePrivateCluster', 'properties.networkProfile.networkPolicy', "properties.agentPoolProfiles['system'].enableNodePublicIP"]) expect(ignoredProperty(p)).toBeUndefined();
});
