/**
 * A private cluster whose pod traffic between nodes is encrypted by ACNS
 * WireGuard (Azure CNI powered by Cilium). The workloads chart is checked at
 * synth: a hostNetwork pod would not be encrypted and fails the synth.
 * One definition feeds `pulumi up` (index.ts), `cdk8s synth` (main.ts) and `npm run synth`.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ApiServerAccess, HardenedClusterProps, TransitEncryption } from 'secure-aks';
import { HostNetworkEncryptionCheck } from 'secure-aks/cdk8s';
import { hardenedClusterTarget } from 'secure-aks/synth';

export const cluster: HardenedClusterProps = {
  name: 'ledger-prod',
  location: 'westeurope',
  kubernetesVersion: '1.35',
  apiServerAccess: ApiServerAccess.private(),
  transitEncryption: TransitEncryption.acnsWireGuard(),
  adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'],
};

/** The workloads of this cluster, checked against its transit encryption. */
export function charts(app: App): void {
  const workloads = new Chart(app, 'workloads', { namespace: 'ledger' });
  new kplus.Deployment(workloads, 'api', {
    replicas: 3,
    containers: [{ image: 'nginxinc/nginx-unprivileged:1.27', portNumber: 8080 }],
  });
  new HostNetworkEncryptionCheck(workloads, 'hostnetwork-check', { transitEncryption: cluster.transitEncryption! });
}

export default hardenedClusterTarget(cluster, { charts });
