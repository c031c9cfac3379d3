import * as pulumi from '@pulumi/pulumi';
import { SUB } from './cluster-fixtures';

/** A resource registered under the mocks. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  /** The provider reference (`urn::id`), when one was set. */
  readonly provider?: string;
  /** The id the mocks gave it: the Azure resource id, as Azure would, for every Azure resource the library registers. */
  readonly id?: string;
}

/** A call (invoke) made under the mocks. */
export interface RecordedCall {
  readonly token: string;
  readonly inputs: Record<string, any>;
}

export const KUBECONFIG = 'apiVersion: v1\nkind: Config\nusers:\n- name: clusterUser\n  user:\n    exec:\n      command: kubelogin\n';

/** The ARM path (after `providers/`) of each typed azure-native resource the library registers, from its inputs. */
const TYPED_IDS: Record<string, (i: Record<string, any>) => string> = {
  'azure-native:network:VirtualNetwork': (i) => `Microsoft.Network/virtualNetworks/${i.virtualNetworkName}`,
  'azure-native:network:NetworkSecurityGroup': (i) => `Microsoft.Network/networkSecurityGroups/${i.networkSecurityGroupName}`,
  'azure-native:network:RouteTable': (i) => `Microsoft.Network/routeTables/${i.routeTableName}`,
  'azure-native:network:VirtualNetworkPeering': (i) => `Microsoft.Network/virtualNetworks/${i.virtualNetworkName}/virtualNetworkPeerings/${i.virtualNetworkPeeringName}`,
  'azure-native:privatedns:PrivateZone': (i) => `Microsoft.Network/privateDnsZones/${i.privateZoneName}`,
  'azure-native:privatedns:VirtualNetworkLink': (i) => `Microsoft.Network/privateDnsZones/${i.privateZoneName}/virtualNetworkLinks/${i.virtualNetworkLinkName}`,
  'azure-native:privatedns:PrivateRecordSet': (i) => `Microsoft.Network/privateDnsZones/${i.privateZoneName}/${i.recordType}/${i.relativeRecordSetName}`,
  'azure-native:managedidentity:UserAssignedIdentity': (i) => `Microsoft.ManagedIdentity/userAssignedIdentities/${i.resourceName}`,
  'azure-native:managedidentity:FederatedIdentityCredential': (i) =>
    `Microsoft.ManagedIdentity/userAssignedIdentities/${i.resourceName}/federatedIdentityCredentials/${i.federatedIdentityCredentialResourceName}`,
};

/**
 * Installs Pulumi mocks that record every resource and call. Generic ARM
 * resources get realistic ids and the read-only properties Azure returns.
 */
export async function installMocks(): Promise<{ resources: RecordedResource[]; calls: RecordedCall[] }> {
  const resources: RecordedResource[] = [];
  const calls: RecordedCall[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const result = mockResource(args);
        resources.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider, id: result.id });
        return result;
      },
      call(args) {
        calls.push({ token: args.token, inputs: args.inputs });
        return mockCall(args);
      },
    },
    'project',
    'stack',
    false,
  );
  return { resources, calls };
}

/** A resource's id and state under the mocks: Azure's resource id for the Azure resources the library registers. */
function mockResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, any> } {
  const i = args.inputs;
  if (args.type === 'azure-native:resources:Resource') {
    const parent = i.parentResourcePath ? `${i.parentResourcePath}/` : '';
    const id = `/subscriptions/${SUB}/resourceGroups/${i.resourceGroupName}/providers/${i.resourceProviderNamespace}/${parent}${i.resourceType}/${i.resourceName}`;
    const readOnly =
      i.resourceType === 'userAssignedIdentities'
        ? { principalId: `principal-of-${i.resourceName}`, clientId: `client-of-${i.resourceName}` }
        : i.resourceType === 'managedClusters'
          ? {
              privateFQDN: `${i.resourceName}.private.example`,
              provisioningState: 'Succeeded',
              ...(i.properties?.oidcIssuerProfile?.enabled ? { oidcIssuerProfile: { enabled: true, issuerURL: `https://westeurope.oic.prod-aks.azure.com/tenant/${i.resourceName}/` } } : {}),
            }
          : {};
    return { id, state: { ...i, properties: { ...(i.properties ?? {}), ...readOnly } } };
  }
  const typed = TYPED_IDS[args.type];
  if (typed) {
    const id = `/subscriptions/${SUB}/resourceGroups/${i.resourceGroupName}/providers/${typed(i)}`;
    // Azure's read-only values of a user-assigned identity.
    const readOnly = args.type === 'azure-native:managedidentity:UserAssignedIdentity' ? { principalId: `principal-of-${i.resourceName}`, clientId: `client-of-${i.resourceName}` } : {};
    return { id, state: { ...i, ...readOnly } };
  }
  if (args.type === 'azure-native:authorization:RoleAssignment') {
    return { id: `${i.scope}/providers/Microsoft.Authorization/roleAssignments/${i.roleAssignmentName}`, state: i };
  }
  if (args.type === 'azure-native:authorization:ManagementLockByScope') {
    return { id: `${i.scope}/providers/Microsoft.Authorization/locks/${i.lockName}`, state: i };
  }
  if (args.type === 'azure-native:monitor:DiagnosticSetting') {
    return { id: `${i.resourceUri}/providers/Microsoft.Insights/diagnosticSettings/${i.name}`, state: i };
  }
  if (args.type === 'azure-native:kubernetesconfiguration:Extension') {
    const cluster = `/subscriptions/${SUB}/resourceGroups/${i.resourceGroupName}/providers/${i.clusterRp}/${i.clusterResourceName}/${i.clusterName}`;
    return { id: `${cluster}/providers/Microsoft.KubernetesConfiguration/extensions/${i.extensionName}`, state: i };
  }
  if (args.type === 'azure-native:authorization:RoleDefinition') {
    return { id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${i.roleDefinitionId}`, state: i };
  }
  if (args.type === 'azure-native:resources:ResourceGroup') {
    // Azure returns the name it was given.
    return { id: `/subscriptions/${SUB}/resourceGroups/${i.resourceGroupName}`, state: { ...i, name: i.resourceGroupName } };
  }
  return { id: `${args.name}-id`, state: i };
}

/** What the mocks answer to a call (an invoke). */
function mockCall(args: pulumi.runtime.MockCallArgs): Record<string, any> {
  if (args.token === 'azure-native:authorization:getClientConfig') {
    return { subscriptionId: SUB, tenantId: 'tenant', clientId: 'client', objectId: 'object' };
  }
  if (args.token === 'azure-native:containerservice:listManagedClusterUserCredentials') {
    return { kubeconfigs: [{ name: 'clusterUser', value: Buffer.from(KUBECONFIG).toString('base64') }] };
  }
  if (args.token === 'azure-native:network:getSubnet') {
    // Subnets named "apiserver*" are delegated /28s; any other is a plain /24.
    const apiserver = String(args.inputs.subnetName).startsWith('apiserver');
    return apiserver
      ? { addressPrefix: '10.10.16.0/28', delegations: [{ name: 'aks', serviceName: 'Microsoft.ContainerService/managedClusters' }] }
      : { addressPrefix: '10.10.0.0/24', delegations: [] };
  }
  throw new Error(`unexpected call ${args.token}`);
}

/** Resolves an output (or plain value) for assertions. */
export function unwrap<T>(x: pulumi.Output<T> | T): Promise<T> {
  return new Promise((resolve) => (pulumi.Output.isInstance(x) ? (x as pulumi.Output<T>).apply((v) => resolve(v)) : resolve(x as T)));
}

/** Waits until every pending output of the program has resolved. */
export async function settle(...outputs: pulumi.Output<unknown>[]): Promise<void> {
  await Promise.all(outputs.map(unwrap));
  await new Promise((r) => setTimeout(r, 50));
}
