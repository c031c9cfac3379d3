import { AZURE_NATIVE_TYPED_RESOURCES, AzureNativeTypedResource } from '../core/arm/azure-native-resources';
import { AuditedResource } from '../core/audit/audited-resource';
import { readableInputs } from '../core/readers/pulumi/readable-inputs';

type Json = Record<string, any>;

/**
 * A value Pulumi does not know yet (an output of another resource, during
 * preview). The payload rules treat it as they treat an ARM template
 * expression: not decided offline.
 * @internal
 */
export const UNKNOWN_VALUE = '[unknown until the resource is created]';

/**
 * The ARM type and name arguments of each typed azure-native resource, by
 * `<module>:<Resource>` (whatever the version module of its token), from the
 * table the Pulumi adapter registers them with.
 * @see https://www.pulumi.com/registry/packages/azure-native/api-docs/containerservice/managedcluster/
 */
const TYPED: Readonly<Record<string, AzureNativeTypedResource & { readonly type: string }>> = {
  ...Object.fromEntries(Object.entries(AZURE_NATIVE_TYPED_RESOURCES).map(([type, r]) => [r.token, { type, ...r }])),
  // azure-native 2 had the diagnostic setting in its insights module.
  'insights:DiagnosticSetting': { type: 'Microsoft.Insights/diagnosticSettings', ...AZURE_NATIVE_TYPED_RESOURCES['Microsoft.Insights/diagnosticSettings'] },
  // A Flux configuration written by hand: the GitOps source rules read it.
  'kubernetesconfiguration:FluxConfiguration': { type: 'Microsoft.KubernetesConfiguration/fluxConfigurations', token: 'kubernetesconfiguration:FluxConfiguration', nameArgs: ['fluxConfigurationName'] },
};

/** The inputs that name the cluster a typed cluster extension resource (extension, Flux configuration) is on. */
const CLUSTER_OF_EXTENSION = ['resourceGroupName', 'clusterRp', 'clusterResourceName', 'clusterName'];

/**
 * The cluster a typed `kubernetesconfiguration` resource is on, as a
 * template of one resource group writes its scope (`resourceId(type, name)`:
 * the stack's cluster of that type and name); {@link UNKNOWN_VALUE} while a
 * part is not known; undefined for other resources.
 * @see https://www.pulumi.com/registry/packages/azure-native/api-docs/kubernetesconfiguration/fluxconfiguration/
 */
function clusterScope(token: string, props: Json): string | undefined {
  if (!token.startsWith('kubernetesconfiguration:')) return undefined;
  const [group, rp, type, name] = CLUSTER_OF_EXTENSION.map((k) => props[k]);
  if ([group, rp, type, name].some((x) => x === UNKNOWN_VALUE)) return UNKNOWN_VALUE;
  if (![group, rp, type, name].every((x) => typeof x === 'string')) return undefined;
  return `[resourceId('${rp}/${type}', '${name}')]`;
}

/** Members of a typed resource's inputs that are not ARM `properties`. */
const ENVELOPE = new Set(['location', 'tags', 'identity', 'sku', 'extendedLocation', 'kind', 'resourceGroupName', 'id', 'urn']);

/** The typed resource's module and name, e.g. `containerservice:ManagedCluster`, whatever its version module. */
function typedKey(token: string): string | undefined {
  const m = /^azure-native:([a-z]+)(?:\/v[0-9a-z]+)?:([A-Za-z]+)$/.exec(token);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/**
 * A Pulumi resource's inputs as Azure describes the resource: `properties`
 * for the typed resource's flattened inputs, the generic
 * `azure-native:resources:Resource` read by its provider namespace and type.
 * Undefined for a resource the rules do not read.
 * @internal
 */
export function describeAsAzure(token: string, urnName: string, rawProps: Json): AuditedResource | undefined {
  const props = known(rawProps) as Json;
  if (token === 'azure-native:resources:Resource') return describeGeneric(urnName, props);
  const key = typedKey(token);
  const typed = key ? TYPED[key] : undefined;
  if (!typed) return undefined;
  const names = typed.nameArgs.map((n) => props[n]);
  const scope = typed.scopeArg ? props[typed.scopeArg] : clusterScope(key!, props);
  const properties = Object.fromEntries(
    Object.entries(props).filter(([k]) => !ENVELOPE.has(k) && !typed.nameArgs.includes(k) && k !== typed.scopeArg && !(key!.startsWith('kubernetesconfiguration:') && CLUSTER_OF_EXTENSION.includes(k))),
  );
  return {
    name: names.every((n) => typeof n === 'string') ? names.join('/') : urnName,
    type: typed.type,
    location: props.location,
    sku: props.sku,
    identity: props.identity,
    tags: props.tags,
    scope: typeof scope === 'string' ? scope : undefined,
    properties,
  };
}

/**
 * The generic resource as Azure describes it. Its `parentResourcePath` holds
 * the type and name pairs of its parents; an extension resource (a Flux
 * configuration on a cluster) has `providers/<its namespace>` there, after the
 * resource it is on: that resource is its scope, as a template writes it.
 * @see https://www.pulumi.com/registry/packages/azure-native/api-docs/resources/resource/
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-extension-resources
 */
function describeGeneric(urnName: string, props: Json): AuditedResource | undefined {
  if (typeof props.resourceProviderNamespace !== 'string' || typeof props.resourceType !== 'string') return undefined;
  const path = props.parentResourcePath;
  if (path !== undefined && typeof path !== 'string') return undefined;
  if (path === UNKNOWN_VALUE) return undefined;
  const segments = typeof path === 'string' && path !== '' ? path.split('/') : [];
  const at = segments.findIndex((x, i) => i % 2 === 0 && x.toLowerCase() === 'providers');
  const [scopePath, ownPath] = at >= 0 ? [segments.slice(0, at), segments.slice(at + 2)] : [[], segments];
  const namespace = at >= 0 ? segments[at + 1] : props.resourceProviderNamespace;
  const pairs = (xs: readonly string[]) => ({ types: xs.filter((_, i) => i % 2 === 0), names: xs.filter((_, i) => i % 2 === 1) });
  const own = pairs(ownPath);
  const scope = pairs(scopePath);
  return {
    name: [...own.names, props.resourceName ?? urnName].join('/'),
    type: [namespace, ...own.types, props.resourceType].join('/'),
    apiVersion: props.apiVersion,
    location: props.location,
    sku: props.sku,
    identity: props.identity,
    tags: props.tags,
    ...(at >= 0 ? { scope: `[resourceId('${[props.resourceProviderNamespace, ...scope.types].join('/')}', ${scope.names.map((n) => `'${n}'`).join(', ')})]` } : {}),
    properties: props.properties ?? {},
  };
}

/** The generic resource's inputs that give its type. */
const TYPE_ARGUMENTS = ['resourceProviderNamespace', 'parentResourcePath', 'resourceType'] as const;

/** A member of the inputs, or {@link UNKNOWN_VALUE} where CrossGuard's proxy refuses to read it. */
function memberOf(props: Json, key: string): unknown {
  try {
    return props[key];
  } catch {
    return UNKNOWN_VALUE;
  }
}

/**
 * Why a generic `azure-native:resources:Resource` cannot be read yet: its
 * provider namespace, type or parent path (of an extension resource, the id
 * of the resource it is on) is not known until another resource is created.
 * Its type, and so whether a rule reads it, is then unknown: the stack is not
 * read whole. Undefined for any other resource.
 * @internal
 */
export function unreadableGeneric(token: string, rawProps: Json): string | undefined {
  if (token !== 'azure-native:resources:Resource') return undefined;
  // Only the three members that give the type are read, not a copy of the whole inputs.
  const props = known(Object.fromEntries(TYPE_ARGUMENTS.map((k) => [k, memberOf(rawProps, k)]))) as Json;
  const unknown = TYPE_ARGUMENTS.filter((k) => props[k] === UNKNOWN_VALUE);
  return unknown.length > 0 ? `its ${unknown.join(' and ')} ${unknown.length > 1 ? 'are' : 'is'} not known until another resource is created, so its type is not known` : undefined;
}

/**
 * A deep copy of `value` in which every value Pulumi does not know yet is
 * {@link UNKNOWN_VALUE}: CrossGuard throws when an unknown is read, which would
 * stop every rule of the resource instead of the ones that need it.
 * @internal
 */
export function known(value: unknown): unknown {
  return readableInputs(value, () => UNKNOWN_VALUE);
}
