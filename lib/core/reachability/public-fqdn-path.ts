import { ClusterDescription } from '../description/cluster-description';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { Sources } from '../validation/sources';
import type { PathsFound } from './api-server-reachability';
import { reading } from './description-reading';
import { Recheck } from './recheck-targets';

/**
 * The public FQDN of a private cluster: an A record in Azure public DNS that
 * resolves to the API server's private address. AKS publishes it by default;
 * `enablePrivateClusterPublicFQDN: false` removes it. Anyone can resolve the
 * name, but the address is private: only networks routed to it (peerings,
 * VPN, ExpressRoute) connect, without a link to the private DNS zone. It is
 * not a path from the internet; it discloses the private address.
 * @see https://learn.microsoft.com/azure/aks/private-clusters
 */
export function publicFqdnPath(cluster: ClusterDescription, c: ClusterRuleContext): PathsFound {
  const fact = c.fact('properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN');
  const enabled = reading(() => c.bool(fact));
  if (enabled.known && enabled.value === false) return { paths: [], undecided: [] };
  const how = !enabled.known
    ? `Whether the public FQDN is published is not known offline (${enabled.reason}); if it is, it`
    : enabled.value === undefined
      ? 'AKS publishes the public FQDN by default (enablePrivateClusterPublicFQDN is not set): it'
      : 'The public FQDN is published (enablePrivateClusterPublicFQDN is true): it';
  const statement = `${how} resolves in Azure public DNS to the private address, so any network routed to that address (a peering, VPN or ExpressRoute) reaches the API server without a link to the private DNS zone; from the internet the address is not routable.`;
  return {
    paths: [{ kind: 'public-fqdn', from: 'networks routed to the private address, resolving the name in public DNS', fromInternet: false, statement, provenance: [fact.at], recheck: Recheck.publicFqdn(cluster), source: Sources.privateClusters }],
    undecided: [],
  };
}
