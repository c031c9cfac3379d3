/**
 * Values in the ARM model that are only known at deployment time. Each front
 * end renders them its own way: the ARM template as template expressions
 * (`[resourceId(...)]`), Pulumi as resource outputs.
 */

/**
 * An attribute of a resource that the model creates.
 * @category ARM templates
 */
export type ArmAttribute = 'id' | 'principalId' | 'clientId' | 'oidcIssuerProfile.issuerURL';

/**
 * A child that a resource declares inline (a subnet inside its virtual network).
 * @category ARM templates
 */
export interface ArmInlineChild {
  /** The child's type segment, e.g. `subnets`. */
  readonly type: string;
  /** The child's name. */
  readonly name: string;
}

/**
 * A reference to another resource of the same model, by logical id.
 * @category ARM templates
 */
export class ArmReference {
  constructor(
    /** The logical id of the referenced resource. */
    public readonly logicalId: string,
    /** Which attribute of it. */
    public readonly attribute: ArmAttribute = 'id',
    /** When set, the reference is to this inline child of the resource (its id only). */
    public readonly child?: ArmInlineChild,
  ) {}

  /** A reference to the id of an inline child (`subnets/nodes`) of `logicalId`. */
  public static child(logicalId: string, type: string, name: string): ArmReference {
    return new ArmReference(logicalId, 'id', { type, name });
  }
}

/**
 * Text joined from parts, some known only at deployment time.
 * @category ARM templates
 */
export class ConcatExpression {
  constructor(public readonly parts: readonly ArmValue[]) {}
}

/**
 * The id of the resource group the model is deployed into.
 * @category ARM templates
 */
export class ResourceGroupIdExpression {
  public static readonly INSTANCE = new ResourceGroupIdExpression();
  private constructor() {}
}

/**
 * The id of a subscription-level resource (a role definition) in the deployment's subscription.
 * @category ARM templates
 */
export class SubscriptionResourceIdExpression {
  constructor(
    /** Full ARM type, e.g. `Microsoft.Authorization/roleDefinitions`. */
    public readonly type: string,
    /** The resource name. */
    public readonly name: ArmValue,
  ) {}
}

/**
 * A deterministic GUID derived from the parts: ARM's `guid()` in templates,
 * and the same algorithm (`armGuid`) in Pulumi, so both deploy paths
 * name role assignments and definitions alike.
 * @category ARM templates
 */
export class GuidExpression {
  constructor(public readonly parts: readonly ArmValue[]) {}
}

/**
 * An attribute of a resource another template deploys, by its literal id:
 * ARM's `reference(id, apiVersion)`, which reads a resource of any resource
 * group once it exists (a cluster's OIDC issuer URL, read by the template of
 * the estate's Flux credentials). The Pulumi adapter never meets one: it
 * registers the same resources with {@link ArmReference}s to the resources.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#reference
 * @category ARM templates
 */
export class ExternalAttributeReference {
  constructor(
    /** The referenced resource's id. */
    public readonly resourceId: string,
    /** The API version to read it with. */
    public readonly apiVersion: string,
    /** A path into its `properties`. */
    public readonly attribute: Exclude<ArmAttribute, 'id'>,
  ) {}
}

/**
 * Any value the model can place in a resource.
 * @category ARM templates
 */
export type ArmValue =
  | string
  | number
  | boolean
  | ArmReference
  | ResourceGroupIdExpression
  | SubscriptionResourceIdExpression
  | GuidExpression
  | ConcatExpression
  | ExternalAttributeReference
  | readonly ArmValue[]
  | { readonly [key: string]: ArmValue };

/**
 * Whether `v` is a deploy-time expression rather than plain data.
 * @internal
 */
export function isArmExpression(
  v: unknown,
): v is ArmReference | ResourceGroupIdExpression | SubscriptionResourceIdExpression | GuidExpression | ConcatExpression | ExternalAttributeReference {
  return (
    v instanceof ConcatExpression ||
    v instanceof ExternalAttributeReference ||
    v instanceof ArmReference ||
    v instanceof ResourceGroupIdExpression ||
    v instanceof SubscriptionResourceIdExpression ||
    v instanceof GuidExpression
  );
}

/**
 * Every {@link ArmReference} inside `value`, in document order.
 * @internal
 */
export function collectReferences(value: ArmValue | undefined): ArmReference[] {
  const out: ArmReference[] = [];
  const visit = (v: ArmValue | undefined): void => {
    if (v === undefined || v === null) return;
    if (v instanceof ArmReference) out.push(v);
    else if (v instanceof SubscriptionResourceIdExpression) visit(v.name);
    else if (v instanceof GuidExpression || v instanceof ConcatExpression) v.parts.forEach(visit);
    else if (v instanceof ResourceGroupIdExpression || v instanceof ExternalAttributeReference) return;
    else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}
