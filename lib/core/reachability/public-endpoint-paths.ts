import { authorizedRangeFindings, PAYLOAD_ACCESS_VOCABULARY } from '../aks/authorized-ranges';
import { authorizedRanges, same } from '../aks/rules/cluster-facts';
import { ClusterDescription } from '../description/cluster-description';
import { Provenance } from '../description/fact';
import { ClusterRuleContext } from '../rules/cluster-rule';
import { Rules } from '../validation/rule-catalog';
import { Sources } from '../validation/sources';
import type { PathsFound, ReachPath } from './api-server-reachability';
import { Reading, reading } from './description-reading';
import { Recheck } from './recheck-targets';

/** The special range that stands for the cluster's own load balancer outbound IP. */
const OWN_OUTBOUND_IP = '0.0.0.0/32';

/**
 * The public endpoint of a cluster that is not private: from the whole
 * internet when no authorized range limits it (SAKS-API-005's reading of
 * the ranges decides that), otherwise from each authorized range. Every
 * authorized range is an internet address: the path starts on the internet
 * whatever the ranges, unless `publicNetworkAccess` turns inbound traffic off.
 * @see https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
 */
export function publicEndpointPaths(cluster: ClusterDescription, c: ClusterRuleContext): PathsFound {
  const access = publicNetworkAccess(c);
  const base = { kind: 'public-endpoint' as const, fromInternet: access.fromInternet, recheck: Recheck.publicEndpoint(cluster), source: Sources.authorizedIpRanges };
  const privateAt = c.fact('properties.apiServerAccessProfile.enablePrivateCluster').at;
  const undecided = access.reason ? [{ reason: access.reason, at: access.at }] : [];
  const caveat = access.reason ? ` ${access.reason}.` : '';
  const ranges = reading(() => authorizedRanges(c));
  if (!ranges.known) {
    const statement = `The API server has a public endpoint; its authorized IP ranges are not known offline (${ranges.reason}).${caveat}`;
    return { paths: [{ ...base, from: 'authorized ranges not known offline', statement, provenance: provenance(privateAt, ranges.at) }], undecided };
  }
  const texts = ranges.value.ranges.map((r) => ({ text: reading(() => c.text(r.asFact()) ?? ''), at: r.provenance }));
  const known = texts.flatMap((t) => (t.text.known ? [t.text.value] : []));
  const allKnown = known.length === texts.length;
  // The rule's own reading: no range, a /0, or ranges that together cover every address (the last two only on known ranges).
  const findings = authorizedRangeFindings(known, { isPrivate: false, vnetIntegration: false }, PAYLOAD_ACCESS_VOCABULARY).filter((f) => f.rule === Rules.publicWithoutRanges);
  if (findings.some((f) => allKnown || f.index !== undefined)) {
    const why = texts.length === 0 ? 'no authorized IP range limits it' : 'its authorized IP ranges cover every IPv4 address';
    const statement = `The API server has a public endpoint and ${why}: any address on the internet can open a connection to it.${caveat}`;
    return { paths: [{ ...base, from: 'the whole internet', statement, provenance: provenance(privateAt, ranges.value.at.at) }], undecided };
  }
  const paths = texts.map(({ text, at }): ReachPath => {
    if (!text.known) return { ...base, from: 'an authorized range not known offline', statement: `An authorized IP range of the public endpoint is not known offline (${text.reason}).${caveat}`, provenance: provenance(at) };
    const own = text.value === OWN_OUTBOUND_IP;
    const from = own ? `the cluster's own load balancer outbound IP (${OWN_OUTBOUND_IP})` : `${text.value} (authorized range)`;
    const statement = own
      ? `The public endpoint admits the cluster's own load balancer outbound IP (${OWN_OUTBOUND_IP} stands for it).${caveat}`
      : `Addresses in ${text.value} can open a connection to the public endpoint of the API server.${caveat}`;
    return { ...base, from, statement, provenance: provenance(at) };
  });
  return { paths, undecided };
}

/**
 * `publicNetworkAccess`: absent or `Enabled` leaves the public endpoint open
 * to its ranges. The REST API says `Disabled` turns inbound traffic off and
 * `SecuredByPerimeter` hands it to a network security perimeter; the library
 * does not decide what either leaves reachable, so the path is undecided.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update
 */
function publicNetworkAccess(c: ClusterRuleContext): { fromInternet: true | 'undecided'; reason?: string; at?: Provenance } {
  const fact = c.fact('properties.publicNetworkAccess');
  const value: Reading<string | undefined> = reading(() => c.text(fact));
  if (!value.known) return { fromInternet: 'undecided', reason: `publicNetworkAccess is not known offline (${value.reason})`, at: fact.at };
  if (value.value === undefined || same(value.value, 'Enabled')) return { fromInternet: true };
  return { fromInternet: 'undecided', reason: `publicNetworkAccess is "${value.value}": what it leaves reachable on the public endpoint is not decided here`, at: fact.at };
}

function provenance(...at: ReadonlyArray<Provenance | undefined>): Provenance[] {
  return at.filter((p): p is Provenance => p !== undefined);
}
