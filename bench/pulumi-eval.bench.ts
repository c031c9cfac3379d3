/**
 * Pulumi program evaluation under setMocks: C hardened clusters declared with
 * the library's HardenedCluster component, against the same ARM resources
 * declared by hand with azure-native's typed resources.
 */
import * as authorization from '@pulumi/azure-native/authorization';
import * as containerservice from '@pulumi/azure-native/containerservice';
import * as managedidentity from '@pulumi/azure-native/managedidentity';
import * as monitor from '@pulumi/azure-native/monitor';
import * as network from '@pulumi/azure-native/network';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights';
import * as privatedns from '@pulumi/azure-native/privatedns';
import * as pulumi from '@pulumi/pulumi';
import { ApiServerAccess, HardenedClusterProps, ManagedClusterModel, PrivateDnsZone, renderArmTemplate } from '../lib';
import { HardenedCluster } from '../lib/pulumi';
import { flattenProperties } from '../lib/pulumi/typed-arm-resources';
import { BENCH_SUBSCRIPTION as SUB, installBenchMocks } from './bench-mocks';
import { ms, ratio } from './bench-util';

/** A cluster definition without warnings (a hub network linked to its own zone), as a platform team writes it. */
const props = (i: number): HardenedClusterProps => ({
  name: `c${i}`,
  location: 'westeurope',
  apiServerAccess: ApiServerAccess.private({
    dnsZone: PrivateDnsZone.create({ linkedVnetIds: [`/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub`] }),
  }),
});
let pending = 0;
let done: () => void = () => undefined;

/** Waits for outputs to resolve: the end of program evaluation. */
function settle(outputs: pulumi.Output<unknown>[]): Promise<void> {
  return new Promise((resolve) => {
    pending = outputs.length;
    done = resolve;
    for (const o of outputs) o.apply(() => { if (--pending === 0) done(); });
  });
}

async function library(c: number, run: number): Promise<void> {
  const outputs: pulumi.Output<unknown>[] = [];
  for (let i = 0; i < c; i++) {
    const aks = new HardenedCluster(`lib${run}-c${i}`, { ...props(i), resourceGroupName: 'rg' });
    outputs.push(aks.clusterId);
  }
  await settle(outputs);
}

/**
 * The same resources, written by hand against azure-native's typed resources: what a
 * user without the library declares (the payload copied from the model's template,
 * reshaped to the typed arguments).
 */
async function raw(c: number, run: number): Promise<void> {
  const outputs: pulumi.Output<unknown>[] = [];
  for (let i = 0; i < c; i++) {
    const model = ManagedClusterModel.build(props(i));
    const template = renderArmTemplate(model.resources) as any;
    const created: pulumi.CustomResource[] = [];
    for (const r of template.resources) {
      const name = `raw${run}-c${i}-${created.length}`;
      const opts = { dependsOn: created.slice(-1) };
      const p = flattenProperties(r.properties ?? {}) as Record<string, any>;
      const rg = { resourceGroupName: 'rg' };
      const tracked = { ...rg, location: r.location };
      const names: string[] = String(r.name).replace(/^\[|\]$/g, '').split('/');
      switch (r.type) {
        case 'Microsoft.Authorization/roleAssignments':
          created.push(new authorization.RoleAssignment(name, { scope: `/subscriptions/${SUB}/x`, roleDefinitionId: r.properties.roleDefinitionId, principalId: 'p', principalType: 'ServicePrincipal' }, opts));
          break;
        case 'Microsoft.Authorization/locks':
          created.push(new authorization.ManagementLockByScope(name, { scope: `/subscriptions/${SUB}/x`, level: 'CanNotDelete', notes: p.notes }, opts));
          break;
        case 'Microsoft.Insights/diagnosticSettings':
          created.push(new monitor.DiagnosticSetting(name, { resourceUri: `/subscriptions/${SUB}/x`, workspaceId: 'w', logs: p.logs }, opts));
          break;
        case 'Microsoft.ManagedIdentity/userAssignedIdentities':
          created.push(new managedidentity.UserAssignedIdentity(name, { ...tracked, resourceName: names[0] }, opts));
          break;
        case 'Microsoft.Network/virtualNetworks':
          created.push(new network.VirtualNetwork(name, { ...tracked, virtualNetworkName: names[0], ...p }, opts));
          break;
        case 'Microsoft.Network/networkSecurityGroups':
          created.push(new network.NetworkSecurityGroup(name, { ...tracked, networkSecurityGroupName: names[0], ...p }, opts));
          break;
        case 'Microsoft.Network/privateDnsZones':
          created.push(new privatedns.PrivateZone(name, { ...tracked, privateZoneName: names[0] }, opts));
          break;
        case 'Microsoft.Network/privateDnsZones/virtualNetworkLinks':
          created.push(new privatedns.VirtualNetworkLink(name, { ...tracked, privateZoneName: names[0], virtualNetworkLinkName: names[1], ...p }, opts));
          break;
        case 'Microsoft.OperationalInsights/workspaces':
          created.push(new operationalinsights.Workspace(name, { ...tracked, workspaceName: names[0], ...p }, opts));
          break;
        case 'Microsoft.ContainerService/managedClusters':
          created.push(new containerservice.ManagedCluster(name, { ...tracked, resourceName: names[0], ...p, sku: r.sku, identity: { type: 'UserAssigned', userAssignedIdentities: ['i'] } } as never, opts));
          break;
        default:
          throw new Error(`no hand-written resource for ${r.type}`);
      }
    }
    outputs.push(created[created.length - 1].id);
  }
  await settle(outputs);
}

async function time(fn: (run: number) => Promise<void>, runs: number, offset: number): Promise<number> {
  await fn(offset); // warm-up
  const times: number[] = [];
  for (let r = 1; r <= runs; r++) {
    const start = process.hrtime.bigint();
    await fn(offset + r);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export async function run(): Promise<{ c: number; lib: number; raw: number }[]> {
  await installBenchMocks();
  const results: { c: number; lib: number; raw: number }[] = [];
  for (const c of [1, 10, 50]) {
    const runs = c >= 50 ? 3 : c >= 10 ? 7 : 15;
    const lib = await time((r) => library(c, r), runs, c * 100);
    const rawT = await time((r) => raw(c, r), runs, c * 100);
    results.push({ c, lib, raw: rawT });
    process.stdout.write(`C=${c}: library ${ms(lib)}, raw azure-native ${ms(rawT)}; ${ratio(`C=${c} library vs raw`, lib / rawT, 1.3)}\n`);
  }
  return results;
}

if (require.main === module) void run();
