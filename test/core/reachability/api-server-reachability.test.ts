import { describe, expect, test } from 'vitest';
import { describeDeployment } from '../../../lib/core/description/cluster-description';
import { readDocument } from '../../../lib/core/readers/read-document';
import { apiServerReachability, renderReachability, ReachabilityStatement } from '../../../lib/core/reachability/api-server-reachability';

const SUB = '00000000-0000-0000-0000-000000000001';
const HUB = `/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub`;
const OTHER_ZONE = `/subscriptions/${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io`;

/** A deployment template: a whole deployment, so what is absent from it is absent. */
function template(resources: unknown[], parameters: Record<string, unknown> = {}): unknown {
  return { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters, resources };
}

function cluster(access: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'Microsoft.ContainerService/managedClusters',
    apiVersion: '2024-05-01',
    name: 'aks',
    location: 'westeurope',
    properties: {
      dnsPrefix: 'aks',
      apiServerAccessProfile: access,
      agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', vnetSubnetID: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'nodes')]" }],
      ...extra,
    },
  };
}

const SPOKE = {
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2024-05-01',
  name: 'spoke',
  location: 'westeurope',
  properties: { addressSpace: { addressPrefixes: ['10.224.0.0/16'] }, subnets: [{ name: 'nodes', properties: { addressPrefix: '10.224.0.0/20' } }] },
};

function statementOf(document: unknown): ReachabilityStatement {
  const [c] = describeDeployment([readDocument(document, 'template.json')]).clusters;
  return apiServerReachability(c);
}

const PRIVATE_CLOSED = { enablePrivateCluster: true, disableRunCommand: true, enablePrivateClusterPublicFQDN: false, privateDNSZone: 'system' };

describe('public endpoint', () => {
  test('no authorized range: reachable from the whole internet', () => {
    const s = statementOf(template([cluster({ disableRunCommand: true })]));
    expect(s.verdict).toBe('reachable-from-internet');
    expect(s.paths).toEqual([expect.objectContaining({ kind: 'public-endpoint', from: 'the whole internet', fromInternet: true })]);
    expect(s.paths[0].recheck).toContain('az resource show --resource-group "$RESOURCE_GROUP" --name aks --resource-type Microsoft.ContainerService/managedClusters');
  });

  test.each([[['0.0.0.0/0']], [['0.0.0.0/1', '128.0.0.0/1']]])('ranges %j that cover every address: the whole internet', (ranges) => {
    const s = statementOf(template([cluster({ disableRunCommand: true, authorizedIPRanges: ranges })]));
    expect(s.paths.map((p) => p.from)).toEqual(['the whole internet']);
    expect(s.paths[0].statement).toContain('cover every IPv4 address');
  });

  test('authorized ranges: one path from each, each from the internet', () => {
    const s = statementOf(template([cluster({ disableRunCommand: true, authorizedIPRanges: ['203.0.113.0/24', '0.0.0.0/32'] })]));
    expect(s.verdict).toBe('reachable-from-internet');
    expect(s.paths.map((p) => [p.from, p.fromInternet])).toEqual([
      ['203.0.113.0/24 (authorized range)', true],
      ["the cluster's own load balancer outbound IP (0.0.0.0/32)", true],
    ]);
    expect(s.paths[0].provenance).toEqual([{ document: 'template.json', pointer: '/resources/0/properties/apiServerAccessProfile/authorizedIPRanges/0' }]);
    expect(s.summary).toBe("The API server is reachable from the internet: through its public endpoint, from 203.0.113.0/24 (authorized range), the cluster's own load balancer outbound IP (0.0.0.0/32).");
  });

  test('ranges from a parameter without a default: still a path from the internet, its ranges not known', () => {
    const s = statementOf(template([cluster({ disableRunCommand: true, authorizedIPRanges: "[parameters('ranges')]" })], { ranges: { type: 'array' } }));
    expect(s.verdict).toBe('reachable-from-internet');
    expect(s.paths[0]).toMatchObject({ from: 'authorized ranges not known offline', fromInternet: true });
  });

  test('publicNetworkAccess Disabled: the public endpoint is undecided, never a pass', () => {
    const s = statementOf(template([cluster({ disableRunCommand: true }, { publicNetworkAccess: 'Disabled' })]));
    expect(s.verdict).toBe('undecided');
    expect(s.paths[0].fromInternet).toBe('undecided');
    expect(s.undecided.map((u) => u.reason)).toEqual([expect.stringContaining('publicNetworkAccess is "Disabled"')]);
  });

  test('public with API Server VNet Integration: nodes reach the address in the delegated subnet too', () => {
    const s = statementOf(template([cluster({ disableRunCommand: true, authorizedIPRanges: ['203.0.113.0/24'], enableVnetIntegration: true, subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'api')]" }), SPOKE]));
    expect(s.paths.map((p) => [p.kind, p.from, p.fromInternet])).toEqual([
      ['public-endpoint', '203.0.113.0/24 (authorized range)', true],
      ['vnet-integration-subnet', 'the cluster network spoke', false],
    ]);
  });
});

describe('run command', () => {
  test('on by default: a path from the internet through Azure Resource Manager, for authorized identities', () => {
    const s = statementOf(template([cluster({ enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false }), SPOKE]));
    expect(s.verdict).toBe('reachable-from-internet');
    const run = s.paths.find((p) => p.kind === 'run-command')!;
    expect(run).toMatchObject({ fromInternet: true, recheck: expect.stringContaining('apiServerAccessProfile.disableRunCommand'), source: 'https://learn.microsoft.com/azure/aks/access-private-cluster' });
    expect(run.statement).toContain('it is on by default');
    expect(run.statement).toContain('Azure Resource Manager');
    expect(run.statement).toContain('runcommand/action');
  });

  test('disableRunCommand false says so', () => {
    const s = statementOf(template([cluster({ ...PRIVATE_CLOSED, disableRunCommand: false }), SPOKE]));
    expect(s.paths.find((p) => p.kind === 'run-command')!.statement).toContain('disableRunCommand is false');
  });

  test('not known: undecided', () => {
    const s = statementOf(template([cluster({ ...PRIVATE_CLOSED, disableRunCommand: "[parameters('noRun')]" }), SPOKE], { noRun: { type: 'bool' } }));
    expect(s.verdict).toBe('undecided');
    expect(s.paths.find((p) => p.kind === 'run-command')!.fromInternet).toBe('undecided');
  });
});

describe('private API server', () => {
  test('system zone, no public FQDN, run command off, everything read: no path from the internet', () => {
    const s = statementOf(template([cluster(PRIVATE_CLOSED), SPOKE]));
    expect(s.verdict).toBe('no-path-from-internet');
    expect(s.undecided).toEqual([]);
    expect(s.paths).toEqual([expect.objectContaining({ kind: 'private-endpoint', from: 'the cluster network spoke', fromInternet: false })]);
    expect(s.paths[0].statement).toContain('AKS links its private DNS zone to this network');
    expect(s.summary).toBe('No path from the internet reaches the API server. Private paths: through its private endpoint, from the cluster network spoke.');
  });

  test('with API Server VNet Integration the private path is the delegated subnet', () => {
    const s = statementOf(template([cluster({ ...PRIVATE_CLOSED, enableVnetIntegration: true, subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'spoke', 'api')]" }), SPOKE]));
    expect(s.paths.map((p) => p.kind)).toEqual(['vnet-integration-subnet']);
    expect(s.paths[0].source).toBe('https://learn.microsoft.com/azure/aks/api-server-vnet-integration');
  });

  test('the public FQDN (on by default) resolves to the private address: a path, not from the internet', () => {
    const s = statementOf(template([cluster({ enablePrivateCluster: true, disableRunCommand: true }), SPOKE]));
    expect(s.verdict).toBe('no-path-from-internet');
    const fqdn = s.paths.find((p) => p.kind === 'public-fqdn')!;
    expect(fqdn.fromInternet).toBe(false);
    expect(fqdn.statement).toContain('AKS publishes the public FQDN by default');
  });

  test('an own zone linked to the hub, and a peering to the hub that accepts forwarded traffic', () => {
    const zone = { type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01', name: 'privatelink.westeurope.azmk8s.io', location: 'global' };
    const link = { type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', apiVersion: '2024-06-01', name: 'privatelink.westeurope.azmk8s.io/hub', location: 'global', properties: { virtualNetwork: { id: HUB }, registrationEnabled: false } };
    const peering = { type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', apiVersion: '2024-05-01', name: 'spoke/to-hub', properties: { remoteVirtualNetwork: { id: HUB }, allowForwardedTraffic: true } };
    const access = { ...PRIVATE_CLOSED, privateDNSZone: "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.westeurope.azmk8s.io')]" };
    const s = statementOf(template([cluster(access), SPOKE, zone, link, peering]));
    expect(s.verdict).toBe('no-path-from-internet');
    expect(s.paths.map((p) => p.from)).toEqual(['the cluster network spoke', 'virtual network hub (zone link, peering)']);
    const hub = s.paths[1];
    expect(hub.statement).toContain('through the zone link and route to its private address through the peering');
    expect(hub.statement).toContain('allowForwardedTraffic');
    expect(hub.recheck).toContain('az network vnet peering list');
    expect(hub.provenance).toEqual([{ document: 'template.json', pointer: '/resources/3' }, { document: 'template.json', pointer: '/resources/4' }]);
  });

  test("a Resource Graph export: each cluster's own zone's links and network's peerings, found by id, and none of another subscription's zone of the same name", () => {
    // Resource Graph names a child by its last segment: a link is its zone's by its id.
    const rg = (sub: string, i: number) => `/subscriptions/${sub}/resourceGroups/rg-${i}/providers`;
    const subs = [SUB, '00000000-0000-0000-0000-000000000002'];
    const data = subs.flatMap((sub, i) => {
      const zone = `${rg(sub, i)}/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io`;
      const vnet = `${rg(sub, i)}/Microsoft.Network/virtualNetworks/spoke-${i}`;
      return [
        {
          id: `${rg(sub, i)}/Microsoft.ContainerService/managedClusters/aks-${i}`,
          name: `aks-${i}`,
          type: 'microsoft.containerservice/managedclusters',
          location: 'westeurope',
          properties: { ...cluster({}).properties as object, apiServerAccessProfile: { ...PRIVATE_CLOSED, privateDNSZone: zone }, agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', vnetSubnetID: `${vnet}/subnets/nodes` }] },
        },
        { id: vnet, name: `spoke-${i}`, type: 'microsoft.network/virtualnetworks', location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.224.0.0/16'] }, subnets: [{ id: `${vnet}/subnets/nodes`, name: 'nodes', properties: { addressPrefix: '10.224.0.0/20' } }] } },
        { id: zone, name: 'privatelink.westeurope.azmk8s.io', type: 'microsoft.network/privatednszones', location: 'global', properties: {} },
        { id: `${zone}/virtualNetworkLinks/to-hub-${i}`, name: `to-hub-${i}`, type: 'microsoft.network/privatednszones/virtualnetworklinks', location: 'global', properties: { virtualNetwork: { id: `${rg(sub, i)}/Microsoft.Network/virtualNetworks/hub-${i}` } } },
        // A peering as `az network vnet peering list` writes it (the first cluster's network only): its by its id.
        ...(i === 0 ? [{ id: `${vnet}/virtualNetworkPeerings/to-hub`, name: 'to-hub', type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', properties: { remoteVirtualNetwork: { id: `${rg(sub, i)}/Microsoft.Network/virtualNetworks/hub-${i}` } } }] : []),
        // The second cluster's peering is the hub's side, to its network: the peered network is the hub, from the peering's id.
        ...(i === 1 ? [{ id: `${rg(sub, i)}/Microsoft.Network/virtualNetworks/hub-${i}/virtualNetworkPeerings/to-spoke`, name: 'to-spoke', type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', properties: { remoteVirtualNetwork: { id: vnet } } }] : []),
      ];
    });
    const clusters = describeDeployment([readDocument({ count: data.length, data, skip_token: null, total_records: data.length }, 'graph.json')]).clusters;
    const linked = clusters.map((c) => [c.resource.name, apiServerReachability(c).paths.filter((p) => p.kind === 'private-endpoint').map((p) => p.from)]);
    expect(linked).toEqual([
      ['aks-0', ['the cluster network spoke-0', 'virtual network hub-0 (zone link, peering)']],
      ['aks-1', ['the cluster network spoke-1', 'virtual network hub-1 (zone link, peering)']],
    ]);
  });

  test('a peering only: routed, resolving the name only through the public FQDN or its own DNS', () => {
    const peering = { type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', apiVersion: '2024-05-01', name: 'hub/to-spoke', properties: { remoteVirtualNetwork: { id: "[resourceId('Microsoft.Network/virtualNetworks', 'spoke')]" } } };
    const s = statementOf(template([cluster(PRIVATE_CLOSED), SPOKE, peering]));
    expect(s.paths.map((p) => p.from)).toEqual(['the cluster network spoke', 'virtual network hub (peering)']);
    expect(s.paths[1].statement).toContain('resolve its name only through DNS of their own (no public FQDN is published)');
    const withFqdn = statementOf(template([cluster({ ...PRIVATE_CLOSED, enablePrivateClusterPublicFQDN: true }), SPOKE, peering]));
    expect(withFqdn.paths[1].statement).toContain('resolve its name only through the public FQDN or DNS of their own');
  });

  test('an own zone outside the deployment: its other links are not known, so undecided', () => {
    const s = statementOf(template([cluster({ ...PRIVATE_CLOSED, privateDNSZone: OTHER_ZONE }), SPOKE]));
    expect(s.verdict).toBe('undecided');
    expect(s.undecided.map((u) => u.reason)).toEqual([expect.stringContaining('privatelink.westeurope.azmk8s.io is not among the resources read')]);
    expect(s.summary).toMatch(/^Whether anything on the internet reaches the API server is undecided: /);
  });

  test('a cluster network not read: its peerings are not known, so undecided', () => {
    const s = statementOf(template([cluster(PRIVATE_CLOSED)]));
    expect(s.verdict).toBe('undecided');
    expect(s.undecided[0].reason).toContain('the cluster network spoke is not among the resources read');
  });

  test('no node subnet: the network AKS creates', () => {
    const c = cluster(PRIVATE_CLOSED);
    (c.properties as any).agentPoolProfiles[0].vnetSubnetID = undefined;
    const s = statementOf(template([c]));
    expect(s.verdict).toBe('no-path-from-internet');
    expect(s.paths[0].from).toBe('the virtual network AKS creates for the cluster');
  });
});

describe('undecided', () => {
  test('enablePrivateCluster from a parameter without a default', () => {
    const s = statementOf(template([cluster({ enablePrivateCluster: "[parameters('private')]", disableRunCommand: true }), SPOKE], { private: { type: 'bool' } }));
    expect(s.verdict).toBe('undecided');
    expect(s.paths[0]).toMatchObject({ kind: 'public-endpoint', fromInternet: 'undecided' });
    expect(s.undecided[0].reason).toContain('whether the API server is private is not known');
  });

  test('a live cluster read alone is never "no path": its zone links and peerings were not read', () => {
    const live = { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`, ...cluster(PRIVATE_CLOSED) };
    const [c] = describeDeployment([readDocument(live, 'aks.json')]).clusters;
    const s = apiServerReachability(c);
    expect(s.verdict).toBe('undecided');
    expect(s.undecided.map((u) => u.reason)).toContain('not every resource of the deployment was read (a live resource read alone, a linked template, a loop of unknown count): private DNS zone links and peerings that reach the API server may be missing');
    expect(s.paths.find((p) => p.kind === 'private-endpoint')!.recheck).toContain(`--ids /subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks `);
  });

  test('a path from the internet stands although something else is undecided', () => {
    const s = statementOf(template([cluster({ enablePrivateCluster: false, disableRunCommand: "[parameters('noRun')]" })], { noRun: { type: 'bool' } }));
    expect(s.verdict).toBe('reachable-from-internet');
    expect(s.undecided.map((u) => u.reason)).toEqual([expect.stringContaining('whether run command is disabled is not known offline')]);
  });

  test('a public API server read alone: its paths are all on the cluster, nothing is undecided', () => {
    const [c] = describeDeployment([readDocument(cluster({ enablePrivateCluster: false, disableRunCommand: true }), 'aks.json')]).clusters;
    expect(apiServerReachability(c)).toMatchObject({ verdict: 'reachable-from-internet', undecided: [] });
  });
});

describe('renderReachability', () => {
  test('the verdict, a row per path, what is undecided and the commands to re-check', () => {
    const text = renderReachability(statementOf(template([cluster({ ...PRIVATE_CLOSED, privateDNSZone: OTHER_ZONE }), SPOKE])));
    expect(text).toContain('## API server reachability: aks');
    expect(text).toContain('Verdict: **undecided**.');
    expect(text).toContain('| private-endpoint | the cluster network spoke | no |');
    expect(text).toContain('Undecided:');
    expect(text).toContain('```sh\naz resource show --resource-group "$RESOURCE_GROUP" --name aks --resource-type Microsoft.ContainerService/managedClusters');
  });

  test('a name from a document cannot break the table', () => {
    const c = cluster({ authorizedIPRanges: ['203.0.113.0/24|x'] });
    const text = renderReachability(statementOf(template([c])));
    expect(text).toContain('203.0.113.0/24\\|x (authorized range)');
  });

  test('the same input gives byte-identical output', () => {
    const doc = () => template([cluster({ authorizedIPRanges: ['198.51.100.0/24', '203.0.113.0/24'] }), SPOKE]);
    expect(renderReachability(statementOf(doc()))).toBe(renderReachability(statementOf(doc())));
  });
});

test('a control or bidirectional character read from a document is escaped in the statement', () => {
  const s = statementOf(template([cluster({ authorizedIPRanges: ['203.0.113.0/24\u202E'] })]));
  const text = JSON.stringify(s) + renderReachability(s);
  expect(text).not.toContain('\u202E');
  expect(s.paths[0].from).toBe('203.0.113.0/24\\u202E (authorized range)');
});
