import { ParsedResourceId, parseResourceId } from '../arm/resource-id';
import { REST_NAMES_BY_LOWERCASE } from '../readers/azure-json/rest-names';
import { DescribedResource } from '../description/described-resource';
import { shellWord } from './shell-word';

/**
 * The Azure resource a fact was read from, as far as the input names it.
 * @category Evidence
 */
export interface AzureRecheckTarget {
  readonly kind: 'azure';
  /** The full ARM type, e.g. `Microsoft.ContainerService/managedClusters`. */
  readonly type: string;
  /**
   * The ARM name (`parent/child` for a child resource).
   * @default - a shell variable the auditor sets (`RESOURCE_NAME`)
   */
  readonly name?: string;
  /**
   * The resource id, where the input gives it (live state): it names the resource group and the name.
   * @default - the resource group is a shell variable the auditor sets (`RESOURCE_GROUP`)
   */
  readonly id?: string;
  /**
   * The resource group, where the input gives it without an id.
   * @default - the id's, else a shell variable the auditor sets (`RESOURCE_GROUP`)
   */
  readonly resourceGroup?: string;
  /**
   * The API version the resource was written or read at (`az resource show` reads at it).
   * @default - the Azure CLI's choice
   */
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
  /** @default - a cluster-scoped object */
  readonly namespace?: string;
}

/**
 * The Kubernetes objects that carry a label, in every namespace: what a definition becomes in a cluster.
 * @category Evidence
 */
export interface KubernetesSelectionRecheckTarget {
  readonly kind: 'kubernetes-selection';
  /** The kinds as kubectl names them, e.g. `destinationrules.networking.istio.io`. */
  readonly resources: readonly string[];
  /**
   * The label and its value, e.g. `['secure-aks.io/link', 'payments']`.
   * @default - every object of those kinds
   */
  readonly label?: readonly [string, string];
}

/**
 * The child resources of an Azure resource that decide who reaches it or acts
 * as it: the virtual network links of a private DNS zone, the peerings of a
 * virtual network, or the federated credentials of a user-assigned identity.
 * @category Evidence
 */
export interface AzureChildrenRecheckTarget {
  readonly kind: 'azure-children';
  readonly children: 'private-dns-zone-links' | 'virtual-network-peerings' | 'federated-identity-credentials';
  /** The zone's, network's or identity's id, where the input gives it. */
  readonly parentId?: string;
  /** The zone's, network's or identity's name, where the input gives it without an id. */
  readonly parentName?: string;
  /** The zone's, network's or identity's resource group, where the input gives it without an id. */
  readonly resourceGroup?: string;
}

/**
 * An extension of a managed cluster (the `microsoft.flux` extension is `flux`).
 * @category Evidence
 */
export interface ClusterExtensionRecheckTarget {
  readonly kind: 'cluster-extension';
  /** The extension's name on the cluster. */
  readonly name: string;
  /** The cluster's id, where the input gives it. */
  readonly clusterId?: string;
  /** The cluster's name, where the input gives it without an id. */
  readonly clusterName?: string;
  /** The cluster's resource group, where the input gives it without an id. */
  readonly resourceGroup?: string;
}

/**
 * What a recheck reads.
 * @category Evidence
 */
export type RecheckTarget = AzureRecheckTarget | KubernetesRecheckTarget | KubernetesSelectionRecheckTarget | AzureChildrenRecheckTarget | ClusterExtensionRecheckTarget;

/**
 * A value the input does not give, as a shell variable the auditor sets
 * (`RESOURCE_GROUP=rg-payments`). Never `<...>`, which a shell pasted into
 * would read as a redirection and write a file.
 */
function shellVariable(name: string): string {
  return `"$${name}"`;
}

/**
 * Where a resource group is needed and the input does not say it.
 * @category Evidence
 */
export const RESOURCE_GROUP_PLACEHOLDER = shellVariable('RESOURCE_GROUP');

/**
 * Where the input does not give the resource's name (a template expression).
 * @category Evidence
 */
export const RESOURCE_NAME_PLACEHOLDER = shellVariable('RESOURCE_NAME');

/**
 * The one place a command that re-checks a fact on the live system is formed,
 * for every report that prints one (the evidence, the reachability statement,
 * the audit): it prints the value at one or more REST paths of an Azure
 * resource (`properties.apiServerAccessProfile.enablePrivateCluster`), or at
 * field paths of a Kubernetes object (`spec.wireguardEnabled`).
 *
 * - An Azure resource, a managed cluster included: `az resource show`, which
 *   prints the resource as the REST API returns it at the API version read
 *   (`--api-version`; without one, the CLI takes the type's newest non-preview
 *   version), so the query is the REST path itself. (`az aks show` would print
 *   its SDK's names, camel-cased and beside the envelope, and null for any
 *   property newer than the user's CLI.)
 * - The children that decide who reaches a zone or network, and the federated
 *   credentials of an identity: the Azure CLI's own `list` commands.
 * - A cluster extension (Flux): `az k8s-extension show` of the cluster's extension.
 * - A Kubernetes object: `kubectl get` with a JSONPath of the fields.
 *
 * Every word from the input is quoted for a POSIX shell; what the input does
 * not name is a shell variable the auditor sets.
 * @see https://learn.microsoft.com/cli/azure/resource#az-resource-show
 * @see https://learn.microsoft.com/cli/azure/identity/federated-credential#az-identity-federated-credential-list
 * @see https://learn.microsoft.com/cli/azure/k8s-extension#az-k8s-extension-show
 * @see https://learn.microsoft.com/cli/azure/query-azure-cli
 * @see https://kubernetes.io/docs/reference/kubectl/jsonpath/
 * @category Evidence
 */
export function recheckCommand(target: RecheckTarget, paths: string | readonly string[] = []): string {
  const list = typeof paths === 'string' ? (paths === '' ? [] : [paths]) : paths;
  switch (target.kind) {
    case 'kubernetes': {
      const namespace = target.namespace ? ` --namespace ${shellWord(target.namespace)}` : '';
      const output = list.length === 0 ? 'yaml' : `jsonpath=${list.map((p) => `{${kubectlJsonPath(p)}}`).join('{"\\n"}')}`;
      return `kubectl get ${shellWord(target.resource)} ${shellWord(target.name)}${namespace} -o ${shellWord(output)}`;
    }
    case 'kubernetes-selection':
      return `kubectl get ${shellWord(target.resources.join(','))} --all-namespaces${target.label ? ` --selector ${shellWord(`${target.label[0]}=${target.label[1]}`)}` : ''} -o yaml`;
    case 'azure-children':
      return childrenCommand(target);
    case 'cluster-extension':
      return extensionCommand(target, list);
    case 'azure': {
      const where = target.id && parsedId(target.id) && !isTemplateId(target.id) ? `--ids ${shellWord(target.id)}` : resourceByName(target);
      const version = target.apiVersion ? ` --api-version ${shellWord(target.apiVersion)}` : '';
      return `az resource show ${where}${version}${query(list.map((p) => spelledOnce(REST_PATHS, p, jmesPath)))}`;
    }
  }
}

/**
 * The resource a description read, as a recheck reads it.
 * @internal
 */
export function describedRecheckTarget(r: DescribedResource): AzureRecheckTarget {
  return { kind: 'azure', type: r.type, ...(typeof r.name === 'string' ? { name: r.name } : {}), ...(typeof r.id === 'string' ? { id: r.id } : {}), ...(r.apiVersion ? { apiVersion: r.apiVersion } : {}) };
}

/** The last id parsed, and what it gave: the commands that re-check a resource's facts name it one after the other. */
let lastParsed: { readonly id: string; readonly parsed: ParsedResourceId | undefined } | undefined;

/** {@link parseResourceId}, parsing an id once for the commands formed one after the other on its resource. */
function parsedId(id: string): ParsedResourceId | undefined {
  if (lastParsed?.id !== id) lastParsed = { id, parsed: parseResourceId(id) };
  return lastParsed.parsed;
}

/** A template's id names its deployment's subscription and group symbolically (`(resourceGroup)`): not an id to give az. */
function isTemplateId(id: string): boolean {
  return /\(\w+\)/.test(id);
}

/** The resource group an id names (else the one given), or the shell variable where neither names one (a template deploys to any). */
function groupOf(id: string | undefined, given?: string, parsed = id ? parsedId(id) : undefined): string {
  const group = parsed?.resourceGroup ?? given;
  return group === undefined || isTemplateId(group) ? RESOURCE_GROUP_PLACEHOLDER : shellWord(group);
}

/** `--resource-group ... --name ...` with the type (a child resource by its parent). */
function resourceByName(target: AzureRecheckTarget): string {
  const [namespace, ...types] = target.type.split('/');
  const group = `--resource-group ${groupOf(target.id, target.resourceGroup)}`;
  const name = target.name ?? nameInId(target.id);
  if (name === undefined) return `${group} --name ${RESOURCE_NAME_PLACEHOLDER} --resource-type ${shellWord(target.type)}`;
  const names = name.split('/');
  if (types.length <= 1 || names.length !== types.length) return `${group} --name ${shellWord(name)} --resource-type ${shellWord(target.type)}`;
  const parent = types.slice(0, -1).map((t, i) => `${t}/${names[i]}`).join('/');
  return `${group} --namespace ${shellWord(namespace)} --parent ${shellWord(parent)} --resource-type ${shellWord(types[types.length - 1])} --name ${shellWord(names[names.length - 1])}`;
}

/** The resource's name (`parent/child` for a child) in an id, unless the id is a template's symbolic one. */
function nameInId(id: string | undefined): string | undefined {
  const names = id ? parseResourceId(id)?.names : undefined;
  return names && !names.some(isTemplateId) ? names.join('/') : undefined;
}

/** The zone links, peerings or federated credentials, listed as a table by the Azure CLI's own commands. */
function childrenCommand(target: AzureChildrenRecheckTarget): string {
  const parsed = target.parentId ? parsedId(target.parentId) : undefined;
  const name = parsed && !isTemplateId(parsed.names[0]) ? parsed.names[0] : target.parentName;
  const group = groupOf(target.parentId, target.resourceGroup);
  if (target.children === 'private-dns-zone-links') {
    return `az network private-dns link vnet list --resource-group ${group} --zone-name ${name ? shellWord(name) : shellVariable('ZONE_NAME')} --output table`;
  }
  if (target.children === 'federated-identity-credentials') {
    return `az identity federated-credential list --resource-group ${group} --identity-name ${name ? shellWord(name) : shellVariable('IDENTITY_NAME')} --output table`;
  }
  return `az network vnet peering list --resource-group ${group} --vnet-name ${name ? shellWord(name) : shellVariable('VNET_NAME')} --output table`;
}

/**
 * `az k8s-extension show` of a cluster's extension (the `k8s-extension` extension of the Azure CLI): it prints
 * the extension's properties beside its envelope, as the REST API names them (`version`, `currentVersion`).
 */
function extensionCommand(target: ClusterExtensionRecheckTarget, paths: readonly string[]): string {
  const parsed = target.clusterId ? parseResourceId(target.clusterId) : undefined;
  const cluster = parsed && !isTemplateId(parsed.names[0]) ? parsed.names[0] : target.clusterName;
  const group = groupOf(target.clusterId, target.resourceGroup);
  return `az k8s-extension show --resource-group ${group} --cluster-name ${cluster ? shellWord(cluster) : shellVariable('CLUSTER_NAME')} --cluster-type managedClusters --name ${shellWord(target.name)}${query(paths.map(jmesPath))}`;
}

/** Each query of several paths, formed once: the reports re-check the same paths on every cluster. */
const QUERIES = new Map<string, string>();

/** ` --query ...`: one path as it is, several as a JMESPath multiselect hash keyed by each path's last name. */
function query(expressions: readonly string[]): string {
  if (expressions.length < 2) return multiselect(expressions);
  const key = JSON.stringify(expressions);
  let found = QUERIES.get(key);
  if (found === undefined) {
    found = multiselect(expressions);
    if (QUERIES.size < 1_000) QUERIES.set(key, found);
  }
  return found;
}

function multiselect(expressions: readonly string[]): string {
  if (expressions.length === 0) return '';
  if (expressions.length === 1) return ` --query ${shellWord(expressions[0])}`;
  const used = new Set<string>();
  const fields = expressions.map((e, i) => {
    const last = /([A-Za-z_][A-Za-z0-9_]*)"?(\[\d*\])*$/.exec(e)?.[1] ?? `value${i}`;
    const key = used.has(last) ? `${last}${i}` : last;
    used.add(key);
    return `${key}: ${e}`;
  });
  return ` --query ${shellWord(`{${fields.join(', ')}}`)}`;
}

/** Each path as `jmesPath` spelled it: a tenant's audit spells the same few paths for every cluster. */
const REST_PATHS = new Map<string, string>();

/** `spell(path)`, remembered in `known` (the paths come from the library's code; the bound only guards against a caller that builds them). */
function spelledOnce(known: Map<string, string>, path: string, spell: (path: string) => string): string {
  let found = known.get(path);
  if (found === undefined) {
    found = spell(path);
    if (known.size < 1_000) known.set(path, found);
  }
  return found;
}

/** Every element of an array (`agentPoolProfiles[].vnetSubnetID`). */
const EVERY = -1;

/** The segments of a REST path: names, array indices, and {@link EVERY}. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d*)\]/g)) out.push(m[2] !== undefined ? (m[2] === '' ? EVERY : Number(m[2])) : m[1]);
  return out;
}

/** Segments as a JMESPath expression, each name spelled by `spell`. */
function jmesPathOf(parts: ReadonlyArray<string | number>, spell: (name: string) => string): string {
  return parts
    .map((s, i) => {
      if (typeof s === 'number') return s === EVERY ? '[]' : `[${s}]`;
      const name = spell(s);
      const word = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      return i === 0 ? word : `.${word}`;
    })
    .join('');
}

/** A name as the REST API returns it (a template may write it in any casing). */
function restName(name: string): string {
  return REST_NAMES_BY_LOWERCASE[name.toLowerCase()] ?? name;
}

/**
 * A REST path as a JMESPath expression, each name spelled as the REST API returns it.
 * @internal
 */
export function jmesPath(path: string): string {
  return jmesPathOf(segments(path), restName);
}

/** A field path as kubectl's JSONPath (`.spec.wireguardEnabled`). */
function kubectlJsonPath(path: string): string {
  return segments(path)
    .map((s) => (typeof s === 'number' ? (s === EVERY ? '[*]' : `[${s}]`) : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(s) ? `.${s}` : `['${s.replace(/'/g, "\\'")}']`))
    .join('');
}
