import { ArmReference, ArmValue, ConcatExpression, GuidExpression, SubscriptionResourceIdExpression } from './arm-expression';
import { ArmResource } from './arm-resource';

/**
 * What {@link mapReferences} does with each resource.
 * @internal
 */
export interface ReferenceMapping {
  /** The value that replaces a reference to another resource. */
  readonly reference: (ref: ArmReference) => ArmValue;
  /** A resource's new logical id. @default - unchanged */
  readonly logicalId?: (id: string) => string;
  /** An ordering dependency's new logical id, or undefined to drop it. @default - unchanged */
  readonly dependsOn?: (id: string) => string | undefined;
}

/**
 * The resources with every {@link ArmReference} in their names, scope,
 * identities and properties (inside expressions too) replaced, and their
 * logical ids and ordering mapped: the one walk over a model's values that
 * prefixing and externalizing references share.
 * @internal
 */
export function mapReferences(resources: readonly ArmResource[], mapping: ReferenceMapping): ArmResource[] {
  const value = (v: ArmValue): ArmValue => {
    if (v instanceof ArmReference) return mapping.reference(v);
    if (v instanceof GuidExpression) return new GuidExpression(v.parts.map(value));
    if (v instanceof ConcatExpression) return new ConcatExpression(v.parts.map(value));
    if (v instanceof SubscriptionResourceIdExpression) return new SubscriptionResourceIdExpression(v.type, value(v.name));
    if (Array.isArray(v)) return v.map(value);
    if (v !== null && typeof v === 'object' && v.constructor === Object) {
      return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, value(c as ArmValue)]));
    }
    return v;
  };
  const dependsOn = mapping.dependsOn;
  return resources.map((r) => ({
    ...r,
    logicalId: mapping.logicalId ? mapping.logicalId(r.logicalId) : r.logicalId,
    name: r.name.map(value),
    scope: r.scope === undefined ? undefined : value(r.scope),
    identity: r.identity ? { ...r.identity, userAssignedIdentities: r.identity.userAssignedIdentities?.map(value) } : undefined,
    properties: value(r.properties) as ArmResource['properties'],
    dependsOn: dependsOn ? r.dependsOn?.flatMap((d) => dependsOn(d) ?? []) : r.dependsOn,
  }));
}
