import { beforeAll, describe, expect, test } from 'vitest';
import { BuiltInRoles, HardenedClusterProps } from '../../lib';
import { HardenedCluster } from '../../lib/pulumi';
import { KEY_VAULT, KMS_KEY_ID, REGISTRY, SUB, VALID_CLUSTERS } from '../support/cluster-fixtures';
import { installMocks, RecordedResource, settle } from '../support/pulumi-mocks';

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await installMocks());
});

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;

async function deploy(name: string, props: HardenedClusterProps): Promise<(logicalId: string) => RecordedResource | undefined> {
  const aks = new HardenedCluster(name, { ...props, name, resourceGroupName: 'rg' });
  await settle(aks.clusterId);
  return (logicalId) => resources.find((r) => r.name === `${name}-${logicalId}`);
}

describe('egress through the hub firewall under pulumi up', () => {
  let rec: (id: string) => RecordedResource | undefined;
  beforeAll(async () => {
    rec = await deploy('udr', VALID_CLUSTERS.egressThroughHubFirewall);
  });

  test('the route table sends 0.0.0.0/0 to the firewall, and the node subnet uses it', () => {
    const table = rec('egress-route-table')!;
    // azure-native's typed RouteTable and VirtualNetwork, whose arguments flatten `properties`.
    expect(table.type).toBe('azure-native:network:RouteTable');
    expect(table.inputs.routeTableName).toBe('udr-egress-rt');
    expect(table.inputs.routes).toEqual([{ name: 'default-to-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4' }]);
    const nodes = rec('vnet')!.inputs.subnets.find((s: any) => s.name === 'nodes');
    expect(nodes.routeTable).toEqual({ id: `${RG}/providers/Microsoft.Network/routeTables/udr-egress-rt` });
    expect(nodes.defaultOutboundAccess).toBe(false);
    expect(rec('cluster')!.inputs.properties.networkProfile.outboundType).toBe('userDefinedRouting');
  });

  test('the cluster, the network and the route table are locked against deletion with the typed lock resource', () => {
    for (const target of ['cluster', 'vnet', 'nodes-nsg', 'apiserver-nsg', 'egress-route-table', 'log-analytics']) {
      const lock = rec(`lock-${target}`)!;
      expect(lock.type).toBe('azure-native:authorization:ManagementLockByScope');
      expect(lock.inputs).toMatchObject({ level: 'CanNotDelete', lockName: 'udr-do-not-delete' });
    }
    expect(rec('lock-cluster')!.inputs.scope).toBe(`${RG}/providers/Microsoft.ContainerService/managedClusters/udr`);
  });
});

test('deleteLocks: false registers no lock', async () => {
  const rec = await deploy('nolock', { ...VALID_CLUSTERS.defaults, deleteLocks: false, acknowledgements: [{ ruleId: 'SAKS-BASE-014', reason: 'a throwaway test cluster, deleted by the pipeline every night' }] });
  expect(rec('cluster')).toBeDefined();
  expect(resources.filter((r) => r.name.startsWith('nolock-lock-'))).toEqual([]);
});

test('KMS with a private vault: the payload names the key and vault, and the identity is granted its roles first', async () => {
  const rec = await deploy('kms', { ...VALID_CLUSTERS.defaults, kms: { keyId: KMS_KEY_ID, keyVaultNetworkAccess: 'Private', keyVaultResourceId: KEY_VAULT } });
  expect(rec('cluster')!.inputs.properties.securityProfile.azureKeyVaultKms).toEqual({
    enabled: true,
    keyId: KMS_KEY_ID,
    keyVaultNetworkAccess: 'Private',
    keyVaultResourceId: KEY_VAULT,
  });
  const crypto = rec('kms-key-vault-crypto-user')!;
  expect(crypto.inputs).toMatchObject({ scope: KEY_VAULT, principalId: 'principal-of-kms-identity' });
  expect(crypto.inputs.roleDefinitionId).toBe(`/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${BuiltInRoles.keyVaultCryptoUser}`);
  expect(rec('kms-key-vault-contributor')!.inputs.roleDefinitionId).toContain(BuiltInRoles.keyVaultContributor);
});

test('a network isolated cluster with its own registry: bootstrap cache, kubelet identity, AcrPull, and no internet egress', async () => {
  const rec = await deploy('iso', VALID_CLUSTERS.networkIsolatedOwnRegistry);
  const props = rec('cluster')!.inputs.properties;
  expect(props.networkProfile.outboundType).toBe('none');
  expect(props.bootstrapProfile).toEqual({ artifactSource: 'Cache', containerRegistryId: REGISTRY });
  expect(Object.keys(props.identityProfile)).toEqual(['kubeletidentity']);
  expect(rec('registry-acr-pull')!.inputs).toMatchObject({ scope: REGISTRY });
  expect(rec('registry-acr-pull')!.inputs.roleDefinitionId).toContain(BuiltInRoles.acrPull);
  expect(rec('kubelet-identity-operator')!.inputs.roleDefinitionId).toContain(BuiltInRoles.managedIdentityOperator);
  const rules = rec('nodes-nsg')!.inputs.securityRules;
  expect(rules.find((r: any) => r.name === 'deny-internet-outbound')).toMatchObject({ direction: 'Outbound', access: 'Deny', destinationAddressPrefix: 'Internet' });
});

test('the AKS Istio add-on is enabled on the cluster at its revision, with its gateways', async () => {
  const rec = await deploy('asm', VALID_CLUSTERS.istioAddon);
  expect(rec('cluster')!.inputs.properties.serviceMeshProfile).toEqual({
    mode: 'Istio',
    istio: {
      revisions: ['asm-1-30'],
      components: {
        ingressGateways: [
          { mode: 'Internal', enabled: true },
          { mode: 'External', enabled: false },
        ],
        egressGateways: [{ enabled: true, name: 'egress-payments', namespace: 'aks-istio-egress', gatewayConfigurationName: 'payments-egress' }],
      },
    },
  });
});

test('a federated identity credential on the brought identity, issued by the cluster\'s OIDC issuer as deployed', async () => {
  const rec = await deploy('wid', VALID_CLUSTERS.federatedCertManager);
  const credential = rec('federated-cert-manager-dns')!;
  expect(credential.type).toBe('azure-native:managedidentity:FederatedIdentityCredential');
  expect(credential.inputs).toEqual({
    resourceGroupName: 'ids',
    resourceName: 'cert-manager',
    federatedIdentityCredentialResourceName: 'cert-manager-dns',
    // The mocks answer the cluster's issuerURL as Azure does; the credential takes exactly it.
    issuer: 'https://westeurope.oic.prod-aks.azure.com/tenant/wid/',
    subject: 'system:serviceaccount:cert-manager:cert-manager',
    audiences: ['api://AzureADTokenExchange'],
  });
});

test('the audit logs can also stream to an Event Hub, through the typed DiagnosticSetting', async () => {
  const rec = await deploy('siem', VALID_CLUSTERS.auditLogsToSiem);
  const setting = rec('audit-logs')!;
  expect(setting.type).toBe('azure-native:monitor:DiagnosticSetting');
  expect(setting.inputs).toMatchObject({
    eventHubAuthorizationRuleId: VALID_CLUSTERS.auditLogsToSiem.auditLogs!.eventHub!.authorizationRuleId,
    eventHubName: 'aks-audit',
    logs: [
      { category: 'kube-audit', enabled: true },
      { category: 'guard', enabled: true },
    ],
  });
});
