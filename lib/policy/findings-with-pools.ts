import type { PolicyResource } from '@pulumi/policy/policy';
import { ClusterDescription } from '../core/description/cluster-description';
import { DescribedResource } from '../core/description/described-resource';
import { isDocumentLocation } from '../core/description/fact';
import { Violation } from '../core/validation/violation';

/**
 * A finding of a rule of node pools on a cluster together with its pools
 * declared as their own resources, which no resource policy reports.
 * @internal
 */
export interface FindingWithPools {
  /** The cluster it was found on (an exemption of the cluster covers it). */
  readonly cluster: PolicyResource;
  /** The resource the finding is located in: the separate pool whose setting it is, else the cluster. */
  readonly on: PolicyResource;
  readonly violation: Violation;
}

/**
 * What a rule found on a cluster with its separate pools that the resource
 * policies do not report: each finding not among those of the same rule, at
 * the same property, value and place, on the cluster alone or on one of its
 * pools alone. The rule's resource policy reports those, so reporting them
 * again would count one problem twice.
 * @param cluster the cluster, with the pools declared as their own resources in the stack
 * @param resourceOf the stack's resource each described resource was read from
 * @param found the findings of the rules of node pools on the cluster with its pools
 * @param alone what the resource policies find on one resource read alone
 * @internal
 */
export function findingsWithPools(
  cluster: ClusterDescription,
  resourceOf: (d: DescribedResource) => PolicyResource,
  found: readonly Violation[],
  alone: (r: PolicyResource) => readonly Violation[],
): FindingWithPools[] {
  if (found.length === 0) return [];
  const clusterResource = resourceOf(cluster.resource);
  const read = [clusterResource, ...cluster.poolResources.map(resourceOf)];
  const reported = new Set(read.flatMap((r) => alone(r)).map(sameFinding));
  const byUrn = new Map(read.map((r) => [r.urn, r]));
  return found
    .filter((v) => !reported.has(sameFinding(v)))
    .map((violation) => ({ cluster: clusterResource, on: (violation.at && isDocumentLocation(violation.at) && byUrn.get(violation.at.document)) || clusterResource, violation }));
}

/** What makes two findings one: the rule, the property and value found, and where (the resource's URN and the JSON pointer). */
function sameFinding(v: Violation): string {
  const at = v.at && isDocumentLocation(v.at) ? `${v.at.document}#${v.at.pointer}` : '';
  // The values are read from a resource's JSON inputs, so JSON tells them apart.
  return [v.rule.id, v.property, JSON.stringify(v.value) ?? 'undefined', at].join('\n');
}
