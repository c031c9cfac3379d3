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
  if (token === 'azure-native:resources:Resource') {
    if (typeof props.resourceProviderNamespace !== 'string' || typeof props.resourceType !== 'string') return undefined;
    const parent = typeof props.parentResourcePath === 'string' && props.parentResourcePath !== '' ? `/${props.parentResourcePath}` : '';
    const parentTypes = parent.split('/').filter((_, i) => i % 2 === 1);
    const parentNames = parent.split('/').filter((_, i) => i > 0 && i % 2 === 0);
    return {
      name: [...parentNames, props.resourceName ?? urnName].join('/'),
      type: [props.resourceProviderNamespace, ...parentTypes, props.resourceType].join('/'),
      apiVersion: props.apiVersion,
      location: props.location,
      sku: props.sku,
      identity: props.identity,
      tags: props.tags,
      properties: props.properties ?? {},
    };
  }
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
 * A deep copy of `value` in which every value Pulumi does not know yet is
 * {@link UNKNOWN_VALUE}: CrossGuard throws when an unknown is read, which would
 * stop every rule of the resource instead of the ones that need it.
 * @internal
 */
export function known(value: unknown): unknown {
  return readableInputs(value, () => UNKNOWN_VALUE);
}
