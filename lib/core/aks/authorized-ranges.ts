import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { Ipv4Cidr } from '../net/ipv4-cidr';
import { AUTHORIZED_RANGE_LIMIT, AUTHORIZED_RANGE_LIMIT_WITH_VNET_INTEGRATION } from './aks-limits';

/**
 * The API server's exposure, as both a definition and a deployed payload state it.
 * @category API server access
 */
export interface ApiServerExposure {
  /** `enablePrivateCluster`. */
  readonly isPrivate: boolean;
  /** `enableVnetIntegration`. */
  readonly vnetIntegration: boolean;
  /** A public API server that its owner has explicitly opened to the whole internet (the definition's opt-in). */
  readonly unrestrictedOptIn?: boolean;
}

/**
 * How a fix names the two ways out, in the vocabulary of the reader (a definition's factories, or the ARM payload).
 * @category API server access
 */
export interface AccessVocabulary {
  /** E.g. `use ApiServerAccess.private()`. */
  readonly makePrivate: string;
  /** E.g. `use ApiServerAccess.public({ authorizedIpRanges })`. */
  readonly makePublic: string;
}

/**
 * The ways out in the words of an ARM payload.
 * @category API server access
 */
export const PAYLOAD_ACCESS_VOCABULARY: AccessVocabulary = {
  makePrivate: 'set apiServerAccessProfile.enablePrivateCluster: true',
  makePublic: 'set enablePrivateCluster: false with the authorized ranges',
};

/**
 * One broken rule of the authorized IP ranges: on the whole list (`index` undefined) or on one range.
 * @category API server access
 */
export interface AuthorizedRangeFinding {
  readonly rule: Rule;
  readonly index?: number;
  readonly value: unknown;
  /** What to change, said the same way whatever the front end. */
  readonly fix: string;
  readonly detail?: string;
}

/**
 * The rules of `apiServerAccessProfile.authorizedIPRanges`, decided once for
 * a definition and for a deployed payload alike.
 * @see https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
 * @category API server access
 */
export function authorizedRangeFindings(ranges: readonly string[], exposure: ApiServerExposure, words: AccessVocabulary): AuthorizedRangeFinding[] {
  const findings: AuthorizedRangeFinding[] = [];
  if (exposure.isPrivate && ranges.length > 0) {
    findings.push({ rule: Rules.authorizedRangesWithPrivateCluster, value: ranges, fix: `remove the ranges (reach a private API server through peered or linked networks), or ${words.makePublic}` });
  }
  if (!exposure.isPrivate && ranges.length === 0 && !exposure.unrestrictedOptIn) {
    findings.push({ rule: Rules.publicWithoutRanges, value: ranges, fix: `list the public CIDRs that may reach the API server, or ${words.makePrivate}` });
  }
  const limit = exposure.vnetIntegration ? AUTHORIZED_RANGE_LIMIT_WITH_VNET_INTEGRATION : AUTHORIZED_RANGE_LIMIT;
  if (ranges.length > limit) {
    findings.push({
      rule: Rules.authorizedRangesLimit,
      value: `${ranges.length} ranges`,
      fix: exposure.vnetIntegration ? 'aggregate the ranges into fewer, larger CIDR blocks' : 'aggregate the ranges, or turn on API Server VNet Integration (raises the limit to 2,000)',
      detail: `the limit here is ${limit}`,
    });
  }
  ranges.forEach((text, index) => {
    const parsed = Ipv4Cidr.parse(text);
    if (!(parsed instanceof Ipv4Cidr)) {
      findings.push({ rule: Rules.cidrMalformed, index, value: text, fix: 'write the range as a.b.c.d/n, e.g. "203.0.113.7/32" for one address', detail: parsed.error });
      return;
    }
    if (parsed.hasHostBits) findings.push({ rule: Rules.cidrHostBits, index, value: text, fix: `use "${parsed.canonical}"` });
    if (parsed.prefixLength === 0) {
      findings.push({ rule: Rules.publicWithoutRanges, index, value: text, fix: `list only the public CIDRs that need access, or ${words.makePrivate}` });
    }
  });
  // Ranges that together cover every address leave the API server as open as a /0.
  const blocks = ranges.map((t) => Ipv4Cidr.parse(t)).filter((r): r is Ipv4Cidr => r instanceof Ipv4Cidr && !r.hasHostBits);
  if (blocks.length > 1 && !blocks.some((r) => r.prefixLength === 0) && coversEverything(blocks)) {
    findings.push({ rule: Rules.publicWithoutRanges, value: ranges, fix: `list only the public CIDRs that need access, or ${words.makePrivate}`, detail: 'together the ranges cover every IPv4 address' });
  }
  return findings;
}

function coversEverything(blocks: readonly Ipv4Cidr[]): boolean {
  const sorted = [...blocks].sort((x, y) => x.network - y.network);
  let next = 0;
  for (const r of sorted) {
    if (r.network > next) return false;
    next = Math.max(next, r.last + 1);
  }
  return next > 0xffffffff;
}
