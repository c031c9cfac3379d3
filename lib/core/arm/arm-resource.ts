import { ArmValue } from './arm-expression';

/**
 * The identity block of an ARM resource.
 * @category ARM templates
 */
export interface ArmIdentity {
  readonly type: 'UserAssigned' | 'SystemAssigned';
  /** Ids of the user-assigned identities (a map keyed by id on the wire). */
  readonly userAssignedIdentities?: readonly ArmValue[];
}

/**
 * One Azure Resource Manager resource, exactly as it is sent, in the wire
 * names of its pinned API version. This is the model's output and the single
 * source both front ends render from.
 * @category ARM templates
 */
export interface ArmResource {
  /**
   * Stable logical id: the Pulumi child name suffix and the key other
   * resources reference it by. Changing it replaces the resource.
   */
  readonly logicalId: string;
  /** Full ARM type, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  readonly type: string;
  /** The API version the payload is written for. */
  readonly apiVersion: string;
  /** Name segments: one per level of the type below the provider namespace. */
  readonly name: readonly ArmValue[];
  /** Azure region, or `global`; omitted for extension resources. */
  readonly location?: string;
  /**
   * The resource group the resource lives in, when it is not the deployment's
   * (a link on a hub DNS zone). Extension resources on an existing resource
   * take it from their `scope`.
   */
  readonly targetResourceGroup?: { readonly subscriptionId: string; readonly resourceGroup: string };
  /** For extension resources (role assignments): the resource they attach to. */
  readonly scope?: ArmValue;
  readonly identity?: ArmIdentity;
  readonly sku?: { readonly [key: string]: ArmValue };
  readonly tags?: { readonly [key: string]: string };
  /** The `properties` payload. */
  readonly properties: { readonly [key: string]: ArmValue };
  /**
   * Property paths (below `properties`) that Azure cannot change in place: a
   * change to any of them is a replacement, and both front ends say so.
   */
  readonly createOnlyProperties?: readonly string[];
  /** Extra ordering beyond what references imply (logical ids). */
  readonly dependsOn?: readonly string[];
}
