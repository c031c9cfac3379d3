import {
  ArmReference,
  ArmValue,
  collectReferences,
  ConcatExpression,
  ExternalAttributeReference,
  isArmExpression,
  GuidExpression,
  ResourceGroupIdExpression,
  SubscriptionResourceIdExpression,
} from './arm-expression';
import { ArmResource } from './arm-resource';
import { parseResourceId } from './resource-id';

/**
 * The deployment template schema for resource-group deployments.
 * @category ARM templates
 */
export const DEPLOYMENT_TEMPLATE_SCHEMA =
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/**
 * API version of the nested deployments that reach resources in other resource groups.
 * @category ARM templates
 */
export const NESTED_DEPLOYMENT_API_VERSION = '2025-04-01';

/**
 * An ARM deployment template, as JSON.
 * @category ARM templates
 */
export interface ArmTemplate {
  readonly $schema: string;
  readonly contentVersion: string;
  readonly metadata?: Record<string, unknown>;
  readonly resources: readonly Record<string, unknown>[];
  readonly outputs?: Record<string, { type: string; value: unknown }>;
}

/**
 * An output of the template: a plain value or an attribute of a model resource.
 * @category ARM templates
 */
export interface ArmTemplateOutput {
  readonly type: 'string' | 'object';
  readonly value: ArmValue | ArmPropertyReference;
}

/** A template parameter (used inside nested deployments only). */
class ParameterExpression {
  constructor(public readonly name: string) {}
}

/**
 * A read-only property of a deployed model resource (`privateFQDN`).
 * @category ARM templates
 */
export class ArmPropertyReference {
  constructor(
    public readonly logicalId: string,
    public readonly property: string,
  ) {}
}

/**
 * Renders model resources as a resource-group deployment template: `resourceId()`
 * for references, `dependsOn` derived from them, extension resources with
 * `scope`, and nested deployments for extension resources on resources in other
 * resource groups (a template's `scope` can only reach its own resource group).
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-extension-resources
 * @category ARM templates
 */
export function renderArmTemplate(
  resources: readonly ArmResource[],
  outputs: Record<string, ArmTemplateOutput> = {},
  metadata?: Record<string, unknown>,
): ArmTemplate {
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const lookup = (ref: { logicalId: string }): ArmResource => {
    const target = byId.get(ref.logicalId);
    if (!target) throw new Error(`model error: reference to unknown resource "${ref.logicalId}"`);
    return target;
  };

  const inner = (v: ArmValue): string => {
    if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v instanceof ArmReference) {
      const target = lookup(v);
      if (v.child) {
        return `resourceId('${target.type}/${v.child.type}', ${[...target.name, v.child.name].map(inner).join(', ')})`;
      }
      const idExpr = resourceIdExpression(target, inner);
      if (v.attribute === 'id') return idExpr;
      return `reference(${idExpr}, '${target.apiVersion}').${v.attribute}`;
    }
    if (v instanceof ResourceGroupIdExpression) return 'resourceGroup().id';
    if (v instanceof ExternalAttributeReference) return `reference(${inner(v.resourceId)}, ${inner(v.apiVersion)}).${v.attribute}`;
    if (v instanceof SubscriptionResourceIdExpression) return `subscriptionResourceId('${v.type}', ${inner(v.name)})`;
    if (v instanceof GuidExpression) return `guid(${v.parts.map(inner).join(', ')})`;
    if (v instanceof ConcatExpression) return `concat(${v.parts.map(inner).join(', ')})`;
    if ((v as unknown) instanceof ParameterExpression) return `parameters('${(v as unknown as ParameterExpression).name}')`;
    throw new Error(`model error: cannot render ${JSON.stringify(v)} inside a template expression`);
  };

  // ARM evaluates a string that starts with "[" as an expression, property names
  // included; "[[" escapes a literal "[". User text (tag names and values) is data.
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
  const literal = (s: string) => (s.startsWith('[') ? `[${s}` : s);
  const render = (v: ArmValue): unknown => {
    if (typeof v === 'string') return literal(v);
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (isArmExpression(v) || (v as unknown) instanceof ParameterExpression) return `[${inner(v)}]`;
    if (Array.isArray(v)) return (v as readonly ArmValue[]).map(render);
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v as Record<string, ArmValue>)) out[literal(k)] = render(child);
    return out;
  };

  const renderResource = (r: ArmResource): Record<string, unknown> => {
    const deps = new Set<string>();
    const refs = [
      ...collectReferences(r.properties),
      ...collectReferences(r.scope),
      ...collectReferences(r.name as ArmValue[]),
      ...(r.identity?.userAssignedIdentities ?? []).flatMap((i) => collectReferences(i)),
    ];
    for (const ref of refs) deps.add(ref.logicalId);
    for (const d of r.dependsOn ?? []) deps.add(d);
    deps.delete(r.logicalId);

    const out: Record<string, unknown> = {
      type: r.type,
      apiVersion: r.apiVersion,
      name: renderName(r, inner),
    };
    if (r.scope !== undefined) {
      out.scope = r.scope instanceof ArmReference ? relativeScope(lookup(r.scope), r.scope) : render(r.scope);
    }
    if (r.location !== undefined) out.location = render(r.location);
    // Tag values are data: a value starting with "[" must not become a template expression.
    if (r.tags) out.tags = render(r.tags as ArmValue);
    if (r.sku) out.sku = render(r.sku);
    if (r.identity) {
      out.identity = {
        type: r.identity.type,
        ...(r.identity.userAssignedIdentities
          ? {
              userAssignedIdentities: Object.fromEntries(
                r.identity.userAssignedIdentities.map((i) => [render(i) as string, {}]),
              ),
            }
          : {}),
      };
    }
    out.properties = render(r.properties);
    if (deps.size > 0) {
      out.dependsOn = [...deps].sort().map((d) => `[${resourceIdExpression(lookup({ logicalId: d }), inner)}]`);
    }
    return out;
  };

  const rendered = resources.map((r) => {
    const target = targetResourceGroup(r);
    return target ? renderNested(r, target) : renderResource(r);
  });

  /**
   * An extension resource on a resource in another resource group or
   * subscription needs a nested deployment targeted there. It uses the inner
   * expression scope, so resourceGroup() and subscription() are the target's;
   * values from our own resources are passed in as parameters.
   */
  function renderNested(r: ArmResource, target: { subscriptionId: string; resourceGroup: string }): Record<string, unknown> {
    const parameters: Record<string, { type: string }> = {};
    const values: Record<string, { value: string }> = {};
    const substitute = (v: ArmValue): ArmValue => {
      if (v instanceof ArmReference) {
        const key = `ref${Object.keys(parameters).length}`;
        parameters[key] = { type: 'string' };
        values[key] = { value: `[${inner(v)}]` };
        return new ParameterExpression(key) as unknown as ArmValue;
      }
      if (v instanceof GuidExpression) return new GuidExpression(v.parts.map(substitute));
      if (v instanceof ConcatExpression) return new ConcatExpression(v.parts.map(substitute));
      if (v instanceof SubscriptionResourceIdExpression) return new SubscriptionResourceIdExpression(v.type, substitute(v.name));
      if (Array.isArray(v)) return v.map(substitute);
      if (v !== null && typeof v === 'object' && !isArmExpression(v)) {
        return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, substitute(c as ArmValue)]));
      }
      return v;
    };
    const innerModel: ArmResource = {
      ...r,
      scope: undefined,
      dependsOn: [],
      name: r.name.map(substitute),
      properties: substitute(r.properties) as Record<string, ArmValue>,
    };
    const innerResource: Record<string, unknown> = renderResource(innerModel);
    const externalScope = typeof r.scope === 'string' ? parseResourceId(r.scope) : undefined;
    if (externalScope) innerResource.scope = externalScope.relative;
    delete innerResource.dependsOn;
    const outerDeps = renderResource(r).dependsOn;
    return {
      type: 'Microsoft.Resources/deployments',
      apiVersion: NESTED_DEPLOYMENT_API_VERSION,
      name: `nested-${r.logicalId}`,
      subscriptionId: target.subscriptionId,
      resourceGroup: target.resourceGroup,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: values,
        template: {
          $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
          contentVersion: '1.0.0.0',
          parameters,
          resources: [innerResource],
        },
      },
      ...(outerDeps ? { dependsOn: outerDeps } : {}),
    };
  }

  const renderedOutputs: Record<string, { type: string; value: unknown }> = {};
  for (const [key, o] of Object.entries(outputs)) {
    const value =
      o.value instanceof ArmPropertyReference
        ? `[reference(${resourceIdExpression(lookup(o.value), inner)}, '${lookup(o.value).apiVersion}').${o.value.property}]`
        : render(o.value);
    renderedOutputs[key] = { type: o.type, value };
  }

  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    ...(metadata ? { metadata } : {}),
    resources: rendered,
    ...(Object.keys(renderedOutputs).length > 0 ? { outputs: renderedOutputs } : {}),
  };
}

function renderName(r: ArmResource, inner: (v: ArmValue) => string): string {
  if (r.name.every((n) => typeof n === 'string')) {
    const joined = (r.name as string[]).join('/');
    return joined.startsWith('[') ? `[${joined}` : joined;
  }
  if (r.name.length === 1) return `[${inner(r.name[0])}]`;
  return `[format('${r.name.map((_, i) => `{${i}}`).join('/')}', ${r.name.map(inner).join(', ')})]`;
}

/**
 * The resource group a resource is deployed into when it is not the deployment's own.
 * @category ARM templates
 */
export function targetResourceGroup(r: ArmResource): { subscriptionId: string; resourceGroup: string } | undefined {
  if (r.targetResourceGroup) return r.targetResourceGroup;
  return typeof r.scope === 'string' ? parseResourceId(r.scope) : undefined;
}

function resourceIdExpression(r: ArmResource, inner: (v: ArmValue) => string): string {
  const target = targetResourceGroup(r);
  if (target) {
    // Rendered inside a nested deployment in that resource group: depend on the deployment.
    return `resourceId('${target.subscriptionId}', '${target.resourceGroup}', 'Microsoft.Resources/deployments', 'nested-${r.logicalId}')`;
  }
  if (r.scope !== undefined) {
    // Extension resources: extensionResourceId(scope, type, name).
    return `extensionResourceId(${inner(r.scope)}, '${r.type}', ${r.name.map(inner).join(', ')})`;
  }
  return `resourceId('${r.type}', ${r.name.map(inner).join(', ')})`;
}

/** The relative form ARM templates use for `scope` on a resource in the same template. */
function relativeScope(target: ArmResource, ref: ArmReference): string {
  const types = target.type.split('/');
  const parts = [types[0]];
  target.name.forEach((n, i) => parts.push(types[i + 1], String(n)));
  if (ref.child) parts.push(ref.child.type, ref.child.name);
  return parts.join('/');
}
