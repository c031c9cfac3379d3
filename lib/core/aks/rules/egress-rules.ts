import { clusterRule, ClusterRule, ClusterRuleContext, poolRule } from '../../rules/cluster-rule';
import { Rules } from '../../validation/rule-catalog';
import { NETWORK_ISOLATED_MIN_KUBERNETES, NETWORK_ISOLATED_NODE_OS_CHANNELS } from '../aks-limits';
import { kubernetesMinorBelow } from '../validation-helpers';
import { networkIsolatedUnsupported } from '../network-isolated-support';
import { egressPathOf } from '../egress-path';
import { certain, extensionResources, hasVnetIntegration, isPrivateCluster, kubernetesVersion, nodeSubnetIds, same } from './cluster-facts';

/**
 * The outbound types whose prerequisites a payload shows.
 * @see https://learn.microsoft.com/azure/aks/egress-outboundtype
 * @see https://learn.microsoft.com/azure/aks/concepts-network-isolated
 */

const OUTBOUND = 'properties.networkProfile.outboundType';
const EXTENSIONS = 'Microsoft.KubernetesConfiguration/extensions';
const FLUX_CONFIGURATIONS = 'Microsoft.KubernetesConfiguration/fluxConfigurations';

/**
 * The GitOps (Flux) resources on a network-isolated cluster: each found fails;
 * one whose type or presence is not known offline, or none where the
 * cluster's extensions were not read, leaves this part undecided.
 */
function checkGitOpsWhenIsolated(c: ClusterRuleContext): void {
  const [gitOps] = networkIsolatedUnsupported('none', undefined, true);
  const configurations = extensionResources(c, FLUX_CONFIGURATIONS).map((r) => ({ r, at: c.cluster.describe(r).fact('properties.sourceKind'), flux: true as boolean | undefined }));
  const extensions = extensionResources(c, EXTENSIONS).map((r) => {
    const at = c.cluster.describe(r).fact('properties.extensionType');
    return { r, at, flux: at.state === 'unknown' ? undefined : same(at.state === 'known' ? at.value : undefined, 'microsoft.flux') };
  });
  let undecided: string | undefined;
  let found = false;
  for (const { r, at, flux } of [...extensions, ...configurations]) {
    if (flux === true && certain(r)) {
      c.fail(at, gitOps.fix, { value: r.name, detail: gitOps.detail });
      found = true;
    } else if (flux !== false) undecided ??= `the ${r.type} "${r.name}" may be the GitOps (Flux) extension or deployed: its type or condition is not known offline`;
  }
  if (found) return;
  if (undecided) c.cannotDecide(undecided);
  else if (!c.cluster.wholeDeployment) c.cannotDecide("the cluster's extensions (a GitOps extension among them) are separate resources, not among those read", undefined, true);
}

export const EGRESS_RULES: readonly ClusterRule[] = [
  clusterRule(Rules.egressPublicIp, 'deployment', (c) => {
    const path = egressPathOf(c);
    // What decides it is a resource not among those read (brought by id), not a value held unknown.
    if (path.publicEgress === 'unverified') c.cannotDecide(path.reason ?? path.description, path.fact, true);
    if (path.publicEgress !== 'yes') return;
    c.fail(path.fact, { definition: 'send egress through your hub firewall with OutboundType.userDefinedRouting({ firewallPrivateIp }), or isolate the cluster with OutboundType.networkIsolated()', payload: 'send egress through your hub firewall (outboundType userDefinedRouting), or isolate the cluster (outboundType none)' }, { value: path.outboundType });
  }),
  poolRule(Rules.egressManagedNat, 'cluster', (c) => {
    const outbound = c.fact(OUTBOUND);
    if (same(c.text(outbound), 'managedNATGateway') && nodeSubnetIds(c).length > 0) {
      c.fail(outbound, { definition: 'use OutboundType.userAssignedNatGateway({ natGatewayId }) with a NAT gateway you own', payload: 'use userAssignedNATGateway with a NAT gateway on the node subnet, or userDefinedRouting' });
    }
  }),
  poolRule(Rules.networkIsolatedLimits, 'cluster', (c) => {
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
  clusterRule(Rules.networkIsolatedUnsupported, 'deployment', (c) => {
    if (!same(c.text(c.fact(OUTBOUND)), 'none')) return;
    c.guard(() => {
      const plugin = c.fact('properties.networkProfile.networkPlugin');
      for (const x of networkIsolatedUnsupported('none', c.text(plugin), false)) c.fail(plugin, x.fix, { detail: x.detail });
    });
    c.guard(() => checkGitOpsWhenIsolated(c));
  }),
];
