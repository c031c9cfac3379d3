import { expect, test } from 'vitest';
import { API_SERVER_RULES } from '../../../../lib/core/aks/rules/api-server-rules';
import { describeDeployment } from '../../../../lib/core/description/cluster-description';
import { readDocument } from '../../../../lib/core/readers/read-document';
import { evaluateClusterRules } from '../../../../lib/core/rules/evaluate-cluster-rules';
import { Rules } from '../../../../lib/core/validation/rule-catalog';

const ZONE = 'privatelink.westeurope.azmk8s.io';
const HUB_ZONE = 'privatelink.blob.core.windows.net';

const zone = (name: string) => ({ type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01', name, location: 'global' });
const link = (zoneName: string) => ({
  type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  apiVersion: '2024-06-01',
  name: `${zoneName}/hub`,
  location: 'global',
  properties: { virtualNetwork: { id: '/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub' }, registrationEnabled: false },
});

/** SAKS-RUN-002's verdict on a private cluster without run command or public FQDN, its zone `privateDNSZone`, deployed with `beside`. */
function wayIn(privateDNSZone: string, beside: Record<string, unknown>[]) {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.ContainerService/managedClusters',
        apiVersion: '2025-07-01',
        name: 'closed',
        location: 'westeurope',
        properties: { apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true, enablePrivateClusterPublicFQDN: false, privateDNSZone } },
      },
      ...beside,
    ],
  };
  const [cluster] = describeDeployment([readDocument(template, 'main.json')]).clusters;
  const [outcome] = evaluateClusterRules(cluster, API_SERVER_RULES.filter((r) => r.rule === Rules.privateClusterWithoutWayIn));
  return outcome.verdict;
}

test("SAKS-RUN-002: a network linked to the cluster's own zone is a way in; a link of another zone read beside it is not", () => {
  const own = `[resourceId('Microsoft.Network/privateDnsZones', '${ZONE}')]`;
  expect(wayIn(own, [zone(ZONE), link(ZONE)])).toBe('pass');
  expect(wayIn(own, [zone(ZONE), zone(HUB_ZONE), link(HUB_ZONE)])).toBe('fail');
  // AKS creates a system zone itself: no link of it is in the deployment.
  expect(wayIn('system', [zone(HUB_ZONE), link(HUB_ZONE)])).toBe('fail');
  // The own zone not read: its links are not known.
  expect(wayIn('/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io', [link(HUB_ZONE)])).toBe('undecided');
});
