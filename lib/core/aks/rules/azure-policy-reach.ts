import { ClusterRule } from '../../rules/cluster-rule';
import { Rule } from '../../validation/rule';
import { Rules } from '../../validation/rule-catalog';

/**
 * Why each cluster rule that is not written as a condition (or a resource
 * required on the cluster) cannot be an
 * Azure Policy definition: what its decision needs that a policy rule's
 * `if` on one resource does not have (its operators compare text without
 * regard to case, count list elements and compare numbers, and see one
 * resource at a time, with no arithmetic on addresses, no patterns beyond
 * `like`/`match`, no other resources and no dates).
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule
 */
const PATTERN = 'needs a pattern (a regular expression) Azure Policy\'s like and match cannot write';
const CIDR = 'needs CIDR arithmetic on addresses, which Azure Policy has no function for';
const OTHER_RESOURCES = 'reads resources deployed beside the cluster: a definition\'s condition sees one resource at a time';
/** Why a resource the cluster names by id is out of reach of the compiler. */
const BY_ID = 'the condition language cannot yet name a related resource by the id the cluster gives (AuditIfNotExists would take its name and resource group from that id, and only in the cluster\'s subscription)';
/** Why a resource that breaks a rule is out of reach from the cluster. */
const BREAKS = 'AuditIfNotExists on the cluster looks for a resource that meets a condition, not for one that breaks it';
const GITOPS_SOURCE = 'reads the Flux configurations deployed on the cluster, and judges their URLs, branches and OCI references by grammars (git check-ref-format, the OCI distribution spec) the condition language cannot express';
const WITH_POOLS = 'combines the cluster\'s settings with its node pools\': a pool created as its own agentPools resource is judged by Azure Policy without its cluster';
const VERSIONS = 'compares Kubernetes versions by number, which Azure Policy compares as text';
/** Why a rule on a private DNS zone's name is out of reach on the zone alone. */
const ZONE_ALONE = 'on the zone alone, the region it must name is the cluster\'s, not the zone\'s (a private DNS zone\'s location is global)';
const AUTOMATIC = 'is undecided on AKS Automatic, which sets this itself; a definition cannot answer "undecided"';

const REASONS = new Map<Rule, string>([
  [Rules.clusterName, PATTERN],
  [Rules.location, PATTERN],
  [Rules.unknownRegion, 'compares with the library\'s list of regions and names the nearest one; Azure Resource Manager itself refuses an unknown region'],
  [Rules.kubernetesVersion, PATTERN],
  [Rules.nodePool, `${PATTERN}, and compares the pools' names with each other`],
  [Rules.authorizedRangesWithPrivateCluster, 'reads the authorized ranges in both their current and their pre-GA places, parsed as CIDR blocks'],
  [Rules.authorizedRangesLimit, 'reads the authorized ranges in both their current and their pre-GA places, parsed as CIDR blocks'],
  [Rules.cidrMalformed, CIDR],
  [Rules.cidrHostBits, CIDR],
  [Rules.publicWithoutRanges, CIDR],
  [Rules.publicUnrestricted, 'is an opt-in of a definition of this library, which a deployed cluster does not carry'],
  [Rules.privateDnsNoneNeedsPublicFqdn, 'reads privateDNSZone as a reference to a zone, which a template may give before the zone exists; the condition language has no references yet'],
  [Rules.privateDnsZoneId, 'parses the zone\'s resource id'],
  [Rules.ownZoneName, `${PATTERN} over the zone's name and the cluster's region; ${ZONE_ALONE}`],
  [Rules.ownZoneSubzoneLength, `measures a label of the zone's name, parsed from its resource id; ${ZONE_ALONE}, and the condition language has no operator on a part of a name`],
  [Rules.ownZoneNeedsUserAssignedIdentity, `reads the role assignments on the private DNS zone the cluster names: ${BY_ID}`],
  [Rules.fqdnSubdomainNeedsOwnZone, 'reads privateDNSZone as a reference to a zone, which a template may give before the zone exists; the condition language has no references yet'],
  [Rules.dnsLabel, PATTERN],
  [Rules.privateClusterWithoutWayIn, `looks for a virtual network link of the private DNS zone the cluster names: ${BY_ID}; on the zone alone (AuditIfNotExists of its virtualNetworkLinks), a zone without links does not break this rule, which turns on the cluster's run command and public FQDN settings`],
  [Rules.servicePrincipalIdentity, 'counts a secret that is present but hidden as present, which the condition language cannot say yet'],
  [Rules.kmsKeyId, PATTERN],
  [Rules.kmsPrivateVault, 'parses the vault\'s resource id and the key\'s URL and compares the vault names'],
  [Rules.clusterCidrsOverlap, `${CIDR}, and ${OTHER_RESOURCES}`],
  [Rules.reservedRanges, CIDR],
  [Rules.serviceCidrSize, CIDR],
  [Rules.dnsServiceIp, CIDR],
  [Rules.vnetIntegrationNeedsSubnet, WITH_POOLS],
  [Rules.apiServerSubnetDedicated, `reads the delegation of the subnet apiServerAccessProfile.subnetId names: ${BY_ID}; on the subnet alone, the delegation this rule requires is the only sign that a subnet is an API server's, and whether node pools share it is the cluster's`],
  [Rules.apiServerSubnetSameVnet, `${WITH_POOLS}; and it parses the subnets' resource ids`],
  [Rules.ciliumNeedsOverlayOrPodSubnet, WITH_POOLS],
  [Rules.ciliumLinuxOnly, WITH_POOLS],
  [Rules.acnsKubernetesVersion, VERSIONS],
  [Rules.wireGuardNotFips, 'reads the Calico FelixConfiguration applied in the cluster, which is not an Azure resource'],
  [Rules.vnetEncryptionWithVnetIntegration, `reads the virtual network of the subnet the node pools name: ${BY_ID}; and ${BREAKS}`],
  [Rules.egressManagedNat, WITH_POOLS],
  [Rules.networkIsolatedLimits, `${VERSIONS}; and ${WITH_POOLS}`],
  [Rules.networkIsolatedUnsupported, `flags the GitOps (Flux) extension and Flux configurations on a network-isolated cluster: ${BREAKS}`],
  [Rules.gitOpsUrlCredentials, GITOPS_SOURCE],
  [Rules.gitOpsBranchName, GITOPS_SOURCE],
  [Rules.gitOpsOciReference, GITOPS_SOURCE],
  [Rules.gitOpsAzureProvider, GITOPS_SOURCE],
  [Rules.istioAddonRevision, 'compares with Microsoft\'s calendar of Istio revisions and the Kubernetes versions each runs on'],
  [Rules.supportEnding, 'compares with the evaluation date and the owners\' calendars of versions, which change with every release: a definition would freeze the calendar the day it is deployed'],
  [Rules.supportEnded, 'compares with the evaluation date and the owners\' calendars of versions, which change with every release: a definition would freeze the calendar the day it is deployed'],
  [Rules.baselineSecretsRotationOff, 'no alias of the azureKeyvaultSecretsProvider add-on\'s settings is in a built-in definition or the provider\'s alias snapshot'],
  [Rules.baselineSystemPoolShared, 'compares taints with regard to case, as Kubernetes does; Azure Policy compares text without'],
  [Rules.baselineNoNetworkPolicy, AUTOMATIC],
  [Rules.imageCleanerInterval, 'needs a whole number of hours; Azure Policy cannot tell 24.5 from 24'],
  [Rules.baselineWorkloadIdentityOff, AUTOMATIC],
  [Rules.auditLogsDestination, `flags a diagnostic setting of the cluster that has no destination: ${BREAKS}, and a definition on the diagnostic settings themselves would have to tell the cluster's apart by their resource id, which the condition language cannot say yet`],
  [Rules.ephemeralOsDiskOff, `${PATTERN} over the VM size's name (whether it has a local temporary disk)`],
  [Rules.podsPerNodeLow, 'is undecided on a pool without maxPods, whose default depends on the network plugin and its mode; a definition cannot answer "undecided"'],
  [Rules.kubernetesDashboardOn, 'no alias of the kubeDashboard add-on\'s settings is in a built-in definition or the provider snapshot'],
  [Rules.transitEncryptionNone, `${OTHER_RESOURCES}: the nodes' virtual network, and the Calico FelixConfiguration applied in the cluster`],
  [Rules.vnetEncryptionOnly, `${OTHER_RESOURCES}: the nodes' virtual network`],
  [Rules.egressPublicIp, `${OTHER_RESOURCES}: the route table or network security group that carries or blocks egress`],
]);

/**
 * Why a cluster rule is not an Azure Policy definition; `undefined` for a
 * rule written as a condition or a required resource. A rule with a
 * definition on a resource alone (a subnet, SUBNET_RULES) has no reason here.
 */
export function notExpressibleReason(rule: ClusterRule): string | undefined {
  return rule.condition === undefined && rule.requiredResource === undefined ? REASONS.get(rule.rule) : undefined;
}

/** Every reason given, by rule (to check that each rule has one, and only where it needs one). */
export const NOT_EXPRESSIBLE_RULES: ReadonlySet<Rule> = new Set(REASONS.keys());
