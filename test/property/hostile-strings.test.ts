import { describe, expect, test } from 'vitest';
import {
  ApiServerAccess,
  CertificateSource,
  ClusterNetwork,
  CrossClusterLink,
  HardenedClusterProps,
  ManagedClusterModel,
  PrivateDnsZone,
  renderArmTemplate,
} from '../../lib';
import { HOSTILE_STRINGS } from '../support/arbitraries';
import { MYSQL } from '../support/mesh-fixtures';
import { validationErrorOf } from '../support/validation-error';

const SUB = '00000000-0000-0000-0000-000000000001';
const base: HardenedClusterProps = { name: 'c1', location: 'westeurope' };

/** Where a hostile string can enter, and the property the error must name. */
const CLUSTER_FIELDS: ReadonlyArray<[string, (s: string) => HardenedClusterProps, (s: string) => boolean]> = [
  ['name', (s) => ({ ...base, name: s, dnsPrefix: 'c1' }), (s) => s === 'UPPER'],
  ['dnsPrefix', (s) => ({ ...base, dnsPrefix: s }), (s) => s === 'UPPER'],
  ['location', (s) => ({ ...base, location: s }), () => false],
  ['kubernetesVersion', (s) => ({ ...base, kubernetesVersion: s }), () => false],
  ['systemPool.name', (s) => ({ ...base, systemPool: { name: s } }), () => false],
  ['systemPool.vmSize', (s) => ({ ...base, systemPool: { vmSize: s } }), () => false],
  ['apiServerAccess.dnsZone.subzone', (s) => ({ ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ subzone: s }) }) }), (s) => s === 'UPPER'],
  [
    'network.nodeSubnetId',
    (s) => ({ ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `/subscriptions/${SUB}/resourceGroups/${s}/providers/Microsoft.Network/virtualNetworks/v/subnets/n`, apiServerSubnetId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a` }) }),
    // Resource group names may use letters of any script, digits and . _ ( ) -.
    (s) => /^[\p{L}\p{N}._()-]+$/u.test(s) && !s.includes('/'),
  ],
  ['tags', (s) => ({ ...base, tags: { [s]: 'v' } }), (s) => !/[<>%&\\?/\u0000-\u001f]/.test(s) && s.length > 0 && s.length <= 512],
];

const link = (patch: (svc: typeof MYSQL) => Partial<typeof MYSQL>, name = 'pair') => ({
  name,
  certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer' as const, name: 'customer-ca' } }),
  services: [{ ...MYSQL, ...patch(MYSQL) }],
});
const LINK_FIELDS: ReadonlyArray<[string, (s: string) => ReturnType<typeof link>]> = [
  ['name', (s) => link(() => ({}), s)],
  ['services[0].name', (s) => link(() => ({ name: s }))],
  ['services[0].host', (s) => link(() => ({ host: s }))],
  ['services[0].backend.host', (s) => link(() => ({ backend: { host: s, port: 3306 } }))],
  ['services[0].clientNamespaces[0]', (s) => link(() => ({ clientNamespaces: [s] }))],
  ['services[0].clientCredentialName', (s) => link(() => ({ clientCredentialName: s }))],
];

const rejection = validationErrorOf;

describe.each(CLUSTER_FIELDS)('cluster %s', (property, make, acceptable) => {
  test.each(HOSTILE_STRINGS.filter((s) => !acceptable(s)).map((s) => [JSON.stringify(s), s]))('rejects %s with a message naming the property', (_, s) => {
    const error = rejection(() => ManagedClusterModel.build(make(s)));
    expect(error, 'accepted').toBeDefined();
    expect(error!.violations.some((v) => v.property.startsWith(property))).toBe(true);
  });
});

describe.each(LINK_FIELDS)('link %s', (property, make) => {
  // A secret name is a DNS subdomain: a 64-character name is valid there (labels are not length-limited).
  const acceptable = (s: string) => property.includes('Credential') && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s) && s.length <= 253;
  test.each(HOSTILE_STRINGS.filter((s) => !acceptable(s)).map((s) => [JSON.stringify(s), s]))(
    'rejects %s with a message naming the property',
    (_, s) => {
      const error = rejection(() => CrossClusterLink.build(make(s)));
      expect(error, 'accepted').toBeDefined();
      expect(error!.violations.some((v) => v.property.startsWith(property))).toBe(true);
    },
  );
});

test('a tag name that looks like a template expression is emitted as data, never evaluated', () => {
  const template = renderArmTemplate(ManagedClusterModel.build({ ...base, tags: { "[concat('x')]": 'v' } }).resources);
  const names = (template.resources as any[]).flatMap((r) => Object.keys(r.tags ?? {}));
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set(["[[concat('x')]"]));
});

test('a tag value that looks like a template expression is emitted as data, never evaluated', () => {
  const template = renderArmTemplate(ManagedClusterModel.build({ ...base, tags: { note: "[concat('x')]" } }).resources);
  const tags = (template.resources as any[]).map((r) => r.tags?.note).filter(Boolean);
  expect(new Set(tags)).toEqual(new Set(["[[concat('x')]"]));
});
