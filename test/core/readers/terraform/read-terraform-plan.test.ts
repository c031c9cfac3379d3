import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DescribedResource, recordedPointer } from '../../../../lib/core/description/described-resource';
import { isUnknown, UnknownValue } from '../../../../lib/core/description/unknown-value';
import { readTerraformPlan } from '../../../../lib/core/readers/terraform/read-terraform-plan';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'terraform-plans');

function plan(slug: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, slug, 'plan.json'), 'utf8'));
}

/** The value at an RFC 6901 pointer. */
function at(document: any, pointer: string): any {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((v, t) => v?.[t], document);
}

function ofType(resources: readonly DescribedResource[], type: string): DescribedResource[] {
  return resources.filter((r) => r.type === type);
}

function unknownReason(value: unknown): string {
  expect(isUnknown(value), `expected an unknown value, got ${JSON.stringify(value)}`).toBe(true);
  return (value as UnknownValue).reason;
}

describe('readTerraformPlan on repro-502 (Terraform 1.9.4, azurerm 3.116.0)', () => {
  const doc = plan('repro-502');
  const reading = readTerraformPlan(doc, 'repro-502/plan.json');
  const [cluster] = ofType(reading.resources, 'Microsoft.ContainerService/managedClusters');
  const p = cluster.body.properties as Record<string, any>;

  it('reads the whole plan without problems, each resource at the pointer of its planned values', () => {
    expect(reading.problems).toEqual([]);
    expect(reading.notExamined).toEqual([]);
    expect(reading.wholeDeployment).toBe(true);
    const expected: Record<string, string> = {
      azurerm_kubernetes_cluster: 'Microsoft.ContainerService/managedClusters',
      azurerm_kubernetes_cluster_node_pool: 'Microsoft.ContainerService/managedClusters/agentPools',
      azurerm_monitor_diagnostic_setting: 'Microsoft.Insights/diagnosticSettings',
      azurerm_role_assignment: 'Microsoft.Authorization/roleAssignments',
      azurerm_subnet: 'Microsoft.Network/virtualNetworks/subnets',
      azurerm_virtual_network: 'Microsoft.Network/virtualNetworks',
    };
    expect(reading.resources.map((r) => expected[at(doc, r.origin.pointer).type])).toEqual(reading.resources.map((r) => r.type));
    expect(reading.resources).toHaveLength(7);
    expect(cluster.origin).toEqual({ document: 'repro-502/plan.json', pointer: '/planned_values/root_module/resources/1' });
  });

  it('maps what the plan sets, and the provider defaults of what it leaves unset', () => {
    expect(cluster.name).toBe('aks-repro-502');
    expect(cluster.body.location).toBe('westeurope');
    expect(cluster.body.sku).toEqual({ name: 'Base', tier: 'Free' });
    expect(cluster.body.identity).toEqual({ type: 'SystemAssigned' });
    expect(p.servicePrincipalProfile).toEqual({ clientId: 'msi' });
    expect(p.apiServerAccessProfile).toMatchObject({ enablePrivateCluster: false, enablePrivateClusterPublicFQDN: false, disableRunCommand: false });
    // local_account_disabled is null in the plan: the provider sends false.
    expect(at(doc, `${cluster.origin.pointer}/values/local_account_disabled`)).toBeNull();
    expect(p.disableLocalAccounts).toBe(false);
    expect(p.enableRBAC).toBe(true);
    expect(p.networkProfile).toMatchObject({ networkPlugin: 'azure', networkPluginMode: 'overlay', outboundType: 'loadBalancer', loadBalancerSku: 'standard' });
    expect(p.agentPoolProfiles[0]).toMatchObject({ name: 'default', mode: 'System', count: 3, vmSize: 'Standard_D4s_v5', nodeTaints: ['CriticalAddonsOnly=true:NoSchedule'], enableNodePublicIP: false });
  });

  it('keeps what is known only after apply unknown, never a default', () => {
    // The plan omits them from planned_values; after_unknown marks them.
    expect(at(doc, `${cluster.origin.pointer}/values/kubernetes_version`)).toBeUndefined();
    expect(unknownReason(p.kubernetesVersion)).toBe('known only after apply');
    expect(unknownReason(p.apiServerAccessProfile.authorizedIPRanges)).toBe('known only after apply');
    expect(unknownReason(p.apiServerAccessProfile.privateDNSZone)).toBe('known only after apply');
    expect(unknownReason(p.agentPoolProfiles[0].vnetSubnetID)).toBe('known only after apply');
    expect(unknownReason(cluster.id)).toBe('known only after apply');
  });

  it('records where mapped objects were written, so that findings point into the plan', () => {
    expect(recordedPointer(p.agentPoolProfiles[0])).toBe('/planned_values/root_module/resources/1/values/default_node_pool/0');
    expect(recordedPointer(p.networkProfile)).toBe('/planned_values/root_module/resources/1/values/network_profile/0');
    expect(recordedPointer(p)).toBe('/planned_values/root_module/resources/1/values');
  });

  it("names the node pool after the cluster its kubernetes_cluster_id refers to in the configuration", () => {
    const [pool] = ofType(reading.resources, 'Microsoft.ContainerService/managedClusters/agentPools');
    // Its id is known only after apply: the pool is related through the configuration's reference.
    expect(at(doc, '/resource_changes').find((c: any) => c.address === 'azurerm_kubernetes_cluster_node_pool.user').change.after_unknown.kubernetes_cluster_id).toBe(true);
    expect(pool.name).toBe('aks-repro-502/user');
    expect(pool.body.properties).toMatchObject({ mode: 'User', count: 3, vmSize: 'Standard_D4s_v5', osType: 'Linux' });
  });

  it('relates extension resources to their targets by the symbol of the unknown id', () => {
    const [role] = ofType(reading.resources, 'Microsoft.Authorization/roleAssignments');
    const [vnet] = ofType(reading.resources, 'Microsoft.Network/virtualNetworks');
    expect(isUnknown(role.scope) && isUnknown(vnet.id)).toBe(true);
    expect((role.scope as UnknownValue).symbol).toBe('azurerm_virtual_network.repro_502.id');
    expect((vnet.id as UnknownValue).symbol).toBe((role.scope as UnknownValue).symbol);
    // The role is given by name: its definition id is not known before apply.
    expect(unknownReason((role.body.properties as any).roleDefinitionId)).toContain("'Network Contributor'");
    const [diagnostics] = ofType(reading.resources, 'Microsoft.Insights/diagnosticSettings');
    expect((diagnostics.scope as UnknownValue).symbol).toBe('azurerm_application_gateway.repro_502.id');
  });
});

describe('readTerraformPlan on terraform-aks-demo (Terraform 1.9.4, azurerm 3.116.0)', () => {
  const doc = plan('terraform-aks-demo');
  const reading = readTerraformPlan(doc, 'plan.json');
  const [cluster] = ofType(reading.resources, 'Microsoft.ContainerService/managedClusters');
  const p = cluster.body.properties as Record<string, any>;

  it('reads the public cluster, its Azure network policy and its service network', () => {
    expect(reading.problems).toEqual([]);
    expect(cluster.name).toBe('orbit-aks-cluster');
    expect(p.apiServerAccessProfile.enablePrivateCluster).toBe(false);
    expect(p.networkProfile).toMatchObject({ networkPlugin: 'azure', networkPolicy: 'azure', serviceCidr: '10.0.4.0/24', dnsServiceIP: '10.0.4.10' });
    expect(ofType(reading.resources, 'Microsoft.Network/privateDnsZones').map((z) => z.name)).toEqual(['orbit.postgres.database.azure.com']);
    expect(ofType(reading.resources, 'Microsoft.Network/virtualNetworks/subnets')).toHaveLength(3);
  });

  it('never carries a value the plan marks sensitive', () => {
    expect(JSON.stringify(doc)).toContain('P@ssword1234!');
    expect(JSON.stringify(reading)).not.toContain('P@ssword1234!');
  });
});
