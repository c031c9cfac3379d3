import type { Policies, PolicyResource } from '@pulumi/policy/policy';

/**
 * A pack's policies in the order Pulumi's engine runs them: every resource
 * policy as each resource is registered (on its inputs), then every stack
 * policy once all are registered (on its outputs).
 * @see https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step_generator.go
 */
export function inAnalyzerOrder(pack: Policies): Policies {
  return [...pack.filter((p) => !('validateStack' in p)), ...pack.filter((p) => 'validateStack' in p)];
}

/**
 * What a stack policy is handed for a resource: its outputs, not its inputs.
 * A stand-in holding none of the inputs, so that a stack policy that read
 * them as inputs would find nothing.
 */
export function asOutputs<R extends Pick<PolicyResource, 'name' | 'props'>>(r: R): R {
  return { ...r, props: { name: r.name, provisioningState: 'Succeeded' } };
}
