import { expect, test } from 'vitest';
import {
  ApiServerAccess,
  CertificateSource,
  ClusterNetwork,
  CrossClusterLinkProps,
  HardenedClusterProps,
  MeshFlavour,
  PodNetworking,
  PrivateDnsZone,
  RegulatedPlatformProps,
  TransitEncryption,
} from '../../lib';
import { SPOKE } from '../support/cluster-fixtures';
import { MYSQL } from '../support/mesh-fixtures';
import { FAILING_CASES, violationsOf } from '../support/misconfiguration-corpus';
import { PLATFORM } from '../support/platform-fixtures';

/**
 * A suggested fix must not lead into another rule's violation. For each case
 * below, the input as it stands once the fix is followed: it must raise no
 * error at all, and no longer break the case's rule.
 */
const base = { name: 'c1', location: 'westeurope' } as const;
const mysql = { ...MYSQL, clientCredentialName: undefined, serverCredentialName: undefined };
const link = (extra: Partial<CrossClusterLinkProps> = {}): CrossClusterLinkProps => ({
  name: 'pair',
  certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
  services: [mysql],
  ...extra,
});
type Applied = { props?: HardenedClusterProps; link?: CrossClusterLinkProps; platform?: RegulatedPlatformProps };

const APPLIED: Record<string, Applied> = {
  'a location that is no Azure region': { props: { ...base, location: 'westeurope' } },
  'a link host inside the cluster domain': { link: link({ services: [{ ...mysql, host: 'mysql.ledger.internal.example' }] }) },
  'a backend that is not a cluster-local Service name': { link: link({ services: [{ ...mysql, backend: { host: 'mysql.default.svc.cluster.local', port: 3306 } }] }) },
  'an egress lockdown on the egress gateway\'s own namespace': { link: link({ services: [{ ...mysql, clientNamespaces: ['payments'] }] }) },
  'an egress lockdown whose server network is the whole internet': { link: link({ egressLockdown: { serverCidrs: [] } }) },
  'an AKS add-on revision in the wrong form': { link: link({ server: { flavour: MeshFlavour.aksIstioAddon({ revision: 'asm-1-27' }) } }) },
  'the v1 Istio API on an add-on revision that does not serve it': { link: link({ apiVersion: 'v1beta1', server: { flavour: MeshFlavour.aksIstioAddon({ revision: 'asm-1-21' }) } }) },
  'a pinned Istio too old for the v1 API': { platform: { ...PLATFORM, versions: { istio: '1.29.2' } } },
  'a pinned Istio patch older than a published security fix of its line': { platform: { ...PLATFORM, versions: { istio: '1.30.4' } } },
  'a certificate renewed no earlier than it expires': {
    link: link({ certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' }, duration: '24h', renewBefore: '8h' }) }),
  },
  'a link with no services': { link: link() },
  'a link name so long that the derived gateway Service name breaks the API server\'s limit': { link: link({ name: 'a'.repeat(48) }) },
  'a pod CIDR in a range AKS reserves': { props: { ...base, podNetworking: PodNetworking.azureCniOverlay({ podCidr: '10.244.0.0/16' }) } },
  'a service CIDR larger than a /12': { props: { ...base, serviceCidr: '100.64.0.0/16', dnsServiceIp: '100.64.0.10' } },
  'a pod CIDR too small for the nodes and their upgrade surge': { props: { ...base, podNetworking: PodNetworking.azureCniOverlay({ podCidr: '10.244.0.0/21' }) } },
  'a node subnet too small for the nodes and their upgrade surge': { props: { ...base, network: ClusterNetwork.create({ nodeSubnetPrefix: '10.224.0.0/28' }) } },
  'authorized ranges that together cover the whole internet': { props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) } },
  'a Calico WireGuard MTU with no room for the AKS and WireGuard overheads': { props: { ...base, transitEncryption: TransitEncryption.calicoWireGuard({ mtu: 1340 }), acknowledgements: [ACK_CALICO()] } },
  'a Windows node pool on a Calico WireGuard cluster': { props: { ...base, transitEncryption: TransitEncryption.calicoWireGuard(), acknowledgements: [ACK_CALICO()] } },
  'authorized ranges on a private cluster': { props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) } },
  'private DNS zone none with the public FQDN off': { props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.none(), publicFqdn: true }) } },
  'ACNS WireGuard on kubenet': { props: { ...base, podNetworking: PodNetworking.azureCniOverlay(), networkDataplane: 'cilium' } },
  'the Cilium dataplane on the node subnet mode': { props: { ...base, podNetworking: PodNetworking.azureCniPodSubnet(), network: ClusterNetwork.create({ podSubnetPrefix: '10.224.32.0/19' }), networkDataplane: 'cilium' } },
  'ACNS WireGuard on the Azure dataplane': { props: { ...base, networkDataplane: 'cilium', networkPolicy: 'cilium' } },
  'the Cilium dataplane with Calico network policy': { props: { ...base, networkPolicy: 'cilium' } },
  'VNet encryption with API Server VNet Integration': {
    props: { ...base, transitEncryption: TransitEncryption.virtualNetworkEncryption(), apiServerAccess: ApiServerAccess.private({ vnetIntegration: false }) },
  },
  'the node subnet used as API server subnet': {
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/apiserver` }) },
  },
  'an own zone with a system-assigned identity': { props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create() }) } },
};

function ACK_CALICO() {
  return { ruleId: 'SAKS-ENC-009', reason: 'Calico WireGuard support comes from the Calico project under contract' };
}

test.each(Object.keys(APPLIED))('following the fix of "%s" breaks no other rule', (name) => {
  const c = FAILING_CASES.find((x) => x.name === name);
  expect(c, `no corpus case named "${name}"`).toBeDefined();
  const applied = APPLIED[name];
  const v = violationsOf({ ...c!, props: applied.props, link: applied.link, platform: applied.platform });
  expect(v.errors.map((e) => `${e.rule.id} ${e.property}: ${e.fix}`)).toEqual([]);
  expect([...v.warnings, ...v.errors].filter((w) => w.rule.id === c!.rule.id)).toEqual([]);
});

test('every new rule of the catalog has its fix followed here', () => {
  const covered = new Set(Object.keys(APPLIED).map((n) => FAILING_CASES.find((c) => c.name === n)!.rule.id));
  for (const id of ['SAKS-NET-007', 'SAKS-NET-008', 'SAKS-NET-009', 'SAKS-NET-010', 'SAKS-MESH-013', 'SAKS-MESH-014', 'SAKS-MESH-015', 'SAKS-MESH-016', 'SAKS-MESH-017', 'SAKS-MESH-018', 'SAKS-K8S-002', 'SAKS-ENC-019', 'SAKS-VER-004']) {
    expect(covered.has(id), id).toBe(true);
  }
});
