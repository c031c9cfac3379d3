import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import {
  ApiServerAccess,
  CertificateSource,
  CustomerCaIssuer,
  GatewayDeployment,
  MeshFlavour,
  checkClusterUpdate,
  CrossClusterLink,
  linkContract,
  SecureAksValidationError,
  ManagedClusterModel,
  ClusterIdentity,
  ClusterMonitoring,
  ClusterNetwork,
  CrossClusterLinkProps,
  CrossClusterServiceProps,
  HardenedClusterProps,
  RegulatedPlatformProps,
  validateRegulatedPlatform,
  validateHardenedCluster,
  ViolationCollector,
  OutboundType,
  PodNetworking,
  PrivateDnsZone,
  Rules,
  TransitEncryption,
} from '../../lib';
import {
  CalicoWireGuardConfiguration,
  CrossClusterClientChart,
  CrossClusterServerChart,
  DeploymentCheck,
  HostNetworkEncryptionCheck,
  offlineApp,
  addCrossClusterCharts,
} from '../../lib/cdk8s';
import { loadDefinitionFile } from '../../lib/cli/definition-loader';
import { clusterReports } from '../../lib/synth';
import { AuditedResource } from '../../lib/core/audit/audited-resource';
import { checkClusterPayload } from '../../lib/core/audit/cluster-payload-rules';
import { describeDeployment } from '../../lib/core/description/cluster-description';
import { approvedClusters, compareWithApproved } from '../../lib/core/drift/drift-run';
import { driftViolations } from '../../lib/core/drift/drift-violations';
import { readDocument } from '../../lib/core/readers/read-document';
import { liveGetOf } from './live-cluster';
import { CERT_MANAGER_IDENTITY, GROUP, HUB_ROUTE_TABLE, HUB_VNET, HUB_ZONE_PL, KEY_VAULT, KMS_KEY_ID, REGISTRY, SPOKE, SUB } from './cluster-fixtures';
import { MYSQL } from './mesh-fixtures';
import { PLATFORM } from './platform-fixtures';
import { props as ESTATE } from '../../examples/estate/definition';
import { ClusterDelivery, EstateModel, EstateProps, GitOpsSource, GitOpsTreeInput, gitOpsTree, validateEstate } from '../../lib';

const base = { name: 'c1', location: 'westeurope' } as const;
/** cert-manager federated with its identity, under a credential name. */
const certManagerFederation = (name: string) => ({ name, identityId: CERT_MANAGER_IDENTITY, clientId: '00000000-0000-0000-0000-0000000000c1', namespace: 'cert-manager', serviceAccountName: 'cert-manager' });
/** The estate example's OCI source, to change one field of. */
const OCI_SOURCE = { url: 'oci://contosoplatform.azurecr.io/estate/clusters', tag: 'production', identity: ESTATE.delivery.source!.identity! };
const OTHER_VNET = `/subscriptions/${SUB}/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/other`;
/** Settings that keep Calico WireGuard valid, so a case breaks one rule only. */
const calico = { transitEncryption: TransitEncryption.calicoWireGuard() } as const;
/** Settings that keep VNet encryption valid. */
const vnetEnc = {
  transitEncryption: TransitEncryption.virtualNetworkEncryption(),
  apiServerAccess: ApiServerAccess.private({ vnetIntegration: false }),
} as const;

/** One misconfiguration: the input, the rule it breaks, where, and what the fix says. */
export interface Case {
  readonly name: string;
  /** A cluster definition breaking the rule ... */
  readonly props?: HardenedClusterProps;
  /** ... or a cross-cluster link definition ... */
  readonly link?: CrossClusterLinkProps;
  /** ... or a platform definition ... */
  readonly platform?: RegulatedPlatformProps;
  /** ... or an estate definition ... */
  readonly estate?: EstateProps;
  /** ... or a GitOps tree's input ... */
  readonly tree?: GitOpsTreeInput;
  /** ... or a deployment: a cluster definition and the Kubernetes objects applied with it ... */
  readonly deployment?: { readonly props: HardenedClusterProps; readonly objects: readonly unknown[] };
  /** ... or cdk8s charts, checked by the app's deployment check ... */
  readonly charts?: (app: App) => void;
  /** ... or a cluster as Azure describes it (the payload rules of the audit and the policy pack) ... */
  readonly payload?: AuditedResource;
  /** ... or a change from a previous cluster definition (compared as synthesized templates) ... */
  readonly update?: { readonly previous: HardenedClusterProps; readonly next: HardenedClusterProps };
  /** ... or a live cluster compared with its approved template (`secure-aks audit --approved`) ... */
  readonly drift?: { readonly approved: HardenedClusterProps; readonly live: (template: string) => unknown };
  /** ... or a definition file's JavaScript, loaded as `secure-aks synth` loads `<folder>/definition.js`. */
  readonly definition?: { readonly folder: string; readonly text: string };
  /** The day the support windows are judged on (default: the tests' fixed date). */
  readonly evaluationDate?: string;
  readonly rule: { readonly id: string; readonly statement: string };
  readonly property: string;
  /** Text the fix must contain. */
  readonly fix: RegExp;
}

/** Runs the validator the case's input belongs to. */
export function violationsOf(c: Case): ViolationCollector {
  if (c.drift) {
    const v = new ViolationCollector();
    const template = JSON.stringify(ManagedClusterModel.build(c.drift.approved).toArmTemplate());
    const approved = approvedClusters([{ name: 'cluster.template.json', reading: readDocument(JSON.parse(template), 'cluster.template.json') }]);
    v.addAll(driftViolations(compareWithApproved(describeDeployment([readDocument(c.drift.live(template), 'live.json')]).clusters, approved)));
    return v;
  }
  if (c.definition) {
    const v = new ViolationCollector();
    const e = loadCaseDefinition(c.definition);
    if (e instanceof SecureAksValidationError) v.addAll(e.violations);
    return v;
  }
  if (c.update) {
    const v = new ViolationCollector();
    v.addAll(checkClusterUpdate(ManagedClusterModel.build(c.update.previous).toArmTemplate(), ManagedClusterModel.build(c.update.next).toArmTemplate()));
    return v;
  }
  const on = c.evaluationDate === undefined ? {} : { evaluationDate: c.evaluationDate };
  if (c.platform) return validateRegulatedPlatform(c.platform, on);
  if (c.estate) return validateEstate(c.estate, on);
  if (c.tree) {
    const v = new ViolationCollector();
    try {
      gitOpsTree(c.tree);
    } catch (e) {
      if (e instanceof SecureAksValidationError) v.addAll(e.violations);
      else throw e;
    }
    return v;
  }
  if (c.payload) return checkClusterPayload(c.payload, []).violations;
  if (c.charts) {
    const v = new ViolationCollector();
    const app = offlineApp();
    try {
      c.charts(app);
    } catch (e) {
      if (e instanceof SecureAksValidationError) v.addAll(e.violations);
      else throw e;
      return v;
    }
    v.addAll(DeploymentCheck.of(app).violations());
    return v;
  }
  if (c.deployment) {
    const v = new ViolationCollector();
    v.addAll(clusterReports(ManagedClusterModel.build(c.deployment.props), c.deployment.objects).warnings);
    return v;
  }
  return c.link ? CrossClusterLink.validate(c.link) : validateHardenedCluster(c.props!, on);
}

/** What building a definition file's target throws, the file written to a fresh folder that places are shown relative to. */
export function loadCaseDefinition(definition: NonNullable<Case['definition']>): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-corpus-'));
  try {
    fs.mkdirSync(path.join(dir, definition.folder));
    const file = path.join(dir, definition.folder, 'definition.js');
    fs.writeFileSync(file, definition.text);
    loadDefinitionFile(file, dir).artifacts();
  } catch (e) {
    return e;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return undefined;
}

const mysql: CrossClusterServiceProps = { ...MYSQL, clientCredentialName: undefined, serverCredentialName: undefined };
const link = (services: CrossClusterServiceProps[], extra: Partial<CrossClusterLinkProps> = {}): CrossClusterLinkProps => ({
  name: 'pair',
  certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
  services,
  ...extra,
});

const byoNet = { network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/apiserver` }) } as const;

/** A managed cluster as Azure describes it, meeting the payload rules except where a case breaks one. */
export function hardenedPayload(properties: Record<string, unknown> = {}): AuditedResource {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1`,
    name: 'c1',
    type: 'Microsoft.ContainerService/managedClusters',
    location: 'westeurope',
    sku: { name: 'Base', tier: 'Standard' },
    identity: { type: 'SystemAssigned' },
    properties: {
      kubernetesVersion: '1.33',
      dnsPrefix: 'c1',
      enableRBAC: true,
      disableLocalAccounts: true,
      aadProfile: { managed: true, enableAzureRBAC: true },
      apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: 'system', disableRunCommand: false },
      agentPoolProfiles: [{ name: 'system', mode: 'System', count: 3, vmSize: 'Standard_D4ds_v5', osType: 'Linux', osDiskType: 'Ephemeral', maxPods: 110, enableEncryptionAtHost: true, nodeTaints: ['CriticalAddonsOnly=true:NoSchedule'], securityProfile: { sshAccess: 'Disabled' } }],
      networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium', podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16', dnsServiceIP: '10.0.0.10', outboundType: 'loadBalancer', advancedNetworking: { enabled: true, security: { enabled: true, transitEncryption: { type: 'WireGuard' } } } },
      addonProfiles: { omsagent: { enabled: true }, azurepolicy: { enabled: true }, azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } } },
      autoUpgradeProfile: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'NodeImage' },
      oidcIssuerProfile: { enabled: true },
      securityProfile: { workloadIdentity: { enabled: true }, imageCleaner: { enabled: true, intervalHours: 168 }, defender: { securityMonitoring: { enabled: true } } },
      ...properties,
    },
  };
}

export const FAILING_CASES: readonly Case[] = [
  {
    name: 'a live cluster whose run command was turned back on after approval (az aks update)',
    drift: { approved: base, live: (template) => liveGetOf(template, (c) => (c.properties.apiServerAccessProfile.disableRunCommand = false)) },
    rule: Rules.driftFromApproved,
    property: 'properties.apiServerAccessProfile.disableRunCommand',
    fix: /set it back to the approved value true/,
  },
  {
    name: 'a live cluster no approved template describes',
    drift: { approved: base, live: (template) => ({ ...liveGetOf(template), name: 'shadow-it', id: `/subscriptions/${SUB}/resourceGroups/other/providers/Microsoft.ContainerService/managedClusters/shadow-it` }) },
    rule: Rules.unmanagedCluster,
    property: 'name',
    fix: /describe the cluster in an approved template/,
  },
  {
    name: 'a cluster that authenticates with a service principal (as Azure describes it)',
    payload: hardenedPayload({ servicePrincipalProfile: { clientId: '3fa85f64-5717-4562-b3fc-2c963f66afa6', secret: 'placeholder' } }),
    rule: Rules.servicePrincipalIdentity,
    property: 'properties.servicePrincipalProfile.clientId',
    fix: /managed identity/,
  },
  {
    name: 'a cluster with local accounts (as Azure describes it)',
    payload: hardenedPayload({ disableLocalAccounts: false }),
    rule: Rules.localAccountsEnabled,
    property: 'properties.disableLocalAccounts',
    fix: /disableLocalAccounts: true/,
  },
  {
    name: 'a cluster without Azure RBAC (as Azure describes it)',
    payload: hardenedPayload({ aadProfile: { managed: true, enableAzureRBAC: false } }),
    rule: Rules.kubernetesRbacOff,
    property: 'properties.aadProfile.enableAzureRBAC',
    fix: /enableAzureRBAC: true/,
  },
  {
    name: 'nodes with public IP addresses (as Azure describes it)',
    payload: hardenedPayload({ agentPoolProfiles: [{ ...(hardenedPayload().properties.agentPoolProfiles[0]), enableNodePublicIP: true }] }),
    rule: Rules.nodePublicIp,
    property: 'properties.agentPoolProfiles[0].enableNodePublicIP',
    fix: /enableNodePublicIP: false/,
  },
  {
    name: 'a federated identity without the OIDC issuer',
    props: { ...base, workloadIdentity: false, federatedIdentities: [{ name: 'cert-manager-dns', identityId: CERT_MANAGER_IDENTITY, clientId: GROUP, namespace: 'cert-manager', serviceAccountName: 'cert-manager' }] },
    rule: Rules.federationNeedsIssuer,
    property: 'workloadIdentity',
    fix: /OIDC issuer/,
  },
  {
    name: 'a federated identity with the identity\'s name for a client id',
    props: { ...base, federatedIdentities: [{ name: 'cert-manager-dns', identityId: CERT_MANAGER_IDENTITY, clientId: 'cert-manager', namespace: 'cert-manager', serviceAccountName: 'cert-manager' }] },
    rule: Rules.federatedIdentity,
    property: 'federatedIdentities[0].clientId',
    fix: /client id/,
  },
  {
    name: 'the KMS key vault switched from public to private while KMS is on',
    update: {
      previous: { ...base, kms: { keyId: KMS_KEY_ID, keyVaultResourceId: KEY_VAULT } },
      next: { ...base, kms: { keyId: KMS_KEY_ID, keyVaultNetworkAccess: 'Private', keyVaultResourceId: KEY_VAULT } },
    },
    rule: Rules.kmsNetworkAccessChange,
    property: 'cluster "c1" properties.securityProfile.azureKeyVaultKms.keyVaultNetworkAccess',
    fix: /turn KMS off/,
  },
  {
    name: 'no delete locks',
    props: { ...base, deleteLocks: false },
    rule: Rules.baselineDeleteLocksOff,
    property: 'deleteLocks',
    fix: /leave deleteLocks on/,
  },
  {
    name: 'etcd without a customer key',
    props: { ...base },
    rule: Rules.kmsOff,
    property: 'kms',
    fix: /keyId/,
  },
  {
    name: 'a public API server, even limited to authorized ranges',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) },
    rule: Rules.apiServerPublicEndpoint,
    property: 'apiServerAccess',
    fix: /ApiServerAccess\.private\(\)/,
  },
  {
    name: 'Defender for Containers off, Container Insights on (as Azure describes it)',
    payload: hardenedPayload({ securityProfile: { workloadIdentity: { enabled: true }, imageCleaner: { enabled: true, intervalHours: 168 }, defender: { securityMonitoring: { enabled: false } } } }),
    rule: Rules.defenderOff,
    property: 'properties.securityProfile.defender.securityMonitoring.enabled',
    fix: /securityMonitoring/,
  },
  {
    name: 'Container Insights off, Defender on (as Azure describes it)',
    payload: hardenedPayload({ addonProfiles: { omsagent: { enabled: false }, azurepolicy: { enabled: true }, azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } } } }),
    rule: Rules.containerInsightsOff,
    property: 'properties.addonProfiles.omsagent.enabled',
    fix: /omsagent/,
  },
  {
    name: 'a managed OS disk on a VM size with a local temporary disk (as Azure describes it)',
    payload: hardenedPayload({ agentPoolProfiles: [{ ...(hardenedPayload().properties.agentPoolProfiles[0]), osDiskType: 'Managed' }] }),
    rule: Rules.ephemeralOsDiskOff,
    property: 'properties.agentPoolProfiles[0].osDiskType',
    fix: /Ephemeral/,
  },
  {
    name: 'Azure CNI\'s 30 pods per node (as Azure describes it)',
    payload: hardenedPayload({ agentPoolProfiles: [{ ...(hardenedPayload().properties.agentPoolProfiles[0]), maxPods: 30 }] }),
    rule: Rules.podsPerNodeLow,
    property: 'properties.agentPoolProfiles[0].maxPods',
    fix: /maxPods to 50 or more/,
  },
  {
    name: 'run command kept on',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ disableRunCommand: false }) },
    rule: Rules.runCommandOn,
    property: 'apiServerAccess',
    fix: /disableRunCommand: true/,
  },
  {
    name: 'disks without a customer-managed key',
    props: { ...base },
    rule: Rules.diskKeysPlatformManaged,
    property: 'diskEncryptionSetId',
    fix: /diskEncryptionSetId/,
  },
  {
    name: 'the Kubernetes dashboard add-on (as an old template enables it)',
    payload: hardenedPayload({ addonProfiles: { omsagent: { enabled: true }, azurepolicy: { enabled: true }, azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } }, kubeDashboard: { enabled: true } } }),
    rule: Rules.kubernetesDashboardOn,
    property: 'properties.addonProfiles.kubeDashboard.enabled',
    fix: /kubeDashboard/,
  },
  {
    name: 'virtual network encryption alone for pod traffic',
    props: { ...base, ...vnetEnc },
    rule: Rules.vnetEncryptionOnly,
    property: 'transitEncryption',
    fix: /acnsWireGuard/,
  },
  {
    name: 'egress through the load balancer\'s public IP',
    props: { ...base },
    rule: Rules.egressPublicIp,
    property: 'outboundType',
    fix: /firewallPrivateIp/,
  },
  {
    name: 'an AKS-managed NAT gateway in the library\'s own network',
    props: { ...base, outboundType: OutboundType.managedNatGateway() },
    rule: Rules.egressManagedNat,
    property: 'outboundType',
    fix: /userAssignedNatGateway/,
  },
  {
    name: 'user-defined routing without a route',
    props: { ...base, outboundType: OutboundType.userDefinedRouting() },
    rule: Rules.egressUdrRouteTable,
    property: 'outboundType',
    fix: /exactly one/,
  },
  {
    name: 'a firewall address that is public',
    props: { ...base, outboundType: OutboundType.userDefinedRouting({ firewallPrivateIp: '20.50.1.4' }) },
    rule: Rules.egressNextHop,
    property: 'outboundType.firewallPrivateIp',
    fix: /private IPv4 address/,
  },
  {
    name: 'a firewall address inside the cluster\'s own node subnet',
    props: { ...base, outboundType: OutboundType.userDefinedRouting({ firewallPrivateIp: '10.224.0.4' }) },
    rule: Rules.egressNextHop,
    property: 'outboundType.firewallPrivateIp',
    fix: /not one inside the cluster's subnet 10.224.0.0\/20/,
  },
  {
    name: 'a user-assigned NAT gateway that is not given',
    props: { ...base, outboundType: OutboundType.userAssignedNatGateway() },
    rule: Rules.egressNatGateway,
    property: 'outboundType.natGatewayId',
    fix: /natGatewayId/,
  },
  {
    name: 'a brought route table: its routes are not read offline',
    props: { ...base, outboundType: OutboundType.userDefinedRouting({ routeTableId: HUB_ROUTE_TABLE }) },
    rule: Rules.egressRouteNotVerified,
    property: 'outboundType.routeTableId',
    fix: /VirtualAppliance/,
  },
  {
    name: 'a route table for subnets the library did not create',
    props: { ...base, ...byoNet, outboundType: OutboundType.userDefinedRouting({ routeTableId: HUB_ROUTE_TABLE }) },
    rule: Rules.egressUdrRouteTable,
    property: 'outboundType',
    fix: /associate the route table with your node subnet yourself/,
  },
  {
    name: 'a network isolated cluster on the SecurityPatch channel',
    props: { ...base, outboundType: OutboundType.networkIsolated(), autoUpgrade: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'SecurityPatch' } },
    rule: Rules.networkIsolatedLimits,
    property: 'autoUpgrade.nodeOSUpgradeChannel',
    fix: /"NodeImage"/,
  },
  {
    name: 'a network isolated cluster on Kubernetes 1.29',
    props: { ...base, kubernetesVersion: '1.29', outboundType: OutboundType.networkIsolated() },
    rule: Rules.networkIsolatedLimits,
    property: 'kubernetesVersion',
    fix: /1\.30 or later/,
  },
  {
    name: 'kubenet on a network isolated cluster',
    props: { ...base, outboundType: OutboundType.networkIsolated(), podNetworking: PodNetworking.kubenet() },
    rule: Rules.networkIsolatedUnsupported,
    property: 'podNetworking',
    fix: /Azure CNI Overlay/,
  },
  {
    name: 'a network isolated cluster whose nodes would reach a public API server',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'], vnetIntegration: false }), outboundType: OutboundType.networkIsolated() },
    rule: Rules.networkIsolatedLimits,
    property: 'apiServerAccess',
    fix: /ApiServerAccess.private\(\)/,
  },
  {
    name: 'a brought bootstrap registry without a kubelet identity',
    props: { ...base, outboundType: OutboundType.networkIsolated({ containerRegistryId: REGISTRY }) },
    rule: Rules.networkIsolatedRegistry,
    property: 'outboundType.kubeletIdentity',
    fix: /resourceId, clientId, principalId/,
  },
  {
    name: 'a KMS key without a version',
    props: { ...base, kms: { keyId: 'https://etcd-keys.vault.azure.net/keys/etcd' } },
    rule: Rules.kmsKeyId,
    property: 'kms.keyId',
    fix: /versioned identifier/,
  },
  {
    name: 'a private key vault without its id',
    props: { ...base, kms: { keyId: KMS_KEY_ID, keyVaultNetworkAccess: 'Private' } },
    rule: Rules.kmsPrivateVault,
    property: 'kms.keyVaultResourceId',
    fix: /private link/,
  },
  {
    name: 'KMS with a system-assigned identity',
    props: { ...base, identity: ClusterIdentity.systemAssigned(), kms: { keyId: KMS_KEY_ID, keyVaultResourceId: KEY_VAULT } },
    rule: Rules.kmsIdentity,
    property: 'identity',
    fix: /ClusterIdentity.create\(\)/,
  },
  {
    name: 'KMS on a public vault without its id: the role is not granted',
    props: { ...base, kms: { keyId: KMS_KEY_ID } },
    rule: Rules.kmsRoleNotGranted,
    property: 'kms.keyVaultResourceId',
    fix: /Key Vault Crypto User/,
  },
  {
    name: 'an Istio add-on revision Microsoft does not publish',
    props: { ...base, istioAddon: { revision: 'asm-1-99' } },
    rule: Rules.istioAddonRevision,
    property: 'istioAddon.revision',
    fix: /asm-1-30/,
  },
  {
    name: 'an Istio add-on revision past its end of life',
    props: { ...base, istioAddon: { revision: 'asm-1-25' } },
    rule: Rules.supportEnded,
    property: 'istioAddon.revision',
    fix: /canary upgrade/,
  },
  {
    name: 'a Kubernetes minor within 90 days of the end of its standard support',
    props: { ...base, kubernetesVersion: '1.35' },
    evaluationDate: '2027-01-15',
    rule: Rules.supportEnding,
    property: 'kubernetesVersion',
    fix: /az aks get-upgrades/,
  },
  {
    name: 'a pinned Istio whose minor is past its support',
    platform: { ...PLATFORM, versions: { istio: '1.28.6' } },
    evaluationDate: '2026-07-01',
    rule: Rules.supportEnded,
    property: 'versions.istio',
    fix: /istio\.io\/latest\/docs\/releases\/supported-releases/,
  },
  {
    name: 'a pinned Istio patch older than a published security fix of its line',
    platform: { ...PLATFORM, versions: { istio: '1.30.3' } },
    evaluationDate: '2026-12-07',
    rule: Rules.securityFixPublished,
    property: 'versions.istio',
    fix: /pin 1\.30\.4 or later/,
  },
  {
    name: 'an evaluation date that is not a calendar date',
    props: base,
    evaluationDate: '2026-02-30',
    rule: Rules.evaluationDate,
    property: 'evaluationDate',
    fix: /YYYY-MM-DD/,
  },
  {
    name: 'an add-on egress gateway with an upper-case name',
    props: { ...base, istioAddon: { revision: 'asm-1-30', egressGateways: [{ name: 'Egress', gatewayConfigurationName: 'sgc' }] } },
    rule: Rules.istioAddonEgressGateway,
    property: 'istioAddon.egressGateways[0].name',
    fix: /lowercase/,
  },
  {
    name: 'the add-on\'s shared ingress gateway on a port of its own',
    link: link([mysql], { server: { flavour: MeshFlavour.aksIstioAddon({ revision: 'asm-1-30' }), gateway: GatewayDeployment.shared() } }),
    rule: Rules.istioAddonLink,
    property: 'services[0].gatewayPort',
    fix: /gatewayPort 443/,
  },
  {
    name: 'the add-on\'s egress gateway as the link\'s shared egress',
    link: link([mysql], { client: { flavour: MeshFlavour.aksIstioAddon({ revision: 'asm-1-30' }), gateway: GatewayDeployment.shared() } }),
    rule: Rules.istioAddonLink,
    property: 'client.gateway',
    fix: /GatewayDeployment.dedicated\(\)/,
  },
  {
    name: 'the add-on\'s public ingress gateway',
    props: { ...base, istioAddon: { revision: 'asm-1-30', externalIngressGateway: true } },
    rule: Rules.istioAddonExternalIngress,
    property: 'istioAddon.externalIngressGateway',
    fix: /internal ingress gateway/,
  },
  {
    name: 'control-plane audit logs off',
    props: { ...base, auditLogs: { enabled: false } },
    rule: Rules.baselineAuditLogsOff,
    property: 'auditLogs.enabled',
    fix: /leave the control-plane audit logs on/,
  },
  {
    name: 'audit logs with nowhere to go',
    props: { ...base, monitoring: ClusterMonitoring.none() },
    rule: Rules.auditLogsDestination,
    property: 'auditLogs',
    fix: /storageAccountId/,
  },
  {
    name: 'SSH to nodes with a local key',
    props: { ...base, nodeSshAccess: 'LocalUser' },
    rule: Rules.baselineNodeSsh,
    property: 'nodeSshAccess',
    fix: /"Disabled"/,
  },
  {
    name: 'Image Cleaner off',
    props: { ...base, imageCleaner: { enabled: false } },
    rule: Rules.baselineImageCleanerOff,
    property: 'imageCleaner.enabled',
    fix: /leave Image Cleaner on/,
  },
  {
    name: 'an Image Cleaner interval under a day',
    props: { ...base, imageCleaner: { intervalHours: 12 } },
    rule: Rules.imageCleanerInterval,
    property: 'imageCleaner.intervalHours',
    fix: /from 24 to 2160/,
  },
  {
    name: 'workload identity off',
    props: { ...base, workloadIdentity: false },
    rule: Rules.baselineWorkloadIdentityOff,
    property: 'workloadIdentity',
    fix: /federate identities/,
  },
  {
    name: 'the OIDC issuer turned off on an existing cluster',
    update: { previous: { ...base }, next: { ...base, workloadIdentity: false } },
    rule: Rules.oidcIssuerOneWay,
    property: 'cluster "c1" properties.oidcIssuerProfile.enabled',
    fix: /keep workloadIdentity on/,
  },
  {
    name: 'a Vault issuer reached over plain http',
    platform: { ...PLATFORM, issuer: CustomerCaIssuer.vault({ server: 'http://vault.internal.example:8200', path: 'pki_int/sign/mesh', role: 'mesh' }) },
    rule: Rules.issuerWellFormed,
    property: 'issuer.server',
    fix: /https:\/\/ URL/,
  },
  {
    name: 'a location that is no Azure region',
    props: { ...base, location: 'westeurop' },
    rule: Rules.unknownRegion,
    property: 'location',
    fix: /nearest known region is "westeurope"/,
  },
  {
    name: 'a link host inside the cluster domain',
    link: link([{ ...mysql, host: 'mysql.default.svc.cluster.local' }]),
    rule: Rules.meshHostOutsideCluster,
    property: 'services[0].host',
    fix: /domain of yours/,
  },
  {
    name: 'a backend that is not a cluster-local Service name',
    link: link([{ ...mysql, backend: { host: 'mysql.internal.example', port: 3306 } }]),
    rule: Rules.meshBackendClusterLocal,
    property: 'services[0].backend.host',
    fix: /svc\.cluster\.local/,
  },
  {
    name: 'an egress lockdown on the egress gateway\'s own namespace',
    link: link([{ ...mysql, clientNamespaces: ['secure-aks-egress'] }]),
    rule: Rules.meshLockdownSparesGateways,
    property: 'services[0].clientNamespaces[0]',
    fix: /namespace of their own/,
  },
  {
    name: 'an egress lockdown whose server network is the whole internet',
    link: link([mysql], { egressLockdown: { serverCidrs: ['0.0.0.0/0'] } }),
    rule: Rules.meshLockdownSparesGateways,
    property: 'egressLockdown.serverCidrs[0]',
    fix: /leave serverCidrs empty/,
  },
  {
    name: 'an AKS add-on revision in the wrong form',
    link: link([mysql], { server: { flavour: MeshFlavour.aksIstioAddon({ revision: '1.27' }) } }),
    rule: Rules.meshVersion,
    property: 'server.flavour.revision',
    fix: /asm-1-27/,
  },
  {
    name: 'the v1 Istio API on an add-on revision that does not serve it',
    link: link([mysql], { server: { flavour: MeshFlavour.aksIstioAddon({ revision: 'asm-1-21' }) } }),
    rule: Rules.meshVersion,
    property: 'apiVersion',
    fix: /v1beta1/,
  },
  {
    name: 'a pinned Istio too old for the v1 API',
    platform: { ...PLATFORM, versions: { istio: '1.21.6' } },
    rule: Rules.meshVersion,
    property: 'versions.istio',
    fix: /1\.22 or later/,
  },
  {
    name: 'a certificate renewed no earlier than it expires',
    link: link([mysql], { certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' }, duration: '24h', renewBefore: '48h' }) }),
    rule: Rules.certificateLifetime,
    property: 'certificates.renewBefore',
    fix: /shorter than the duration/,
  },
  {
    name: 'a link with no services',
    link: link([]),
    rule: Rules.meshLinkEmpty,
    property: 'services',
    fix: /add the services/,
  },
  {
    name: 'a link name so long that the derived gateway Service name breaks the API server\'s limit',
    link: link([mysql], { name: 'a'.repeat(55) }),
    rule: Rules.apiServerValidity,
    property: `server objects: Service/secure-aks-ingress/${'a'.repeat(55)}-ingressgateway`,
    fix: /shorter name/,
  },
  {
    name: 'a pod CIDR in a range AKS reserves',
    props: { ...base, podNetworking: PodNetworking.azureCniOverlay({ podCidr: '172.30.0.0/16' }) },
    rule: Rules.reservedRanges,
    property: 'podNetworking.podCidr',
    fix: /172\.30\.0\.0\/16/,
  },
  {
    name: 'a service CIDR larger than a /12',
    props: { ...base, serviceCidr: '100.64.0.0/10', dnsServiceIp: '100.64.0.10' },
    rule: Rules.serviceCidrSize,
    property: 'serviceCidr',
    fix: /\/12 or smaller/,
  },
  {
    name: 'a pod CIDR too small for the nodes and their upgrade surge',
    props: { ...base, podNetworking: PodNetworking.azureCniOverlay({ podCidr: '10.244.0.0/23' }) },
    rule: Rules.podCidrCapacity,
    property: 'podNetworking.podCidr',
    fix: /\/21 or larger/,
  },
  {
    name: 'a node subnet too small for the nodes and their upgrade surge',
    props: { ...base, network: ClusterNetwork.create({ nodeSubnetPrefix: '10.224.0.0/29' }) },
    rule: Rules.nodeSubnetCapacity,
    property: 'network.nodeSubnetPrefix',
    fix: /\/28 or larger/,
  },
  {
    name: 'authorized ranges that together cover the whole internet',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['0.0.0.0/1', '128.0.0.0/1'] }) },
    rule: Rules.publicWithoutRanges,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /only the public CIDRs/,
  },
  {
    name: 'a Calico WireGuard MTU with no room for the AKS and WireGuard overheads',
    props: { ...base, ...calico, transitEncryption: TransitEncryption.calicoWireGuard({ mtu: 1440 }) },
    rule: Rules.calicoWireGuardSettings,
    property: 'transitEncryption.mtu',
    fix: /from 576 to 1340/,
  },
  {
    name: 'a Windows node pool on a Calico WireGuard cluster',
    props: { ...base, ...calico, userNodePools: [{ name: 'win', osType: 'Windows' }] },
    rule: Rules.wireGuardLinuxOnly,
    property: 'userNodePools[0].osType',
    fix: /Windows/,
  },
  {
    name: 'a client chart built from another definition than the contract it names',
    charts: (app) => {
      const contract = linkContract(CrossClusterLink.build(link([mysql])));
      const drifted = CrossClusterLink.build(link([{ ...mysql, gatewayPort: 23306 }]));
      new CrossClusterClientChart(app, 'client', { link: drifted, contract });
    },
    rule: Rules.linkContract,
    property: 'chart client: services[0].gatewayPort',
    fix: /fromContract/,
  },
  {
    name: 'a link\'s DestinationRule patched from MUTUAL to SIMPLE TLS in its chart',
    charts: (app) => {
      const client = new CrossClusterClientChart(app, 'client', { link: CrossClusterLink.build(link([mysql])) });
      const rule = client.node.findAll().find((c): c is ApiObject => c instanceof ApiObject && c.kind === 'DestinationRule' && c.name === 'mysql-originate-mtls')!;
      rule.addJsonPatch(JsonPatch.replace('/spec/trafficPolicy/portLevelSettings/0/tls/mode', 'SIMPLE'));
    },
    rule: Rules.meshLinkObjectsKept,
    property: 'chart client: DestinationRule/secure-aks-egress/mysql-originate-mtls',
    fix: /keep the link's objects/,
  },
  {
    name: 'a PeerAuthentication of the user\'s own that leaves a link\'s backend PERMISSIVE, in the server chart',
    charts: (app) => {
      const server = new CrossClusterServerChart(app, 'server', { link: CrossClusterLink.build(link([mysql])) });
      new ApiObject(server, 'legacy', { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'legacy', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'legacy' } }, mtls: { mode: 'PERMISSIVE' } } });
    },
    rule: Rules.meshLinkBackendStrictMtls,
    property: 'chart server: PeerAuthentication/default/legacy',
    fix: /STRICT at every port/,
  },
  {
    name: 'a link\'s backend left out of STRICT mutual TLS',
    link: link([{ ...mysql, backend: { ...mysql.backend, mtlsMode: 'UNSET' } }]),
    rule: Rules.meshLinkBackendMtlsUnset,
    property: 'services[0].backend.mtlsMode',
    fix: /acknowledge SAKS-MESH-027/,
  },
  {
    name: 'two links on one cluster with the same service name, on the shared gateway namespace',
    charts: (app) => {
      addCrossClusterCharts(app, CrossClusterLink.build(link([mysql], { name: 'ledger' })));
      addCrossClusterCharts(app, CrossClusterLink.build(link([{ ...mysql, host: 'mysql.claims.internal.example' }], { name: 'claims' })));
    },
    rule: Rules.deploymentCollision,
    property: 'cluster "client": Gateway/secure-aks-egress/mysql-egress',
    fix: /another name/,
  },
  {
    name: 'a VirtualService of the user\'s own that references a gateway that does not exist',
    charts: (app) => {
      const server = new CrossClusterServerChart(app, 'server', { link: CrossClusterLink.build(link([mysql])) });
      new ApiObject(server, 'mine', { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'mine', namespace: 'default' }, spec: { hosts: ['x.example'], gateways: ['nowhere/none'], tcp: [{ route: [{ destination: { host: 'x.example' } }] }] } });
    },
    rule: Rules.meshAnalyzer,
    property: 'chart server: VirtualService/default/mine',
    fix: /Gateway/,
  },
  {
    name: 'a FelixConfiguration with a field Calico does not have',
    charts: (app) => {
      const felix = new CalicoWireGuardConfiguration(new ChartOf(app), 'felix', { transitEncryption: TransitEncryption.calicoWireGuard() });
      ApiObject.of(felix).addJsonPatch(JsonPatch.add('/spec/wireguardEnabeld', true));
    },
    rule: Rules.kubernetesSchema,
    property: 'c/felix: FelixConfiguration/default /spec/wireguardEnabeld',
    fix: /FelixConfiguration/,
  },
  {
    name: 'a hostNetwork workload on a cluster with ACNS WireGuard',
    charts: (app) => {
      const chart = new ChartOf(app);
      new ApiObject(chart, 'agent', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'ops' }, spec: { template: { spec: { hostNetwork: true, containers: [] } } } });
      new HostNetworkEncryptionCheck(chart, 'check', { transitEncryption: TransitEncryption.acnsWireGuard() });
    },
    rule: Rules.hostNetworkUnencrypted,
    property: 'c: DaemonSet/ops/agent',
    fix: /remove hostNetwork/,
  },
  {
    name: 'a FelixConfiguration for a cluster without Calico WireGuard',
    charts: (app) => {
      new CalicoWireGuardConfiguration(new ChartOf(app), 'felix', { transitEncryption: TransitEncryption.acnsWireGuard() });
    },
    rule: Rules.felixConfigurationForCalico,
    property: 'transitEncryption',
    fix: /TransitEncryption\.calicoWireGuard\(\)/,
  },
  {
    name: 'an acknowledgement of an error',
    props: { ...base, acknowledgements: [{ ruleId: 'SAKS-API-001', reason: 'we want ranges on a private cluster anyway' }] },
    rule: Rules.acknowledgement,
    property: 'acknowledgements[0].ruleId',
    fix: /errors cannot be acknowledged/,
  },
  {
    name: 'an acknowledgement without a real reason',
    props: { ...base, transitEncryption: TransitEncryption.none(), acknowledgements: [{ ruleId: 'SAKS-ENC-013', reason: 'ok' }] },
    rule: Rules.acknowledgement,
    property: 'acknowledgements[0].reason',
    fix: /at least 20 characters/,
  },
  {
    name: 'an acknowledgement that accepts nothing',
    props: { ...base, acknowledgements: [{ ruleId: 'SAKS-ENC-013', reason: 'kept from when encryption was off' }] },
    rule: Rules.acknowledgementUnused,
    property: 'acknowledgements[0]',
    fix: /remove the acknowledgement/,
  },
  {
    name: 'Calico WireGuard without its FelixConfiguration in the deployment',
    deployment: { props: { ...base, ...calico }, objects: [] },
    rule: Rules.calicoFelixNotDeployed,
    property: 'transitEncryption',
    fix: /CalicoWireGuardConfiguration/,
  },
  {
    name: 'authorized ranges on a private cluster',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ authorizedIpRanges: ['203.0.113.0/24'] } as never) },
    rule: Rules.authorizedRangesWithPrivateCluster,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /ApiServerAccess\.public/,
  },
  {
    name: 'more than 200 ranges without VNet Integration',
    props: {
      ...base,
      apiServerAccess: ApiServerAccess.public({
        vnetIntegration: false,
        authorizedIpRanges: Array.from({ length: 201 }, (_, i) => `198.51.${Math.floor(i / 256)}.${i % 256}/32`),
      }),
    },
    rule: Rules.authorizedRangesLimit,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /VNet Integration/,
  },
  {
    name: 'more than 2,000 ranges with VNet Integration',
    props: {
      ...base,
      apiServerAccess: ApiServerAccess.public({
        authorizedIpRanges: Array.from({ length: 2001 }, (_, i) => `198.${51 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}/32`),
      }),
    },
    rule: Rules.authorizedRangesLimit,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /aggregate/,
  },
  {
    name: 'a malformed CIDR',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.300/24'] }) },
    rule: Rules.cidrMalformed,
    property: 'apiServerAccess.authorizedIpRanges[0]',
    fix: /a\.b\.c\.d\/n/,
  },
  {
    name: 'a CIDR with host bits set',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.7/24'] }) },
    rule: Rules.cidrHostBits,
    property: 'apiServerAccess.authorizedIpRanges[0]',
    fix: /203\.0\.113\.0\/24/,
  },
  {
    name: 'a public API server with no ranges',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: [] }) },
    rule: Rules.publicWithoutRanges,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /ApiServerAccess\.private/,
  },
  {
    name: 'a /0 range',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['0.0.0.0/0'] }) },
    rule: Rules.publicWithoutRanges,
    property: 'apiServerAccess.authorizedIpRanges[0]',
    fix: /only the public CIDRs/,
  },
  {
    name: 'private DNS zone none with the public FQDN off',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.none(), publicFqdn: false }) },
    rule: Rules.privateDnsNoneNeedsPublicFqdn,
    property: 'apiServerAccess.publicFqdn',
    fix: /publicFqdn: true/,
  },
  {
    name: 'an own zone named for private link while VNet Integration is on',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL) }) },
    rule: Rules.ownZoneName,
    property: 'apiServerAccess.dnsZone',
    fix: /private\.westeurope\.azmk8s\.io/,
  },
  {
    name: 'an own zone of another region',
    props: {
      ...base,
      location: 'northeurope',
      apiServerAccess: ApiServerAccess.private({ vnetIntegration: false, dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL) }),
    },
    rule: Rules.ownZoneName,
    property: 'apiServerAccess.dnsZone',
    fix: /privatelink\.northeurope\.azmk8s\.io/,
  },
  {
    name: 'an own zone subzone that climbs out of the zone\'s id',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ subzone: '../../etc' }) }) },
    rule: Rules.definitionUndecided,
    property: 'apiServerAccess.dnsZone.subzone',
    fix: /documented form/,
  },
  {
    name: 'an own zone subzone over 32 characters',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ subzone: 'a'.repeat(33) }) }) },
    rule: Rules.ownZoneSubzoneLength,
    property: 'apiServerAccess.dnsZone.subzone',
    fix: /at most 32/,
  },
  {
    name: 'an own zone with a system-assigned identity',
    props: {
      ...base,
      identity: ClusterIdentity.systemAssigned(),
      apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create() }),
    },
    rule: Rules.ownZoneNeedsUserAssignedIdentity,
    property: 'identity',
    fix: /ClusterIdentity\.create/,
  },
  {
    name: 'fqdnSubdomain with the system zone',
    props: { ...base, fqdnSubdomain: 'payments' },
    rule: Rules.fqdnSubdomainNeedsOwnZone,
    property: 'fqdnSubdomain',
    fix: /dnsPrefix instead/,
  },
  {
    name: 'fqdnSubdomain together with dnsPrefix',
    props: {
      ...base,
      fqdnSubdomain: 'payments',
      dnsPrefix: 'payments',
      apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.create() }),
    },
    rule: Rules.fqdnSubdomainExcludesDnsPrefix,
    property: 'dnsPrefix',
    fix: /remove dnsPrefix/,
  },
  {
    name: 'a dnsPrefix with a dot',
    props: { ...base, dnsPrefix: 'pay.ments' },
    rule: Rules.dnsLabel,
    property: 'dnsPrefix',
    fix: /1-54 letters/,
  },
  {
    name: 'an own zone id that is not a private DNS zone',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.fromZoneId(HUB_VNET) }) },
    rule: Rules.privateDnsZoneId,
    property: 'apiServerAccess.dnsZone',
    fix: /privateDnsZones/,
  },
  {
    name: 'an API server subnet smaller than /28',
    props: { ...base, network: ClusterNetwork.create({ apiServerSubnetPrefix: '10.224.16.0/29' }) },
    rule: Rules.apiServerSubnetSize,
    property: 'network.apiServerSubnetPrefix',
    fix: /\/28 or larger/,
  },
  {
    name: 'the node subnet used as API server subnet',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${SPOKE}/subnets/nodes` }) },
    rule: Rules.apiServerSubnetDedicated,
    property: 'network.apiServerSubnetId',
    fix: /delegated to Microsoft\.ContainerService\/managedClusters/,
  },
  {
    name: 'an API server subnet in another network',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes`, apiServerSubnetId: `${OTHER_VNET}/subnets/api` }) },
    rule: Rules.apiServerSubnetSameVnet,
    property: 'network.apiServerSubnetId',
    fix: /node subnet's network/,
  },
  {
    name: 'VNet Integration in an existing network without an API server subnet',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes` }) },
    rule: Rules.vnetIntegrationNeedsSubnet,
    property: 'network.apiServerSubnetId',
    fix: /\/28/,
  },
  {
    name: 'a subnet outside the address space',
    props: { ...base, network: ClusterNetwork.create({ nodeSubnetPrefix: '10.225.0.0/20' }) },
    rule: Rules.subnetInsideVnet,
    property: 'network.nodeSubnetPrefix',
    fix: /inside 10\.224\.0\.0\/16/,
  },
  {
    name: 'overlapping subnets',
    props: { ...base, network: ClusterNetwork.create({ apiServerSubnetPrefix: '10.224.0.16/28' }) },
    rule: Rules.subnetsOverlap,
    property: 'network.apiServerSubnetPrefix',
    fix: /does not overlap network\.nodeSubnetPrefix/,
  },
  {
    name: 'a pod CIDR inside the virtual network',
    props: { ...base, podNetworking: PodNetworking.azureCniOverlay({ podCidr: '10.224.128.0/17' }) },
    rule: Rules.clusterCidrsOverlap,
    property: 'podNetworking.podCidr',
    fix: /outside the virtual network/,
  },
  {
    name: 'a DNS service IP outside the service CIDR',
    props: { ...base, dnsServiceIp: '10.1.0.10' },
    rule: Rules.dnsServiceIp,
    property: 'dnsServiceIp',
    fix: /inside 10\.0\.0\.0\/16/,
  },
  {
    name: 'a node subnet id that is not a subnet',
    props: { ...base, network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: SPOKE, apiServerSubnetId: `${SPOKE}/subnets/api` }) },
    rule: Rules.resourceId,
    property: 'network.nodeSubnetId',
    fix: /subnets resource id/,
  },
  {
    name: 'a cluster name with a dot',
    props: { ...base, name: 'c1.prod' },
    rule: Rules.clusterName,
    property: 'name',
    fix: /1-63 letters/,
  },
  {
    name: 'an upper-case pool name',
    props: { ...base, systemPool: { name: 'System' } },
    rule: Rules.nodePool,
    property: 'systemPool.name',
    fix: /lowercase/,
  },
  {
    name: 'a Kubernetes version with a v',
    props: { ...base, kubernetesVersion: 'v1.33' },
    rule: Rules.kubernetesVersion,
    property: 'kubernetesVersion',
    fix: /"1\.33"/,
  },
  {
    name: 'an admin group that is not an object id',
    props: { ...base, adminGroupObjectIds: ['platform-admins'] },
    rule: Rules.principalId,
    property: 'adminGroupObjectIds[0]',
    fix: /object id/,
  },
  {
    name: 'run command principals while run command is disabled',
    props: { ...base, apiServerAccess: ApiServerAccess.private({ runCommandPrincipals: [{ principalId: GROUP, principalType: 'Group' }] }) },
    rule: Rules.runCommandPrincipalsNeedRunCommand,
    property: 'apiServerAccess.runCommandPrincipals',
    fix: /disableRunCommand: false/,
  },
  {
    name: 'ACNS WireGuard on kubenet',
    props: { ...base, podNetworking: PodNetworking.kubenet(), networkDataplane: 'cilium' },
    rule: Rules.acnsNeedsAzurePlugin,
    property: 'podNetworking',
    fix: /azureCniOverlay/,
  },
  {
    name: 'the Cilium dataplane on the node subnet mode',
    props: { ...base, podNetworking: PodNetworking.azureCniNodeSubnet(), networkDataplane: 'cilium' },
    rule: Rules.ciliumNeedsOverlayOrPodSubnet,
    property: 'podNetworking',
    fix: /azureCniPodSubnet/,
  },
  {
    name: 'ACNS WireGuard on the Azure dataplane',
    props: { ...base, networkDataplane: 'azure', networkPolicy: 'azure' },
    rule: Rules.acnsNeedsCilium,
    property: 'networkDataplane',
    fix: /cilium/,
  },
  {
    name: 'the Cilium dataplane with Calico network policy',
    props: { ...base, networkPolicy: 'calico' },
    rule: Rules.ciliumDataplaneNeedsCiliumPolicy,
    property: 'networkPolicy',
    fix: /networkPolicy "cilium"/,
  },
  {
    name: 'WireGuard with a FIPS-enabled pool',
    props: { ...base, userNodePools: [{ name: 'fips', enableFips: true }] },
    rule: Rules.wireGuardNotFips,
    property: 'userNodePools[0].enableFips',
    fix: /virtualNetworkEncryption/,
  },
  {
    name: 'a Windows pool on the Cilium dataplane',
    props: { ...base, userNodePools: [{ name: 'win', osType: 'Windows' }] },
    rule: Rules.ciliumLinuxOnly,
    property: 'userNodePools[0].osType',
    fix: /Azure dataplane/,
  },
  {
    name: 'ACNS on Kubernetes 1.28',
    props: { ...base, kubernetesVersion: '1.28' },
    rule: Rules.acnsKubernetesVersion,
    property: 'kubernetesVersion',
    fix: /1\.29 or later/,
  },
  {
    name: 'Calico WireGuard on the Cilium dataplane',
    props: { ...base, ...calico, networkDataplane: 'cilium', networkPolicy: 'cilium' },
    rule: Rules.calicoWireGuardNetwork,
    property: 'networkDataplane',
    fix: /acnsWireGuard/,
  },
  {
    name: 'Calico WireGuard without Calico policy',
    props: { ...base, ...calico, networkPolicy: 'azure' },
    rule: Rules.calicoWireGuardNetwork,
    property: 'networkPolicy',
    fix: /"calico"/,
  },
  {
    name: 'Calico WireGuard (unsupported by Microsoft beyond policy)',
    props: { ...base, ...calico },
    rule: Rules.calicoUnsupportedByMicrosoft,
    property: 'transitEncryption',
    fix: /Microsoft-supported/,
  },
  {
    name: 'VNet encryption with API Server VNet Integration',
    props: { ...base, transitEncryption: TransitEncryption.virtualNetworkEncryption() },
    rule: Rules.vnetEncryptionWithVnetIntegration,
    property: 'apiServerAccess.vnetIntegration',
    fix: /vnetIntegration: false/,
  },
  {
    name: 'VNet encryption on an unsupported VM size',
    props: { ...base, ...vnetEnc, userNodePools: [{ name: 'old', vmSize: 'Standard_D4s_v3' }] },
    rule: Rules.vnetEncryptionVmSize,
    property: 'userNodePools[0].vmSize',
    fix: /Standard_D4ds_v5/,
  },
  {
    name: 'VNet encryption on an existing network',
    props: {
      ...base,
      ...vnetEnc,
      network: ClusterNetwork.fromSubnetIds({ nodeSubnetId: `${SPOKE}/subnets/nodes` }),
    },
    rule: Rules.vnetEncryptionExistingNetwork,
    property: 'network',
    fix: /AllowUnencrypted/,
  },
  {
    name: 'no transit encryption',
    props: { ...base, transitEncryption: TransitEncryption.none() },
    rule: Rules.transitEncryptionNone,
    property: 'transitEncryption',
    fix: /acnsWireGuard/,
  },
  {
    name: 'a Calico WireGuard port out of range',
    props: { ...base, transitEncryption: TransitEncryption.calicoWireGuard({ listeningPort: 70000 }) },
    rule: Rules.calicoWireGuardSettings,
    property: 'transitEncryption.listeningPort',
    fix: /1 to 65535/,
  },
  {
    name: 'VNet encryption with Cilium on a pod subnet',
    props: {
      ...base,
      ...vnetEnc,
      podNetworking: PodNetworking.azureCniPodSubnet(),
      network: ClusterNetwork.create({ podSubnetPrefix: '10.224.32.0/19' }),
    },
    rule: Rules.vnetEncryptionCiliumPodSubnet,
    property: 'podNetworking',
    fix: /Overlay/,
  },
  {
    name: 'the pod subnet mode without a pod subnet',
    props: { ...base, podNetworking: PodNetworking.azureCniPodSubnet() },
    rule: Rules.podSubnet,
    property: 'podNetworking',
    fix: /podSubnetPrefix/,
  },
  {
    name: 'a duplicate node pool name',
    props: { ...base, userNodePools: [{ name: 'system' }] },
    rule: Rules.nodePool,
    property: 'userNodePools[0].name',
    fix: /its own name/,
  },
  {
    name: 'an unrestricted public API server',
    props: { ...base, apiServerAccess: ApiServerAccess.unrestrictedPublic() },
    rule: Rules.publicUnrestricted,
    property: 'apiServerAccess',
    fix: /ApiServerAccess\.private/,
  },
  {
    name: 'a private API server without a way in',
    props: base,
    rule: Rules.privateClusterWithoutWayIn,
    property: 'apiServerAccess',
    fix: /linkedVnetIds/,
  },
  {
    name: 'a wildcard service host',
    link: link([{ ...mysql, host: '*.fqdn.example' }]),
    rule: Rules.meshHost,
    property: 'services[0].host',
    fix: /service FQDN/,
  },
  {
    name: 'a gateway port Istio reserves',
    link: link([{ ...mysql, gatewayPort: 15021 }]),
    rule: Rules.meshPort,
    property: 'services[0].gatewayPort',
    fix: /does not use/,
  },
  {
    name: 'two services on one gateway port',
    link: link([mysql, { ...mysql, name: 'pg', host: 'pg.fqdn.example', clientPort: 5432 }]),
    rule: Rules.meshNameCollision,
    property: 'services[1].gatewayPort',
    fix: /"mysql" does not use/,
  },
  {
    name: 'a credential secret ending in -cacert',
    link: link([{ ...mysql, clientCredentialName: 'client-cacert' }]),
    rule: Rules.meshCredentialName,
    property: 'services[0].clientCredentialName',
    fix: /another name/,
  },
  {
    name: 'existing secrets without names',
    link: link([mysql], { certificates: CertificateSource.existingSecrets() }),
    rule: Rules.meshExistingSecretsNamed,
    property: 'services[0]',
    fix: /clientCredentialName and serverCredentialName/,
  },
  {
    name: 'an upper-case namespace',
    link: link([{ ...mysql, clientNamespaces: ['Payments'] }]),
    rule: Rules.meshKubernetesName,
    property: 'services[0].clientNamespaces[0]',
    fix: /lowercase/,
  },
  {
    name: 'the egress lockdown without client namespaces',
    link: link([{ ...mysql, clientNamespaces: [] }]),
    rule: Rules.meshEgressLockdownNamespaces,
    property: 'services[0].clientNamespaces',
    fix: /namespaces of the client workloads/,
  },
  {
    name: 'the egress lockdown turned off',
    link: link([mysql], { egressLockdown: { enabled: false } }),
    rule: Rules.meshEgressLockdownOff,
    property: 'egressLockdown.enabled',
    fix: /keep the lockdown on/,
  },
  {
    name: 'a server CIDR with host bits',
    link: link([mysql], { egressLockdown: { serverCidrs: ['10.1.2.3/16'] } }),
    rule: Rules.meshCidr,
    property: 'egressLockdown.serverCidrs[0]',
    fix: /10\.1\.0\.0\/16/,
  },
  {
    name: 'no monitoring workspace',
    props: { ...base, monitoring: ClusterMonitoring.none(), auditLogs: { enabled: false } },
    rule: Rules.baselineMonitoringOff,
    property: 'monitoring',
    fix: /createWorkspace/,
  },
  {
    name: 'the Azure Policy add-on off',
    props: { ...base, azurePolicy: false },
    rule: Rules.baselineAzurePolicyOff,
    property: 'azurePolicy',
    fix: /azurePolicy: true/,
  },
  {
    name: 'the Key Vault CSI driver off',
    props: { ...base, keyVaultSecretsProvider: false },
    rule: Rules.baselineSecretsRotationOff,
    property: 'keyVaultSecretsProvider',
    fix: /keyVaultSecretsProvider: true/,
  },
  {
    name: 'automatic upgrades off',
    props: { ...base, autoUpgrade: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
    rule: Rules.baselineAutoUpgradeOff,
    property: 'autoUpgrade',
    fix: /patch/,
  },
  {
    name: 'encryption at host off',
    props: { ...base, encryptionAtHost: false },
    rule: Rules.baselineHostEncryptionOff,
    property: 'encryptionAtHost',
    fix: /EncryptionAtHost/,
  },
  {
    name: 'workloads allowed on the system pool',
    props: { ...base, systemPool: { onlyCriticalAddons: false } },
    rule: Rules.baselineSystemPoolShared,
    property: 'systemPool.onlyCriticalAddons',
    fix: /user pools/,
  },
  {
    name: 'the Free tier',
    props: { ...base, tier: 'Free' },
    rule: Rules.baselineFreeTier,
    property: 'tier',
    fix: /Standard/,
  },
  {
    name: 'no network policy engine',
    props: { ...base, transitEncryption: TransitEncryption.none(), networkDataplane: 'azure', networkPolicy: 'none' },
    rule: Rules.baselineNoNetworkPolicy,
    property: 'networkPolicy',
    fix: /cilium, calico or azure/,
  },
  {
    name: 'overlapping platform networks',
    platform: { ...PLATFORM, server: { ...PLATFORM.server, addressSpace: '10.10.0.0/16' } },
    rule: Rules.platformAddressOverlap,
    property: 'server.addressSpace',
    fix: /does not overlap 10\.10\.0\.0\/16/,
  },
  {
    name: 'a platform network smaller than /19',
    platform: { ...PLATFORM, client: { ...PLATFORM.client, addressSpace: '10.10.0.0/20' } },
    rule: Rules.platformAddressSize,
    property: 'client.addressSpace',
    fix: /\/19 or larger/,
  },
  {
    name: 'a service host without a parent domain',
    platform: { ...PLATFORM, services: [{ ...PLATFORM.services[0], host: 'mysql.example' }] },
    rule: Rules.platformServiceZone,
    property: 'services[0].host',
    fix: /a domain of yours/,
  },
  {
    name: 'two platform clusters with one name',
    platform: { ...PLATFORM, server: { ...PLATFORM.server, name: PLATFORM.client.name } },
    rule: Rules.platformClusterNames,
    property: 'server.name',
    fix: /different names/,
  },
  {
    name: 'two estate clusters with one name',
    estate: { ...ESTATE, clusters: [...ESTATE.clusters, { ...ESTATE.clusters[0], addressSpace: '10.60.0.0/16' }] },
    rule: Rules.estateClusterNames,
    property: 'clusters[4].name',
    fix: /a name no other cluster has/,
  },
  {
    name: 'a spoke overlapping the hub',
    estate: { ...ESTATE, hub: { ...ESTATE.hub, addressSpace: ['10.10.0.0/22'] } },
    rule: Rules.estateAddressOverlap,
    property: 'clusters[0].addressSpace',
    fix: /does not overlap 10\.10\.0\.0\/22/,
  },
  {
    name: 'a link to a cluster the estate does not have',
    estate: { ...ESTATE, links: [{ ...ESTATE.links[0], server: 'ghost' }] },
    rule: Rules.estateLinkClusters,
    property: 'links[0].server',
    fix: /name a cluster of the estate/,
  },
  {
    name: 'a linked cluster that does not route through the hub firewall',
    estate: { ...ESTATE, clusters: ESTATE.clusters.map((c) => (c.name === 'fx-rates' ? { ...c, outboundType: OutboundType.loadBalancer() } : c)) },
    rule: Rules.estateReachability,
    property: 'links[1].server',
    fix: /through the hub firewall/,
  },
  {
    name: 'two links taking one ingress address of their server',
    estate: { ...ESTATE, links: ESTATE.links.map((l, i) => (i === 3 ? { ...l, ingressIp: EstateModel.build(ESTATE).links[0].ingressIp } : l)) },
    rule: Rules.estateCollisions,
    property: 'links[3].ingressIp',
    fix: /a free address/,
  },
  {
    name: 'one service host carried by two links',
    estate: { ...ESTATE, links: ESTATE.links.map((l, i) => (i === 3 ? { ...l, services: [{ ...l.services[0], host: 'mysql.ledger.internal.example' }] } : l)) },
    rule: Rules.estateServiceDns,
    property: 'links[3].services[0].host',
    fix: /its own host name/,
  },
  {
    name: 'a spoke brought by id, peered by the network team',
    estate: {
      ...ESTATE,
      clusters: ESTATE.clusters.map((c, i) =>
        i === 3
          ? { ...c, existingSpoke: { virtualNetworkId: `${SPOKE.split('/subnets')[0]}`, nodeSubnetName: 'nodes', nodeSubnetPrefix: '10.40.0.0/22', apiServerSubnetName: 'apiserver' } }
          : c,
      ),
    },
    rule: Rules.estateSpokePeeringNotVerified,
    property: 'clusters[3].existingSpoke.virtualNetworkId',
    fix: /peered with the hub/,
  },
  {
    name: 'a GitOps source over plain HTTP',
    estate: { ...ESTATE, delivery: ClusterDelivery.gitOps({ source: GitOpsSource.gitRepository({ url: 'http://git.example/platform', branch: 'main' }) }) },
    rule: Rules.gitOpsSourceTransport,
    property: 'delivery.source.url',
    fix: /https:\/\/ or ssh:\/\//,
  },
  {
    name: 'a network-isolated cluster pulling its tree from a Git server',
    estate: {
      ...ESTATE,
      clusters: ESTATE.clusters.map((c) => (c.name === 'reporting' ? { ...c, outboundType: OutboundType.networkIsolated() } : c)),
      delivery: ClusterDelivery.gitOps({ source: GitOpsSource.gitRepository({ url: 'https://github.com/contoso/platform', branch: 'main' }) }),
    },
    rule: Rules.gitOpsIsolatedSource,
    property: 'delivery.source.url',
    fix: /Azure Container Registry/,
  },
  {
    name: 'workload identity off on a cluster whose Flux pulls with one',
    estate: { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i === 0 ? { ...c, workloadIdentity: false } : c)) },
    rule: Rules.gitOpsWorkloadIdentity,
    property: 'clusters[0].workloadIdentity',
    fix: /leave workloadIdentity on/,
  },
  {
    name: 'two clusters writing one federated credential on one identity',
    estate: { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i < 2 ? { ...c, federatedIdentities: [certManagerFederation('cert-manager')] } : c)) },
    rule: Rules.estateAzureIds,
    property: 'clusters[1]',
    fix: /both \/subscriptions\/.*\/federatedIdentityCredentials\/cert-manager/,
  },
  {
    name: 'two cluster templates writing credentials on one identity, concurrently when deployed together',
    estate: { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i < 2 ? { ...c, federatedIdentities: [certManagerFederation(`cert-manager-${c.name}`)] } : c)) },
    rule: Rules.estateFederatedCredentials,
    property: 'clusters[1]',
    fix: /their own identity/,
  },
  {
    name: 'a service CIDR over the hub (AKS\'s default 10.0.0.0/16 around a hub in 10.0.0.0/22)',
    estate: { ...ESTATE, clusters: ESTATE.clusters.map((c, i) => (i === 0 ? { ...c, serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' } : c)) },
    rule: Rules.estateKubernetesRanges,
    property: 'clusters[0].serviceCidr',
    fix: /outside 10\.0\.0\.0\/22 \(hub\.addressSpace\[0\]\)/,
  },
  {
    name: 'a public address for a link\'s internal load balancer',
    estate: { ...ESTATE, links: ESTATE.links.map((l, i) => (i === 0 ? { ...l, ingressIp: '20.50.1.4' } : l)) },
    rule: Rules.estateInternalLoadBalancerAddress,
    property: 'links[0].ingressIp',
    fix: /usable address of the server's node subnet/,
  },
  {
    name: 'a token in a Git URL',
    estate: { ...ESTATE, delivery: ClusterDelivery.gitOps({ source: GitOpsSource.gitRepository({ url: 'https://ci:ghp_secret@github.com/contoso/platform', branch: 'main' }) }) },
    rule: Rules.gitOpsUrlCredentials,
    property: 'delivery.source.url',
    fix: /localAuthRef/,
  },
  {
    name: 'a branch name git refuses',
    estate: { ...ESTATE, delivery: ClusterDelivery.gitOps({ source: GitOpsSource.gitRepository({ url: 'https://github.com/contoso/platform', branch: 'main..x' }) }) },
    rule: Rules.gitOpsBranchName,
    property: 'delivery.source.branch',
    fix: /git check-ref-format/,
  },
  {
    name: 'a tag inside an OCI URL',
    estate: { ...ESTATE, delivery: ClusterDelivery.gitOps({ source: GitOpsSource.ociRepository({ ...OCI_SOURCE, url: 'oci://contosoplatform.azurecr.io/estate/clusters:production' }) }) },
    rule: Rules.gitOpsOciReference,
    property: 'delivery.source.url',
    fix: /tag field/,
  },
  {
    name: 'the Azure provider for a registry that is not ACR',
    estate: { ...ESTATE, delivery: ClusterDelivery.gitOps({ source: GitOpsSource.ociRepository({ ...OCI_SOURCE, url: 'oci://ghcr.io/contoso/estate' }) }) },
    rule: Rules.gitOpsAzureProvider,
    property: 'delivery.source.url',
    fix: /azurecr\.io/,
  },
  {
    name: 'Flux on a network-isolated cluster',
    estate: { ...ESTATE, clusters: ESTATE.clusters.map((c) => (c.name === 'reporting' ? { ...c, outboundType: OutboundType.networkIsolated() } : c)) },
    rule: Rules.gitOpsNetworkIsolated,
    property: 'delivery',
    fix: /pulumiKubernetes/,
  },
  {
    name: 'kubenet on a network-isolated cluster',
    estate: {
      ...ESTATE,
      links: [],
      clusters: ESTATE.clusters.map((c) =>
        c.name === 'reporting' ? { ...c, outboundType: OutboundType.networkIsolated(), podNetworking: PodNetworking.kubenet(), delivery: ClusterDelivery.pulumiKubernetes() } : c,
      ),
    },
    rule: Rules.networkIsolatedUnsupported,
    property: 'clusters[3].podNetworking',
    fix: /Azure CNI Overlay/,
  },
  {
    name: 'a GitOps tree with a Helm repository on FTP',
    tree: { cluster: 'c', releases: [{ name: 'x', repo: 'ftp://charts.example', chart: 'x', version: '1.0.0', namespace: 'x', values: {}, after: [] }], issuer: [], mesh: [] },
    rule: Rules.gitOpsFluxSchema,
    property: 'HelmRepository/charts-example/spec/url',
    fix: /report this/,
  },
  {
    name: 'a tag value with a newline',
    props: { ...base, tags: { owner: 'team\nevil: true' } },
    rule: Rules.unsafeCharacters,
    property: 'tags.owner',
    fix: /remove the character/,
  },
  {
    name: 'a tag name with a slash',
    props: { ...base, tags: { 'cost/centre': '42' } },
    rule: Rules.tags,
    property: 'tags["cost/centre"]',
    fix: /without < > % & \\ \? \//,
  },
  {
    name: 'a cluster name with a right-to-left override',
    props: { ...base, name: 'pay\u202Eyorp' },
    rule: Rules.unsafeCharacters,
    property: 'name',
    fix: /remove the character/,
  },
  {
    name: 'a number where text belongs, as YAML config gives it',
    props: { ...base, location: 42 as never },
    rule: Rules.inputType,
    property: 'location',
    fix: /give a string \(received a number\)/,
  },
  {
    name: 'a plain object in place of a factory result',
    props: { ...base, apiServerAccess: { mode: 'private', isPrivate: true } as never },
    rule: Rules.inputType,
    property: 'apiServerAccess',
    fix: /use ApiServerAccess\.private\(\)/,
  },
  {
    name: 'a misspelt property',
    props: { ...base, teir: 'Standard' } as never,
    rule: Rules.inputType,
    property: 'teir',
    fix: /correct its spelling/,
  },
  {
    name: 'a wrong type inside a factory\'s options',
    props: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: '203.0.113.0/24' as never }) },
    rule: Rules.inputType,
    property: 'apiServerAccess.authorizedIpRanges',
    fix: /give a list/,
  },
  {
    name: 'a location with a space',
    props: { ...base, location: 'West Europe' },
    rule: Rules.location,
    property: 'location',
    fix: /"westeurope"/,
  },
  {
    name: 'a tier that is not a choice',
    props: { ...base, tier: 'Gold' as never },
    rule: Rules.choice,
    property: 'tier',
    fix: /"Free", "Standard", "Premium"/,
  },
  {
    name: 'a change of dnsPrefix on an existing cluster',
    update: { previous: { ...base, dnsPrefix: 'first' }, next: { ...base, dnsPrefix: 'second' } },
    rule: Rules.createOnlyChanged,
    property: 'cluster "c1" properties.dnsPrefix',
    fix: /keep "first"/,
  },
  {
    name: 'a private DNS zone change to an own zone',
    update: {
      previous: { ...base, apiServerAccess: ApiServerAccess.private({ publicFqdn: true }) },
      next: { ...base, apiServerAccess: ApiServerAccess.private({ publicFqdn: true, dnsZone: PrivateDnsZone.create() }) },
    },
    rule: Rules.privateDnsZoneChange,
    property: 'cluster "c1" properties.apiServerAccessProfile.privateDNSZone',
    fix: /change it to "none"/,
  },
  {
    name: 'VNet Integration turned off',
    update: {
      previous: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] }) },
      next: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'], vnetIntegration: false }) },
    },
    rule: Rules.vnetIntegrationOneWay,
    property: 'cluster "c1" properties.apiServerAccessProfile.enableVnetIntegration',
    fix: /vnetIntegration: true/,
  },
  {
    name: 'a public cluster made private without VNet Integration',
    update: {
      previous: { ...base, apiServerAccess: ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'], vnetIntegration: false }) },
      next: { ...base, apiServerAccess: ApiServerAccess.private({ vnetIntegration: false, dnsZone: PrivateDnsZone.fromZoneId(HUB_ZONE_PL) }) },
    },
    rule: Rules.publicToPrivate,
    property: 'cluster "c1" properties.apiServerAccessProfile.enablePrivateCluster',
    fix: /VNet Integration in the same change/,
  },
  {
    name: 'leaving the Cilium dataplane',
    update: {
      previous: { ...base, transitEncryption: TransitEncryption.none() },
      next: { ...base, transitEncryption: TransitEncryption.none(), networkDataplane: 'azure', networkPolicy: 'azure' },
    },
    rule: Rules.dataplaneOneWay,
    property: 'cluster "c1" properties.networkProfile.networkDataplane',
    fix: /keep the Cilium dataplane/,
  },
  {
    name: 'a definition that throws while it loads',
    definition: { folder: 'broken', text: "const pools = undefined;\nmodule.exports = { default: pools.map((p) => p) };\n" },
    rule: Rules.definitionLoad,
    property: 'broken/definition.js:2:35',
    fix: /load without throwing/,
  },
];

/** A plain chart with the id `c`. */
class ChartOf extends Chart {
  constructor(app: App) {
    super(app, 'c');
  }
}
