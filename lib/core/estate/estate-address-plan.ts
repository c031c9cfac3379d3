import { AKS_RESERVED_RANGES } from '../aks/aks-limits';
import { formatIpv4, Ipv4Cidr, parseIpv4 } from '../net/ipv4-cidr';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';

/** A network of the estate's address plan, with the property it comes from. */
export interface PlannedNetwork {
  readonly property: string;
  readonly text: string;
  readonly cidr: Ipv4Cidr;
}

/** A cluster's Kubernetes-internal ranges, as resolved (defaults applied). */
export interface KubernetesRanges {
  readonly serviceCidr: string;
  readonly dnsServiceIp: string;
  /** The overlay (or kubenet) pod CIDR; undefined when pods take addresses of a subnet. */
  readonly podCidr?: string;
}

/**
 * The /16 blocks a derived service CIDR is taken from, in order: AKS's own
 * default (10.0.0.0/16) first, then the rest of 10.0.0.0/8, 172.16.0.0/12
 * (AKS's reserved 172.30 and 172.31 excepted) and 192.168.0.0/16.
 */
function* serviceCidrCandidates(): Generator<Ipv4Cidr> {
  for (let b = 0; b < 256; b++) yield Ipv4Cidr.of(`10.${b}.0.0/16`);
  for (let b = 16; b < 32; b++) yield Ipv4Cidr.of(`172.${b}.0.0/16`);
  yield Ipv4Cidr.of('192.168.0.0/16');
}

/**
 * A service CIDR and DNS service IP outside every network a cluster reaches
 * and outside its pod CIDR: the first free /16 of the private ranges, and its
 * tenth address, as AKS's default (10.0.0.0/16, 10.0.0.10) is laid out.
 * Deterministic: the same plan gives the same ranges. Undefined when no /16 is free.
 * @see https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 */
export function deriveServiceRange(taken: readonly Ipv4Cidr[]): { readonly serviceCidr: string; readonly dnsServiceIp: string } | undefined {
  const reserved = AKS_RESERVED_RANGES.map((r) => Ipv4Cidr.of(r));
  for (const candidate of serviceCidrCandidates()) {
    if ([...taken, ...reserved].some((t) => t.overlaps(candidate))) continue;
    return { serviceCidr: candidate.canonical, dnsServiceIp: formatIpv4(candidate.network + 10) };
  }
  return undefined;
}

/**
 * A cluster's service CIDR, DNS service IP and pod CIDR against every network
 * the cluster reaches (its spoke, the hub, the other spokes through the hub,
 * the connected networks): Microsoft requires that no network element on or
 * connected to the cluster's network uses them (SAKS-EST-010).
 * @see https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning
 * @see https://learn.microsoft.com/azure/aks/azure-cni-overlay#ip-address-planning
 */
export function checkKubernetesRanges(at: string, ranges: KubernetesRanges, reachable: readonly PlannedNetwork[]): Violation[] {
  const out: Violation[] = [];
  const own: { property: string; text: string; cidr?: Ipv4Cidr; ip?: number }[] = [
    { property: `${at}.serviceCidr`, text: ranges.serviceCidr, cidr: asCidr(ranges.serviceCidr) },
    { property: `${at}.dnsServiceIp`, text: ranges.dnsServiceIp, ip: parseIpv4(ranges.dnsServiceIp) },
    ...(ranges.podCidr !== undefined ? [{ property: `${at}.podNetworking.podCidr`, text: ranges.podCidr, cidr: asCidr(ranges.podCidr) }] : []),
  ];
  for (const range of own) {
    const hit = reachable.find((n) => (range.cidr ? n.cidr.overlaps(range.cidr) : range.ip !== undefined && n.cidr.containsAddress(range.ip)));
    if (!hit) continue;
    out.push({
      rule: Rules.estateKubernetesRanges,
      property: range.property,
      value: range.text,
      fix: range.property.endsWith('podCidr')
        ? `choose a pod CIDR outside ${hit.text} (${hit.property})`
        : `choose a range outside ${hit.text} (${hit.property}), or leave serviceCidr and dnsServiceIp unset: the estate then derives them outside its address plan`,
      detail: 'the cluster reaches that network, and traffic to it would stay inside the cluster',
    });
  }
  return out;
}

function asCidr(text: string): Ipv4Cidr | undefined {
  const parsed = Ipv4Cidr.parse(text);
  return parsed instanceof Ipv4Cidr ? parsed : undefined;
}
