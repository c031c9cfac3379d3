import { ClusterDescription } from '../description/cluster-description';
import { Provenance } from '../description/fact';
import { hasVnetIntegration, isPrivateCluster } from '../aks/rules/cluster-facts';
import { reading, readingContext } from './description-reading';
import { privateNetworkPaths } from './private-network-paths';
import { publicEndpointPaths } from './public-endpoint-paths';
import { publicFqdnPath } from './public-fqdn-path';
import { runCommandPath } from './run-command-path';
import { reachabilitySummary } from './reachability-summary';
import { Recheck } from './recheck-targets';
import { Sources } from '../validation/sources';
import { escapeUnsafeCharacters } from '../validation/unsafe-characters';
import { markdownCell, markdownLink, markdownTable } from '../reports/markdown';

/**
 * Whether anything on the internet can reach a cluster's Kubernetes API
 * server, and through which paths, read from the cluster's description.
 * @see https://learn.microsoft.com/azure/aks/private-clusters
 * @see https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
 */

/**
 * The answer to "can anything on the internet reach this API server?".
 * @category API server access
 */
export type ReachabilityVerdict = 'no-path-from-internet' | 'reachable-from-internet' | 'undecided';

/**
 * The kinds of path to an API server.
 * @category API server access
 */
export type ReachPathKind = 'public-endpoint' | 'private-endpoint' | 'vnet-integration-subnet' | 'run-command' | 'public-fqdn';

/**
 * One way to the API server.
 * @category API server access
 */
export interface ReachPath {
  readonly kind: ReachPathKind;
  /** Who can use it: `the whole internet`, `203.0.113.0/24 (authorized range)`, `virtual network hub (zone link, peering)`. */
  readonly from: string;
  /** Whether it starts on the internet; `undecided` when a fact it depends on is not known. */
  readonly fromInternet: boolean | 'undecided';
  /** One sentence in the reader's language. */
  readonly statement: string;
  /** Where the facts it rests on were read. */
  readonly provenance: readonly Provenance[];
  /** The `az` command that re-checks the fact on the live cluster. */
  readonly recheck: string;
  /** The Microsoft document that states the fact. */
  readonly source: string;
}

/**
 * Something the statement could not decide, and why.
 * @category API server access
 */
export interface UndecidedPart {
  readonly reason: string;
  readonly at?: Provenance;
}

/**
 * Every path to one cluster's API server, and the verdict they give.
 * @category API server access
 */
export interface ReachabilityStatement {
  readonly cluster: string;
  readonly verdict: ReachabilityVerdict;
  /** Every path, in a stable order: public endpoint, run command, private networks, public FQDN. */
  readonly paths: readonly ReachPath[];
  readonly undecided: readonly UndecidedPart[];
  /** `No path from the internet reaches the API server.`, or the paths that do, or why it is undecided. */
  readonly summary: string;
}

/**
 * The paths of one kind of access, and what kept them from being decided.
 * @category API server access
 */
export interface PathsFound {
  readonly paths: readonly ReachPath[];
  readonly undecided: readonly UndecidedPart[];
}

/**
 * Every path to the API server of `cluster`, read from its description: the
 * public endpoint and its authorized ranges, run command through Azure
 * Resource Manager, the private endpoint or API Server VNet Integration
 * subnet and the networks that reach it, and the public FQDN of a private
 * cluster. A path from the internet decides the verdict; otherwise a fact not
 * known or a resource not read leaves it undecided, never "no path".
 * @internal
 */
export function apiServerReachability(cluster: ClusterDescription): ReachabilityStatement {
  const c = readingContext(cluster);
  const isPrivate = reading(() => isPrivateCluster(c));
  const vnetIntegration = reading(() => hasVnetIntegration(c));
  const found: PathsFound[] = [];
  const undecided: UndecidedPart[] = [];
  if (!isPrivate.known) {
    undecided.push({ reason: `whether the API server is private is not known: ${isPrivate.reason}`, at: isPrivate.at });
    found.push({ paths: [unknownExposurePath(cluster, isPrivate.reason, isPrivate.at)], undecided: [] });
  } else if (!isPrivate.value) {
    found.push(publicEndpointPaths(cluster, c));
  }
  found.push(runCommandPath(cluster, c));
  found.push(privateNetworkPaths(cluster, c, { isPrivate, vnetIntegration }));
  if (isPrivate.known && isPrivate.value) found.push(publicFqdnPath(cluster, c));
  // Only a private API server is reached through the networks around it: a public one's paths are all on the cluster.
  const mayBePrivate = !isPrivate.known || isPrivate.value;
  if (!cluster.wholeDeployment && mayBePrivate) {
    undecided.push({ reason: 'not every resource of the deployment was read (a live resource read alone, a linked template, a loop of unknown count): private DNS zone links and peerings that reach the API server may be missing' });
  }
  const paths = found.flatMap((f) => f.paths);
  undecided.push(...found.flatMap((f) => f.undecided));
  const verdict = verdictOf(paths, undecided);
  return printable({ cluster: cluster.name, verdict, paths, undecided, summary: reachabilitySummary(verdict, paths, undecided) });
}

/**
 * The statement with every text read from a document (names, ranges) safe to
 * print: a control, bidirectional-override or zero-width character is escaped.
 * @see https://www.unicode.org/reports/tr36/
 */
function printable(s: ReachabilityStatement): ReachabilityStatement {
  const e = escapeUnsafeCharacters;
  return {
    cluster: e(s.cluster),
    verdict: s.verdict,
    paths: s.paths.map((p) => ({ ...p, from: e(p.from), statement: e(p.statement), recheck: e(p.recheck) })),
    undecided: s.undecided.map((u) => ({ ...u, reason: e(u.reason) })),
    summary: e(s.summary),
  };
}

/** A path from the internet decides; anything undecided keeps "no path" from being said. */
function verdictOf(paths: readonly ReachPath[], undecided: readonly UndecidedPart[]): ReachabilityVerdict {
  if (paths.some((p) => p.fromInternet === true)) return 'reachable-from-internet';
  if (undecided.length > 0 || paths.some((p) => p.fromInternet === 'undecided')) return 'undecided';
  return 'no-path-from-internet';
}

/** The public endpoint of a cluster whose `enablePrivateCluster` is not known. */
function unknownExposurePath(cluster: ClusterDescription, reason: string, at: Provenance | undefined): ReachPath {
  return {
    kind: 'public-endpoint',
    from: 'not known',
    fromInternet: 'undecided',
    statement: `Whether the API server has a public endpoint is not known (${reason}).`,
    provenance: at ? [at] : [],
    recheck: Recheck.publicEndpoint(cluster),
    source: Sources.privateClusters,
  };
}

const VERDICT_TITLES: Readonly<Record<ReachabilityVerdict, string>> = {
  'no-path-from-internet': 'no path from the internet',
  'reachable-from-internet': 'reachable from the internet',
  undecided: 'undecided',
};

const FROM_INTERNET: Readonly<Record<string, string>> = { true: 'yes', false: 'no', undecided: 'undecided' };

/**
 * Options of {@link renderReachability}.
 * @category Reports
 */
export interface RenderReachabilityOptions {
  /**
   * The level of the section's heading: 1 for a document of its own.
   * @default 2
   */
  readonly headingLevel?: 1 | 2 | 3;
}

/**
 * The statement as a Markdown section: the verdict, a table of every path, what is undecided, and how to re-check each path.
 * @category Reports
 */
export function renderReachability(s: ReachabilityStatement, options: RenderReachabilityOptions = {}): string {
  const rows = s.paths.map((p) => [p.kind, p.from, FROM_INTERNET[String(p.fromInternet)], p.statement, { raw: markdownLink(p.source) }]);
  const rechecks = [...new Set(s.paths.map((p) => p.recheck))];
  return [
    `${'#'.repeat(options.headingLevel ?? 2)} API server reachability: ${markdownCell(s.cluster)}`,
    '',
    `Verdict: **${VERDICT_TITLES[s.verdict]}**. ${markdownCell(s.summary)}`,
    '',
    ...(s.paths.length > 0 ? [markdownTable(['Path', 'From', 'From the internet', 'Statement', 'Source'], rows), ''] : []),
    ...(s.undecided.length > 0 ? ['Undecided:', '', ...s.undecided.map((u) => `- ${markdownCell(u.reason)}`), ''] : []),
    'A path is a network route or a service that carries a request to the API server; the Kubernetes API still authenticates and authorizes every request. Hosts inside the networks listed (jump hosts, VPN gateways, Bastion) are ways into those networks: check what reaches them.',
    '',
    'Re-check on the live cluster:',
    '',
    '```sh',
    ...rechecks,
    '```',
    '',
  ].join('\n');
}
