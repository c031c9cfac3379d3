import { DescribedResource, DocumentLocation, NotExamined, recordPointer } from '../../description/described-resource';
import { UnknownValue } from '../../description/unknown-value';
import { KNOWN_AFTER_APPLY } from './terraform-values';

type Json = Record<string, unknown>;

/** The AKS types an `azapi_resource` is read as: its `body` is already the REST payload. */
const AKS_TYPES = ['microsoft.containerservice/managedclusters', 'microsoft.containerservice/managedclusters/agentpools'];

/**
 * An `azapi_resource` of an AKS type (`type = "<ARM type>@<API version>"`):
 * its `body` (an object, or a JSON string in azapi 1) is the REST payload,
 * with `name`, `location`, `tags` and `identity` beside it; a pool's name is
 * prefixed with its cluster's (from `parent_id`). Other azapi resources are
 * not read; an AKS one whose body is not known is not examined.
 * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource
 */
export function describeAzapiResource(values: Json, address: string, at: DocumentLocation): DescribedResource | NotExamined | undefined {
  const typeAndVersion = typeof values.type === 'string' ? values.type : undefined;
  const [type, apiVersion] = typeAndVersion ? typeAndVersion.split('@') : [undefined, undefined];
  if (!type || !AKS_TYPES.includes(type.toLowerCase())) return undefined;
  const body = parsedBody(values.body);
  if (!body) return { at, what: `the azapi_resource ${address} (${type})`, reason: values.body instanceof UnknownValue ? 'its body is known only after apply' : 'its body is not a JSON object' };
  recordPointer(body, `${at.pointer}/values/body`);
  const name = typeof values.name === 'string' || values.name instanceof UnknownValue ? values.name : new UnknownValue('name is not known');
  const isPool = type.toLowerCase().endsWith('/agentpools');
  const parent = typeof values.parent_id === 'string' ? /\/managedClusters\/([^/]+)$/i.exec(values.parent_id)?.[1] : undefined;
  const identity = Array.isArray(values.identity) && values.identity.length > 0 ? values.identity[0] : undefined;
  return {
    type,
    apiVersion,
    name: isPool ? (parent && typeof name === 'string' ? `${parent}/${name}` : new UnknownValue('its cluster is not known', `${String(values.parent_id)}/${name.toString()}`)) : name,
    id: typeof values.id === 'string' || values.id instanceof UnknownValue ? values.id : new UnknownValue(KNOWN_AFTER_APPLY, `${address}.id`),
    body: {
      ...body,
      ...(values.location !== undefined && values.location !== null ? { location: values.location } : {}),
      ...(isRecord(values.tags) ? { tags: values.tags } : {}),
      ...(isRecord(identity) ? { identity: { type: identity.type, userAssignedIdentities: identityIds(identity.identity_ids) } } : {}),
    },
    origin: at,
  };
}

function parsedBody(body: unknown): Json | undefined {
  if (isRecord(body)) return body;
  if (typeof body !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function identityIds(ids: unknown): unknown {
  if (ids instanceof UnknownValue) return ids;
  return Array.isArray(ids) && ids.length > 0 ? Object.fromEntries(ids.map((id) => [String(id), {}])) : undefined;
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof UnknownValue);
}
