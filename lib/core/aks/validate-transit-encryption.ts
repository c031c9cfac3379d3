import { CALICO_WIREGUARD_MTU } from './aks-limits';
import { supportsVnetEncryption } from '../encryption/vnet-encryption-vm-sizes';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';
import { allNodePools, ResolvedClusterConfig } from './resolved-cluster-config';


/**
 * Checks what only the definition's transit encryption choice shows: Calico
 * WireGuard's network and settings, virtual network encryption's VM sizes and
 * network. What the payload shows (ACNS, Cilium, FIPS, VNet Integration, and
 * whether pod traffic between nodes is encrypted at all) is a cluster rule
 * (encryption/transit-encryption-rules.ts).
 * @category Transit encryption
 */
export function validateTransitEncryption(c: ResolvedClusterConfig, v: ViolationCollector): void {
  const enc = c.transitEncryption;
  const pods = c.podNetworking;
  const pools = allNodePools(c);
  const poolPath = (i: number) => (i === 0 ? 'systemPool' : `userNodePools[${i - 1}]`);

  if (enc.kind === 'calicoWireGuard') {
    if (pods.networkPlugin !== 'azure') {
      v.add(Rules.calicoWireGuardNetwork, 'podNetworking', pods.mode, 'use an Azure CNI mode (Calico WireGuard on AKS is supported with Azure CNI)');
    }
    if (c.networkDataplane === 'cilium') {
      v.add(Rules.calicoWireGuardNetwork, 'networkDataplane', 'cilium', 'use networkDataplane "azure", or TransitEncryption.acnsWireGuard()');
    }
    if (c.networkPolicy !== 'calico') {
      v.add(Rules.calicoWireGuardNetwork, 'networkPolicy', c.networkPolicy, 'use networkPolicy "calico"');
    }
    allNodePools(c).forEach((p, i) => {
      if (p.osType === 'Windows') {
        v.add(Rules.wireGuardLinuxOnly, `${poolPath(i)}.osType`, p.osType, 'run Windows workloads in another cluster, or drop the Windows pool: its traffic would stay unencrypted');
      }
    });
    const s = enc.calico!;
    const ports: Array<[string, number]> = [['transitEncryption.listeningPort', s.listeningPort]];
    if (s.ipv6) ports.push(['transitEncryption.listeningPortV6', s.listeningPortV6]);
    for (const [property, port] of ports) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        v.add(Rules.calicoWireGuardSettings, property, port, 'use a UDP port from 1 to 65535');
      }
    }
    const mtus = [
      ['transitEncryption.mtu', s.mtu, CALICO_WIREGUARD_MTU.min, CALICO_WIREGUARD_MTU.max],
      ['transitEncryption.mtuV6', s.mtuV6, CALICO_WIREGUARD_MTU.minV6, CALICO_WIREGUARD_MTU.maxV6],
    ] as const;
    for (const [property, mtu, min, max] of mtus) {
      if (mtu !== undefined && (!Number.isInteger(mtu) || mtu < min || mtu > max)) {
        v.add(Rules.calicoWireGuardSettings, property, mtu, `leave the MTU unset (Felix derives it) or give a whole number from ${min} to ${max}`);
      }
    }
    v.add(
      Rules.calicoUnsupportedByMicrosoft,
      'transitEncryption',
      'calicoWireGuard',
      'accept Calico project support for WireGuard, or use TransitEncryption.acnsWireGuard() for a Microsoft-supported option',
    );
  }

  if (enc.kind === 'virtualNetworkEncryption') {
    pools.forEach((p, i) => {
      if (!supportsVnetEncryption(p.vmSize)) {
        v.add(Rules.vnetEncryptionVmSize, `${poolPath(i)}.vmSize`, p.vmSize, 'use a supported size such as Standard_D4ds_v5 or Standard_E4ds_v5');
      }
    });
    if (c.network.kind === 'existing') {
      v.add(Rules.vnetEncryptionExistingNetwork, 'network', 'fromSubnetIds', 'enable encryption (enforcement AllowUnencrypted) on the existing virtual network');
    }
    if (c.networkDataplane === 'cilium' && pods.mode === 'podSubnet') {
      v.add(Rules.vnetEncryptionCiliumPodSubnet, 'podNetworking', 'azureCniPodSubnet', 'prefer Azure CNI Overlay with virtual network encryption');
    }
  }
}
