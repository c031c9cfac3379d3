/**
 * A public API server with API Server VNet Integration, reachable only from
 * named CIDRs (an office range and a build agent's egress IP).
 */
import { ApiServerAccess, HardenedClusterProps } from 'secure-aks';
import { hardenedClusterTarget } from 'secure-aks/synth';

export const cluster: HardenedClusterProps = {
  name: 'analytics-dev',
  location: 'northeurope',
  apiServerAccess: ApiServerAccess.public({
    authorizedIpRanges: ['203.0.113.0/24', '198.51.100.7/32'],
    vnetIntegration: true,
  }),
  adminGroupObjectIds: ['00000000-0000-0000-0000-0000000000a1'],
};

export default hardenedClusterTarget(cluster);
