import * as fc from 'fast-check';
import {
  ApiServerAccess,
  CertificateSource,
  ClusterNetwork,
  CrossClusterLinkProps,
  HardenedClusterProps,
  PodNetworking,
  PrivateDnsZone,
  TransitEncryption,
} from '../../lib';

const SUB = '00000000-0000-0000-0000-000000000001';
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}[a-z0-9]$/);

/** A public IPv4 /24../32 range without host bits. */
const publicRange = fc.tuple(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 32 })).map(([a, b, c, p]) => {
  const addr = ((a << 24) >>> 0) + (b << 16) + (c << 8);
  const size = 2 ** (32 - p);
  const net = addr - (addr % size);
  return `${[24, 16, 8, 0].map((s) => Math.floor(net / 2 ** s) % 256).join('.')}/${p}`;
});

/** API server access choices that are valid on their own. */
const apiServerAccess = fc.oneof(
  fc.record({ zone: fc.constantFrom('system', 'none', 'created'), publicFqdn: fc.boolean(), vni: fc.boolean(), sub: label }).map(({ zone, publicFqdn, vni, sub }) =>
    ApiServerAccess.private({
      vnetIntegration: vni,
      publicFqdn: zone === 'none' ? true : publicFqdn,
      dnsZone:
        zone === 'system'
          ? PrivateDnsZone.system()
          : zone === 'none'
            ? PrivateDnsZone.none()
            : PrivateDnsZone.create({ subzone: sub, linkedVnetIds: [`/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub`] }),
    }),
  ),
  fc.record({ ranges: fc.uniqueArray(publicRange, { minLength: 1, maxLength: 5 }), vni: fc.boolean() }).map(({ ranges, vni }) =>
    ApiServerAccess.public({ authorizedIpRanges: ranges, vnetIntegration: vni }),
  ),
);

/** Valid cluster definitions across the public options. */
export const validCluster: fc.Arbitrary<HardenedClusterProps> = fc
  .record({
    name: label,
    location: fc.constantFrom('westeurope', 'northeurope', 'eastus2', 'swedencentral'),
    access: apiServerAccess,
    encryption: fc.constantFrom('acns', 'calico', 'vnet', 'none'),
    podSubnet: fc.boolean(),
    userPools: fc.integer({ min: 0, max: 2 }),
    tags: fc.dictionary(label, fc.string({ maxLength: 40 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s)), { maxKeys: 3 }),
  })
  .map(({ name, location, access, encryption, podSubnet, userPools, tags }): HardenedClusterProps => {
    const vnetEncryption = encryption === 'vnet';
    const a = vnetEncryption
      ? access.isPrivate
        ? ApiServerAccess.private({ vnetIntegration: false })
        : ApiServerAccess.public({ authorizedIpRanges: access.authorizedIpRanges, vnetIntegration: false })
      : access;
    const usePodSubnet = podSubnet && encryption !== 'calico' && !vnetEncryption;
    return {
      name,
      location,
      apiServerAccess: a,
      transitEncryption:
        encryption === 'acns'
          ? TransitEncryption.acnsWireGuard()
          : encryption === 'calico'
            ? TransitEncryption.calicoWireGuard()
            : vnetEncryption
              ? TransitEncryption.virtualNetworkEncryption()
              : TransitEncryption.none(),
      podNetworking: usePodSubnet ? PodNetworking.azureCniPodSubnet() : PodNetworking.azureCniOverlay(),
      network: ClusterNetwork.create(usePodSubnet ? { podSubnetPrefix: '10.224.32.0/19' } : {}),
      userNodePools: Array.from({ length: userPools }, (_, i) => ({ name: `pool${i}`, vmSize: 'Standard_D4ds_v5' })),
      tags,
    };
  });

/** Valid cross-cluster links with 1 to 4 services. */
export const validLink: fc.Arbitrary<CrossClusterLinkProps> = fc
  .record({ name: label, services: fc.uniqueArray(label, { minLength: 1, maxLength: 4 }), apiVersion: fc.constantFrom('v1' as const, 'v1beta1' as const) })
  .map(({ name, services, apiVersion }) => ({
    name,
    apiVersion,
    certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
    services: services.map((s, i) => ({
      name: s,
      host: `${s}.${name}.example`,
      clientPort: 3000 + i,
      gatewayPort: 13000 + i,
      backend: { host: `${s}.default.svc.cluster.local`, port: 8080 },
      clientNamespaces: ['default'],
    })),
  }));

/** Hostile strings: injection, control characters, look-alikes, over-long labels. */
export const HOSTILE_STRINGS: readonly string[] = [
  'a\nb',
  'name: injected\nkind: Secret',
  '"},{"evil":true',
  "[concat('x')]",
  '[parameters(\'secret\')]',
  'pаyments', // Cyrillic "а"
  'ｐayments', // full-width "p"
  'a'.repeat(64),
  `${'a'.repeat(64)}.example`,
  'UPPER',
  ' leading',
  'trailing ',
  'semi;colon',
  '../../etc',
  '${jndi:ldap://x}',
  '<script>',
  'a\u0000b',
  '',
];
