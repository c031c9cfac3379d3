import * as authorization from '@pulumi/azure-native/authorization';
import * as kubernetesconfiguration from '@pulumi/azure-native/kubernetesconfiguration';
import * as managedidentity from '@pulumi/azure-native/managedidentity';
import * as monitor from '@pulumi/azure-native/monitor';
import * as network from '@pulumi/azure-native/network';
import * as privatedns from '@pulumi/azure-native/privatedns';
import * as pulumi from '@pulumi/pulumi';
import { ArmValue } from '../core/arm/arm-expression';
import { AZURE_NATIVE_TYPED_RESOURCES } from '../core/arm/azure-native-resources';
import { parseResourceId } from '../core/arm/resource-id';

/** What a typed resource gets: the resource group, the model's name segments, location and tags. */
export interface TypedResourceContext {
  readonly resourceGroupName: pulumi.Input<string>;
  /** The resource an extension resource is on (a role assignment's, a lock's or a diagnostic setting's scope). */
  readonly scope?: pulumi.Input<string>;
  readonly names: readonly pulumi.Input<string>[];
  readonly location?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** How one ARM type is registered through its typed azure-native resource. */
export interface TypedArmResource {
  /** Registers the resource with the flattened, resolved payload. */
  create(name: string, ctx: TypedResourceContext, payload: Record<string, pulumi.Input<unknown>>, opts: pulumi.CustomResourceOptions): pulumi.CustomResource;
  /** Read-only attributes other resources may reference (`principalId`), when the type has any. */
  attributes?(resource: pulumi.CustomResource): pulumi.Output<Record<string, unknown> | undefined>;
}

type TypedConstructor = new (name: string, args: never, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/**
 * The typed resource of `armType`: its name segments go to the arguments
 * AZURE_NATIVE_TYPED_RESOURCES names (parent first), with location and tags
 * when the type is a tracked resource, and `fixed` arguments. An extension
 * resource takes its scope instead of a resource group.
 */
function typed(
  Resource: TypedConstructor,
  armType: string,
  options: {
    readonly tracked?: boolean;
    readonly fixed?: Record<string, string>;
    readonly attributes?: TypedArmResource['attributes'];
  } = {},
): TypedArmResource {
  const { nameArgs, scopeArg } = AZURE_NATIVE_TYPED_RESOURCES[armType];
  return {
    create: (name, ctx, payload, opts) => {
      const args: Record<string, unknown> = {
        ...(scopeArg ? { [scopeArg]: ctx.scope } : { resourceGroupName: ctx.resourceGroupName }),
        ...(options.tracked ? { location: ctx.location, tags: ctx.tags ? { ...ctx.tags } : undefined } : {}),
        ...Object.fromEntries(nameArgs.map((arg, i) => [arg, ctx.names[i]])),
        ...options.fixed,
        ...payload,
      };
      return new Resource(name, args as never, opts);
    },
    attributes: options.attributes,
  };
}

/**
 * A cluster extension (`microsoft.flux`): azure-native's typed Extension names
 * the cluster by resource provider, type and name instead of a scope id, so
 * they are read off the scope (the managed cluster's id).
 */
const clusterExtension: TypedArmResource = {
  create: (name, ctx, payload, opts) => {
    const cluster = pulumi.output(ctx.scope!).apply((id) => {
      const parsed = parseResourceId(id);
      if (!parsed) throw new Error(`a cluster extension's scope is a cluster's resource id, not ${id}`);
      const [clusterRp, clusterResourceName] = parsed.type.split('/');
      return { resourceGroupName: parsed.resourceGroup, clusterRp, clusterResourceName, clusterName: parsed.names[0] };
    });
    return new kubernetesconfiguration.Extension(
      name,
      {
        resourceGroupName: cluster.resourceGroupName,
        clusterRp: cluster.clusterRp,
        clusterResourceName: cluster.clusterResourceName,
        clusterName: cluster.clusterName,
        extensionName: ctx.names[0],
        ...(payload as Record<string, never>),
      },
      opts,
    );
  },
};

/**
 * The ARM types the model sends at the API version of azure-native's typed
 * resource (ApiVersions pins them to it), so Pulumi registers them as
 * `azure-native:network:VirtualNetwork` and the like: policy packs, `pulumi
 * import` and resource searches find them by type. The managed cluster and
 * the Log Analytics workspace stay generic: azure-native's typed
 * ManagedCluster (2025-09-01) lacks `transitEncryption`, and no Microsoft model
 * of the typed Workspace's version (2023-09-01) exists to check the payload against.
 */
export const TYPED_ARM_RESOURCES: Readonly<Record<string, TypedArmResource>> = {
  'Microsoft.Authorization/roleAssignments': typed(authorization.RoleAssignment, 'Microsoft.Authorization/roleAssignments'),
  'Microsoft.Authorization/locks': typed(authorization.ManagementLockByScope, 'Microsoft.Authorization/locks'),
  'Microsoft.Insights/diagnosticSettings': typed(monitor.DiagnosticSetting, 'Microsoft.Insights/diagnosticSettings'),
  'Microsoft.Network/virtualNetworks': typed(network.VirtualNetwork, 'Microsoft.Network/virtualNetworks', { tracked: true }),
  'Microsoft.Network/networkSecurityGroups': typed(network.NetworkSecurityGroup, 'Microsoft.Network/networkSecurityGroups', { tracked: true }),
  'Microsoft.Network/routeTables': typed(network.RouteTable, 'Microsoft.Network/routeTables', { tracked: true }),
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': typed(network.VirtualNetworkPeering, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings'),
  'Microsoft.Network/privateDnsZones': typed(privatedns.PrivateZone, 'Microsoft.Network/privateDnsZones', { tracked: true }),
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': typed(privatedns.VirtualNetworkLink, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', { tracked: true }),
  'Microsoft.Network/privateDnsZones/A': typed(privatedns.PrivateRecordSet, 'Microsoft.Network/privateDnsZones/A', { fixed: { recordType: 'A' } }),
  'Microsoft.ManagedIdentity/userAssignedIdentities': typed(managedidentity.UserAssignedIdentity, 'Microsoft.ManagedIdentity/userAssignedIdentities', {
    tracked: true,
    attributes: (r) => {
      const identity = r as managedidentity.UserAssignedIdentity;
      return pulumi.output({ principalId: identity.principalId, clientId: identity.clientId });
    },
  }),
  'Microsoft.KubernetesConfiguration/extensions': clusterExtension,
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': typed(managedidentity.FederatedIdentityCredential, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials'),
};

/**
 * The ARM payload in the shape of azure-native's typed arguments, which flatten
 * every nested `properties` object into its parent (a subnet's
 * `properties.addressPrefix` is its `addressPrefix`).
 */
export function flattenProperties(value: ArmValue): ArmValue {
  if (Array.isArray(value)) return (value as readonly ArmValue[]).map(flattenProperties);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, ArmValue> = {};
  for (const [k, v] of Object.entries(value as Record<string, ArmValue>)) {
    if (k === 'properties' && v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype) {
      Object.assign(out, flattenProperties(v) as Record<string, ArmValue>);
    } else {
      out[k] = flattenProperties(v);
    }
  }
  return out;
}
