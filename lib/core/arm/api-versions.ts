/**
 * The API version each resource type is written for. Every payload is checked
 * in the tests against Microsoft's published model of exactly this version.
 * @category ARM templates
 */
export const ApiVersions = {
  /**
   * The first stable versions with `networkProfile.advancedNetworking.security.transitEncryption`
   * are 2026-01-01 and later (absent in 2025-10-01). 2026-06-01 is the version
   * of Microsoft's JS SDK `@azure/arm-containerservice` 25.5.0, which the tests
   * validate against.
   * @see https://github.com/Azure/azure-rest-api-specs/tree/main/specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable
   */
  managedClusters: '2026-06-01',
  /**
   * The version of azure-native's typed `network` resources (3.28), so that Pulumi registers
   * typed VirtualNetwork, NetworkSecurityGroup, RouteTable and VirtualNetworkPeering resources
   * that send what the template holds; `@azure/arm-network` 33.5.0 is Microsoft's model of it.
   */
  network: '2024-05-01',
  /** azure-native's typed `managedidentity` resources; `@azure/arm-msi` 2.1.0. */
  userAssignedIdentities: '2023-01-31',
  /** azure-native's typed `privatedns` resources; `@azure/arm-privatedns` 4.0.0. */
  privateDns: '2024-06-01',
  /** `@azure/arm-operationalinsights` 11.0.0. */
  operationalInsights: '2025-07-01',
  /** `@azure/arm-monitor` 8.0.0, and azure-native's typed `monitor.DiagnosticSetting`. */
  diagnosticSettings: '2021-05-01-preview',
  /** `@azure/arm-locks` 2.1.0, and azure-native's typed `authorization.ManagementLockByScope`. */
  locks: '2020-05-01',
  /** `@azure/arm-authorization` 9.0.0, and azure-native's typed RoleAssignment. */
  authorization: '2022-04-01',
  /**
   * Cluster extensions (`microsoft.flux`): `@azure/arm-kubernetesconfiguration`
   * 6.1.0, and azure-native's typed `kubernetesconfiguration.Extension`.
   */
  kubernetesConfigurationExtensions: '2023-05-01',
  /**
   * Flux configurations: the first stable version with the `OCIRepository`
   * source kind. Microsoft's JS SDK stops at 2023-05-01 (no OCI source), so the
   * tests check the payload against the REST API specification of this version.
   * @see https://github.com/Azure/azure-rest-api-specs/tree/main/specification/kubernetesconfiguration/resource-manager/Microsoft.KubernetesConfiguration/fluxConfigurations/stable/2025-04-01
   */
  fluxConfigurations: '2025-04-01',
} as const;
