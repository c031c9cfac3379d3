/** A control of the library tied to a built-in, and how the two checks differ where they are not identical. */
export interface TiedControl {
  /** A rule id of the catalog (e.g. `SAKS-API-005`) or the id of a security baseline control. */
  readonly id: string;
  /**
   * Where the control and the built-in do not decide alike on every payload: what differs.
   * @default - none: wherever the control passes, the built-in finds the cluster compliant
   */
  readonly differs?: string;
}

/** A built-in Azure Policy definition and the library's controls that check the same property. */
export interface BuiltInTie {
  /** The built-in's definition name (a GUID), one of the vendored AKS built-ins. */
  readonly policyDefinitionName: string;
  /** What both check, in the payload's terms. */
  readonly sameCheck: string;
  /** The rules and baseline controls that check it. */
  readonly controls: readonly TiedControl[];
}

/**
 * The library's rules and baseline controls that check the same property as an
 * Azure Policy built-in for managed clusters. Each inherits the framework
 * controls that Microsoft's regulatory-compliance initiatives assign to that
 * built-in. Written once here; the built-in's own `if` condition is in
 * azure-policy-definitions.generated.ts.
 *
 * Not tied: `SAKS-BASE-001` (it passes with Container Insights alone, where
 * the Defender built-in would not) and the built-ins no control of the
 * library checks (Azure CNI, CSI drivers, Fleet Manager membership, the list
 * of vulnerable Kubernetes versions).
 * @see https://learn.microsoft.com/azure/aks/policy-reference
 */
export const BUILT_IN_TIES: readonly BuiltInTie[] = [
  {
    // Authorized IP ranges should be defined on Kubernetes Services
    policyDefinitionName: '0e246bcf-5f6f-4f87-bc6f-775d4712c7ea',
    sameCheck: 'a cluster that is not private has apiServerAccessProfile.authorizedIPRanges',
    controls: [
      { id: 'CIS 5.4.1 (control plane endpoint)' },
      { id: 'SAKS-API-005', differs: 'the rule also fails ranges that together cover every address, which the built-in accepts' },
      { id: 'SAKS-API-006', differs: 'the rule is the warning of the explicit opt-in to an unrestricted public API server; without the opt-in, SAKS-API-005 decides' },
    ],
  },
  {
    // Azure Kubernetes Service Private Clusters should be enabled
    policyDefinitionName: '040732e8-d947-40b8-95d6-854c95024bf8',
    sameCheck: 'apiServerAccessProfile.enablePrivateCluster is true',
    controls: [{ id: 'CIS 5.4.2 (private endpoint, public access disabled)' }],
  },
  {
    // Azure Kubernetes Service Clusters should have local authentication methods disabled
    policyDefinitionName: '993c2fcd-2b29-49d2-9eb0-df2c3a730c32',
    sameCheck: 'disableLocalAccounts is true',
    controls: [{ id: 'local accounts' }, { id: 'SAKS-BASE-016' }],
  },
  {
    // Azure Kubernetes Service Clusters should enable Microsoft Entra ID integration
    policyDefinitionName: '450d2877-ebea-41e8-b00c-e286317d21bf',
    sameCheck: 'the cluster has an aadProfile (Entra ID integration); the controls require aadProfile.enableAzureRBAC, inside it',
    controls: [{ id: 'CIS 5.5.1' }, { id: 'SAKS-BASE-017' }],
  },
  {
    // Role-Based Access Control (RBAC) should be used on Kubernetes Services
    policyDefinitionName: 'ac4a19c2-fa67-49b4-8ae5-0b2e78c49457',
    sameCheck: 'enableRBAC is not false',
    controls: [{ id: 'CIS 5.5.1' }, { id: 'SAKS-BASE-017' }],
  },
  {
    // Azure Policy Add-on for Kubernetes service (AKS) should be installed and enabled on your clusters
    policyDefinitionName: '0a15ec92-a229-4763-bb14-0ea34a568f8d',
    sameCheck: 'addonProfiles.azurepolicy.enabled is true',
    controls: [{ id: 'Azure Policy add-on' }, { id: 'SAKS-BASE-002' }],
  },
  {
    // Azure Kubernetes Service clusters should have Defender profile enabled
    policyDefinitionName: 'a1840de2-8088-4ea8-b153-b4c723e9cb01',
    sameCheck: 'securityProfile.defender.securityMonitoring.enabled is true',
    controls: [{ id: 'CIS 5.1.1 (image scanning)' }],
  },
  {
    // Temp disks and cache for agent node pools in Azure Kubernetes Service clusters should be encrypted at host
    policyDefinitionName: '41425d9f-d1a5-499a-9932-f8ed8453932c',
    sameCheck: 'every node pool has enableEncryptionAtHost true',
    controls: [{ id: 'encryption at host' }, { id: 'SAKS-BASE-005' }],
  },
  {
    // Azure Kubernetes Service Clusters should enable Image Cleaner
    policyDefinitionName: 'af3c26b2-6fad-493e-9236-9c68928516ab',
    sameCheck: 'securityProfile.imageCleaner.enabled is true',
    controls: [{ id: 'image cleaner' }, { id: 'SAKS-BASE-010' }],
  },
  {
    // Azure Kubernetes Service Clusters should enable workload identity
    policyDefinitionName: '2cc2e023-0dac-4046-875b-178f683929d5',
    sameCheck: 'securityProfile.workloadIdentity.enabled is true',
    controls: [{ id: 'workload identity' }, { id: 'SAKS-BASE-012' }],
  },
  {
    // Azure Kubernetes Clusters should enable Key Management Service (KMS)
    policyDefinitionName: 'dbbdc317-9734-4dd8-9074-993b29c69008',
    sameCheck: 'securityProfile.azureKeyVaultKms.enabled is true',
    controls: [{ id: 'KMS etcd encryption' }, { id: 'SAKS-BASE-015' }],
  },
  {
    // Both operating systems and data disks in Azure Kubernetes Service clusters should be encrypted by customer-managed keys
    policyDefinitionName: '7d7be79c-23ba-4033-84dd-45e2a5ccdd67',
    sameCheck: 'diskEncryptionSetID is set',
    controls: [{ id: 'customer-managed disk keys' }],
  },
  {
    // Azure Kubernetes Clusters should disable SSH
    policyDefinitionName: '28257686-e9db-403e-b9e2-a5eecbe03da9',
    sameCheck: 'no node pool leaves securityProfile.sshAccess unset or LocalUser',
    controls: [{ id: 'node SSH' }, { id: 'SAKS-BASE-009', differs: 'the rule checks Linux node pools only; the built-in counts Windows pools too' }],
  },
  {
    // Azure Kubernetes Service Clusters should disable Command Invoke
    policyDefinitionName: '89f2d532-c53c-4f8f-9afa-4927b1114a0d',
    sameCheck: 'apiServerAccessProfile.disableRunCommand is true',
    controls: [{ id: 'run command' }],
  },
  {
    // Azure Kubernetes Service Clusters should use managed identities
    policyDefinitionName: 'da6e2401-19da-4532-9141-fb8fbde08431',
    sameCheck: 'the cluster does not run as a service principal (servicePrincipalProfile.clientId other than "msi")',
    controls: [{ id: 'SAKS-ID-001', differs: 'the rule accepts a recorded client id beside a managed identity when no secret is sent; the built-in flags any client id other than "msi"' }],
  },
  {
    // Azure Kubernetes Service Clusters should enable node os auto-upgrade
    policyDefinitionName: '04408ca5-aa10-42ce-8536-98955cdddd4c',
    sameCheck: 'autoUpgradeProfile.nodeOSUpgradeChannel is NodeImage or SecurityPatch',
    controls: [{ id: 'automatic upgrades' }, { id: 'SAKS-BASE-004', differs: 'the rule reads an absent nodeOSUpgradeChannel as NodeImage, the API\'s default; the built-in flags it' }],
  },
  {
    // Azure Kubernetes Service Clusters should enable cluster auto-upgrade
    policyDefinitionName: '5c345cdf-2049-47e0-b8fe-b0e96bc2df35',
    sameCheck: 'autoUpgradeProfile.upgradeChannel is set and not none',
    controls: [
      { id: 'automatic upgrades', differs: 'the control accepts the node-image channel, which the built-in\'s default parameters do not' },
      { id: 'SAKS-BASE-004', differs: 'the rule accepts the node-image channel, which the built-in\'s default parameters do not' },
    ],
  },
  {
    // Resource logs in Azure Kubernetes Service should be enabled
    policyDefinitionName: '245fc9df-fa96-4414-9a0b-3738c2f7341c',
    sameCheck: 'a diagnostic setting on the cluster sends enabled logs',
    controls: [
      { id: 'control-plane audit logs', differs: 'the control requires the audit categories; the built-in accepts any category but also requires 365 days where a setting keeps a retention policy' },
      { id: 'SAKS-BASE-013', differs: 'the rule requires the audit categories; the built-in accepts any category but also requires 365 days where a setting keeps a retention policy' },
    ],
  },
];
