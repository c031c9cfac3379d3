/**
 * Azure CNI with Calico network policy, and Calico WireGuard switched on by
 * the FelixConfiguration `default`. Microsoft supports Calico on AKS for
 * network policy only: WireGuard here is supported by the Calico project.
 */
import { App, Chart } from 'cdk8s';
import { ApiServerAccess, HardenedClusterProps, TransitEncryption } from 'secure-aks';
import { CalicoWireGuardConfiguration } from 'secure-aks/cdk8s';
import { hardenedClusterTarget } from 'secure-aks/synth';

export const cluster: HardenedClusterProps = {
  name: 'claims-prod',
  location: 'westeurope',
  apiServerAccess: ApiServerAccess.private(),
  transitEncryption: TransitEncryption.calicoWireGuard(),
  adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'],
  // A reviewed trade-off, recorded in security-baseline.md instead of printed on every run.
  acknowledgements: [
    {
      ruleId: 'SAKS-ENC-009',
      reason: 'Calico WireGuard is supported by the Calico project under our Tigera support contract, not by Azure support',
    },
  ],
};

/** The cluster's Kubernetes side: the FelixConfiguration. */
export function charts(app: App): void {
  const calico = new Chart(app, 'calico-wireguard');
  new CalicoWireGuardConfiguration(calico, 'felix', { transitEncryption: cluster.transitEncryption! });
}

export default hardenedClusterTarget(cluster, { charts });
