import { DescribedResource } from '../../description/described-resource';
import { UnknownValue } from '../../description/unknown-value';
import { AttributeReader } from '../azurerm/attribute-reader';
import { AZURERM_RESOURCE_TYPES } from '../azurerm/azurerm-resource-types';
import { readableInputs } from './readable-inputs';

/** Why a classic Pulumi input is not known: an output of another resource during preview. */
export const KNOWN_AFTER_CREATE = 'known only after the resource is created';

/**
 * The value Pulumi's engine sends for an unknown output over its RPC (what a
 * mock or a serialized preview may hold in place of a value).
 * @see https://github.com/pulumi/pulumi/blob/master/sdk/nodejs/runtime/rpc.ts
 */
const UNKNOWN_SENTINEL = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

const BY_TOKEN = new Map(AZURERM_RESOURCE_TYPES.map((t) => [t.pulumiToken, t]));

/**
 * A classic `@pulumi/azure` resource (bridged from Terraform's azurerm
 * provider) as Azure describes it, through the same mapping as Terraform's
 * azurerm resources: `azure:containerservice/kubernetesCluster:KubernetesCluster`,
 * `.../kubernetesClusterNodePool:KubernetesClusterNodePool`, virtual networks,
 * subnets, private DNS zones, role assignments, diagnostic settings and locks.
 * Inputs Pulumi does not know yet (reading them throws under CrossGuard, or
 * they hold the engine's unknown sentinel) are unknown values. Undefined for a
 * token the rules do not read.
 * @param urn the resource's URN, when known: the document findings name
 * @see https://www.pulumi.com/registry/packages/azure/api-docs/containerservice/kubernetescluster/
 */
export function describeClassicAzureResource(token: string, name: string, inputs: Record<string, unknown>, urn?: string): DescribedResource | undefined {
  const known = BY_TOKEN.get(token);
  if (!known) return undefined;
  const values = knownCopy(inputs) as Record<string, unknown>;
  // A bridged resource without `name` is auto-named by the provider from the logical name: its name is
  // unknown, but stands for that resource (a node pool's ARM name still holds its cluster's).
  const named = 'name' in values ? values : { ...values, name: new UnknownValue(`auto-named by Pulumi from '${name}' at deployment`, `${token}::${name}`) };
  const mapped = known.map(new AttributeReader(named, '', 'pulumi'));
  const id = values.id;
  return {
    type: mapped.type,
    name: mapped.name,
    id: typeof id === 'string' || id instanceof UnknownValue ? id : undefined,
    scope: mapped.scope,
    body: mapped.body,
    origin: { document: urn ?? name, pointer: '' },
  };
}

/** The inputs as read: a value Pulumi does not know (it throws, or is the engine's sentinel) is an {@link UnknownValue}. */
function knownCopy(value: unknown): unknown {
  return readableInputs(value, () => new UnknownValue(KNOWN_AFTER_CREATE), (v) => v === UNKNOWN_SENTINEL);
}
