/**
 * A member Azure writes into a resource it returns and that no template
 * sets: drift is never reported on it.
 * @internal
 */
export interface ReadOnlyProperty {
  /**
   * Its REST path from the resource: `*` stands for any one member name (a
   * map's key), `[]` for any element of a list.
   */
  readonly path: string;
  /** Why it is not a setting. */
  readonly reason: string;
}

const SPEC = 'readOnly in the REST API specification (Microsoft.ContainerService 2026-06-01: the SDK @azure/arm-containerservice 25.5.0 reads it and never sends it)';
const ENVELOPE = 'the resource envelope Azure Resource Manager returns on a GET (the resource is matched by it, not compared)';

/** Read-only members of an agent pool, from its profile (`agentPoolProfiles[]`) or its `properties` as its own resource. */
const POOL_READ_ONLY: readonly ReadOnlyProperty[] = [
  { path: 'provisioningState', reason: SPEC },
  { path: 'currentOrchestratorVersion', reason: `${SPEC}: the version the nodes run, which auto-upgrade moves` },
  { path: 'eTag', reason: SPEC },
  { path: 'status.provisioningError', reason: `${SPEC}: provisioning errors` },
  { path: 'nodeImageVersion', reason: 'set by Azure from the node image and moved by node OS auto-upgrade (NodeImage channel); a template does not pin it' },
];

/**
 * Every read-only member the drift check ignores, in one place. Members
 * Azure adds with a default value where the approved template says nothing
 * need no entry: what the approved template leaves absent is not asserted.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/get
 * @see https://learn.microsoft.com/rest/api/aks/agent-pools/get
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-what-if#change-types
 * @internal
 */
export const READ_ONLY_PROPERTIES: readonly ReadOnlyProperty[] = [
  { path: 'id', reason: ENVELOPE },
  { path: 'name', reason: ENVELOPE },
  { path: 'type', reason: ENVELOPE },
  { path: 'systemData', reason: `${ENVELOPE}: who changed it and when` },
  { path: 'eTag', reason: ENVELOPE },
  { path: 'etag', reason: ENVELOPE },
  { path: 'apiVersion', reason: 'the API version the template sends with, not a setting of the resource' },
  { path: 'identity.principalId', reason: `${SPEC}: the system-assigned identity's object id` },
  { path: 'identity.tenantId', reason: SPEC },
  { path: 'identity.userAssignedIdentities.*.principalId', reason: 'readOnly in the ARM common types (UserAssignedIdentity): filled in by Azure' },
  { path: 'identity.userAssignedIdentities.*.clientId', reason: 'readOnly in the ARM common types (UserAssignedIdentity): filled in by Azure' },
  { path: 'properties.provisioningState', reason: SPEC },
  { path: 'properties.powerState', reason: `${SPEC}: running or stopped` },
  { path: 'properties.maxAgentPools', reason: SPEC },
  { path: 'properties.currentKubernetesVersion', reason: `${SPEC}: the version running, which auto-upgrade moves` },
  { path: 'properties.fqdn', reason: SPEC },
  { path: 'properties.privateFQDN', reason: SPEC },
  { path: 'properties.azurePortalFQDN', reason: SPEC },
  { path: 'properties.resourceUID', reason: SPEC },
  { path: 'properties.status.provisioningError', reason: `${SPEC}: provisioning errors` },
  { path: 'properties.oidcIssuerProfile.issuerURL', reason: SPEC },
  { path: 'properties.addonProfiles.*.identity', reason: `${SPEC}: the identity Azure creates for the add-on` },
  { path: 'properties.ingressProfile.webAppRouting.identity', reason: SPEC },
  { path: 'properties.networkProfile.loadBalancerProfile.effectiveOutboundIPs', reason: SPEC },
  { path: 'properties.networkProfile.natGatewayProfile.effectiveOutboundIPs', reason: SPEC },
  { path: 'properties.podIdentityProfile.userAssignedIdentities[].provisioningState', reason: SPEC },
  { path: 'properties.podIdentityProfile.userAssignedIdentities[].provisioningInfo', reason: SPEC },
  ...POOL_READ_ONLY.map((p) => ({ path: `properties.agentPoolProfiles[].${p.path}`, reason: p.reason })),
  // An agent pool as its own resource (`Microsoft.ContainerService/managedClusters/agentPools`).
  ...POOL_READ_ONLY.map((p) => ({ path: `properties.${p.path}`, reason: p.reason })),
  // Other resources deployed beside the cluster (networks, subnets, locks, diagnostic settings).
  { path: 'properties.resourceGuid', reason: 'readOnly in the REST API specification (Microsoft.Network): set by Azure' },
];

/**
 * Members of a template's resource that are template syntax (deployment
 * order, conditions, loops), not properties Azure stores.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/resource-declaration
 * @internal
 */
export const TEMPLATE_ONLY_PROPERTIES: readonly ReadOnlyProperty[] = ['dependsOn', 'condition', 'copy', 'comments', 'scope', 'metadata'].map((path) => ({
  path,
  reason: 'template syntax (deployment order, condition, loop, scope, comments), not a property Azure stores',
}));

const PATTERNS = [...READ_ONLY_PROPERTIES, ...TEMPLATE_ONLY_PROPERTIES].map((p) => ({
  ...p,
  pattern: new RegExp(`^${p.path.replace(/[.+?^${}()|\\]/g, '\\$&').replace(/\*/g, '[^.\\[]+').replace(/\[\]/g, '\\[[^\\]]+\\]')}$`, 'i'),
}));

/**
 * The read-only or template-only member a REST path is, if it is one (`properties.agentPoolProfiles['system'].provisioningState`).
 * @internal
 */
export function ignoredProperty(path: string): ReadOnlyProperty | undefined {
  const found = PATTERNS.find((p) => p.pattern.test(path));
  return found === undefined ? undefined : { path: found.path, reason: found.reason };
}
