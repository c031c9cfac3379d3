import { clusterRule, ClusterRule } from '../../rules/cluster-rule';
import { Rules } from '../../validation/rule-catalog';
import { NETWORK_ISOLATED_MIN_KUBERNETES, NETWORK_ISOLATED_NODE_OS_CHANNELS } from '../aks-limits';
import { kubernetesMinorBelow } from '../validation-helpers';
import { hasVnetIntegration, isPrivateCluster, kubernetesVersion, nodeSubnetIds, same } from './cluster-facts';

/**
 * The outbound types whose prerequisites a payload shows.
 * @see https://learn.microsoft.com/azure/aks/egress-outboundtype
 * @see https://learn.microsoft.com/azure/aks/concepts-network-isolated
 */

const OUTBOUND = 'properties.networkProfile.outboundType';

export const EGRESS_RULES: readonly ClusterRule[] = [
  clusterRule(Rules.egressManagedNat, 'cluster', (c) => {
    const outbound = c.fact(OUTBOUND);
    if (same(c.text(outbound), 'managedNATGateway') && nodeSubnetIds(c).length > 0) {
      c.fail(outbound, { definition: 'use OutboundType.userAssignedNatGateway({ natGatewayId }) with a NAT gateway you own', payload: 'use userAssignedNATGateway with a NAT gateway on the node subnet, or userDefinedRouting' });
    }
  }),
  clusterRule(Rules.networkIsolatedLimits, 'cluster', (c) => {
    const outbound = c.fact(OUTBOUND);
    if (!same(c.text(outbound), 'none')) return;
    c.guard(() => {
      const version = kubernetesVersion(c);
      if (version !== undefined && kubernetesMinorBelow(version, NETWORK_ISOLATED_MIN_KUBERNETES)) {
        c.fail(c.fact('properties.kubernetesVersion'), `use Kubernetes ${NETWORK_ISOLATED_MIN_KUBERNETES.join('.')} or later`);
      }
    });
    c.guard(() => {
      const channel = c.fact('properties.autoUpgradeProfile.nodeOSUpgradeChannel');
      const value = c.text(channel);
      if (!NETWORK_ISOLATED_NODE_OS_CHANNELS.some((allowed) => same(value, allowed))) {
        c.fail(channel, `use nodeOSUpgradeChannel ${NETWORK_ISOLATED_NODE_OS_CHANNELS.map((x) => `"${x}"`).join(' or ')}`);
      }
    });
    c.guard(() => {
      if (!isPrivateCluster(c) && !hasVnetIntegration(c)) {
        c.fail(c.fact('properties.apiServerAccessProfile.enablePrivateCluster'), { definition: 'use ApiServerAccess.private(), or API Server VNet Integration: without egress, nodes reach the API server only inside the network', payload: 'make the API server private, or use API Server VNet Integration' });
      }
    });
    c.each(c.pools(), (p) => {
      const os = p.profile.fact('osType');
      if (same(c.text(os), 'Windows')) c.fail(os, 'run Windows workloads in a cluster with another outbound type: network isolated clusters run Linux pools only');
    });
  }),
];
