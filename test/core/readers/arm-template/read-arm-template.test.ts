import { expect, test } from 'vitest';
import { DescribedResource, recordedPointer } from '../../../../lib/core/description/described-resource';
import { isUnknown } from '../../../../lib/core/description/unknown-value';
import { readArmTemplate } from '../../../../lib/core/readers/arm-template';
import { CLUSTER_RULES } from '../../../../lib/core/aks/cluster-rule-set';
import { describeDeployment } from '../../../../lib/core/description/cluster-description';
import { evaluateClusterRules } from '../../../../lib/core/rules/evaluate-cluster-rules';
import { hardenedPayload } from '../../../support/misconfiguration-corpus';

const CLUSTER = 'Microsoft.ContainerService/managedClusters';
const RG = '/subscriptions/(subscription)/resourceGroups/(resourceGroup)';

function template(resources: unknown, extra: Record<string, unknown> = {}) {
  return { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', ...extra, resources };
}

const summary = (r: DescribedResource) => ({ type: r.type, name: String(r.name), pointer: r.origin.pointer });

test('a resource comes out in its REST shape, evaluated, with its id and pointer', () => {
  const reading = readArmTemplate(
    template([{ type: CLUSTER, apiVersion: '2024-05-01', name: "[parameters('name')]", location: 'westeurope', dependsOn: ['x'], comments: 'c', properties: { apiServerAccessProfile: { enablePrivateCluster: "[parameters('private')]" } } }], {
      parameters: { name: { type: 'string', defaultValue: 'aks1' }, private: { type: 'bool', defaultValue: true } },
    }),
    'main.json',
  );
  expect(reading).toEqual({
    resources: [
      {
        type: CLUSTER,
        name: 'aks1',
        id: `${RG}/providers/${CLUSTER}/aks1`,
        apiVersion: '2024-05-01',
        body: { location: 'westeurope', properties: { apiServerAccessProfile: { enablePrivateCluster: true } } },
        origin: { document: 'main.json', pointer: '/resources/0' },
      },
    ],
    notExamined: [],
    problems: [],
    wholeDeployment: true,
  });
});

test('a parameter without a value leaves the setting unknown, never a pass or a fail; given parameters decide it', () => {
  const t = template([{ type: CLUSTER, apiVersion: '2024-05-01', name: 'aks', properties: { apiServerAccessProfile: { enablePrivateCluster: "[parameters('private')]" } } }], {
    parameters: { private: { type: 'bool' } },
  });
  const unknown = (readArmTemplate(t, 't').resources[0].body.properties as any).apiServerAccessProfile.enablePrivateCluster;
  expect(isUnknown(unknown) && unknown.reason).toBe("parameter 'private' has no default value");
  const given = readArmTemplate(t, 't', { parameters: { Private: false } }).resources[0].body.properties as any;
  expect(given.apiServerAccessProfile.enablePrivateCluster).toBe(false);
});

test('a condition known false removes the resource; an unknown one is kept and recorded', () => {
  const reading = readArmTemplate(
    template(
      [
        { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'off', condition: "[equals(parameters('mode'), 'b')]" },
        { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'on', condition: "[equals(parameters('mode'), 'a')]" },
        { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'maybe', condition: "[parameters('flag')]" },
      ],
      { parameters: { mode: { type: 'string', defaultValue: 'a' }, flag: { type: 'bool' } } },
    ),
    't',
  );
  expect(reading.resources.map((r) => r.name)).toEqual(['on', 'maybe']);
  expect(reading.resources[0].condition).toBeUndefined();
  expect(reading.resources[1].condition?.reason).toBe("parameter 'flag' has no default value");
});

test('a resource copy loop expands with copyIndex(); an unknown count is not examined', () => {
  const reading = readArmTemplate(
    template(
      [
        { type: `${CLUSTER}/agentPools`, apiVersion: '2024-05-01', name: "[concat('aks/pool', copyIndex(1))]", copy: { name: 'pools', count: "[length(parameters('pools'))]" }, properties: { count: "[parameters('pools')[copyIndex()]]" } },
        { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[concat('v', copyIndex())]", copy: { name: 'vnets', count: "[parameters('n')]" } },
      ],
      { parameters: { pools: { type: 'array', defaultValue: [3, 5] }, n: { type: 'int' } } },
    ),
    't',
  );
  expect(reading.resources.map((r) => [r.name, (r.body.properties as any).count, r.origin.pointer])).toEqual([
    ['aks/pool1', 3, '/resources/0'],
    ['aks/pool2', 5, '/resources/0'],
  ]);
  expect(reading.resources[1].id).toBe(`${RG}/providers/${CLUSTER}/aks/agentPools/pool2`);
  expect(reading.notExamined).toEqual([{ at: { document: 't', pointer: '/resources/1' }, what: 'the resources of the copy loop "vnets"', reason: "its count is not known: parameter 'n' has no default value" }]);
});

test('a property copy loop builds the array; an unknown count leaves it unknown and is not examined', () => {
  const reading = readArmTemplate(
    template(
      [
        {
          type: CLUSTER,
          apiVersion: '2024-05-01',
          name: 'aks',
          properties: {
            copy: [
              { name: 'agentPoolProfiles', count: 2, input: { name: "[concat('pool', copyIndex('agentPoolProfiles'))]", mode: 'User' } },
              { name: 'other', count: "[parameters('n')]", input: 'x' },
            ],
          },
        },
      ],
      { parameters: { n: { type: 'int' } } },
    ),
    't',
  );
  const properties = reading.resources[0].body.properties as any;
  expect(properties.agentPoolProfiles).toEqual([{ name: 'pool0', mode: 'User' }, { name: 'pool1', mode: 'User' }]);
  expect(recordedPointer(properties.agentPoolProfiles)).toBe('/resources/0/properties/copy/0');
  expect(isUnknown(properties.other)).toBe(true);
  expect(reading.notExamined.map((n) => n.at.pointer)).toEqual(['/resources/0/properties/copy/1']);
});

test('objects from variables name the variable as their place', () => {
  const reading = readArmTemplate(
    template([{ type: CLUSTER, apiVersion: '2024-05-01', name: 'aks', properties: { apiServerAccessProfile: "[variables('api')]", networkProfile: { outboundType: 'userDefinedRouting' } } }], {
      variables: { api: { enablePrivateCluster: false, authorizedIPRanges: ['0.0.0.0/0'] } },
    }),
    't',
  );
  const properties = reading.resources[0].body.properties as any;
  expect(recordedPointer(properties.apiServerAccessProfile)).toBe('/variables/api');
  expect(recordedPointer(properties.apiServerAccessProfile.authorizedIPRanges)).toBe('/variables/api/authorizedIPRanges');
  expect(recordedPointer(properties.networkProfile)).toBe('/resources/0/properties/networkProfile');
});

test('child resources nested in their parent get the full type and name', () => {
  const reading = readArmTemplate(
    template([
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2024-05-01',
        name: "[parameters('vnet')]",
        resources: [
          { type: 'subnets', apiVersion: '2024-05-01', name: 'nodes', properties: { addressPrefix: '10.0.0.0/24' } },
          { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2024-05-01', name: "[concat(parameters('vnet'), '/pods')]" },
        ],
      },
    ], { parameters: { vnet: { type: 'string' } } }),
    't',
  );
  expect(reading.resources.map(summary)).toEqual([
    { type: 'Microsoft.Network/virtualNetworks', name: "[parameters('vnet')]", pointer: '/resources/0' },
    { type: 'Microsoft.Network/virtualNetworks/subnets', name: "[parameters('vnet')]/nodes", pointer: '/resources/0/resources/0' },
    { type: 'Microsoft.Network/virtualNetworks/subnets', name: "[parameters('vnet')]/pods", pointer: '/resources/0/resources/1' },
  ]);
  // The id of a subnet of a vnet whose name is a parameter without value matches resourceId() over the same parameter.
  expect(String(reading.resources[1].id)).toBe(`${RG}/providers/Microsoft.Network/virtualNetworks/[parameters('vnet')]/subnets/nodes`);
  expect(isUnknown(reading.resources[1].id)).toBe(true);
});

test('extension resources: scope goes to scope; the nested providers form is its own type on the resource', () => {
  const reading = readArmTemplate(
    template([
      { type: `${CLUSTER}/providers/diagnosticSettings`, apiVersion: '2021-05-01-preview', name: 'aks/Microsoft.Insights/diag', properties: { logs: [] } },
      { type: `${CLUSTER}/providers/locks`, apiVersion: '2020-05-01', name: "[concat(parameters('c'), '/Microsoft.Authorization/lock')]", properties: { level: 'CanNotDelete' } },
      { type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', name: 'ra', scope: `${CLUSTER}/aks`, properties: {} },
      { type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', name: 'rb', scope: "[format('Microsoft.ContainerService/managedClusters/{0}', 'aks')]", properties: {} },
    ], { parameters: { c: { type: 'string' } } }),
    't',
  );
  const clusterId = `${RG}/providers/${CLUSTER}/aks`;
  expect(reading.resources.map((r) => [r.type, String(r.name), String(r.scope)])).toEqual([
    ['Microsoft.Insights/diagnosticSettings', 'diag', clusterId],
    ['Microsoft.Authorization/locks', 'lock', `${RG}/providers/${CLUSTER}/[parameters('c')]`],
    ['Microsoft.Authorization/roleAssignments', 'ra', clusterId],
    ['Microsoft.Authorization/roleAssignments', 'rb', clusterId],
  ]);
  expect(reading.resources[0].id).toBe(`${clusterId}/providers/Microsoft.Insights/diagnosticSettings/diag`);
  expect(reading.resources[0].body).toEqual({ properties: { logs: [] } });
});

test('nested deployments: inner scope takes the parameters passed; outer scope the outer template\'s', () => {
  const inner = (scope?: string) => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: `nested-${scope ?? 'default'}`,
    resourceGroup: 'rg-net',
    properties: {
      mode: 'Incremental',
      ...(scope ? { expressionEvaluationOptions: { scope } } : {}),
      parameters: { private: { value: "[not(parameters('public'))]" }, secret: { reference: { keyVault: { id: 'kv' }, secretName: 's' } } },
      template: {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        parameters: { private: { type: 'bool' }, secret: { type: 'securestring' }, public: { type: 'bool', defaultValue: true } },
        resources: [{ type: CLUSTER, apiVersion: '2024-05-01', name: "[resourceGroup().name]", properties: { apiServerAccessProfile: { enablePrivateCluster: "[parameters('private')]" }, secret: "[parameters('secret')]" } }],
      },
    },
  });
  const reading = readArmTemplate(template([inner('inner'), inner('outer')], { parameters: { public: { type: 'bool', defaultValue: false }, private: { type: 'bool', defaultValue: false }, secret: { type: 'string', defaultValue: 'outer' } } }), 't');
  expect(reading.problems).toEqual([]);
  const clusters = reading.resources.filter((r) => r.type === CLUSTER);
  expect(clusters.map((c) => [c.name, c.id, c.origin.pointer])).toEqual([
    ['rg-net', `/subscriptions/(subscription)/resourceGroups/rg-net/providers/${CLUSTER}/rg-net`, '/resources/0/properties/template/resources/0'],
    ['(resourceGroup)', `/subscriptions/(subscription)/resourceGroups/rg-net/providers/${CLUSTER}/(resourceGroup)`, '/resources/1/properties/template/resources/0'],
  ]);
  const [innerProps, outerProps] = clusters.map((c) => c.body.properties as any);
  expect(innerProps.apiServerAccessProfile.enablePrivateCluster).toBe(true);
  expect(innerProps.secret.reason).toBe("parameter 'secret' is a Key Vault reference, read at deployment");
  expect(outerProps.apiServerAccessProfile.enablePrivateCluster).toBe(false);
  expect(outerProps.secret).toBe('outer');
  // The deployment itself is a resource; its template is read as resources, not kept in its body.
  const deployment = reading.resources[0];
  expect(deployment.type).toBe('Microsoft.Resources/deployments');
  expect((deployment.body.properties as any).template).toBeUndefined();
});

test('a nested deployment inside a nested deployment, with an unknown condition inherited', () => {
  const leaf = { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: "[parameters('n')]" };
  const level2 = { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'l2', properties: { expressionEvaluationOptions: { scope: 'inner' }, parameters: { n: { value: "[concat(parameters('n'), '-2')]" } }, template: { parameters: { n: { type: 'string' } }, resources: [leaf] } } };
  const level1 = { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'l1', condition: "[parameters('deploy')]", properties: { expressionEvaluationOptions: { scope: 'inner' }, parameters: { n: { value: 'vnet' } }, template: { parameters: { n: { type: 'string' } }, resources: [level2] } } };
  const reading = readArmTemplate(template([level1], { parameters: { deploy: { type: 'bool' } } }), 't');
  expect(reading.resources.map(summary)).toEqual([
    { type: 'Microsoft.Resources/deployments', name: 'l1', pointer: '/resources/0' },
    { type: 'Microsoft.Resources/deployments', name: 'l2', pointer: '/resources/0/properties/template/resources/0' },
    { type: 'Microsoft.Network/virtualNetworks', name: 'vnet-2', pointer: '/resources/0/properties/template/resources/0/properties/template/resources/0' },
  ]);
  expect(reading.resources.every((r) => r.condition?.reason === "parameter 'deploy' has no default value")).toBe(true);
});

test('a linked template is not examined, and said so', () => {
  const reading = readArmTemplate(template([{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'linked', properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/t.json' } } }]), 't');
  expect(reading.notExamined).toEqual([{ at: { document: 't', pointer: '/resources/0' }, what: 'the nested deployment "linked"', reason: 'its template is linked, not inline: not examined' }]);
});

test('languageVersion 2.0: symbolic names, existing resources are not deployed, parent and scope by symbolic name', () => {
  const reading = readArmTemplate(
    {
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: {
        vnet: { existing: true, type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'hub' },
        subnet: { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2024-05-01', parent: 'vnet', name: 'nodes', dependsOn: ['vnet'] },
        aks: { type: CLUSTER, apiVersion: '2024-05-01', name: 'aks', properties: { vnet: "[reference('vnet').addressSpace]" } },
        lock: { type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name: 'lock', scope: 'aks', properties: { level: 'CanNotDelete' } },
      },
    },
    't',
  );
  expect(reading.problems).toEqual([]);
  expect(reading.resources.map((r) => [r.type, r.name, r.scope, r.origin.pointer])).toEqual([
    ['Microsoft.Network/virtualNetworks/subnets', 'hub/nodes', undefined, '/resources/subnet'],
    [CLUSTER, 'aks', undefined, '/resources/aks'],
    ['Microsoft.Authorization/locks', 'lock', `${RG}/providers/${CLUSTER}/aks`, '/resources/lock'],
  ]);
  expect(isUnknown((reading.resources[1].body.properties as any).vnet)).toBe(true);
});

test('never throws on bad input: each bad part is a problem with its pointer, the rest is read', () => {
  const reading = readArmTemplate(
    template([
      'not a resource',
      { type: CLUSTER, apiVersion: '2024-05-01', name: "[concat('a']" },
      { type: CLUSTER, apiVersion: '2024-05-01', name: 'ok', properties: { x: '[div(1, 0)]', y: '[[literal]' } },
      { type: CLUSTER, apiVersion: '2024-05-01', name: 5 },
    ]),
    't',
  );
  expect(reading.problems.map((p) => p.at.pointer)).toEqual(['/resources/0', '/resources/1/name', '/resources/2/properties/x', '/resources/3/name']);
  expect(reading.resources.map((r) => String(r.name))).toEqual(["(unknown: the expression '[concat('a']' cannot be read)", 'ok']);
  expect((reading.resources[1].body.properties as any).y).toBe('[literal]');
  expect(readArmTemplate(template('nope'), 't').problems).toEqual([{ at: { document: 't', pointer: '/resources' }, message: '"resources" is a string, neither an array nor an object' }]);
  expect(readArmTemplate([], 't').problems[0].message).toMatch(/JSON object/);
});

test('a condition does not cascade to child resources, as ARM documents', () => {
  const reading = readArmTemplate(
    template([{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', condition: false, resources: [{ type: 'subnets', apiVersion: '2024-05-01', name: 'nodes' }] }]),
    't',
  );
  expect(reading.resources.map((r) => [r.type, r.name, r.condition])).toEqual([['Microsoft.Network/virtualNetworks/subnets', 'vnet/nodes', undefined]]);
});

test('a nested deployment in another resource group has that group\'s own unknown location', () => {
  const reading = readArmTemplate(
    template([
      { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'a', location: '[resourceGroup().location]' },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'other',
        resourceGroup: 'rg-2',
        properties: { expressionEvaluationOptions: { scope: 'inner' }, template: { resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'b', location: '[resourceGroup().location]' }] } },
      },
    ]),
    't',
  );
  const [a, , b] = reading.resources.map((r) => r.body.location as any);
  expect(isUnknown(a) && isUnknown(b)).toBe(true);
  expect(a.symbol).not.toBe(b.symbol);
});

test('deeply nested input is a problem, not a crash', () => {
  let value: unknown = 'x';
  for (let i = 0; i < 100_000; i++) value = [value];
  const reading = readArmTemplate(template([{ type: CLUSTER, apiVersion: '2024-05-01', name: 'aks', properties: { deep: value } }]), 't');
  expect(reading.problems[0].message).toMatch(/cannot be read whole/);
});

test('objects an expression builds name the expression; what they take from a variable keeps its place', () => {
  const reading = readArmTemplate(
    template([{ type: CLUSTER, apiVersion: '2024-05-01', name: 'aks', properties: { networkProfile: "[union(createObject('inner', createObject('a', 1)), createObject('fromVariable', variables('v')))]" } }], {
      variables: { v: { b: [1] } },
    }),
    't',
  );
  const profile = (reading.resources[0].body.properties as any).networkProfile;
  expect(recordedPointer(profile)).toBe('/resources/0/properties/networkProfile');
  expect(recordedPointer(profile.inner)).toBe('/resources/0/properties/networkProfile');
  expect(recordedPointer(profile.fromVariable)).toBe('/variables/v');
  expect(recordedPointer(profile.fromVariable.b)).toBe('/variables/v/b');
});

test('a template is one deployment: the cluster reads its parameter\'s default and finds its nested subnet through resourceId()', () => {
  const cluster = hardenedPayload({ apiServerAccessProfile: { enablePrivateCluster: true, enableVnetIntegration: true, subnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'apiserver')]" } });
  const t = template(
    [
      { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet', location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } },
        resources: [{ type: 'subnets', apiVersion: '2024-05-01', name: 'apiserver', properties: { addressPrefix: '10.1.1.0/29' } }] },
      { ...cluster, id: undefined, name: "[parameters('clusterName')]", apiVersion: '2026-06-01' },
    ],
    { parameters: { clusterName: { type: 'string', defaultValue: 'from-parameter' } } },
  );
  const [c] = describeDeployment([readArmTemplate(t, 'template.json')]).clusters;
  expect(c.resource.name).toBe('from-parameter');
  // The subnet is found: too small, and not delegated.
  const failed = evaluateClusterRules(c, CLUSTER_RULES, { evaluationDate: '2026-01-15' }).filter((o) => o.verdict === 'fail').map((o) => o.rule.id);
  expect(failed).toEqual(expect.arrayContaining(['SAKS-VNI-001', 'SAKS-VNI-002']));
});
