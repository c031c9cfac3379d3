import { ArmResource } from './arm-resource';
import { mapReferences } from './map-references';

/**
 * The resources with every reference to a resource of another template
 * replaced by that resource's literal id (`ids`, by logical id), and ordering
 * on such resources dropped: a template can only order and reference its own
 * resources. The Pulumi adapter registers the same resources with the
 * references intact, so the graph orders them.
 * @throws Error when a reference to an attribute other than `id` crosses templates
 * @internal
 */
export function externalizeReferences(resources: readonly ArmResource[], ids: ReadonlyMap<string, string>): ArmResource[] {
  return mapReferences(resources, {
    reference: (ref) => {
      const id = ids.get(ref.logicalId);
      if (id === undefined) return ref;
      if (ref.attribute !== 'id') throw new Error(`the ${ref.attribute} of ${ref.logicalId} cannot cross templates`);
      return ref.child ? `${id}/${ref.child.type}/${ref.child.name}` : id;
    },
    dependsOn: (d) => (ids.has(d) ? undefined : d),
  });
}
