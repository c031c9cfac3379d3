import { UnknownValue } from '../description/unknown-value';
import { findUnsafeCharacter } from '../validation/unsafe-characters';
import { AuditedCluster, AuditedResource, AzureDescriptionForm, isType, MANAGED_CLUSTER_TYPE } from './audited-resource';

/**
 * What was read from one document: clusters and other resources, or why nothing could be.
 * @category Audit
 */
export interface AzureDescription {
  readonly clusters: readonly AuditedCluster[];
  /** The document's other resources, for the clusters of every document audited together. */
  readonly resources: readonly AuditedResource[];
  /** Why (part of) the document cannot be audited: the input is unusable. */
  readonly problems: readonly string[];
}

type Json = Record<string, any>;

/**
 * Names `az aks show` writes differently from the REST API: the Azure CLI
 * camel-cases its SDK's attribute names, so acronyms lose their capitals
 * (`enableRbac` for `enableRBAC`). Keyed by the lowercase name. Checked
 * against the serialized names of Microsoft's `@azure/arm-containerservice`
 * models in the tests.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/get
 * @internal
 */
export const REST_NAMES_BY_LOWERCASE: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'enableRBAC',
    'nodeOSUpgradeChannel',
    'keyVaultNetworkAccess',
    'enableAzureRBAC',
    'privateDNSZone',
    'enablePrivateClusterPublicFQDN',
    'authorizedIPRanges',
    'dnsServiceIP',
    'enableNodePublicIP',
    'nodePublicIPPrefixID',
    'enableFIPS',
    'diskEncryptionSetID',
    'osSKU',
    'privateFQDN',
    'azurePortalFQDN',
    'vnetSubnetID',
    'podSubnetID',
    'managedOutboundIPs',
    'outboundIPs',
    'outboundIPPrefixes',
    'effectiveOutboundIPs',
    'enableUltraSSD',
    'hostGroupID',
    'proximityPlacementGroupID',
    'capacityReservationGroupID',
    'issuerURL',
    'resourceUID',
  ].map((name) => [name.toLowerCase(), name]),
);

/** The top-level members of a resource that are not its properties. */
const ENVELOPE = new Set(['id', 'name', 'type', 'apiVersion', 'location', 'sku', 'identity', 'tags', 'extendedLocation', 'kind', 'systemData', 'eTag', 'etag', 'resourceGroup', 'zones', 'plan', 'managedBy']);

/**
 * Reads a cluster as Azure describes it, in any of the forms of
 * {@link AzureDescriptionForm}: one document (the parsed JSON of a file).
 * Read-only members of a live cluster (`provisioningState`, `fqdn`,
 * `identityProfile`, ...) are kept as they are: no rule reads them as settings.
 * @category Audit
 */
export function readAzureDescription(document: unknown, source: string): AzureDescription {
  // Azure names and settings hold no control, bidirectional-override or zero-width character: a
  // document that does is not audited, so no report prints a string that spoofs its own lines.
  const unsafe = unsafeStrings(document, source);
  if (unsafe.length > 0) return { clusters: [], resources: [], problems: unsafe };
  const clusters: AuditedCluster[] = [];
  const resources: AuditedResource[] = [];
  const problems: string[] = [];
  const add = (r: AuditedResource, form: AzureDescriptionForm, at: string) => {
    if (isType(r.type, MANAGED_CLUSTER_TYPE)) clusters.push({ source: at, form, cluster: r, related: [] });
    else resources.push(r);
  };

  const visitRest = (value: unknown, at: string, form: AzureDescriptionForm) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visitRest(v, `${at}/${i}`, form));
      return;
    }
    if (!isObject(value)) {
      problems.push(`${at}: not a JSON object`);
      return;
    }
    if (Array.isArray(value.value) && value.type === undefined) {
      visitRest(value.value, `${at}/value`, form);
      return;
    }
    const resource = restResource(value);
    if (resource) add(resource.resource, resource.flattened ? 'az-aks-show' : form, at);
    else problems.push(`${at}: not an Azure resource (no "type" and "name", or no "properties")`);
  };

  if (Array.isArray(document)) {
    visitRest(document, `${source}#`, 'rest');
  } else if (!isObject(document)) {
    problems.push(`${source}: not a JSON object or array`);
  } else if (isTemplate(document)) {
    const template = readTemplate(document, source);
    template.resources.forEach(({ resource, at }) => add(resource, 'arm-template', at));
    problems.push(...template.problems);
  } else if (isObject(document.parameters) && isObject(document.responses)) {
    readRestExample(document, source, add, visitRest);
  } else {
    visitRest(document, source, 'rest');
  }
  if (clusters.length === 0 && problems.length === 0) {
    problems.push(`${source}: no managed cluster (${MANAGED_CLUSTER_TYPE}) in this document`);
  }
  return { clusters, resources, problems };
}

/**
 * Puts the clusters of several documents with every document's other
 * resources: files given together are audited as one deployment.
 * @internal
 */
export function auditedTogether(descriptions: readonly AzureDescription[]): AuditedCluster[] {
  const related = descriptions.flatMap((d) => d.resources);
  const clusters = descriptions.flatMap((d) => d.clusters);
  return clusters.map((c) => ({ ...c, related: [...related, ...clusters.filter((o) => o !== c).map((o) => o.cluster)] }));
}

/** Where the document's keys and strings hold an unsafe character (the first ten). */
function unsafeStrings(document: unknown, source: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, at: string): void => {
    if (found.length >= 10) return;
    if (typeof value === 'string') {
      const bad = findUnsafeCharacter(value);
      if (bad) found.push(`${source}#${at}: ${bad} (Azure names and settings hold no such character; see SAKS-INPUT-002)`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${at}/${i}`));
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const bad = findUnsafeCharacter(k);
        if (bad) found.push(`${source}#${at}: a key with ${bad}`);
        else visit(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  visit(document, '');
  return found;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isTemplate(document: Json): boolean {
  return (typeof document.$schema === 'string' && /deploymentTemplate/i.test(document.$schema)) || (Array.isArray(document.resources) && 'contentVersion' in document);
}

/** A REST-shaped resource, or `az aks show`'s flattened one. */
function restResource(value: Json): { resource: AuditedResource; flattened: boolean } | undefined {
  if (typeof value.type !== 'string' || typeof value.name !== 'string') return undefined;
  if (isObject(value.properties)) return { resource: envelope(value, value.properties), flattened: false };
  if (!isType(value.type, MANAGED_CLUSTER_TYPE)) return undefined;
  // `az aks show`: the properties sit beside the envelope, in the CLI's casing.
  const properties = Object.fromEntries(Object.entries(value).filter(([k]) => !ENVELOPE.has(k)));
  return { resource: envelope(value, restNames(properties) as Json), flattened: true };
}

function envelope(value: Json, properties: Json): AuditedResource {
  return {
    id: typeof value.id === 'string' ? value.id : undefined,
    name: value.name,
    type: value.type,
    apiVersion: typeof value.apiVersion === 'string' ? value.apiVersion : undefined,
    location: typeof value.location === 'string' ? value.location : undefined,
    sku: isObject(value.sku) ? value.sku : undefined,
    identity: isObject(value.identity) ? restNames(value.identity) as Json : undefined,
    tags: isObject(value.tags) ? value.tags : undefined,
    scope: typeof value.scope === 'string' ? value.scope : undefined,
    properties,
  };
}

/**
 * `az aks show`'s names back to the REST API's, at every depth (map keys such as add-on names are left alone).
 * @internal
 */
export function restNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restNames);
  if (!isObject(value) || value instanceof UnknownValue) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [REST_NAMES_BY_LOWERCASE[k.toLowerCase()] ?? k, restNames(v)]));
}

/** Microsoft's REST API example files: the request body, and the response bodies when there is none. */
function readRestExample(
  document: Json,
  source: string,
  add: (r: AuditedResource, form: AzureDescriptionForm, at: string) => void,
  visitRest: (value: unknown, at: string, form: AzureDescriptionForm) => void,
): void {
  const p = document.parameters as Json;
  if (isObject(p.parameters) && isObject(p.parameters.properties) && typeof p.resourceName === 'string') {
    const id = typeof p.subscriptionId === 'string' && typeof p.resourceGroupName === 'string'
      ? `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/${MANAGED_CLUSTER_TYPE}/${p.resourceName}`
      : undefined;
    add(envelope({ ...p.parameters, id, name: p.resourceName, type: MANAGED_CLUSTER_TYPE, apiVersion: p['api-version'] }, p.parameters.properties), 'rest-example-request', `${source}#/parameters/parameters`);
    return;
  }
  for (const [code, response] of Object.entries(document.responses as Json)) {
    const body = isObject(response) ? response.body : undefined;
    if (!isObject(body)) continue;
    const items = Array.isArray(body.value) ? body.value : [body];
    items.forEach((item: unknown, i: number) => {
      const at = `${source}#/responses/${code}/body${Array.isArray(body.value) ? `/value/${i}` : ''}`;
      if (isObject(item) && isType(item.type, MANAGED_CLUSTER_TYPE)) visitRest(item, at, 'rest-example-response');
    });
  }
}

interface TemplateResources {
  readonly resources: { resource: AuditedResource; at: string }[];
  readonly problems: string[];
}

/**
 * The resources of an ARM template (or `az group export` output), nested
 * child resources included. Names and values that are a bare
 * `[parameters('x')]` or `[variables('x')]` are read from the parameter's
 * default value or the variable; any other expression stays as written, and
 * the rules that would need its value do not decide on it.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax
 */
function readTemplate(template: Json, source: string): TemplateResources {
  const parameters = isObject(template.parameters) ? template.parameters : {};
  const variables = isObject(template.variables) ? template.variables : {};
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const m = /^\[\s*(parameters|variables)\(\s*'([^']+)'\s*\)\s*\]$/.exec(value);
      if (!m) return value;
      const found = m[1] === 'parameters' ? (parameters[m[2]] as Json | undefined)?.defaultValue : variables[m[2]];
      return found === undefined || found === null ? value : resolve(found);
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const out: TemplateResources = { resources: [], problems: [] };
  const visit = (list: unknown, at: string, parent?: { type: string; name: string }) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      out.problems.push(`${at}: "resources" is not a list`);
      return;
    }
    list.forEach((raw, i) => {
      const here = `${at}/${i}`;
      if (!isObject(raw)) {
        out.problems.push(`${here}: not a JSON object`);
        return;
      }
      const r = resolve(raw) as Json;
      if (typeof r.type !== 'string' || typeof r.name !== 'string') {
        out.problems.push(`${here}: a resource without "type" and "name"`);
        return;
      }
      // A nested child resource's type and name are relative to its parent's.
      const type = parent && !r.type.includes('/') ? `${parent.type}/${r.type}` : r.type;
      const name = parent && !r.name.startsWith('[') && !r.name.includes('/') ? `${parent.name}/${r.name}` : r.name;
      out.resources.push({ resource: envelope({ ...r, type, name }, isObject(r.properties) ? r.properties : {}), at: here });
      visit(r.resources, `${here}/resources`, { type, name });
    });
  };
  visit(template.resources, `${source}#/resources`);
  return out;
}
