import { ACNS_MIN_KUBERNETES } from '../aks/aks-limits';
import { hasVnetIntegration, kubernetesVersion, networkPolicyEngineOf, same } from '../aks/rules/cluster-facts';
import { acnsWireGuardOn, nodeNetworkEncryption, podTrafficEncryptionOf, wireGuardOn } from './pod-traffic-encryption';
import { kubernetesMinorBelow } from '../aks/validation-helpers';
import { clusterRule, ClusterRule, ClusterRuleContext, poolRule } from '../rules/cluster-rule';
import { conditionRule } from '../rules/condition-rule';
import { Cond } from '../rules/resource-condition';
import { Rules } from '../validation/rule-catalog';

/**
 * What ACNS WireGuard and the Cilium dataplane need, and what virtual
 * network encryption excludes, on the cluster as deployed.
 * @see https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts
 * @see https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-network-encryption-overview
 */

const NETWORK = 'properties.networkProfile';
const TRANSIT_ENCRYPTION_TYPE = `${NETWORK}.advancedNetworking.security.transitEncryption.type`;
const NETWORK_POLICY = `${NETWORK}.networkPolicy`;
/** The Cilium dataplane. */
const CILIUM_DATAPLANE = Cond.is(`${NETWORK}.networkDataplane`, 'cilium');
/** ACNS WireGuard is the transit encryption of the network profile. */
const ACNS_WIREGUARD = Cond.is(TRANSIT_ENCRYPTION_TYPE, 'WireGuard');

function ciliumDataplane(c: ClusterRuleContext): boolean {
  return same(c.text(c.fact(`${NETWORK}.networkDataplane`)), 'cilium');
}

/** The Windows pools, with their `osType` positions. */
function windowsPools(c: ClusterRuleContext) {
  return c.pools().filter((p) => same(c.text(p.profile.fact('osType')), 'Windows'));
}

export const TRANSIT_ENCRYPTION_RULES: readonly ClusterRule[] = [
  poolRule(Rules.ciliumNeedsOverlayOrPodSubnet, 'cluster', (c) => {
    if (!ciliumDataplane(c)) return;
    const plugin = c.text(c.fact(`${NETWORK}.networkPlugin`));
    const mode = c.fact(`${NETWORK}.networkPluginMode`);
    const podSubnet = c.pools().some((p) => c.value(p.profile.fact('podSubnetID')) !== undefined);
    if (!(same(plugin, 'azure') && (same(c.text(mode), 'overlay') || podSubnet))) {
      c.fail(mode, { definition: 'use PodNetworking.azureCniOverlay() or PodNetworking.azureCniPodSubnet()', payload: 'use networkPlugin "azure" with networkPluginMode "overlay", or pod subnets' });
    }
  }),
  conditionRule(
    Rules.ciliumDataplaneNeedsCiliumPolicy,
    Cond.anyOf(
      // On the Cilium dataplane, no policy (or an empty one) is Cilium's own: only another one named breaks the rule.
      Cond.allOf(CILIUM_DATAPLANE, Cond.exists(NETWORK_POLICY), Cond.not(Cond.is(NETWORK_POLICY, '')), Cond.not(Cond.is(NETWORK_POLICY, 'cilium'))),
      Cond.allOf(Cond.not(CILIUM_DATAPLANE), Cond.is(NETWORK_POLICY, 'cilium')),
    ),
    (c) => {
      const at = c.fact(NETWORK_POLICY);
      if (ciliumDataplane(c)) c.fail(at, 'use networkPolicy "cilium" with the Cilium dataplane', { value: networkPolicyEngineOf(c) ?? null });
      else c.fail(at, 'use networkDataplane "cilium", or another network policy');
    },
  ),
  poolRule(Rules.ciliumLinuxOnly, 'cluster', (c) => {
    if (!ciliumDataplane(c)) return;
    for (const p of windowsPools(c)) c.fail(p.profile.fact('osType'), 'run Windows workloads in a cluster on the Azure dataplane, or drop the Windows pool');
  }),
  conditionRule(Rules.acnsNeedsAzurePlugin, Cond.allOf(ACNS_WIREGUARD, Cond.not(Cond.is(`${NETWORK}.networkPlugin`, 'azure'))), (c) => {
    c.fail(c.fact(`${NETWORK}.networkPlugin`), { definition: 'use PodNetworking.azureCniOverlay() or PodNetworking.azureCniPodSubnet()', payload: 'use networkPlugin "azure" (Azure CNI powered by Cilium)' });
  }),
  conditionRule(Rules.acnsNeedsCilium, Cond.allOf(ACNS_WIREGUARD, Cond.not(Cond.is(`${NETWORK}.networkDataplane`, 'cilium'))), (c) => {
    c.fail(c.fact(`${NETWORK}.networkDataplane`), 'use networkDataplane "cilium" (the default with ACNS WireGuard)');
  }),
  clusterRule(Rules.acnsKubernetesVersion, 'cluster', (c) => {
    if (!acnsWireGuardOn(c)) return;
    const version = kubernetesVersion(c);
    if (version !== undefined && kubernetesMinorBelow(version, ACNS_MIN_KUBERNETES)) {
      c.fail(c.fact('properties.kubernetesVersion'), `use Kubernetes ${ACNS_MIN_KUBERNETES.join('.')} or later`);
    }
  }),
  poolRule(Rules.wireGuardNotFips, 'cluster', (c) => {
    if (!wireGuardOn(c)) return;
    c.each(c.pools(), (p) => {
      const fips = p.profile.fact('enableFIPS');
      if (c.bool(fips) === true) c.fail(fips, { definition: 'use TransitEncryption.virtualNetworkEncryption() where FIPS is required, or turn FIPS off on the pool', payload: 'use virtual network encryption where FIPS is required, or turn FIPS off on the pool' }, { detail: 'WireGuard\'s ChaCha20-Poly1305 is not a FIPS-approved algorithm' });
    });
  }),
  clusterRule(Rules.transitEncryptionNone, 'deployment', (c) => {
    if (podTrafficEncryptionOf(c).kind !== 'none') return;
    c.fail(c.fact(TRANSIT_ENCRYPTION_TYPE), { definition: 'use TransitEncryption.acnsWireGuard(), calicoWireGuard() or virtualNetworkEncryption()', payload: 'set networkProfile.advancedNetworking.security.transitEncryption.type "WireGuard" (ACNS), or encrypt the nodes\' virtual network' }, { value: 'none' });
  }),
  clusterRule(Rules.vnetEncryptionOnly, 'deployment', (c) => {
    if (podTrafficEncryptionOf(c).kind !== 'virtualNetworkEncryption') return;
    c.fail(c.fact(TRANSIT_ENCRYPTION_TYPE), { definition: 'use TransitEncryption.acnsWireGuard() where traffic between pods on one host must be encrypted too', payload: 'use ACNS WireGuard where traffic between VMs on one host must be encrypted too' }, { value: 'virtualNetworkEncryption' });
  }),
  clusterRule(Rules.vnetEncryptionWithVnetIntegration, 'deployment', (c) => {
    if (!hasVnetIntegration(c)) return;
    const network = nodeNetworkEncryption(c);
    if (network?.encrypted) {
      c.fail(c.fact('properties.apiServerAccessProfile.enableVnetIntegration'), { definition: 'turn off API Server VNet Integration (vnetIntegration: false), or use TransitEncryption.acnsWireGuard()', payload: 'turn off virtual network encryption on the cluster network, or API Server VNet Integration' }, { detail: `virtual network ${network.name} has encryption enabled` });
    }
  }),
];
