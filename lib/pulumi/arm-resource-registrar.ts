import * as authorization from '@pulumi/azure-native/authorization';
import * as azureResources from '@pulumi/azure-native/resources';
import * as pulumi from '@pulumi/pulumi';
import {
  ArmReference,
  ArmValue,
  ConcatExpression,
  ExternalAttributeReference,
  GuidExpression,
  ResourceGroupIdExpression,
  SubscriptionResourceIdExpression,
} from '../core/arm/arm-expression';
import { ArmResource } from '../core/arm/arm-resource';
import { targetResourceGroup } from '../core/arm/arm-template';
import { parseResourceId } from '../core/arm/resource-id';
import { armGuid } from '../core/arm/arm-guid';
import { flattenProperties, TYPED_ARM_RESOURCES } from './typed-arm-resources';

/** Where and how model resources are registered. */
export interface ArmRegistrationContext {
  /** Prefix of every child's Pulumi name (the component's name). */
  readonly namePrefix: string;
  /** The deployment's resource group. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** The deployment's subscription. */
  readonly subscriptionId: pulumi.Input<string>;
  /** Parent of every child. */
  readonly parent: pulumi.Resource;
  /**
   * Providers for resources in other subscriptions (a hub DNS zone), by subscription id.
   * @default {} - the default provider
   */
  readonly providersBySubscription?: Readonly<Record<string, pulumi.ProviderResource>>;
  /**
   * The provider of the deployment's own resources (a hub in another subscription).
   * @default - the default provider
   */
  readonly provider?: pulumi.ProviderResource;
  /**
   * Values to send in place of ids of existing resources, such as an id that
   * only resolves once a deploy-time check of that resource has passed.
   * @default {}
   */
  readonly gatedIds?: Readonly<Record<string, pulumi.Output<string>>>;
  /**
   * Resources registered elsewhere (by another component) that these may
   * reference, by logical id (`client/vnet`).
   * @default - none
   */
  readonly existing?: ReadonlyMap<string, RegisteredArmResource>;
}

/**
 * A registered model resource.
 * @category Clusters
 */
export interface RegisteredArmResource {
  readonly model: ArmResource;
  readonly resource: pulumi.CustomResource;
  /** The resource id (for references). */
  readonly id: pulumi.Output<string>;
  /** The response `properties` (generic resources), for read-only values such as principalId. */
  readonly properties?: pulumi.Output<Record<string, unknown> | undefined>;
}

/**
 * The replacement behaviour of a model resource: a change to a create-only
 * property shows in the plan as a replacement, never as an in-place update
 * Azure would reject or silently ignore.
 */
export function replacementOptions(m: ArmResource): Pick<pulumi.CustomResourceOptions, 'replaceOnChanges' | 'deleteBeforeReplace'> {
  if (!m.createOnlyProperties || m.createOnlyProperties.length === 0) return {};
  return {
    replaceOnChanges: m.createOnlyProperties.map((p) => `properties.${p}`),
    // Azure names are fixed, so the old resource must go before the new one can take its name.
    deleteBeforeReplace: true,
  };
}

/**
 * Registers the model's ARM resources as Pulumi resources, in order.
 *
 * Each resource goes through its typed azure-native resource wherever that
 * resource's API version carries every property the model sends, and the
 * model pins that same version ({@link TYPED_ARM_RESOURCES}: network, private
 * DNS and identity resources; role assignments and definitions, diagnostic
 * settings and locks, which are extension resources). Pulumi then sends what
 * the template holds, and policy packs and searches find the resources by type.
 * The rest goes through the generic `resources.Resource` at the model's pinned
 * `apiVersion`: the managed cluster, because azure-native's typed
 * `containerservice.ManagedCluster` is on API 2025-09-01, which has no
 * `advancedNetworking.security.transitEncryption` (a WireGuard setting on it
 * would never reach Azure), and the Log Analytics workspace, whose typed
 * version has no published Microsoft model to check the payload against.
 */
export function registerArmResources(
  models: readonly ArmResource[],
  ctx: ArmRegistrationContext,
): Map<string, RegisteredArmResource> {
  const registered = new Map<string, RegisteredArmResource>();
  const rgId = pulumi.interpolate`/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroupName}`;

  const subscription = pulumi.output(ctx.subscriptionId);
  const resourceGroup = pulumi.output(ctx.resourceGroupName);
  const attributeOutputs = new Map<string, pulumi.Output<unknown>>();

  /**
   * Compiles a model value into a function of its base outputs (resource ids
   * and properties, subscription, resource group). Each payload then becomes
   * one `pulumi.all(...).apply(...)`: Pulumi pays per Output, and references,
   * GUIDs and ids are computed inside that single apply.
   */
  const resolve = (value: ArmValue): pulumi.Input<any> => {
    const leaves: pulumi.Output<unknown>[] = [];
    const leaf = (o: pulumi.Output<unknown>) => {
      let i = leaves.indexOf(o);
      if (i < 0) i = leaves.push(o) - 1;
      return (vals: unknown[]) => vals[i];
    };
    type Fill = (vals: unknown[]) => unknown;
    const compile = (v: ArmValue): Fill => {
      if (typeof v === 'string') {
        const gated = ctx.gatedIds?.[v];
        return gated ? leaf(gated) : () => v;
      }
      if (typeof v === 'number' || typeof v === 'boolean') return () => v;
      if (v instanceof ArmReference) {
        const target = registered.get(v.logicalId) ?? ctx.existing?.get(v.logicalId);
        if (!target) throw new Error(`model error: "${v.logicalId}" is referenced before it is registered`);
        const id = leaf(target.id);
        if (v.child) return (vals) => `${id(vals)}/${v.child!.type}/${v.child!.name}`;
        if (v.attribute === 'id') return id;
        const key = `${v.logicalId}#${v.attribute}`;
        // A dotted attribute is a path into the response properties (`oidcIssuerProfile.issuerURL`).
        const read = (p: Record<string, unknown> | undefined) => v.attribute.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], p);
        if (!attributeOutputs.has(key)) attributeOutputs.set(key, target.properties!.apply(read));
        return leaf(attributeOutputs.get(key)!);
      }
      if (v instanceof ResourceGroupIdExpression) {
        const sub = leaf(subscription);
        const rg = leaf(resourceGroup);
        return (vals) => `/subscriptions/${sub(vals)}/resourceGroups/${rg(vals)}`;
      }
      if (v instanceof SubscriptionResourceIdExpression) {
        const sub = leaf(subscription);
        const name = compile(v.name);
        return (vals) => `/subscriptions/${sub(vals)}/providers/${v.type}/${name(vals)}`;
      }
      if (v instanceof GuidExpression) {
        const parts = v.parts.map(compile);
        // ARM's own guid(): the template and `pulumi up` name role assignments alike.
        return (vals) => armGuid(parts.map((p) => String(p(vals))));
      }
      if (v instanceof ExternalAttributeReference) {
        // Templates only: Pulumi registers these resources with references to the registered resources.
        throw new Error(`model error: ${v.resourceId} is referenced by literal id; register it with an ArmReference`);
      }
      if (v instanceof ConcatExpression) {
        const parts = v.parts.map(compile);
        return (vals) => parts.map((p) => String(p(vals))).join('');
      }
      if (Array.isArray(v)) {
        const items = (v as readonly ArmValue[]).map(compile);
        return (vals) => items.map((f) => f(vals));
      }
      const entries = Object.entries(v as Record<string, ArmValue>).map(([k, c]) => [k, compile(c)] as const);
      return (vals) => Object.fromEntries(entries.map(([k, f]) => [k, f(vals)]));
    };
    const fill = compile(value);
    return leaves.length === 0 ? fill([]) : pulumi.all(leaves).apply((vals) => fill(vals));
  };

  for (const m of models) {
    const name = `${ctx.namePrefix}-${m.logicalId}`;
    const target = targetResourceGroup(m);
    const opts: pulumi.CustomResourceOptions = {
      parent: ctx.parent,
      dependsOn: (m.dependsOn ?? []).map((d) => (registered.get(d) ?? ctx.existing?.get(d))!.resource),
      provider: target ? ctx.providersBySubscription?.[target.subscriptionId] : ctx.provider,
      ...replacementOptions(m),
    };
    const props = m.properties as Record<string, ArmValue>;

    if (m.type === 'Microsoft.Authorization/roleDefinitions') {
      const rd = new authorization.RoleDefinition(
        name,
        {
          scope: rgId,
          roleDefinitionId: resolve(m.name[0]),
          roleName: resolve(props.roleName),
          description: resolve(props.description),
          roleType: resolve(props.type),
          permissions: resolve(props.permissions),
          assignableScopes: resolve(props.assignableScopes),
        },
        opts,
      );
      registered.set(m.logicalId, { model: m, resource: rd, id: rd.id });
      continue;
    }

    const typed = TYPED_ARM_RESOURCES[m.type];
    if (typed) {
      // The typed azure-native resource of the type, at the API version the model pins to it.
      const flat = flattenProperties(props) as Record<string, ArmValue>;
      const payload = Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, resolve(v)]));
      const resource = typed.create(
        name,
        {
          resourceGroupName: target?.resourceGroup ?? ctx.resourceGroupName,
          scope: m.scope === undefined ? undefined : resolve(m.scope),
          names: m.name.map((n) => resolve(n)),
          location: m.location,
          tags: m.tags,
        },
        payload,
        // Stacks deployed before these resources were typed registered them as the generic
        // resource: the alias keeps them the same resources, so the change of type is no replacement.
        { ...opts, aliases: [{ type: 'azure-native:resources:Resource' }] },
      );
      registered.set(m.logicalId, { model: m, resource, id: resource.id, properties: typed.attributes?.(resource) });
      continue;
    }

    const [namespace, ...types] = m.type.split('/');
    const parentSegments: string[] = [];
    for (let i = 0; i < types.length - 1; i++) parentSegments.push(types[i], String(m.name[i]));
    // An extension resource on a resource of this group (a fluxConfiguration on the cluster):
    // its path runs through the scope, `<scope type>/<scope name>/providers/<namespace>/...`.
    const scoped =
      m.scope === undefined
        ? undefined
        : pulumi.output(resolve(m.scope) as pulumi.Input<string>).apply((id) => {
            const parsed = parseResourceId(id);
            if (!parsed) throw new Error(`the scope of ${m.logicalId} is not a resource id: ${id}`);
            const scopeNamespace = parsed.type.split('/')[0];
            const below = parsed.relative.slice(scopeNamespace.length + 1);
            return { group: parsed.resourceGroup, scopeNamespace, path: [below, 'providers', namespace, ...parentSegments].join('/') };
          });
    const generic = new azureResources.Resource(
      name,
      {
        resourceGroupName: scoped ? scoped.group : target?.resourceGroup ?? ctx.resourceGroupName,
        resourceProviderNamespace: scoped ? scoped.scopeNamespace : namespace,
        parentResourcePath: scoped ? scoped.path : parentSegments.join('/'),
        resourceType: types[types.length - 1],
        resourceName: resolve(m.name[m.name.length - 1]),
        apiVersion: m.apiVersion,
        location: m.location,
        tags: m.tags ? { ...m.tags } : undefined,
        sku: m.sku ? resolve(m.sku) : undefined,
        identity: m.identity
          ? {
              type: m.identity.type as azureResources.ResourceIdentityType,
              userAssignedIdentities: m.identity.userAssignedIdentities?.map(resolve),
            }
          : undefined,
        properties: resolve(props),
      },
      opts,
    );
    registered.set(m.logicalId, {
      model: m,
      resource: generic,
      id: generic.id,
      properties: generic.properties as pulumi.Output<Record<string, unknown> | undefined>,
    });
  }
  return registered;
}
