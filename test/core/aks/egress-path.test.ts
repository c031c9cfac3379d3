import { expect, test } from 'vitest';
import { ClusterNetwork, ManagedClusterModel, OutboundType } from '../../../lib';
import { describeDefinition } from '../../../lib/core/aks/definition-description';
import { EgressPath, egressPathOfCluster } from '../../../lib/core/aks/egress-path';
import { EGRESS_RULES } from '../../../lib/core/aks/rules/egress-rules';
import { auditCluster } from '../../../lib/core/audit/audit-cluster';
import { ClusterDescription, describeDeployment } from '../../../lib/core/description/cluster-description';
import { readDocument } from '../../../lib/core/readers/read-document';
import { evaluateClusterRules } from '../../../lib/core/rules/evaluate-cluster-rules';
import { Verdict } from '../../../lib/core/rules/rule-outcome';
import { Rules } from '../../../lib/core/validation/rule-catalog';
import { SPOKE, VALID_CLUSTERS } from '../../support/cluster-fixtures';

/** The verdict SAKS-EGR-001 gives when the report says each answer. */
const VERDICT_OF: Readonly<Record<EgressPath['publicEgress'], Verdict>> = { yes: 'fail', no: 'pass', unverified: 'undecided' };

/** The egress path the reports state, and the rule's outcome, on one description. */
function bothReadings(cluster: ClusterDescription) {
  const [outcome] = evaluateClusterRules(cluster, EGRESS_RULES.filter((r) => r.rule === Rules.egressPublicIp));
  return { egress: egressPathOfCluster(cluster), outcome };
}

function ofDefinition(props: Parameters<typeof ManagedClusterModel.build>[0]) {
  return bothReadings(describeDefinition(ManagedClusterModel.build(props).config));
}

/** A template's one cluster with `networkProfile`, its pool on subnet `nodes` of the network `spoke`, and `resources` beside it. */
function ofTemplate(networkProfile: Record<string, unknown>, resources: Record<string, unknown>[] = [], parameters: Record<string, unknown> = {}) {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters,
    resources: [clusterOn('egress', 'nodes', networkProfile), ...resources],
  };
  const [cluster] = describeDeployment([readDocument(template, 'main.json')]).clusters;
  return { cluster, ...bothReadings(cluster) };
}

/** A cluster whose one pool runs on the subnet `subnet` of the network `spoke`. */
const clusterOn = (name: string, subnet: string, networkProfile: Record<string, unknown>) => ({
  type: 'Microsoft.ContainerService/managedClusters',
  apiVersion: '2025-07-01',
  name,
  location: 'westeurope',
  properties: { networkProfile, agentPoolProfiles: [{ name: 'system', mode: 'System', vmSize: 'Standard_D4ds_v5', count: 3, vnetSubnetID: `[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', '${subnet}')]` }] },
});

const routeTable = (nextHopType: string, name = 'egress') => ({
  type: 'Microsoft.Network/routeTables',
  apiVersion: '2024-05-01',
  name,
  location: 'westeurope',
  properties: { routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType, nextHopIpAddress: '10.0.1.4' } }] },
});

/** The network `spoke` with its subnets, each given its own settings (`routeTable`, `networkSecurityGroup`, `defaultOutboundAccess`). */
const spoke = (subnets: Record<string, Record<string, unknown>>) => ({
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2024-05-01',
  name: 'spoke',
  location: 'westeurope',
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
    subnets: Object.entries(subnets).map(([name, settings], i) => ({ name, properties: { addressPrefix: `10.1.${i}.0/24`, ...settings } })),
  },
});
const tableOf = (name: string) => ({ routeTable: { id: `[resourceId('Microsoft.Network/routeTables', '${name}')]` } });

test('the public egress path is read from what is deployed, for every outbound type, and the rule agrees', () => {
  const cases = {
    defaults: 'yes',
    userAssignedNatGateway: 'yes',
    egressThroughHubFirewall: 'no',
    // A brought route table's routes are not read offline: neither the report nor the rule claims they go to a firewall.
    egressThroughHubRouteTable: 'unverified',
    networkIsolated: 'no',
  } as const;
  for (const [name, publicEgress] of Object.entries(cases)) {
    const { egress, outcome } = ofDefinition(VALID_CLUSTERS[name as keyof typeof cases]);
    expect([name, egress.publicEgress, outcome.verdict]).toEqual([name, publicEgress, VERDICT_OF[publicEgress]]);
  }
  expect(ofDefinition(VALID_CLUSTERS.egressThroughHubFirewall).egress.description).toContain('10.0.1.4');
});

test('a network isolated cluster in a brought subnet is not reported as having no egress: that subnet\'s own egress is not read offline', () => {
  const { egress, outcome } = ofDefinition({
    name: 'isolated-byo',
    location: 'westeurope',
    network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/apiserver` }),
    outboundType: OutboundType.networkIsolated(),
  });
  expect(egress.publicEgress).toBe('unverified');
  expect(egress.description).toContain('not read offline');
  expect(outcome.verdict).toBe('undecided');
  expect(outcome.undecided.map((u) => u.reason)).toEqual([egress.reason]);
});

test('outbound types and next hops written in another case get the same answer from the report and the rule, as Azure compares them', () => {
  for (const [outboundType, hop] of [['userDefinedRouting', 'VirtualAppliance'], ['UserDefinedRouting', 'virtualappliance'], ['USERDEFINEDROUTING', 'VIRTUALAPPLIANCE']]) {
    const { egress, outcome } = ofTemplate({ outboundType }, [routeTable(hop), spoke({ nodes: tableOf('egress') })]);
    expect([outboundType, egress.publicEgress, outcome.verdict]).toEqual([outboundType, 'no', 'pass']);
    expect(egress.description).toContain('10.0.1.4');
  }
  for (const outboundType of ['userAssignedNATGateway', 'UserAssignedNatGateway']) {
    const { egress, outcome } = ofTemplate({ outboundType });
    expect([egress.publicEgress, outcome.verdict]).toEqual(['yes', 'fail']);
    expect(egress.description).toContain('NAT gateway');
  }
  expect(ofTemplate({ outboundType: 'LoadBalancer' }).egress.description).toContain('load balancer');
});

test('a default route to the internet is no appliance: public egress stays not verified in both', () => {
  const { egress, outcome } = ofTemplate({ outboundType: 'userDefinedRouting' }, [routeTable('Internet'), spoke({ nodes: tableOf('egress') })]);
  expect([egress.publicEgress, outcome.verdict]).toEqual(['unverified', 'undecided']);
});

test('an outbound type not known offline is not verified in the report and undecided by the rule, with the same reason', () => {
  const { cluster, egress, outcome } = ofTemplate({ outboundType: "[parameters('outbound')]" }, [], { outbound: { type: 'string' } });
  expect(egress.publicEgress).toBe('unverified');
  expect(outcome.verdict).toBe('undecided');
  expect(egress.description).toBe(`not known offline (${outcome.undecided[0].reason})`);
  // The audit states the same.
  expect(auditCluster(cluster).egress).toMatchObject({ publicEgress: 'unverified', description: egress.description });
});

test('a route table deployed under a condition not known offline is not taken as the default route', () => {
  const conditional = { ...routeTable('VirtualAppliance'), condition: "[parameters('hub')]" };
  const { egress, outcome } = ofTemplate({ outboundType: 'userDefinedRouting' }, [conditional, spoke({ nodes: tableOf('egress') })], { hub: { type: 'bool' } });
  expect([egress.publicEgress, outcome.verdict]).toEqual(['unverified', 'undecided']);
});

test("only the node subnet's own route table carries the cluster's egress: another subnet's firewall route is not this cluster's", () => {
  // The route to the appliance is on the subnet of another workload; the cluster's subnet has no route table.
  const elsewhere = ofTemplate({ outboundType: 'userDefinedRouting' }, [routeTable('VirtualAppliance'), spoke({ nodes: {}, other: tableOf('egress') })]);
  expect([elsewhere.egress.publicEgress, elsewhere.outcome.verdict]).toEqual(['unverified', 'undecided']);
  expect(elsewhere.egress.reason).toContain('a node subnet has no route table');
  // Its subnet not among the resources read at all.
  const unread = ofTemplate({ outboundType: 'userDefinedRouting' }, [routeTable('VirtualAppliance')]);
  expect([unread.egress.publicEgress, unread.outcome.verdict]).toEqual(['unverified', 'undecided']);
});

test('two clusters of one deployment each get the egress of their own subnet', () => {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      clusterOn('behind-firewall', 'a', { outboundType: 'userDefinedRouting' }),
      clusterOn('to-internet', 'b', { outboundType: 'userDefinedRouting' }),
      routeTable('VirtualAppliance', 'firewall'),
      routeTable('Internet', 'internet'),
      spoke({ a: tableOf('firewall'), b: tableOf('internet') }),
    ],
  };
  const clusters = describeDeployment([readDocument(template, 'main.json')]).clusters;
  const verdicts = clusters.map((c) => [c.resource.name, bothReadings(c).egress.publicEgress, bothReadings(c).outcome.verdict]);
  expect(verdicts).toEqual([
    ['behind-firewall', 'no', 'pass'],
    ['to-internet', 'unverified', 'undecided'],
  ]);
});

test("a network isolated cluster is closed only by its own node subnet's NSG and default outbound access", () => {
  const nsg = (name: string) => ({
    type: 'Microsoft.Network/networkSecurityGroups',
    apiVersion: '2024-05-01',
    name,
    location: 'westeurope',
    properties: { securityRules: [{ name: 'deny-internet', properties: { direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'Internet', protocol: '*', priority: 4096, sourceAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '*' } }] },
  });
  const nsgOf = (name: string) => ({ networkSecurityGroup: { id: `[resourceId('Microsoft.Network/networkSecurityGroups', '${name}')]` } });
  const isolated = { outboundType: 'none' };
  const closed = ofTemplate(isolated, [nsg('deny'), spoke({ nodes: { defaultOutboundAccess: false, ...nsgOf('deny') } })]);
  expect([closed.egress.publicEgress, closed.outcome.verdict]).toEqual(['no', 'pass']);
  // The NSG that denies the internet is on another subnet.
  const elsewhere = ofTemplate(isolated, [nsg('deny'), spoke({ nodes: { defaultOutboundAccess: false }, other: { defaultOutboundAccess: false, ...nsgOf('deny') } })]);
  expect([elsewhere.egress.publicEgress, elsewhere.outcome.verdict]).toEqual(['unverified', 'undecided']);
  // The node subnet keeps its default outbound access.
  const open = ofTemplate(isolated, [nsg('deny'), spoke({ nodes: nsgOf('deny'), other: { defaultOutboundAccess: false } })]);
  expect([open.egress.publicEgress, open.outcome.verdict]).toEqual(['unverified', 'undecided']);
  expect(open.egress.reason).toContain('default outbound access');
});
