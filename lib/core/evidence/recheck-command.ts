import { shellWord } from '../reports/shell-word';
import { REST_NAMES_BY_LOWERCASE } from '../audit/read-azure-description';

/**
 * The Azure resource a fact was read from, as far as the input names it.
 * @category Evidence
 */
export interface AzureRecheckTarget {
  readonly kind: 'azure';
  /** The full ARM type, e.g. `Microsoft.ContainerService/managedClusters`. */
  readonly type: string;
  /** The ARM name (`parent/child` for a child resource). */
  readonly name?: string;
  /** The resource id, where the input gives it (live state): then no resource group is needed. */
  readonly id?: string;
  /** The API version the resource was written or read at. */
  readonly apiVersion?: string;
}

/**
 * A Kubernetes object a fact was read from.
 * @category Evidence
 */
export interface KubernetesRecheckTarget {
  readonly kind: 'kubernetes';
  /** The object's kind as kubectl names it, e.g. `felixconfigurations.crd.projectcalico.org`. */
  readonly resource: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * What a recheck reads: an Azure resource, or a Kubernetes object.
 * @category Evidence
 */
export type RecheckTarget = AzureRecheckTarget | KubernetesRecheckTarget;

/**
 * Where a resource group is needed and the input does not say it: a shell
 * variable the auditor sets (`RESOURCE_GROUP=rg-payments`). Never `<...>`, which
 * a shell pasted into would read as a redirection and write a file.
 * @category Evidence
 */
export const RESOURCE_GROUP_PLACEHOLDER = '"$RESOURCE_GROUP"';

/**
 * Where the input does not give the resource's name (a template expression): a shell variable too.
 * @category Evidence
 */
export const RESOURCE_NAME_PLACEHOLDER = '"$RESOURCE_NAME"';

/**
 * The command an auditor runs to print, on the live system, the value at a
 * REST path of a resource (`properties.apiServerAccessProfile.enablePrivateCluster`),
 * or at a field path of a Kubernetes object (`spec.wireguardEnabled`). Every
 * recheck in a report is made by this one function from the fact's path.
 *
 * Azure resources are read with `az resource show`, which prints the resource
 * as the REST API returns it, so the query is the REST path itself; `az aks
 * show` renames properties (`authorizedIPRanges` becomes `authorizedIpRanges`),
 * so a query written from a REST path would print nothing there.
 * @see https://learn.microsoft.com/cli/azure/resource#az-resource-show
 * @see https://learn.microsoft.com/cli/azure/query-azure-cli
 * @see https://kubernetes.io/docs/reference/kubectl/jsonpath/
 * @category Evidence
 */
export function recheckCommand(target: RecheckTarget, path: string): string {
  if (target.kind === 'kubernetes') {
    const namespace = target.namespace ? ` --namespace ${shellWord(target.namespace)}` : '';
    return `kubectl get ${shellWord(target.resource)} ${shellWord(target.name)}${namespace} -o ${shellWord(`jsonpath={${kubectlJsonPath(path)}}`)}`;
  }
  const where = target.id ? `--ids ${shellWord(target.id)}` : resourceByName(target);
  const version = target.apiVersion ? ` --api-version ${shellWord(target.apiVersion)}` : '';
  const query = path === '' ? '' : ` --query ${shellWord(jmesPath(path))}`;
  return `az resource show ${where}${version}${query}`;
}

/** `--resource-group ... --name ...` with the type (a child resource by its parent). */
function resourceByName(target: AzureRecheckTarget): string {
  const [namespace, ...types] = target.type.split('/');
  const group = `--resource-group ${RESOURCE_GROUP_PLACEHOLDER}`;
  if (target.name === undefined) return `${group} --name ${RESOURCE_NAME_PLACEHOLDER} --resource-type ${shellWord(target.type)}`;
  const names = target.name.split('/');
  if (types.length <= 1 || names.length !== types.length) return `${group} --name ${shellWord(target.name)} --resource-type ${shellWord(target.type)}`;
  const parent = types.slice(0, -1).map((t, i) => `${t}/${names[i]}`).join('/');
  return `${group} --namespace ${shellWord(namespace)} --parent ${shellWord(parent)} --resource-type ${shellWord(types[types.length - 1])} --name ${shellWord(names[names.length - 1])}`;
}

/** The segments of a REST path: names and array indices. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/**
 * A REST path as a JMESPath expression, each name spelled as the REST API returns it.
 * @internal
 */
export function jmesPath(path: string): string {
  return segments(path)
    .map((s, i) => {
      if (typeof s === 'number') return `[${s}]`;
      const name = REST_NAMES_BY_LOWERCASE[s.toLowerCase()] ?? s;
      const word = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      return i === 0 ? word : `.${word}`;
    })
    .join('');
}

/** A field path as kubectl's JSONPath (`.spec.wireguardEnabled`). */
function kubectlJsonPath(path: string): string {
  return segments(path)
    .map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(s) ? `.${s}` : `['${s.replace(/'/g, "\\'")}']`))
    .join('');
}

