/**
 * The documents our rules come from. Each is written once here and cited by
 * rules, error messages and the generated rules table.
 */
export const Sources = {
  privateClusters: 'https://learn.microsoft.com/azure/aks/private-clusters',
  authorizedIpRanges: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
  apiServerVnetIntegration: 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration',
  eksToAksPrivateClusters:
    'https://learn.microsoft.com/azure/architecture/aws-professional/eks-to-aks/private-clusters',
  azureCniOverlay: 'https://learn.microsoft.com/azure/aks/azure-cni-overlay',
  managedClustersRestApi:
    'https://learn.microsoft.com/rest/api/aks/managed-clusters/create-or-update',
  resourceNameRules:
    'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules',
  azCliAksCreate: 'https://learn.microsoft.com/cli/azure/aks#az-aks-create',
  terraformAzurermAksLocals:
    'https://github.com/Azure/terraform-azurerm-aks/blob/main/locals.tf',
  managedIdentity: 'https://learn.microsoft.com/azure/aks/use-managed-identity',
  entraIdAzureRbac: 'https://learn.microsoft.com/azure/aks/manage-azure-rbac',
  localAccounts: 'https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad',
  commandInvoke: 'https://learn.microsoft.com/azure/aks/access-private-cluster',
  subnetDelegation: 'https://learn.microsoft.com/azure/virtual-network/subnet-delegation-overview',
  acnsOverview: 'https://learn.microsoft.com/azure/aks/advanced-container-networking-services-overview',
  wireGuardConcepts: 'https://learn.microsoft.com/azure/aks/container-network-security-wireguard-encryption-concepts',
  wireGuardHowTo: 'https://learn.microsoft.com/azure/aks/how-to-apply-wireguard',
  ciliumDataplane: 'https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium',
  networkPolicies: 'https://learn.microsoft.com/azure/aks/use-network-policies',
  calicoWireGuard: 'https://docs.tigera.io/calico/latest/network-policy/encrypt-cluster-pod-traffic',
  calicoWireGuardOnAks: 'https://www.tigera.io/blog/enabling-calico-wireguard-on-azure-cni/',
  vnetEncryption: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-encryption-overview',
  vnetEncryptionAksIssue: 'https://github.com/Azure/AKS/issues/4626',
  fipsNodePools: 'https://learn.microsoft.com/azure/aks/enable-fips-nodes',
  istioEgressTlsOrigination: 'https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway-tls-origination/',
  istioEgressGateway: 'https://istio.io/latest/docs/tasks/traffic-management/egress/egress-gateway/',
  istioSecureIngress: 'https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/',
  istioDestinationRule: 'https://istio.io/latest/docs/reference/config/networking/destination-rule/',
  istioGatewayInjection: 'https://istio.io/latest/docs/setup/additional-setup/gateway/',
  istioPorts: 'https://istio.io/latest/docs/ops/deployment/application-requirements/#ports-used-by-istio',
  istioAnalyzerMessages: 'https://istio.io/latest/docs/reference/config/analysis/',
  asmCrossClusterMtls: 'https://cloud.google.com/service-mesh/docs/security/egress-ingress-gateways-mtls',
  kubernetesNames: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  certManagerCertificate: 'https://cert-manager.io/docs/usage/certificate/',
  defenderForContainers: 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable',
  azurePolicyAks: 'https://learn.microsoft.com/azure/aks/use-azure-policy',
  keyVaultCsi: 'https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options',
  autoUpgrade: 'https://learn.microsoft.com/azure/aks/auto-upgrade-cluster',
  hostEncryption: 'https://learn.microsoft.com/azure/aks/enable-host-encryption',
  systemPools: 'https://learn.microsoft.com/azure/aks/use-system-pools',
  uptimeSla: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers',
  checkovAzure: 'https://www.checkov.io/5.Policy%20Index/arm.html',
  vnetPeering: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview',
  privateDnsZones: 'https://learn.microsoft.com/azure/dns/private-dns-privatednszone',
  tags: 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations',
  regions: 'https://learn.microsoft.com/azure/reliability/regions-list',
  cdkNagSuppressions: 'https://github.com/cdklabs/cdk-nag#suppressing-a-rule',
  checkovSuppressions: 'https://www.checkov.io/2.Basics/Suppressing%20and%20Skipping%20Policies.html',
  unicodeSecurity: 'https://www.unicode.org/reports/tr36/',
  trojanSource: 'https://trojansource.codes/',
  terraformAzurermAksMain: 'https://github.com/Azure/terraform-azurerm-aks/blob/main/main.tf',
} as const;

export type SourceUrl = (typeof Sources)[keyof typeof Sources];
