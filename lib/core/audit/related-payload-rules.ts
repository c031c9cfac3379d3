import { AZURE_REGIONS } from '../aks/azure-regions';
import { SUBNET_RULES } from '../aks/rules/subnet-rules';
import { zoneNameProblem } from '../aks/private-dns-zone-name';
import { resourceBreaksRule } from '../rules/resource-rule';
import { Rules } from '../validation/rule-catalog';
import { Violation } from '../validation/violation';
import { AuditedResource, isType } from './audited-resource';

const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const VNET = 'Microsoft.Network/virtualNetworks';
const ZONE = 'Microsoft.Network/privateDnsZones';
/** An AKS API server zone: `[<subzone>.]privatelink.<region>.azmk8s.io`, or `private.` with VNet Integration. */
const AKS_ZONE = /^(?:(.+)\.)?(privatelink|private)\.([^.]+)\.azmk8s\.io$/i;

/**
 * A broken rule on a resource deployed for clusters, decided on that resource alone.
 * @category Audit
 */
export interface RelatedViolation {
  readonly resource: AuditedResource;
  /** The ARM name of what is broken (`vnet/subnet` for a subnet inline in its network). */
  readonly subject: string;
  readonly violation: Violation;
}

/**
 * The rules a resource made for AKS breaks on its own, wherever the cluster
 * that will use it is defined (another team's stack, another repository):
 * a subnet delegated to managed clusters is an API Server VNet Integration
 * subnet and holds at least a /28 (SAKS-VNI-001); a private DNS zone named
 * for AKS API servers has the name AKS accepts (SAKS-DNS-002, SAKS-DNS-003).
 * @see https://learn.microsoft.com/azure/aks/api-server-vnet-integration
 * @see https://learn.microsoft.com/azure/aks/private-clusters#configure-a-private-dns-zone
 * @category Audit
 */
export function checkRelatedPayloads(resources: readonly AuditedResource[]): RelatedViolation[] {
  const out: RelatedViolation[] = [];
  for (const r of resources) {
    if (isType(r.type, SUBNET)) out.push(...subnetViolations(r, r.name, r.properties, 'properties'));
    if (isType(r.type, VNET)) {
      ((r.properties.subnets ?? []) as Record<string, any>[]).forEach((s, i) => {
        // ARM nests an inline subnet's settings in `properties`; Pulumi's typed inputs flatten them.
        const nested = s.properties !== undefined;
        out.push(...subnetViolations(r, `${r.name}/${s.name}`, s.properties ?? s, `properties.subnets[${i}]${nested ? '.properties' : ''}`));
      });
    }
    if (isType(r.type, ZONE)) out.push(...zone(r));
  }
  return out;
}

/** The subnet rules a subnet's settings break, decided on its REST shape (a value not known leaves a rule undecided, never broken or met). */
function subnetViolations(resource: AuditedResource, subject: string, settings: Readonly<Record<string, any>>, at: string): RelatedViolation[] {
  const body = { properties: restSubnetSettings(settings) };
  const origin = { document: resource.id ?? resource.name, pointer: '' };
  return SUBNET_RULES.filter((rule) => resourceBreaksRule(rule, body, origin) === true).map((rule) => {
    const property = rule.properties.find((p) => settings[p] !== undefined && settings[p] !== null) ?? rule.properties[0];
    return { resource, subject, violation: { rule: rule.rule, property: `${at}.${property}`, value: settings[property], fix: rule.fix } };
  });
}

/** A subnet's settings in the REST shape, each delegation's service under `properties` (Pulumi's typed inputs flatten it). */
function restSubnetSettings(settings: Readonly<Record<string, any>>): Readonly<Record<string, unknown>> {
  const delegations = settings.delegations;
  if (!Array.isArray(delegations)) return settings;
  return { ...settings, delegations: delegations.map((d) => (d !== null && typeof d === 'object' && d.properties === undefined && 'serviceName' in d ? { ...d, properties: { serviceName: d.serviceName } } : d)) };
}

function zone(resource: AuditedResource): RelatedViolation[] {
  const name = resource.name.split('/').pop()!;
  const m = AKS_ZONE.exec(name);
  if (!m) return [];
  const region = m[3].toLowerCase();
  if (!AZURE_REGIONS.includes(region)) {
    return [{ resource, subject: name, violation: { rule: Rules.ownZoneName, property: 'name', value: name, fix: `name the zone for the cluster's region: "${region}" is not an Azure region` } }];
  }
  const problem = zoneNameProblem(name, region, m[2].toLowerCase() === 'private');
  return problem ? [{ resource, subject: name, violation: { rule: problem.rule, property: 'name', value: name, fix: problem.fix, detail: problem.detail } }] : [];
}
