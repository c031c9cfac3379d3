import { ArmReference } from './arm-expression';
import { ArmResource } from './arm-resource';
import { mapReferences } from './map-references';

/**
 * The resources with every logical id (and every reference to one) prefixed,
 * so that the models of several clusters can share one template.
 * @internal
 */
export function prefixResources(resources: readonly ArmResource[], prefix: string): ArmResource[] {
  const rename = (id: string) => `${prefix}${id}`;
  return mapReferences(resources, {
    reference: (ref) => new ArmReference(rename(ref.logicalId), ref.attribute, ref.child),
    logicalId: rename,
    dependsOn: rename,
  });
}
