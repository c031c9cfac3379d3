import { DescribedResource } from '../../description/described-resource';
import { clusterRule, ClusterRule, ClusterRuleContext, poolRule } from '../../rules/cluster-rule';
import { Rules } from '../../validation/rule-catalog';
import { NETWORK_ISOLATED_MIN_KUBERNETES, NETWORK_ISOLATED_NODE_OS_CHANNELS } from '../aks-limits';
import { kubernetesMinorBelow } from '../validation-helpers';
import { networkIsolatedUnsupported } from '../network-isolated-support';
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

/** The text at `key` of an object of a resource's body, when it is known text. */
function textOf(o: unknown, key: string): string | undefined {
  const v = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The `properties` of each element of a list of a resource's body (routes, security rules, subnets). */
function elementProperties(r: DescribedResource, list: string): unknown[] {
  const items = (r.body.properties as Record<string, unknown> | undefined)?.[list];
  return Array.isArray(items) ? items.map((x) => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>).properties : undefined)) : [];
}

/** A route table deployed for certain sends 0.0.0.0/0 to a virtual appliance (the hub firewall). */
function defaultRouteToAppliance(c: ClusterRuleContext): boolean {
  return c.cluster.related
    .ofType('Microsoft.Network/routeTables')
    .some((t) => certain(t) && elementProperties(t, 'routes').some((r) => textOf(r, 'addressPrefix') === '0.0.0.0/0' && same(textOf(r, 'nextHopType'), 'VirtualAppliance')));
}

/**
 * What deployed for certain blocks a network isolated cluster's egress: an NSG
 * that denies outbound traffic to the internet, and a subnet without default
 * outbound access.
 * @see https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
 */
function internetEgressBlocked(c: ClusterRuleContext): boolean {
  const denies = c.cluster.related
    .ofType('Microsoft.Network/networkSecurityGroups')
    .some((n) => certain(n) && elementProperties(n, 'securityRules').some((r) => same(textOf(r, 'direction'), 'Outbound') && same(textOf(r, 'access'), 'Deny') && same(textOf(r, 'destinationAddressPrefix'), 'Internet')));
  const closed = c.cluster.related
    .ofType('Microsoft.Network/virtualNetworks')
    .some((v) => certain(v) && elementProperties(v, 'subnets').some((sn) => sn !== null && typeof sn === 'object' && (sn as Record<string, unknown>).defaultOutboundAccess === false));
  return denies && closed;
}

export const EGRESS_RULES: readonly ClusterRule[] = [
  clusterRule(Rules.egressPublicIp, 'deployment', (c) => {
    const fact = c.fact(OUTBOUND);
    // No outbound type is the load balancer, the API's default.
    const outbound = c.text(fact) ?? 'loadBalancer';
    if (same(outbound, 'userDefinedRouting')) {
      if (!defaultRouteToAppliance(c)) c.cannotDecide('the node subnet\'s default route is not among the resources read (a route table or subnet brought by id)', fact, true);
      return;
    }
    if (same(outbound, 'none')) {
      if (!internetEgressBlocked(c)) c.cannotDecide('what blocks egress from the node subnet (its NSG, default outbound access, NAT gateway or route table) is not among the resources read', fact, true);
      return;
    }
    c.fail(fact, { definition: 'send egress through your hub firewall with OutboundType.userDefinedRouting({ firewallPrivateIp }), or isolate the cluster with OutboundType.networkIsolated()', payload: 'send egress through your hub firewall (outboundType userDefinedRouting), or isolate the cluster (outboundType none)' }, { value: outbound });
  }),
  clusterRule(Rules.egressManagedNat, 'cluster', (c) => {
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
