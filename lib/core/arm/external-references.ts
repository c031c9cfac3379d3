import { ArmReference, ArmValue, ConcatExpression, GuidExpression, SubscriptionResourceIdExpression } from './arm-expression';
import { ArmResource } from './arm-resource';

/**
 * The resources with every reference to a resource of another template
 * replaced by that resource's literal id (`ids`, by logical id), and ordering
 * on such resources dropped: a template can only order and reference its own
 * resources. The Pulumi adapter registers the same resources with the
 * references intact, so the graph orders them.
 * @throws Error when a reference to an attribute other than `id` crosses templates
 */
export function externalizeReferences(resources: readonly ArmResource[], ids: ReadonlyMap<string, string>): ArmResource[] {
  const value = (v: ArmValue): ArmValue => {
    if (v instanceof ArmReference) {
      const id = ids.get(v.logicalId);
      if (id === undefined) return v;
      if (v.attribute !== 'id') throw new Error(`the ${v.attribute} of ${v.logicalId} cannot cross templates`);
      return v.child ? `${id}/${v.child.type}/${v.child.name}` : id;
    }
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
    name: r.name.map(value),
    scope: r.scope === undefined ? undefined : value(r.scope),
    properties: value(r.properties) as ArmResource['properties'],
    dependsOn: r.dependsOn?.filter((d) => !ids.has(d)),
  }));
}
