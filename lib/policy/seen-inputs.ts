import type { PolicyResource } from '@pulumi/policy/policy';
import { NotExamined } from '../core/description/described-resource';

/**
 * Pulumi runs the resource policies on each resource's inputs as the program
 * registers it, and the stack policies once every resource is registered, on
 * each resource's outputs: its state after the update, or the provider's
 * preview of it. Outputs have another shape (an azure-native resource has no
 * resource group or name arguments there, and a generic resource has no
 * provider namespace, parent path or type arguments), so the pack's stack
 * policies read the inputs its resource policies were given in the same
 * process, never outputs as if they were inputs.
 * @see https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step_generator.go (AnalyzeResources: "AnalyzeStack is called on the final outputs of each resource")
 */
const seen = new Map<string, Record<string, unknown>>();
/** More resources than any stack holds: a long-lived process does not grow without bound. */
const MAX_REMEMBERED = 100_000;

/**
 * Keeps the inputs a resource policy was given for the resource `urn`.
 * @internal
 */
export function rememberInputs(urn: string, props: Record<string, unknown>): void {
  if (seen.size >= MAX_REMEMBERED && !seen.has(urn)) seen.clear();
  seen.set(urn, props);
}

/** Types the pack reads (azure-native and the classic azure provider): one whose inputs were not seen leaves the stack not read whole. */
const READ_PACKAGES = /^azure(-native)?:/;

/**
 * The stack's resources with the inputs the resource policies were given in
 * place of their outputs, and the resources of a type the pack reads whose
 * inputs no resource policy was given (a resource read with `.get()`, or a
 * process that ran only the stack policies): not examined, so that nothing
 * is passed on their absence.
 * @internal
 */
export function withSeenInputs<R extends Pick<PolicyResource, 'type' | 'name' | 'urn' | 'props'>>(resources: readonly R[]): { readonly resources: R[]; readonly unseen: NotExamined[] } {
  const read: R[] = [];
  const unseen: NotExamined[] = [];
  for (const r of resources) {
    const inputs = seen.get(r.urn);
    if (inputs) read.push({ ...r, props: inputs });
    else if (READ_PACKAGES.test(r.type)) {
      unseen.push({ at: { document: r.urn, pointer: '' }, what: `the ${r.type} "${r.name}"`, reason: "the pack's resource policies were not given its inputs, and a stack policy sees a resource's outputs, which are not read as inputs" });
    }
  }
  return { resources: read, unseen };
}
