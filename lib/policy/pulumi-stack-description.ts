import type { PolicyResource } from '@pulumi/policy/policy';
import { describedFromAudited } from '../core/audit/described-from-audited';
import { AuditedResource } from '../core/audit/audited-resource';
import { DescribedDeployment, describeDeployment } from '../core/description/cluster-description';
import { DescribedResource, NotExamined } from '../core/description/described-resource';
import { describeClassicAzureResource } from '../core/readers/pulumi/classic-azure-resource';
import { describeAsAzure, unreadableGeneric } from './pulumi-resource-description';

/**
 * What the pack reads of a Pulumi resource: its type token, name, inputs and URN.
 * @internal
 */
export type StackResource = Pick<PolicyResource, 'type' | 'name' | 'props' | 'urn'>;

/**
 * A Pulumi resource as the rules read it: azure-native (typed or generic,
 * given as `azure` when already read) or the classic `@pulumi/azure`
 * provider; undefined for a resource the rules do not read.
 * @internal
 */
export function describePulumiResource(r: StackResource, azure: AuditedResource | undefined = describeAsAzure(r.type, r.name, r.props)): DescribedResource | undefined {
  if (azure) return describedFromAudited(azure, { document: r.urn, pointer: '' });
  return describeClassicAzureResource(r.type, r.name, r.props, r.urn);
}

/**
 * A stack's resources, each with what it was read as.
 * @internal
 */
export type DescribedStackResources<R extends StackResource> = readonly { readonly r: R; readonly azure: AuditedResource | undefined; readonly d: DescribedResource | undefined }[];

/**
 * Each of a stack's resources as the rules read it.
 * @internal
 */
export function describeStackResources<R extends StackResource>(resources: readonly R[]): DescribedStackResources<R> {
  return resources.map((r) => {
    const azure = describeAsAzure(r.type, r.name, r.props);
    return { r, azure, d: describePulumiResource(r, azure) };
  });
}

/**
 * A stack's resources as one whole deployment (a resource absent from the
 * stack is absent), each with what it was read as: the description the stack
 * policies judge, and that any other front end judges the same stack on.
 * @internal
 */
export function describePulumiStack<R extends StackResource>(
  resources: readonly R[],
  described: DescribedStackResources<R> = describeStackResources(resources),
  unseen: readonly NotExamined[] = [],
): { readonly described: DescribedStackResources<R>; readonly deployment: DescribedDeployment } {
  // A generic resource whose type is not known yet may be one the rules read (a Flux configuration on a cluster).
  const notExamined = [...unseen, ...described.flatMap(({ r }) => {
    const reason = unreadableGeneric(r.type, r.props);
    return reason ? [{ at: { document: r.urn, pointer: '' }, what: `the generic resource "${r.name}"`, reason }] : [];
  })];
  const deployment = describeDeployment([{ resources: described.flatMap((x) => (x.d ? [x.d] : [])), notExamined, problems: [], wholeDeployment: true }]);
  return { described, deployment };
}
