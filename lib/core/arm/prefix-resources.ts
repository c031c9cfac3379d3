import {
  ArmReference,
  ArmValue,
  ConcatExpression,
  GuidExpression,
  SubscriptionResourceIdExpression,
} from './arm-expression';
import { ArmResource } from './arm-resource';

/**
 * The resources with every logical id (and every reference to one) prefixed,
 * so that the models of several clusters can share one template.
 */
export function prefixResources(resources: readonly ArmResource[], prefix: string): ArmResource[] {
  const rename = (id: string) => `${prefix}${id}`;
  const value = (v: ArmValue): ArmValue => {
    if (v instanceof ArmReference) return new ArmReference(rename(v.logicalId), v.attribute, v.child);
    if (v instanceof GuidExpression) return new GuidExpression(v.parts.map(value));
    if (v instanceof ConcatExpression) return new ConcatExpression(v.parts.map(value));
    if (v instanceof SubscriptionResourceIdExpression) return new SubscriptionResourceIdExpression(v.type, value(v.name));
    if (Array.isArray(v)) return v.map(value);
    if (v !== null && typeof v === 'object' && v.constructor === Object) {
      return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, value(c as ArmValue)]));
    }
    return v;
  };
  return resources.map((r) => ({
    ...r,
    logicalId: rename(r.logicalId),
    name: r.name.map(value),
    scope: r.scope === undefined ? undefined : value(r.scope),
    identity: r.identity ? { ...r.identity, userAssignedIdentities: r.identity.userAssignedIdentities?.map(value) } : undefined,
    properties: value(r.properties) as ArmResource['properties'],
    dependsOn: r.dependsOn?.map(rename),
  }));
}
