import * as managedidentity from '@pulumi/azure-native/managedidentity';
import * as network from '@pulumi/azure-native/network';
import * as privatedns from '@pulumi/azure-native/privatedns';
import * as pulumi from '@pulumi/pulumi';
import { ArmValue } from '../core/arm/arm-expression';

/** What a typed resource gets: the resource group, the model's name segments, location and tags. */
export interface TypedResourceContext {
  readonly resourceGroupName: pulumi.Input<string>;
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

const located = (ctx: TypedResourceContext) => ({ resourceGroupName: ctx.resourceGroupName, location: ctx.location, tags: ctx.tags ? { ...ctx.tags } : undefined });

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
  'Microsoft.Network/virtualNetworks': {
    create: (name, ctx, p, opts) => new network.VirtualNetwork(name, { ...located(ctx), virtualNetworkName: ctx.names[0], ...p } as unknown as network.VirtualNetworkArgs, opts),
  },
  'Microsoft.Network/networkSecurityGroups': {
    create: (name, ctx, p, opts) =>
      new network.NetworkSecurityGroup(name, { ...located(ctx), networkSecurityGroupName: ctx.names[0], ...p } as unknown as network.NetworkSecurityGroupArgs, opts),
  },
  'Microsoft.Network/routeTables': {
    create: (name, ctx, p, opts) => new network.RouteTable(name, { ...located(ctx), routeTableName: ctx.names[0], ...p } as unknown as network.RouteTableArgs, opts),
  },
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': {
    create: (name, ctx, p, opts) =>
      new network.VirtualNetworkPeering(
        name,
        { resourceGroupName: ctx.resourceGroupName, virtualNetworkName: ctx.names[0], virtualNetworkPeeringName: ctx.names[1], ...p } as unknown as network.VirtualNetworkPeeringArgs,
        opts,
      ),
  },
  'Microsoft.Network/privateDnsZones': {
    create: (name, ctx, p, opts) => new privatedns.PrivateZone(name, { ...located(ctx), privateZoneName: ctx.names[0], ...p } as unknown as privatedns.PrivateZoneArgs, opts),
  },
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': {
    create: (name, ctx, p, opts) =>
      new privatedns.VirtualNetworkLink(
        name,
        { ...located(ctx), privateZoneName: ctx.names[0], virtualNetworkLinkName: ctx.names[1], ...p } as unknown as privatedns.VirtualNetworkLinkArgs,
        opts,
      ),
  },
  'Microsoft.Network/privateDnsZones/A': {
    create: (name, ctx, p, opts) =>
      new privatedns.PrivateRecordSet(
        name,
        { resourceGroupName: ctx.resourceGroupName, privateZoneName: ctx.names[0], relativeRecordSetName: ctx.names[1], recordType: 'A', ...p } as unknown as privatedns.PrivateRecordSetArgs,
        opts,
      ),
  },
  'Microsoft.ManagedIdentity/userAssignedIdentities': {
    create: (name, ctx, p, opts) =>
      new managedidentity.UserAssignedIdentity(name, { ...located(ctx), resourceName: ctx.names[0], ...p } as unknown as managedidentity.UserAssignedIdentityArgs, opts),
    attributes: (r) => {
      const identity = r as managedidentity.UserAssignedIdentity;
      return pulumi.output({ principalId: identity.principalId, clientId: identity.clientId });
    },
  },
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': {
    create: (name, ctx, p, opts) =>
      new managedidentity.FederatedIdentityCredential(
        name,
        { resourceGroupName: ctx.resourceGroupName, resourceName: ctx.names[0], federatedIdentityCredentialResourceName: ctx.names[1], ...p } as unknown as managedidentity.FederatedIdentityCredentialArgs,
        opts,
      ),
  },
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
