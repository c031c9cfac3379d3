/**
 * A private cluster: privateDNSZone "system", no public FQDN, run command off,
 * API Server VNet Integration on a delegated /28 the library creates.
 * This one definition feeds both `pulumi up` (index.ts) and `npm run synth`.
 */
import { ApiServerAccess, ClusterNetwork, HardenedClusterProps, PrivateDnsZone } from 'secure-aks';
import { hardenedClusterTarget } from 'secure-aks/synth';

export const cluster: HardenedClusterProps = {
  name: 'payments-prod',
  location: 'westeurope',
  apiServerAccess: ApiServerAccess.private({
    dnsZone: PrivateDnsZone.system(),
    publicFqdn: false,
    disableRunCommand: true,
    vnetIntegration: true,
  }),
  network: ClusterNetwork.create({
    addressSpace: ['10.224.0.0/16'],
    nodeSubnetPrefix: '10.224.0.0/20',
    apiServerSubnetPrefix: '10.224.16.0/28',
  }),
  adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'],
};

export default hardenedClusterTarget(cluster);
