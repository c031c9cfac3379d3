import { ApiVersions } from '../arm/api-versions';
import { ArmReference } from '../arm/arm-expression';
import { ArmResource } from '../arm/arm-resource';
import { LogicalIds } from '../aks/managed-cluster-model';
import { Rules } from '../validation/rule-catalog';
import { ViolationCollector } from '../validation/violation-collector';

/**
 * A service host's private DNS record, and the client network that must resolve it.
 * @category Regulated platform
 */
export interface ServiceDnsRecord {
  /** The service's FQDN. */
  readonly host: string;
  /** The ingress gateway address it resolves to. */
  readonly ip: string;
  /**
   * The client cluster: the prefix its resources' logical ids carry (its spoke
   * is `<prefix>/vnet`), and its spoke's name, which names the zone's link to it.
   */
  readonly client: { readonly prefix: string; readonly vnetName: string };
}

/**
 * The private DNS zone of a service host: everything after its first label, when that has a dot.
 * @category Regulated platform
 */
export function serviceZone(host: string): string | undefined {
  const dot = host.indexOf('.');
  const zone = dot > 0 ? host.slice(dot + 1) : '';
  return zone.includes('.') ? zone : undefined;
}

/**
 * A service host clients dial through the gateways: under a domain of the user's, never the cluster's own (SAKS-PLAT-003).
 * @category Regulated platform
 */
export function checkServiceHost(v: ViolationCollector, property: string, host: string): void {
  const zone = serviceZone(host);
  if (!zone || zone.endsWith('cluster.local')) {
    v.add(Rules.platformServiceZone, property, host, 'use a name under a domain of yours, e.g. "mysql.payments.internal.example"');
  }
}

/**
 * The private DNS zone of each service domain, sorted, with an A record per
 * service host and a link to every client network that dials a host in it.
 * @param linkLogicalId the logical id of a zone's link to a client network (Pulumi child names: never change them)
 * @see https://learn.microsoft.com/azure/dns/private-dns-privatednszone
 * @category Regulated platform
 */
export function serviceDnsResources(records: readonly ServiceDnsRecord[], linkLogicalId: (zone: string, client: ServiceDnsRecord['client']) => string): ArmResource[] {
  const zones = new Map<string, { labels: Map<string, string>; clients: Map<string, ServiceDnsRecord['client']> }>();
  for (const r of records) {
    const zone = serviceZone(r.host)!;
    const entry = zones.get(zone) ?? { labels: new Map(), clients: new Map() };
    zones.set(zone, entry);
    entry.labels.set(r.host.slice(0, r.host.length - zone.length - 1), r.ip);
    entry.clients.set(r.client.prefix, r.client);
  }
  const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  const out: ArmResource[] = [];
  for (const [zone, entry] of byKey(zones)) {
    const zoneId = `service-zone-${zone}`;
    out.push({ logicalId: zoneId, type: 'Microsoft.Network/privateDnsZones', apiVersion: ApiVersions.privateDns, name: [zone], location: 'global', properties: {} });
    for (const [label, ip] of byKey(entry.labels)) {
      out.push({
        logicalId: `service-record-${label}.${zone}`,
        type: 'Microsoft.Network/privateDnsZones/A',
        apiVersion: ApiVersions.privateDns,
        name: [zone, label],
        properties: { ttl: 300, aRecords: [{ ipv4Address: ip }] },
        dependsOn: [zoneId],
      });
    }
    for (const [, client] of byKey(entry.clients)) {
      out.push({
        logicalId: linkLogicalId(zone, client),
        type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
        apiVersion: ApiVersions.privateDns,
        name: [zone, client.vnetName],
        location: 'global',
        properties: { virtualNetwork: { id: new ArmReference(`${client.prefix}/${LogicalIds.vnet}`) }, registrationEnabled: false },
        dependsOn: [zoneId],
      });
    }
  }
  return out;
}
