import type { ReachabilityVerdict, ReachPath, ReachPathKind, UndecidedPart } from './api-server-reachability';

/** How a summary names the paths of each kind, in report order. */
const KIND_PHRASES: ReadonlyArray<readonly [ReachPathKind, string]> = [
  ['public-endpoint', 'through its public endpoint, from'],
  ['run-command', 'through run command, for'],
  ['private-endpoint', 'through its private endpoint, from'],
  ['vnet-integration-subnet', 'through its address in the API Server VNet Integration subnet, from'],
  ['public-fqdn', 'through its public FQDN, from'],
];

/** The paths of `paths` grouped by kind, in one sentence's clauses. */
function clauses(paths: readonly ReachPath[]): string[] {
  return KIND_PHRASES.flatMap(([kind, phrase]) => {
    const from = paths.filter((p) => p.kind === kind).map((p) => p.from);
    return from.length > 0 ? [`${phrase} ${from.join(', ')}`] : [];
  });
}

/**
 * The statement in one or two sentences: "No path from the internet reaches
 * the API server.", or the paths that do, or why it is undecided.
 */
export function reachabilitySummary(verdict: ReachabilityVerdict, paths: readonly ReachPath[], undecided: readonly UndecidedPart[]): string {
  const inside = clauses(paths.filter((p) => p.fromInternet === false));
  const privately = inside.length > 0 ? ` Private paths: ${inside.join('; ')}.` : '';
  if (verdict === 'reachable-from-internet') {
    return `The API server is reachable from the internet: ${clauses(paths.filter((p) => p.fromInternet === true)).join('; ')}.${privately}`;
  }
  if (verdict === 'no-path-from-internet') return `No path from the internet reaches the API server.${privately}`;
  // Every undecided path records its reason among `undecided`.
  const reasons = [...new Set(undecided.map((u) => u.reason))];
  return `Whether anything on the internet reaches the API server is undecided: ${reasons.join('; ')}.${privately}`;
}
