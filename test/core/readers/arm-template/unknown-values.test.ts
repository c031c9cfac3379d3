import { expect, test } from 'vitest';
import { UnknownValue, isUnknown } from '../../../../lib/core/description/unknown-value';
import { RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from '../../../../lib/core/readers/arm-template';
import { evaluate, run } from './evaluate-expression';

const T = {
  parameters: {
    noDefault: { type: 'string' },
    flag: { type: 'bool' },
    secret: { type: 'securestring' },
    secretWithDefault: { type: 'secureObject', defaultValue: { a: 1 } },
    maybe: { type: 'string', nullable: true },
    private: { type: 'bool', defaultValue: false },
  },
};

function unknown(expression: string, parameters: Record<string, unknown> = {}): UnknownValue {
  const value = evaluate(expression, T, parameters);
  if (!isUnknown(value)) throw new Error(`${expression} is known: ${JSON.stringify(value)}`);
  return value;
}

test('a parameter without default and not given is unknown, with the reason', () => {
  expect(unknown("parameters('noDefault')").reason).toBe("parameter 'noDefault' has no default value");
  expect(unknown("parameters('secret')").reason).toBe("the secure parameter 'secret' has no value here");
  expect(evaluate("parameters('secretWithDefault')", T)).toEqual({ a: 1 });
  // Nullable without default: the caller of a top-level template decides, so it is unknown too.
  expect(isUnknown(evaluate("parameters('maybe')", T))).toBe(true);
});

test('given parameter values override defaults and fill parameters without one (names case-insensitive)', () => {
  expect(evaluate("parameters('PRIVATE')", T, { Private: true })).toBe(true);
  expect(evaluate("concat('aks-', parameters('noDefault'))", T, { nodefault: 'x' })).toBe('aks-x');
});

test.each([
  ["concat('a', parameters('noDefault'))"],
  ["toLower(parameters('noDefault'))"],
  ["length(parameters('noDefault'))"],
  ["equals(parameters('noDefault'), 'x')"],
  ["if(parameters('flag'), 'a', 'b')"],
  ["coalesce(parameters('noDefault'), 'x')"],
  ["and(true(), parameters('flag'))"],
  ["or(false(), parameters('flag'))"],
  ["not(parameters('flag'))"],
  ["empty(parameters('noDefault'))"],
  ["reference('vnet').properties"],
  ["listKeys('sa', '2023-01-01').keys[0].value"],
  ["utcNow()"],
  ["newGuid()"],
  ["resourceGroup().location"],
  ["deployment().properties.templateLink.uri"],
  ["environment().suffixes.storage"],
  ["subscription().tenantId"],
  ["union(createArray(parameters('noDefault')), createArray('a'))"],
  ["contains(createArray(parameters('noDefault')), 'a')"],
  ["filter(createArray(1, 2), lambda('x', parameters('flag')))"],
])('%s is unknown', (expression) => {
  expect(isUnknown(evaluate(expression, T))).toBe(true);
});

test('the logic decides where an argument is unknown but the result is not', () => {
  expect(evaluate("and(false(), parameters('flag'))", T)).toBe(false);
  expect(evaluate("or(parameters('flag'), true())", T)).toBe(true);
  expect(evaluate("if(parameters('flag'), 'same', 'same')", T)).toBe('same');
  expect(evaluate("coalesce('x', parameters('noDefault'))", T)).toBe('x');
  expect(evaluate("empty(createArray(parameters('noDefault')))", T)).toBe(false);
  expect(evaluate("length(createArray(parameters('noDefault'), 1))", T)).toBe(2);
  expect(evaluate("contains(createArray(parameters('noDefault'), 'a'), 'a')", T)).toBe(true);
  expect(evaluate("equals(parameters('noDefault'), parameters('noDefault'))", T)).toBe(true);
  // An object whose members are unknown is still an object with those keys.
  expect(evaluate("contains(createObject('a', parameters('noDefault')), 'a')", T)).toBe(true);
});

test('the deployment scope: subscription and resource group are placeholders; ids are built from them', () => {
  expect(SUBSCRIPTION_PLACEHOLDER).toBe('(subscription)');
  expect(RESOURCE_GROUP_PLACEHOLDER).toBe('(resourceGroup)');
  expect(evaluate('subscription().subscriptionId')).toBe('(subscription)');
  expect(evaluate('resourceGroup().name')).toBe('(resourceGroup)');
  expect(evaluate('resourceGroup().id')).toBe('/subscriptions/(subscription)/resourceGroups/(resourceGroup)');
  expect(evaluate("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'nodes')")).toBe(
    '/subscriptions/(subscription)/resourceGroups/(resourceGroup)/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes',
  );
  expect(evaluate("resourceId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet')")).toBe('/subscriptions/(subscription)/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet');
  expect(evaluate("resourceId('sub-1', 'rg-net', 'Microsoft.Network/virtualNetworks', 'vnet')")).toBe('/subscriptions/sub-1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet');
  expect(evaluate("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')")).toBe('/subscriptions/(subscription)/providers/Microsoft.Authorization/roleDefinitions/r1');
  expect(evaluate("tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p1')")).toBe('/providers/Microsoft.Authorization/policyDefinitions/p1');
  expect(evaluate("extensionResourceId(resourceId('Microsoft.ContainerService/managedClusters', 'aks'), 'Microsoft.Authorization/locks', 'l')")).toBe(
    '/subscriptions/(subscription)/resourceGroups/(resourceGroup)/providers/Microsoft.ContainerService/managedClusters/aks/providers/Microsoft.Authorization/locks/l',
  );
});

test('what looks inside a placeholder is not known: its length, a hash, a comparison with other text', () => {
  expect(isUnknown(evaluate('length(subscription().subscriptionId)'))).toBe(true);
  expect(isUnknown(evaluate("guid(resourceGroup().id, 'x')"))).toBe(true);
  expect(isUnknown(evaluate("equals(resourceGroup().name, 'rg-prod')"))).toBe(true);
  expect(isUnknown(evaluate("substring(resourceGroup().name, 0, 2)"))).toBe(true);
  expect(evaluate("equals(resourceGroup().id, concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', resourceGroup().name))")).toBe(true);
});

test('deterministic unknowns have a symbol: the same expression over the same inputs is the same value', () => {
  const a = unknown("concat('vnet-', uniqueString(resourceGroup().id))");
  const b = unknown("format('vnet-{0}', uniqueString(resourceGroup().id))");
  expect(a.symbol).toBeDefined();
  expect(a.symbol).toBe(b.symbol);
  expect(unknown("uniqueString(resourceGroup().id, 'a')").symbol).not.toBe(unknown("uniqueString(resourceGroup().id, 'b')").symbol);
  // A reference to the resource by id carries the name's symbol inside the id's.
  const id = unknown("resourceId('Microsoft.Network/virtualNetworks', concat('vnet-', uniqueString(resourceGroup().id)))");
  expect(id.symbol).toBe(`/subscriptions/(subscription)/resourceGroups/(resourceGroup)/providers/Microsoft.Network/virtualNetworks/${a.symbol}`);
  expect(unknown("guid(uniqueString(resourceGroup().id), 'x')").symbol).toBe(unknown("guid(uniqueString(resourceGroup().id), 'x')").symbol);
  expect(unknown("parameters('noDefault')").symbol).toBe(unknown("parameters('NODEFAULT')").symbol);
  // Values that differ at each deployment, or are read from Azure, have none.
  expect(unknown('utcNow()').symbol).toBeUndefined();
  expect(unknown("reference('x').id").symbol).toBeUndefined();
  expect(unknown("concat('a', utcNow())").symbol).toBeUndefined();
});

test('a null default is no value; a nullable parameter of a top-level template is the caller\'s, so unknown', () => {
  const template = { parameters: { exported: { type: 'String', defaultValue: null }, optional: { type: 'string', nullable: true, defaultValue: null } } };
  expect(isUnknown(evaluate("parameters('exported')", template))).toBe(true);
  expect(isUnknown(evaluate("parameters('optional')", template))).toBe(true);
});

test('a guard decides before what it guards is evaluated; with an unknown guard, what ARM would refuse is unknown, not a problem', () => {
  const template = { parameters: { list: { type: 'array', defaultValue: [] }, maybe: { type: 'array' } } };
  expect(evaluate("and(not(empty(parameters('list'))), equals(parameters('list')[0], 'a'))", template)).toBe(false);
  expect(evaluate("or(empty(parameters('list')), equals(parameters('list')[0], 'a'))", template)).toBe(true);
  expect(isUnknown(evaluate("and(not(empty(parameters('maybe'))), equals(createArray()[0], 'a'))", template))).toBe(true);
  expect(isUnknown(evaluate("if(empty(parameters('maybe')), 'none', createArray()[0])", template))).toBe(true);
  expect(run("and(true(), equals(createArray()[0], 'a'))", template).problems[0].message).toMatch(/outside the array/);
});
