import { expect, test } from 'vitest';
import {
  ArmReference,
  ArmResource,
  ConcatExpression,
  DEPLOYMENT_TEMPLATE_SCHEMA,
  GuidExpression,
  renderArmTemplate,
  ResourceGroupIdExpression,
  SubscriptionResourceIdExpression,
} from '../../../lib';

const vnet: ArmResource = {
  logicalId: 'vnet',
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2026-01-01',
  name: ['v1'],
  location: 'westeurope',
  properties: { subnets: [{ name: 's1', properties: { addressPrefix: '10.0.0.0/24' } }] },
};
const id: ArmResource = {
  logicalId: 'id',
  type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  apiVersion: '2024-11-30',
  name: ['i1'],
  location: 'westeurope',
  properties: {},
};

test('references become resourceId() and reference() expressions with dependsOn', () => {
  const assignment: ArmResource = {
    logicalId: 'ra',
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: '2022-04-01',
    name: [new GuidExpression([ResourceGroupIdExpression.INSTANCE, "it's"])],
    scope: ArmReference.child('vnet', 'subnets', 's1'),
    properties: {
      roleDefinitionId: new SubscriptionResourceIdExpression('Microsoft.Authorization/roleDefinitions', 'abc'),
      principalId: new ArmReference('id', 'principalId'),
      description: new ConcatExpression(['on ', ResourceGroupIdExpression.INSTANCE]),
    },
  };
  const t = renderArmTemplate([vnet, id, assignment]);
  expect(t.$schema).toBe(DEPLOYMENT_TEMPLATE_SCHEMA);
  expect(t.resources[2]).toEqual({
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: '2022-04-01',
    name: "[guid(resourceGroup().id, 'it''s')]",
    scope: 'Microsoft.Network/virtualNetworks/v1/subnets/s1',
    properties: {
      roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'abc')]",
      principalId: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'i1'), '2024-11-30').principalId]",
      description: "[concat('on ', resourceGroup().id)]",
    },
    dependsOn: [
      "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'i1')]",
      "[resourceId('Microsoft.Network/virtualNetworks', 'v1')]",
    ],
  });
});

test('a literal string starting with "[" is escaped, never evaluated', () => {
  const t = renderArmTemplate([{ ...id, tags: { a: 'b' }, properties: { note: "[deployment().name]" } as never }]);
  expect((t.resources[0] as any).properties.note).toBe('[[deployment().name]');
});

test('an extension resource on a resource in another resource group goes into a nested deployment', () => {
  const zoneId = '/subscriptions/s2/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/z.example';
  const ra: ArmResource = {
    logicalId: 'dns',
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: '2022-04-01',
    name: [new GuidExpression([ResourceGroupIdExpression.INSTANCE, 'dns'])],
    scope: zoneId,
    properties: { principalId: new ArmReference('id', 'principalId') },
  };
  const user: ArmResource = { ...vnet, logicalId: 'user', name: ['v2'], dependsOn: ['dns'] };
  const t = renderArmTemplate([id, ra, user]);
  const nested = t.resources[1] as any;
  expect(nested).toMatchObject({
    type: 'Microsoft.Resources/deployments',
    name: 'nested-dns',
    subscriptionId: 's2',
    resourceGroup: 'hub',
    properties: {
      expressionEvaluationOptions: { scope: 'inner' },
      parameters: { ref0: { value: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'i1'), '2024-11-30').principalId]" } },
    },
    dependsOn: ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'i1')]"],
  });
  expect(nested.properties.template.resources[0]).toEqual({
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: '2022-04-01',
    name: "[guid(resourceGroup().id, 'dns')]",
    scope: 'Microsoft.Network/privateDnsZones/z.example',
    properties: { principalId: "[parameters('ref0')]" },
  });
  expect((t.resources[2] as any).dependsOn).toEqual([
    "[resourceId('s2', 'hub', 'Microsoft.Resources/deployments', 'nested-dns')]",
  ]);
});

test('fails on a reference to a resource the model does not have', () => {
  expect(() => renderArmTemplate([{ ...vnet, properties: { x: new ArmReference('missing') } }])).toThrow(
    'model error: reference to unknown resource "missing"',
  );
});
