import { DescribedResource, DocumentReading, NotExamined, pointerToken, ReadProblem, recordPointer } from '../../description/described-resource';
import { isArmType } from '../../description/related-resources';

type Json = Record<string, unknown>;

const MANAGED_CLUSTER = 'Microsoft.ContainerService/managedClusters';

/** The top-level members of a resource that are not its properties (`az aks show` writes the properties beside them). */
const ENVELOPE = new Set(['id', 'name', 'type', 'apiversion', 'location', 'sku', 'identity', 'tags', 'extendedlocation', 'kind', 'systemdata', 'etag', 'resourcegroup', 'zones', 'plan', 'managedby', 'subscriptionid', 'tenantid']);

/** The forms of live state this reader takes. */
export type LiveStateForm = 'rest' | 'az-aks-show' | 'azure-resource-graph' | 'rest-example-request' | 'rest-example-response';

/**
 * Reads Azure's descriptions of live resources: a GET of the resource or
 * `az resource show` (REST shape), `az aks show` and `az aks list` (the
 * properties flattened beside the envelope), a REST list (`{ value: [...] }`),
 * Azure Resource Graph output (`az graph query`: `{ count, data, skip_token,
 * total_records }`, or the REST API's `{ totalRecords, count, data }`), and
 * Microsoft's REST API example files. Not a whole deployment: a cluster's
 * separate resources (diagnostic settings, locks) are not in it.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/get
 * @see https://learn.microsoft.com/cli/azure/graph#az-graph-query
 */
export function readAzureJson(document: unknown, name: string): DocumentReading {
  const resources: DescribedResource[] = [];
  const problems: ReadProblem[] = [];
  const notExamined: NotExamined[] = [];
  const at = (pointer: string) => ({ document: name, pointer });

  const visit = (value: unknown, pointer: string, form: LiveStateForm): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${pointer}/${i}`, form));
      return;
    }
    if (!isObject(value)) {
      problems.push({ at: at(pointer), message: 'not a JSON object' });
      return;
    }
    const list = listOf(value);
    if (list) {
      visit(list.items, `${pointer}/${list.key}`, list.key === 'data' ? 'azure-resource-graph' : form);
      return;
    }
    const resource = describe(value, at(pointer));
    if (resource) resources.push(resource);
    else problems.push({ at: at(pointer), message: 'not an Azure resource (no "type" and "name")' });
  };

  if (isObject(document) && isObject(document.parameters) && isObject(document.responses)) {
    readRestExample(document, name, resources, visit);
  } else {
    visit(document, '', 'rest');
  }
  return { resources, notExamined, problems, wholeDeployment: false };
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A list's items: REST's `value`, Resource Graph's `data`. */
function listOf(value: Json): { key: string; items: unknown[] } | undefined {
  if (typeof value.type === 'string') return undefined;
  for (const key of ['value', 'data']) if (Array.isArray(value[key])) return { key, items: value[key] as unknown[] };
  return undefined;
}

/** A resource in the REST shape, or flattened as `az aks show` writes it. */
function describe(value: Json, origin: { document: string; pointer: string }): DescribedResource | undefined {
  if (typeof value.type !== 'string' || (typeof value.name !== 'string' && typeof value.id !== 'string')) return undefined;
  let body: Json = value;
  if (!isObject(value.properties) && isArmType(value.type, MANAGED_CLUSTER)) {
    // `az aks show`: the properties sit beside the envelope, in the CLI's casing (found without regard to case).
    const properties = Object.fromEntries(Object.entries(value).filter(([k]) => !ENVELOPE.has(k.toLowerCase())));
    recordPointer(properties, origin.pointer);
    body = { ...value, properties };
  }
  const name = typeof value.name === 'string' ? value.name : String(value.id).split('/').pop()!;
  return {
    type: value.type,
    name,
    id: typeof value.id === 'string' ? value.id : undefined,
    apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : undefined,
    scope: typeof value.scope === 'string' ? value.scope : undefined,
    body,
    origin,
  };
}

/** Microsoft's REST API example files: the request body, or the response bodies when there is none. */
function readRestExample(document: Json, name: string, resources: DescribedResource[], visit: (v: unknown, pointer: string, form: LiveStateForm) => void): void {
  const p = document.parameters as Json;
  if (isObject(p.parameters) && isObject(p.parameters.properties) && typeof p.resourceName === 'string') {
    const id = typeof p.subscriptionId === 'string' && typeof p.resourceGroupName === 'string'
      ? `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/${MANAGED_CLUSTER}/${p.resourceName}`
      : undefined;
    resources.push({ type: MANAGED_CLUSTER, name: p.resourceName, id, apiVersion: typeof p['api-version'] === 'string' ? p['api-version'] : undefined, body: p.parameters, origin: { document: name, pointer: '/parameters/parameters' } });
    return;
  }
  for (const [code, response] of Object.entries(document.responses as Json)) {
    const body = isObject(response) ? response.body : undefined;
    if (!isObject(body)) continue;
    const base = `/responses/${pointerToken(code)}/body`;
    if (Array.isArray(body.value)) body.value.forEach((item, i) => isObject(item) && isArmType(item.type, MANAGED_CLUSTER) && visit(item, `${base}/value/${i}`, 'rest-example-response'));
    else if (isArmType(body.type, MANAGED_CLUSTER)) visit(body, base, 'rest-example-response');
  }
}
