import { describe, expect, it } from 'vitest';
import { isUnknown, UnknownValue } from '../../../../lib/core/description/unknown-value';
import { readTerraformPlan } from '../../../../lib/core/readers/terraform/read-terraform-plan';

// Small documents in the shapes of the JSON output format, for what the public plans do not show.
// https://developer.hashicorp.com/terraform/internals/json-format

const CLUSTER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks';

const cluster = (values: Record<string, unknown>) => ({
  address: 'azurerm_kubernetes_cluster.main',
  mode: 'managed',
  type: 'azurerm_kubernetes_cluster',
  name: 'main',
  values: { name: 'aks', dns_prefix: 'aks', identity: [{ type: 'SystemAssigned' }], default_node_pool: [{ name: 'system' }], ...values },
  sensitive_values: {},
});

describe('readTerraformPlan: document forms', () => {
  it('reads resources of child modules at their pointers', () => {
    const plan = {
      format_version: '1.2',
      planned_values: { root_module: { child_modules: [{ address: 'module.aks', resources: [{ ...cluster({}), address: 'module.aks.azurerm_kubernetes_cluster.main' }] }] } },
    };
    const reading = readTerraformPlan(plan, 'plan.json');
    expect(reading.resources).toHaveLength(1);
    expect(reading.resources[0].origin.pointer).toBe('/planned_values/root_module/child_modules/0/resources/0');
    expect((reading.resources[0].id as UnknownValue).symbol).toBe('module.aks.azurerm_kubernetes_cluster.main.id');
  });

  it('reads a state (terraform show -json of a state): every value known, the id literal', () => {
    const state = { format_version: '1.0', values: { root_module: { resources: [cluster({ id: CLUSTER_ID, private_cluster_enabled: true })] } } };
    const reading = readTerraformPlan(state, 'state.json');
    const [r] = reading.resources;
    expect(r.origin.pointer).toBe('/values/root_module/resources/0');
    expect(r.id).toBe(CLUSTER_ID);
    expect((r.body.properties as any).apiServerAccessProfile.enablePrivateCluster).toBe(true);
  });

  it('takes an attribute that after_unknown marks and planned values omit as unknown, not as unset', () => {
    const plan = {
      planned_values: { root_module: { resources: [cluster({})] } },
      resource_changes: [{ address: 'azurerm_kubernetes_cluster.main', change: { actions: ['create'], after_unknown: { private_cluster_enabled: true, default_node_pool: [{ vm_size: true }] } } }],
    };
    const p = readTerraformPlan(plan, 'plan.json').resources[0].body.properties as any;
    expect(isUnknown(p.apiServerAccessProfile.enablePrivateCluster)).toBe(true);
    expect(p.apiServerAccessProfile.enablePrivateCluster.reason).toBe('known only after apply');
    expect(isUnknown(p.agentPoolProfiles[0].vmSize)).toBe(true);
    // What is neither set nor marked is unset: the provider's default.
    expect(p.disableLocalAccounts).toBe(false);
  });

  it('does not read a value marked sensitive', () => {
    const plan = {
      planned_values: {
        root_module: { resources: [{ ...cluster({ service_principal: [{ client_id: 'app', client_secret: 'hunter2' }], identity: [] }), sensitive_values: { service_principal: [{ client_secret: true }] } }] },
      },
    };
    const reading = readTerraformPlan(plan, 'plan.json');
    expect(JSON.stringify(reading)).not.toContain('hunter2');
    expect((reading.resources[0].body.properties as any).servicePrincipalProfile.clientId).toBe('app');
  });

  it('names a node pool after the cluster whose id its kubernetes_cluster_id is, or after the literal id', () => {
    const pool = (address: string, id: string) => ({ address, mode: 'managed', type: 'azurerm_kubernetes_cluster_node_pool', values: { name: 'user', kubernetes_cluster_id: id, vm_size: 'Standard_D4s_v5' } });
    const state = {
      values: {
        root_module: {
          resources: [
            cluster({ id: CLUSTER_ID, name: 'Cluster-In-State' }),
            pool('azurerm_kubernetes_cluster_node_pool.user', CLUSTER_ID.toUpperCase()),
            pool('azurerm_kubernetes_cluster_node_pool.other', CLUSTER_ID.replace('/aks', '/elsewhere')),
          ],
        },
      },
    };
    const pools = readTerraformPlan(state, 'state.json').resources.filter((r) => r.type === 'Microsoft.ContainerService/managedClusters/agentPools');
    expect(pools.map((p) => p.name)).toEqual(['Cluster-In-State/user', 'elsewhere/user']);
  });

  it('reports a data source of a cluster as not examined', () => {
    const plan = { planned_values: { root_module: { resources: [{ address: 'data.azurerm_kubernetes_cluster.x', mode: 'data', type: 'azurerm_kubernetes_cluster', values: { name: 'x' } }] } } };
    const reading = readTerraformPlan(plan, 'plan.json');
    expect(reading.resources).toEqual([]);
    expect(reading.notExamined).toEqual([{ at: { document: 'plan.json', pointer: '/planned_values/root_module/resources/0' }, what: 'the data source data.azurerm_kubernetes_cluster.x', reason: expect.stringContaining('does not define it') }]);
  });

  it('reads an azapi_resource of type managedClusters from its body, and reports one whose body is unknown', () => {
    const azapi = (address: string, body: unknown) => ({
      address,
      mode: 'managed',
      type: 'azapi_resource',
      values: { type: 'Microsoft.ContainerService/managedClusters@2025-05-01', name: 'aks', location: 'westeurope', parent_id: '/subscriptions/s/resourceGroups/rg', body },
    });
    const plan = {
      planned_values: {
        root_module: {
          resources: [
            azapi('azapi_resource.aks', { properties: { apiServerAccessProfile: { enablePrivateCluster: true }, disableLocalAccounts: true } }),
            azapi('azapi_resource.later', null),
          ],
        },
      },
      resource_changes: [{ address: 'azapi_resource.later', change: { after_unknown: { body: true } } }],
    };
    const reading = readTerraformPlan(plan, 'plan.json');
    expect(reading.resources).toHaveLength(1);
    expect(reading.resources[0]).toMatchObject({ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2025-05-01', name: 'aks', body: { location: 'westeurope', properties: { disableLocalAccounts: true } } });
    expect(reading.notExamined).toHaveLength(1);
    expect(reading.notExamined[0].reason).toBe('its body is known only after apply');
  });

  it('does not take an errored or incomplete plan as the whole deployment', () => {
    const planned = { planned_values: { root_module: { resources: [cluster({})] } } };
    expect(readTerraformPlan({ ...planned, errored: false, complete: true }, 'plan.json').wholeDeployment).toBe(true);
    for (const [mark, pointer] of [[{ errored: true }, '/errored'], [{ complete: false }, '/complete']] as const) {
      const reading = readTerraformPlan({ ...planned, ...mark }, 'plan.json');
      expect(reading.wholeDeployment).toBe(false);
      expect(reading.resources).toHaveLength(1);
      expect(reading.notExamined).toEqual([{ at: { document: 'plan.json', pointer }, what: 'the rest of the plan', reason: expect.any(String) }]);
    }
  });

  it('reports a document that is not terraform show -json output as a problem', () => {
    expect(readTerraformPlan({ resources: [] }, 'x.json').problems[0].message).toContain('not the output of `terraform show -json`');
    expect(readTerraformPlan([], 'x.json').problems).toHaveLength(1);
  });
});
