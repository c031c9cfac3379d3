import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { TemplateExpressionError, renderForSymbol, typeName, unknownText } from './arm-value';
import { DeploymentScope, TOP_LEVEL_SCOPE, scopeText } from './deployment-scope';
import { ArmFunction, arity } from './function-arguments';

/** `Namespace/type1/type2` and names `n1`, `n2` as `Namespace/type1/n1/type2/n2`, unknown where a part is. */
function typedPath(fn: string, type: unknown, names: readonly unknown[]): unknown[] {
  if (typeof type !== 'string') throw new TemplateExpressionError(`${fn}() expects a resource type, not ${typeName(type)}`);
  const segments = type.split('/');
  if (segments.length < 2) throw new TemplateExpressionError(`${fn}() of '${type}', which is not a resource type`);
  const parts: unknown[] = [segments[0]];
  const levels = segments.slice(1);
  // A name may hold several levels (`vnet/subnet`): ARM accepts either form.
  const flatNames = names.flatMap((n) => (typeof n === 'string' ? n.split('/') : [n]));
  if (flatNames.length !== levels.length) throw new TemplateExpressionError(`${fn}() of '${type}' needs ${levels.length} names, not ${flatNames.length}`);
  levels.forEach((level, i) => {
    parts.push(`/${level}/`, flatNames[i]);
  });
  return parts;
}

function text(parts: readonly unknown[]): string | UnknownValue {
  for (const p of parts) if (!isUnknown(p) && typeof p !== 'string') throw new TemplateExpressionError(`a resource id part of ${typeName(p)}`);
  return parts.every((p) => typeof p === 'string') ? parts.join('') : unknownText(parts);
}

/** The index of the resource type among `resourceId`'s arguments: the first with a `/`. */
function typeIndex(fn: string, args: readonly unknown[]): number {
  const i = args.findIndex((a) => typeof a === 'string' && a.includes('/'));
  if (i < 0) {
    if (args.some(isUnknown)) return -1;
    throw new TemplateExpressionError(`${fn}() without a resource type`);
  }
  return i;
}

/**
 * `resourceId([subscriptionId], [resourceGroupName], type, names...)`.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid
 */
const resourceId: ArmFunction = (args, scope) => {
  arity('resourceId', args, 2, Infinity);
  const t = typeIndex('resourceId', args);
  if (t < 0 || t > 2) return t < 0 ? new UnknownValue('resourceId() whose resource type is not known') : notType('resourceId');
  const subscription = t === 2 ? args[0] : scope.subscriptionId;
  const group = t === 2 ? args[1] : t === 1 ? args[0] : scope.resourceGroup;
  return text(['/subscriptions/', subscription, '/resourceGroups/', group, '/providers/', ...typedPath('resourceId', args[t], args.slice(t + 1))]);
};

const subscriptionResourceId: ArmFunction = (args, scope) => {
  arity('subscriptionResourceId', args, 2, Infinity);
  const t = typeIndex('subscriptionResourceId', args);
  if (t < 0 || t > 1) return t < 0 ? new UnknownValue('subscriptionResourceId() whose resource type is not known') : notType('subscriptionResourceId');
  const subscription = t === 1 ? args[0] : scope.subscriptionId;
  return text(['/subscriptions/', subscription, '/providers/', ...typedPath('subscriptionResourceId', args[t], args.slice(t + 1))]);
};

const tenantResourceId: ArmFunction = (args) => {
  arity('tenantResourceId', args, 2, Infinity);
  return text(['/providers/', ...typedPath('tenantResourceId', args[0], args.slice(1))]);
};

const extensionResourceId: ArmFunction = (args) => {
  arity('extensionResourceId', args, 3, Infinity);
  return text([args[0], '/providers/', ...typedPath('extensionResourceId', args[1], args.slice(2))]);
};

function notType(fn: string): never {
  throw new TemplateExpressionError(`${fn}() with a resource type after its names`);
}

function resourceGroupSymbol(id: unknown): string | undefined {
  const rendered = renderForSymbol(id);
  return rendered === undefined ? undefined : `[resourceGroup(${rendered})]`;
}

function deploymentSymbol(name: unknown): string | undefined {
  const rendered = renderForSymbol(name);
  return rendered === undefined ? undefined : `[deployment(${rendered})]`;
}

function symbolic(reason: string, symbol: string): UnknownValue {
  return new UnknownValue(reason, symbol);
}

/** `resourceGroup()`: its id and name from the deployment's scope; its location and tags are not known. */
function resourceGroup(scope: DeploymentScope): Record<string, unknown> {
  const id = scopeText(['/subscriptions/', scope.subscriptionId, '/resourceGroups/', scope.resourceGroup]);
  // A nested deployment's resource group is another one, with its own location and tags.
  const at = scope.resourceGroup === TOP_LEVEL_SCOPE.resourceGroup && scope.subscriptionId === TOP_LEVEL_SCOPE.subscriptionId ? '[resourceGroup()]' : resourceGroupSymbol(id);
  const member = (m: string) => new UnknownValue(`the resource group's ${m} is not in the template`, at === undefined ? undefined : `${at}.${m}`);
  return {
    id,
    name: scope.resourceGroup,
    type: 'Microsoft.Resources/resourceGroups',
    location: member('location'),
    managedBy: member('managedBy'),
    tags: member('tags'),
    properties: member('properties'),
  };
}

/**
 * Functions of the deployment's scope and of resources.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-scope
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment
 */
export const RESOURCE_FUNCTIONS: Readonly<Record<string, ArmFunction>> = {
  resourceid: resourceId,
  subscriptionresourceid: subscriptionResourceId,
  tenantresourceid: tenantResourceId,
  extensionresourceid: extensionResourceId,
  resourcegroup: (args, scope) => {
    arity('resourceGroup', args, 0, 0);
    return resourceGroup(scope);
  },
  subscription: (args, scope) => {
    arity('subscription', args, 0, 0);
    return {
      id: scopeText(['/subscriptions/', scope.subscriptionId]),
      subscriptionId: scope.subscriptionId,
      tenantId: symbolic('the tenant is not in the template', '[tenant()].tenantId'),
      displayName: symbolic("the subscription's display name is not in the template", '[subscription().displayName]'),
    };
  },
  tenant: () => symbolic('the tenant is not in the template', '[tenant()]'),
  managementgroup: () => symbolic('the management group is not in the template', '[managementGroup()]'),
  deployment: (args, scope) => {
    arity('deployment', args, 0, 0);
    // A nested deployment is another deployment, with its own properties.
    const at = scope.deploymentName === TOP_LEVEL_SCOPE.deploymentName ? '[deployment()]' : deploymentSymbol(scope.deploymentName);
    return {
      name: scope.deploymentName,
      properties: new UnknownValue("the deployment's properties are known at deployment", at === undefined ? undefined : `${at}.properties`),
      location: new UnknownValue("the deployment's location is known at deployment", at === undefined ? undefined : `${at}.location`),
    };
  },
  environment: () => symbolic('the Azure cloud is chosen at deployment', '[environment()]'),
  reference: () => new UnknownValue('reference() returns what the resource holds at deployment'),
  providers: () => new UnknownValue('providers() returns what Azure offers at deployment'),
  pickzones: () => new UnknownValue('pickZones() returns what the region offers at deployment'),
};
