import * as pulumi from '@pulumi/pulumi';
import { STAND_IN_STATE } from './pulumi-classic-stand-ins';

/** The subscription of the ids the mocks give. */
export const CLASSIC_SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';

/** A resource a classic-provider program registered under the mocks. */
export interface RegisteredResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  /** The URN the policy pack would see (without parent types: the mocks are not given them). */
  readonly urn: string;
}

/** Azure-like ids for a program's classic resources, so that references between them are real ids. */
export function classicAzureId(type: string, name: string, inputs: Record<string, any>): string {
  const rg = `/subscriptions/${CLASSIC_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName ?? 'rg'}`;
  switch (type) {
    case 'azure:core/resourceGroup:ResourceGroup':
      return `/subscriptions/${CLASSIC_SUBSCRIPTION}/resourceGroups/${name}`;
    case 'azure:network/virtualNetwork:VirtualNetwork':
      return `${rg}/providers/Microsoft.Network/virtualNetworks/${name}`;
    case 'azure:network/subnet:Subnet':
      return `${rg}/providers/Microsoft.Network/virtualNetworks/${inputs.virtualNetworkName}/subnets/${name}`;
    case 'azure:containerservice/kubernetesCluster:KubernetesCluster':
      return `${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`;
    case 'azure:authorization/assignment:Assignment':
      return `${inputs.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
    default:
      return `${name}-id`;
  }
}

/**
 * What Azure returns for the outputs the corpus programs read (connection
 * strings in their documented formats, with placeholder keys), by type token.
 * @see https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string
 * @see https://learn.microsoft.com/azure/cosmos-db/mongodb/connect-account
 */
const AZURE_OUTPUTS: Readonly<Record<string, (name: string) => Record<string, string>>> = {
  'azure:storage/account:Account': (name) => ({ primaryConnectionString: `DefaultEndpointsProtocol=https;AccountName=${name};AccountKey=cGxhY2Vob2xkZXI=;EndpointSuffix=core.windows.net` }),
  'azure:cosmosdb/account:Account': (name) => ({ primaryMongodbConnectionString: `mongodb://${name}:cGxhY2Vob2xkZXI=@${name}.mongo.cosmos.azure.com:10255/?ssl=true` }),
  'azure:containerservice/registry:Registry': (name) => ({ loginServer: `${name}.azurecr.io`, adminUsername: name, adminPassword: 'placeholder' }),
};

/**
 * Installs Pulumi mocks that record every resource a program registers:
 * classic Azure resources get Azure-like ids, the stand-ins of packages not
 * installed get their outputs, the outputs the programs read get Azure's,
 * and bridged resources without `name` are named from their logical name, as
 * the provider names them. Helm's `template` call
 * (a v3 Chart renders on the client) renders nothing: the chart's objects are
 * not cluster verdicts. `config` is the stack's configuration, by key.
 */
export async function installClassicProgramMocks(config: Readonly<Record<string, string>> = {}): Promise<RegisteredResource[]> {
  const registered: RegisteredResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs, urn: `urn:pulumi:stack::project::${args.type}::${args.name}` });
        const state = { name: args.name, ...args.inputs, ...(STAND_IN_STATE[args.type] ?? {}), ...(AZURE_OUTPUTS[args.type]?.(args.name) ?? {}) };
        return { id: classicAzureId(args.type, args.name, args.inputs), state };
      },
      call(args) {
        if (args.token === 'kubernetes:helm:template') return { result: [] };
        throw new Error(`unexpected call ${args.token}`);
      },
    },
    'project',
    'stack',
    false,
  );
  for (const [key, value] of Object.entries(config)) pulumi.runtime.setConfig(`project:${key}`, value);
  return registered;
}

/**
 * Waits until a program has registered all its resources: nothing new for
 * `quietMs` (a program's exports need not resolve under mocks, e.g. an output
 * the mocks do not fill).
 */
export async function registrationsSettled(registered: readonly unknown[], quietMs = 200): Promise<void> {
  let seen = -1;
  while (seen !== registered.length) {
    seen = registered.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}
