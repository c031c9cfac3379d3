/**
 * A cluster as Azure returns it on a GET, built from an approved template's
 * cluster resource: the template's `[resourceId(...)]` become the ids Azure
 * returns (resource group in lower case, as Azure writes `resourcegroups`),
 * and the members Azure adds are those of a real GET, the Azure CLI's
 * recording in test/fixtures/real-world/azure-cli-recording-private-cluster-get.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const RESOURCE_GROUP = 'payments-prod-rg';

const RECORDED = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../fixtures/real-world/azure-cli-recording-private-cluster-get/cliakstest000001.json'), 'utf8'),
) as Record<string, any>;

const EXAMPLES = {
  'acns-wireguard': () => import('../../examples/acns-wireguard/definition'),
  platform: () => import('../../examples/platform/definition'),
  'public-authorized-ranges': () => import('../../examples/public-authorized-ranges/definition'),
} as const;

/** A synthesized example's files (the approved synth, built in memory as `secure-aks synth` builds it). */
export async function approvedFiles(example: keyof typeof EXAMPLES): Promise<Readonly<Record<string, string>>> {
  return (await EXAMPLES[example]()).default.artifacts();
}

/** The id Azure returns for `[resourceId('type', 'name', ...)]` in the live resource group. */
function liveId(type: string, names: readonly string[]): string {
  const [namespace, ...types] = type.split('/');
  return `/subscriptions/${SUBSCRIPTION}/resourcegroups/${RESOURCE_GROUP}/providers/${namespace}/${types.flatMap((t, i) => [t, names[i]]).join('/')}`;
}

function resolveIds(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = /^\[resourceId\((.*)\)\]$/.exec(value);
    if (!m) return value;
    const [type, ...names] = [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
    return liveId(type, names);
  }
  if (Array.isArray(value)) return value.map(resolveIds);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [resolveIds(k) as string, resolveIds(v)]));
  return value;
}

/** The members a real GET holds that a template does not set: read-only ones and defaults Azure fills in. */
function addAzureMembers(cluster: Record<string, any>): void {
  const p = cluster.properties;
  const r = RECORDED.properties;
  Object.assign(p, {
    provisioningState: r.provisioningState,
    powerState: r.powerState,
    azurePortalFQDN: r.azurePortalFQDN,
    privateFQDN: r.privateFQDN,
    maxAgentPools: r.maxAgentPools,
    nodeResourceGroup: `MC_${RESOURCE_GROUP}_${cluster.name}_${cluster.location}`,
    identityProfile: r.identityProfile,
    currentKubernetesVersion: `${p.kubernetesVersion}.4`,
  });
  p.apiServerAccessProfile = { ...p.apiServerAccessProfile, privateClusterVersion: r.apiServerAccessProfile.privateClusterVersion };
  p.networkProfile = { ...p.networkProfile, loadBalancerProfile: r.networkProfile.loadBalancerProfile, ipFamilies: r.networkProfile.ipFamilies };
  if (p.oidcIssuerProfile?.enabled) p.oidcIssuerProfile.issuerURL = `https://${cluster.location}.oic.prod-aks.azure.com/${SUBSCRIPTION}/issuer/`;
  const pool = r.agentPoolProfiles[0];
  p.agentPoolProfiles = p.agentPoolProfiles.map((x: Record<string, unknown>) => ({
    ...x,
    provisioningState: pool.provisioningState,
    powerState: pool.powerState,
    nodeImageVersion: pool.nodeImageVersion,
    currentOrchestratorVersion: `${p.kubernetesVersion}.4`,
    orchestratorVersion: `${p.kubernetesVersion}.4`,
    osDiskSizeGB: pool.osDiskSizeGB,
    kubeletDiskType: pool.kubeletDiskType,
  }));
  if (cluster.identity?.userAssignedIdentities) {
    for (const key of Object.keys(cluster.identity.userAssignedIdentities)) cluster.identity.userAssignedIdentities[key] = { principalId: RECORDED.identity.principalId, clientId: RECORDED.identity.principalId };
  }
}

/**
 * The cluster of an approved template as a GET of it returns it: what the
 * template sets, with ids resolved, and what Azure adds. `edit` changes it
 * the way a portal click, `az aks update` or another team's Terraform would.
 */
export function liveGetOf(templateText: string, edit: (cluster: Record<string, any>) => void = () => {}, name?: string): Record<string, any> {
  const template = JSON.parse(templateText) as { resources: Array<Record<string, any>> };
  const resource = template.resources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters' && (name === undefined || r.name === name))!;
  const { dependsOn: _d, apiVersion: _a, ...body } = resolveIds(resource) as Record<string, any>;
  const cluster = {
    id: liveId('Microsoft.ContainerService/managedClusters', [body.name]),
    ...body,
    // Azure returns the type as the recording shows it.
    type: RECORDED.type,
  };
  addAzureMembers(cluster);
  edit(cluster);
  return cluster;
}

/** Another resource of an approved template (a virtual network) as a GET returns it, edited by `edit`. */
export function liveResourceOf(templateText: string, type: string, edit: (resource: Record<string, any>) => void = () => {}, name?: string): Record<string, any> {
  const template = JSON.parse(templateText) as { resources: Array<Record<string, any>> };
  const { dependsOn: _d, apiVersion: _a, ...body } = resolveIds(template.resources.find((r) => r.type === type && (name === undefined || r.name === name))!) as Record<string, any>;
  const resource = { id: liveId(type, [body.name]), ...body, properties: { ...body.properties, provisioningState: RECORDED.properties.provisioningState } };
  edit(resource);
  return resource;
}

/** The same cluster as `az aks show -o json` prints it: the properties beside the envelope. */
export function azAksShowOf(get: Record<string, any>): Record<string, any> {
  const { properties, ...envelope } = get;
  // The Azure CLI camel-cases its SDK's names: `enableRbac` for the REST API's `enableRBAC`.
  const { enableRBAC, ...rest } = properties;
  return { ...envelope, resourceGroup: RESOURCE_GROUP, ...rest, enableRbac: enableRBAC };
}
