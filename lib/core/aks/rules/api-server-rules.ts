import { DescribedValue } from '../../description/described-value';
import { isArmType, referenceOf } from '../../description/related-resources';
import { ClusterRule, clusterRule, ClusterRuleContext } from '../../rules/cluster-rule';
import { conditionRule } from '../../rules/condition-rule';
import { Cond } from '../../rules/resource-condition';
import { Rule } from '../../validation/rule';
import { Rules } from '../../validation/rule-catalog';
import { AccessVocabulary, authorizedRangeFindings, PAYLOAD_ACCESS_VOCABULARY } from '../authorized-ranges';
import { BuiltInRoles } from '../built-in-roles';
import { zoneNameProblem } from '../private-dns-zone-name';
import { DNS_LABEL_54 } from '../validation-helpers';
import { Ipv4Cidr } from '../../net/ipv4-cidr';
import { networkBlocks } from './network-rules';
import { authorizedRanges, hasVnetIntegration, isPrivateCluster, isUserAssigned, same } from './cluster-facts';

/**
 * The rules of API server access: private clusters, their DNS, authorized IP
 * ranges, and the ways in.
 * @see https://learn.microsoft.com/azure/aks/private-clusters
 * @see https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
 */

const DEFINITION_ACCESS_VOCABULARY: AccessVocabulary = {
  makePrivate: 'use ApiServerAccess.private()',
  makePublic: 'use ApiServerAccess.public({ authorizedIpRanges })',
};
const ZONE_TYPE = 'Microsoft.Network/privateDnsZones';
const ACCESS = 'properties.apiServerAccessProfile';

/** The definition's opt-in to a public API server open to the whole internet. */
export const UNRESTRICTED_PUBLIC_OPT_IN = 'unrestrictedPublic';

/** One rule of the authorized ranges, from the one reading of them both a definition and a payload get. */
function rangeRule(rule: Rule): ClusterRule {
  return clusterRule(rule, 'cluster', (c) => {
    const isPrivate = isPrivateCluster(c);
    const { at, ranges } = authorizedRanges(c);
    const texts = ranges.map((r) => c.text(r.asFact()) ?? '');
    const words = c.cluster.origin === 'definition' ? DEFINITION_ACCESS_VOCABULARY : PAYLOAD_ACCESS_VOCABULARY;
    const exposure = { isPrivate, vnetIntegration: hasVnetIntegration(c), unrestrictedOptIn: c.cluster.optIns.has(UNRESTRICTED_PUBLIC_OPT_IN) };
    for (const f of authorizedRangeFindings(texts, exposure, words)) {
      if (f.rule !== rule) continue;
      const subject = f.index === undefined ? at : ranges[f.index];
      c.fail(subject, f.fix, { value: f.value, detail: f.detail });
    }
  });
}

/** The zone a private cluster names in `privateDNSZone`: `system`, `none`, or its own (by id). */
export function zoneOf(c: ClusterRuleContext): { kind: 'system' | 'none' | 'own'; value?: unknown; position?: DescribedValue } {
  const fact = c.fact(`${ACCESS}.privateDNSZone`);
  const zone = c.reference(fact);
  if (zone === undefined || same(zone, 'system')) return { kind: 'system' };
  if (same(zone, 'none')) return { kind: 'none' };
  const position = c.cluster.at(`${ACCESS}.privateDNSZone`);
  return { kind: 'own', value: zone, position: position instanceof DescribedValue ? position : undefined };
}

/** The own zone's name, from its id. */
export function ownZoneName(zone: unknown): string | undefined {
  const parsed = referenceOf(zone);
  return parsed && isArmType(parsed.type, ZONE_TYPE) ? parsed.names[0] : undefined;
}

/**
 * A CIDR's form, on the authorized ranges and on every block of the cluster's
 * network (address spaces, subnets, pod and service CIDRs).
 */
function cidrFormRule(rule: Rule): ClusterRule {
  const ranges = rangeRule(rule);
  return clusterRule(rule, 'deployment', (c) => {
    c.guard(() => ranges.check(c));
    const { spaces, subnets, cluster } = networkBlocks(c);
    c.each([...spaces, ...subnets, ...cluster], (at) => {
      const text = c.text(at.asFact());
      if (text === undefined) return;
      const parsed = Ipv4Cidr.parse(text);
      if (!(parsed instanceof Ipv4Cidr)) {
        if (rule === Rules.cidrMalformed) c.fail(at, 'write the block as a.b.c.d/n', { detail: parsed.error });
      } else if (parsed.hasHostBits && rule === Rules.cidrHostBits) {
        c.fail(at, `use "${parsed.canonical}"`);
      }
    });
  });
}

export const API_SERVER_RULES: readonly ClusterRule[] = [
  rangeRule(Rules.authorizedRangesWithPrivateCluster),
  rangeRule(Rules.authorizedRangesLimit),
  cidrFormRule(Rules.cidrMalformed),
  cidrFormRule(Rules.cidrHostBits),
  rangeRule(Rules.publicWithoutRanges),
  clusterRule(Rules.publicUnrestricted, 'cluster', (c) => {
    if (!c.cluster.optIns.has(UNRESTRICTED_PUBLIC_OPT_IN) || isPrivateCluster(c)) return;
    c.fail(c.fact(`${ACCESS}.enablePrivateCluster`), 'use ApiServerAccess.private() or ApiServerAccess.public({ authorizedIpRanges })', { value: 'unrestrictedPublic' });
  }),
  conditionRule(Rules.apiServerPublicEndpoint, Cond.not(Cond.is(`${ACCESS}.enablePrivateCluster`, true)), (c) => {
    const fact = c.fact(`${ACCESS}.enablePrivateCluster`);
    c.fail(fact, { definition: 'use ApiServerAccess.private()', payload: 'set apiServerAccessProfile.enablePrivateCluster: true' }, { value: c.bool(fact) ?? false });
  }),
  clusterRule(Rules.privateDnsNoneNeedsPublicFqdn, 'cluster', (c) => {
    if (!isPrivateCluster(c) || zoneOf(c).kind !== 'none') return;
    const fqdn = c.fact(`${ACCESS}.enablePrivateClusterPublicFQDN`);
    if (c.bool(fqdn) !== true) {
      c.fail(fqdn, { definition: 'set publicFqdn: true, or use PrivateDnsZone.system() or an own zone', payload: 'set enablePrivateClusterPublicFQDN: true, or use privateDNSZone "system" or an own zone' }, { value: false, detail: 'privateDNSZone is "none"' });
    }
  }),
  clusterRule(Rules.privateDnsZoneId, 'cluster', (c) => {
    if (!isPrivateCluster(c)) return;
    const zone = zoneOf(c);
    if (zone.kind !== 'own') return;
    if (ownZoneName(zone.value) === undefined) {
      c.fail(zone.position ?? c.fact(`${ACCESS}.privateDNSZone`), { definition: 'pass /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone>', payload: 'use "system", "none", or /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone>' });
    }
  }),
  ...[Rules.ownZoneName, Rules.ownZoneSubzoneLength].map((rule) =>
    clusterRule(rule, 'cluster', (c) => {
      if (!isPrivateCluster(c)) return;
      const zone = zoneOf(c);
      const name = zone.kind === 'own' ? ownZoneName(zone.value) : undefined;
      if (name === undefined) return;
      const location = c.text(c.fact('location'));
      if (location === undefined) return;
      const problem = zoneNameProblem(name, location, hasVnetIntegration(c));
      if (problem?.rule === rule) c.fail(zone.position ?? c.fact(`${ACCESS}.privateDNSZone`), problem.fix, { value: name, detail: problem.detail });
    }),
  ),
  clusterRule(Rules.ownZoneNeedsUserAssignedIdentity, 'deployment', (c) => {
    if (!isPrivateCluster(c)) return;
    const zone = zoneOf(c);
    if (zone.kind !== 'own' || ownZoneName(zone.value) === undefined) return;
    if (!isUserAssigned(c)) {
      c.fail(c.fact('identity.type'), { definition: 'use ClusterIdentity.create() or ClusterIdentity.fromUserAssigned(...)', payload: 'use a user-assigned identity with Private DNS Zone Contributor on the zone' }, { value: c.value(c.fact('identity.type')) ?? 'SystemAssigned' });
      return;
    }
    const found = c.cluster.related.resolve(zone.value);
    if (found.state !== 'found') {
      c.cannotDecide(`the identity's role on the private DNS zone: ${found.reason}`, zone.position, found.state === 'not-read');
      return;
    }
    // The zone is deployed here: its role for the identity must be too.
    // Among the role assignments on the zone (indexed: a tenant's export may hold thousands).
    const granted = c.cluster.related.scopedOn(found.resource, 'Microsoft.Authorization/roleAssignments').some((r) => {
      const role = (r.body.properties as Record<string, unknown> | undefined)?.roleDefinitionId;
      const scope = c.cluster.related.resolve(r.scope);
      return String(role ?? '').toLowerCase().includes(BuiltInRoles.privateDnsZoneContributor) && scope.state === 'found' && scope.resource === found.resource;
    });
    if (!granted) {
      c.fail(zone.position ?? c.fact(`${ACCESS}.privateDNSZone`), 'grant the control plane identity Private DNS Zone Contributor (b12aa53e-6015-4669-85d0-8515ebb3ae7f) on the zone', { value: ownZoneName(zone.value), detail: 'no such role assignment is deployed with the zone' });
    }
  }),
  clusterRule(Rules.fqdnSubdomainNeedsOwnZone, 'cluster', (c) => {
    const sub = c.fact('properties.fqdnSubdomain');
    if (c.text(sub) === undefined) return;
    if (!(isPrivateCluster(c) && zoneOf(c).kind === 'own')) {
      c.fail(sub, { definition: 'use dnsPrefix instead, or a private API server with PrivateDnsZone.create() or PrivateDnsZone.fromZoneId()', payload: 'use dnsPrefix, or an own private DNS zone on a private cluster' });
    }
  }),
  conditionRule(Rules.fqdnSubdomainExcludesDnsPrefix, Cond.allOf(Cond.exists('properties.fqdnSubdomain'), Cond.exists('properties.dnsPrefix')), (c) => {
    c.fail(c.fact('properties.dnsPrefix'), { definition: 'remove dnsPrefix; fqdnSubdomain takes its place', payload: 'set either dnsPrefix or fqdnSubdomain' });
  }),
  clusterRule(Rules.dnsLabel, 'cluster', (c) => {
    c.each(['dnsPrefix', 'fqdnSubdomain'], (key) => {
      const fact = c.fact(`properties.${key}`);
      const label = c.text(fact);
      if (label !== undefined && !DNS_LABEL_54.test(label)) c.fail(fact, 'use 1-54 letters, digits and hyphens, starting and ending with a letter or digit');
    });
  }),
  clusterRule(Rules.privateClusterWithoutWayIn, 'deployment', (c) => {
    if (!isPrivateCluster(c) || c.bool(c.fact(`${ACCESS}.disableRunCommand`)) !== true) return;
    if (c.bool(c.fact(`${ACCESS}.enablePrivateClusterPublicFQDN`)) === true) return;
    // A network linked to the API server's own zone is a way in (a hub with a jump host or a VPN); a link
    // of another zone read beside it (another cluster's, a hub's) is not. AKS creates a system zone itself.
    const zone = zoneOf(c);
    const own = zone.kind === 'own' ? c.cluster.related.resolve(zone.value) : undefined;
    if (own?.state === 'found' && c.cluster.related.childrenOf(own.resource, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks').length > 0) return;
    const ownZone = own === undefined ? 'found' : own.state;
    if (!c.cluster.wholeDeployment || ownZone !== 'found') {
      c.cannotDecide('the private DNS zone\'s virtual network links are not among the resources read', c.fact(`${ACCESS}.disableRunCommand`), ownZone !== 'unknown');
      return;
    }
    c.fail(c.fact(`${ACCESS}.disableRunCommand`), {
      definition: 'make sure a jump host, Bastion, self-hosted agent or VPN lands in the cluster network; or link hub networks with PrivateDnsZone.create({ linkedVnetIds }); or keep run command with runCommandPrincipals',
      payload: 'reach the API server from the cluster network, a network linked to its private DNS zone, or a jump host; or keep run command',
    });
  }),
];
