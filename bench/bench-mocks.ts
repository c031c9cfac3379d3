import * as pulumi from '@pulumi/pulumi';

/** The subscription the bench programs deploy into. */
export const BENCH_SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';

/**
 * Pulumi mocks for the bench programs: every resource is created with its
 * inputs as its state (and a principal id, which the library's role
 * assignments read), the client configuration names the bench subscription,
 * and credentials calls return a kubeconfig. `onResource` sees each registration.
 */
export async function installBenchMocks(onResource: (args: pulumi.runtime.MockResourceArgs) => void = () => undefined): Promise<void> {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        onResource(args);
        return { id: `${args.name}-id`, state: { ...args.inputs, properties: { ...(args.inputs.properties ?? {}), principalId: 'p' } } };
      },
      call(args) {
        if (args.token === 'azure-native:authorization:getClientConfig') return { subscriptionId: BENCH_SUBSCRIPTION };
        return { kubeconfigs: [{ value: Buffer.from('k').toString('base64') }] };
      },
    },
    'bench',
    'bench',
    false,
  );
}
