import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, test } from 'vitest';
import { ApiServerAccess, ApiVersions, ManagedClusterModel, armGuid, SecureAksValidationError } from '../../lib';
import { HardenedCluster } from '../../lib/pulumi';
import { replacementOptions } from '../../lib/pulumi/arm-resource-registrar';
import { GROUP, HUB_ZONE_VNI, SUB, VALID_CLUSTERS } from '../support/cluster-fixtures';
import { installMocks, KUBECONFIG, RecordedCall, RecordedResource, settle, unwrap } from '../support/pulumi-mocks';

let resources: RecordedResource[];
let calls: RecordedCall[];
const captured = new Map<string, pulumi.ResourceOptions>();

beforeAll(async () => {
  ({ resources, calls } = await installMocks());
});

function build(name: string, props = VALID_CLUSTERS.ownCreatedZone): HardenedCluster {
  return new HardenedCluster(
    name,
    { ...props, name, resourceGroupName: 'rg-payments' },
    {
      // Transformations see each child's final options: how we check replaceOnChanges and parents.
      transformations: [
        (a) => {
          captured.set(a.name, a.opts);
          return undefined;
        },
      ],
    },
  );
}

describe('a hardened cluster with an own zone and run command principals', () => {
  let aks: HardenedCluster;
  const rec = (logicalId: string) => resources.find((r) => r.name === `payments-${logicalId}`)!;

  beforeAll(async () => {
    aks = build('payments');
    await settle(aks.clusterId, aks.kubeconfig, aks.privateFqdn, aks.identityPrincipalId);
  });

  test('registers exactly the model\'s resources, named <component>-<logical id>', () => {
    const model = ManagedClusterModel.build({ ...VALID_CLUSTERS.ownCreatedZone, name: 'payments' });
    // Registration completes asynchronously, so compare as sets.
    const names = resources.filter((r) => r.name.startsWith('payments-')).map((r) => r.name).sort();
    expect(names).toEqual(model.resources.map((r) => `payments-${r.logicalId}`).sort());
  });

  test('the cluster goes through the generic resource at the pinned API version', () => {
    const cluster = rec('cluster');
    expect(cluster.type).toBe('azure-native:resources:Resource');
    expect(cluster.inputs).toMatchObject({
      apiVersion: ApiVersions.managedClusters,
      resourceProviderNamespace: 'Microsoft.ContainerService',
      resourceType: 'managedClusters',
      parentResourcePath: '',
      resourceName: 'payments',
      resourceGroupName: 'rg-payments',
      location: 'westeurope',
      sku: { name: 'Base', tier: 'Standard' },
    });
  });

  test('the cluster payload equals the model\'s, with references resolved to real ids', () => {
    const model = ManagedClusterModel.build({ ...VALID_CLUSTERS.ownCreatedZone, name: 'payments' });
    const vnetId = `/subscriptions/${SUB}/resourceGroups/rg-payments/providers/Microsoft.Network/virtualNetworks/payments-vnet`;
    const zoneId = `/subscriptions/${SUB}/resourceGroups/rg-payments/providers/Microsoft.Network/privateDnsZones/payments.private.westeurope.azmk8s.io`;
    const props = rec('cluster').inputs.properties;
    expect(props.apiServerAccessProfile).toEqual({
      enablePrivateCluster: true,
      enableVnetIntegration: true,
      disableRunCommand: false,
      subnetId: `${vnetId}/subnets/apiserver`,
      privateDNSZone: zoneId,
      enablePrivateClusterPublicFQDN: false,
    });
    expect(props.agentPoolProfiles[0].vnetSubnetID).toBe(`${vnetId}/subnets/nodes`);
    // Everything that is plain data in the model arrives unchanged.
    const { apiServerAccessProfile: _a, agentPoolProfiles: _p, addonProfiles: _o, securityProfile: _s, ...rest } = model.cluster.properties as Record<string, unknown>;
    expect(props).toMatchObject(rest);
    const workspaceId = `/subscriptions/${SUB}/resourceGroups/rg-payments/providers/Microsoft.OperationalInsights/workspaces/payments-logs`;
    expect(props.securityProfile.defender).toEqual({ logAnalyticsWorkspaceResourceId: workspaceId, securityMonitoring: { enabled: true } });
    expect(props.addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID).toBe(workspaceId);
    expect(rec('cluster').inputs.identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: [`/subscriptions/${SUB}/resourceGroups/rg-payments/providers/Microsoft.ManagedIdentity/userAssignedIdentities/payments-identity`],
    });
  });

  test('role assignments use the identity\'s principal and deterministic GUID names', () => {
    const ra = rec('apiserver-subnet-network-contributor');
    expect(ra.type).toBe('azure-native:authorization:RoleAssignment');
    expect(ra.inputs).toMatchObject({
      principalId: 'principal-of-payments-identity',
      principalType: 'ServicePrincipal',
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7`,
      roleAssignmentName: armGuid([`/subscriptions/${SUB}/resourceGroups/rg-payments`, 'payments', 'network-contributor-apiserver']),
    });
    expect(ra.inputs.scope).toMatch(/virtualNetworks\/payments-vnet\/subnets\/apiserver$/);
  });

  test('every role assignment and definition name equals ARM guid() of the template\'s parts', () => {
    // The template says guid(resourceGroup().id, '<cluster>', '<purpose>'...); evaluate it as ARM would.
    const template = ManagedClusterModel.build({ ...VALID_CLUSTERS.ownCreatedZone, name: 'payments' }).toArmTemplate();
    const rgId = `/subscriptions/${SUB}/resourceGroups/rg-payments`;
    const evaluate = (expr: string) => {
      const m = /^\[guid\((.*)\)\]$/.exec(expr);
      if (!m) return undefined;
      const parts = m[1].split(', ').map((p) => (p === 'resourceGroup().id' ? rgId : p.replace(/^'|'$/g, '').replace(/''/g, "'")));
      return armGuid(parts);
    };
    const fromTemplate = template.resources
      .filter((r) => String(r.type).startsWith('Microsoft.Authorization/role'))
      .map((r) => evaluate(String(r.name)))
      .sort();
    const fromPulumi = resources
      .filter((r) => r.type.startsWith('azure-native:authorization:Role') && r.name.startsWith('payments-'))
      .map((r) => String(r.inputs.roleAssignmentName ?? r.inputs.roleDefinitionId))
      .sort();
    expect(fromTemplate.length).toBeGreaterThan(2);
    expect(fromPulumi).toEqual(fromTemplate);
  });

  test('the control-plane audit logs go through azure-native\'s typed DiagnosticSetting, on the cluster, to its workspace', () => {
    const ds = rec('audit-logs');
    expect(ds.type).toBe('azure-native:monitor:DiagnosticSetting');
    expect(ds.inputs.resourceUri).toMatch(/providers\/Microsoft.ContainerService\/managedClusters\/payments$/);
    expect(ds.inputs.workspaceId).toMatch(/providers\/Microsoft.OperationalInsights\/workspaces\//);
    expect(ds.inputs.logs).toEqual([
      { category: 'kube-audit-admin', enabled: true },
      { category: 'guard', enabled: true },
    ]);
  });

  test('run command is granted through a custom role with exactly its two actions', () => {
    const role = rec('run-command-role');
    expect(role.type).toBe('azure-native:authorization:RoleDefinition');
    expect(role.inputs.permissions).toEqual([
      {
        actions: ['Microsoft.ContainerService/managedClusters/runcommand/action', 'Microsoft.ContainerService/managedClusters/commandResults/read'],
        notActions: [],
      },
    ]);
    expect(role.inputs.roleType).toBe('CustomRole');
    const grant = rec(`run-command-${GROUP}`);
    expect(grant.inputs.principalId).toBe(GROUP);
    expect(grant.inputs.roleDefinitionId).toBe(`/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${role.inputs.roleDefinitionId}`);
  });

  test('every child is parented to the component', () => {
    for (const [name, opts] of captured) {
      if (name.startsWith('payments-')) expect(opts.parent, name).toBe(aks);
    }
  });

  test('create-only fields force a delete-before-replace on the cluster only', () => {
    const clusterOpts = captured.get('payments-cluster') as pulumi.CustomResourceOptions;
    expect(clusterOpts.replaceOnChanges).toEqual(expect.arrayContaining(['properties.dnsPrefix', 'properties.fqdnSubdomain', 'properties.networkProfile.networkPlugin']));
    expect(clusterOpts.deleteBeforeReplace).toBe(true);
    expect((captured.get('payments-vnet') as pulumi.CustomResourceOptions).replaceOnChanges).toBeUndefined();
  });

  test('outputs: ids, private FQDN, identity, and the Entra ID user kubeconfig as a secret', async () => {
    expect(await unwrap(aks.clusterId)).toMatch(/managedClusters\/payments$/);
    expect(await unwrap(aks.privateFqdn)).toBe('payments.private.example');
    // The OIDC issuer URL Azure reports, for federated identity credentials.
    expect(await unwrap(aks.oidcIssuerUrl)).toBe('https://westeurope.oic.prod-aks.azure.com/tenant/payments/');
    expect(await unwrap(aks.identityPrincipalId)).toBe('principal-of-payments-identity');
    expect(await unwrap(aks.apiServerSubnetId)).toMatch(/subnets\/apiserver$/);
    expect(await unwrap(aks.kubeconfig)).toBe(KUBECONFIG);
    expect(await pulumi.isSecret(aks.kubeconfig)).toBe(true);
    const credentialCalls = calls.filter((c) => c.token.includes('Credentials'));
    expect(credentialCalls.map((c) => [c.token, c.inputs.format])).toEqual([['azure-native:containerservice:listManagedClusterUserCredentials', 'exec']]);
  });
});

test('fails before registering anything when the definition is invalid', () => {
  const before = resources.length;
  expect(() =>
    build('broken', { name: 'broken', location: 'westeurope', apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['1.2.3.4/8'] }) }),
  ).toThrow(SecureAksValidationError);
  expect(resources.length).toBe(before);
});

test('a link on a hub zone in another subscription uses the provider given for it', async () => {
  const hubSub = '00000000-0000-0000-0000-0000000000ff';
  const zone = HUB_ZONE_VNI.replace(SUB, hubSub);
  const { Provider } = await import('@pulumi/azure-native/provider');
  const hubProvider = new Provider('hub', { subscriptionId: hubSub });
  const aks = new HardenedCluster('hubbed', {
    name: 'hubbed',
    location: 'westeurope',
    resourceGroupName: 'rg',
    apiServerAccess: ApiServerAccess.private({
      dnsZone: (await import('../../lib')).PrivateDnsZone.fromZoneId(zone, { linkedVnetIds: [`/subscriptions/${hubSub}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub`] }),
    }),
    providersBySubscription: { [hubSub]: hubProvider },
  }, { transformations: [(a) => { captured.set(a.name, a.opts); return undefined; }] });
  await settle(aks.clusterId);
  const link = resources.find((r) => r.name.startsWith('hubbed-dns-link-'))!;
  expect(link.type).toBe('azure-native:privatedns:VirtualNetworkLink');
  expect(link.inputs).toMatchObject({ resourceGroupName: 'hub', privateZoneName: 'payments.private.westeurope.azmk8s.io', registrationEnabled: false });
  expect((captured.get(link.name) as pulumi.CustomResourceOptions).provider).toBe(hubProvider);
});

test('replacementOptions is empty for resources without create-only fields', () => {
  const model = ManagedClusterModel.build(VALID_CLUSTERS.defaults);
  expect(replacementOptions(model.resources[0])).toEqual({});
  expect(replacementOptions(model.cluster).deleteBeforeReplace).toBe(true);
});
