/**
 * One control of a framework as a regulatory-compliance initiative of Azure
 * Policy defines it: a policy definition group.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/initiative-definition-structure#policy-definition-groups
 */
export interface InitiativeGroup {
  /** The group's name: the initiative's prefix, then the control id (e.g. `NIST_SP_800-53_R5_SC-8`). */
  readonly name: string;
  /** The group's category, where the initiative gives one. */
  readonly category?: string;
  /** The group's display name, where the initiative gives one. */
  readonly displayName?: string;
  /** The group's description, where the initiative gives one. */
  readonly description?: string;
  /**
   * The policy metadata resource that describes the control in Azure, where it
   * is not the conventional one (see `groupMetadataId`).
   * @default - `/providers/Microsoft.PolicyInsights/policyMetadata/<name>`
   */
  readonly additionalMetadataId?: string;
}

/**
 * The id of the `Microsoft.PolicyInsights/policyMetadata` resource that
 * describes a group's control (its title and Microsoft's guidance).
 * @see https://learn.microsoft.com/rest/api/policy/policy-metadata/get-resource
 */
export function groupMetadataId(group: InitiativeGroup): string {
  return group.additionalMetadataId ?? `/providers/Microsoft.PolicyInsights/policyMetadata/${group.name}`;
}

/** A built-in policy definition of the initiative, with the groups (controls) it is assigned to. */
export interface InitiativeMember {
  /** The definition's name (a GUID). */
  readonly policyDefinitionName: string;
  /** The names of the groups the initiative assigns it to, sorted. */
  readonly groupNames: readonly string[];
}

/**
 * A regulatory-compliance initiative (policy set definition) of Azure Policy,
 * reduced to what the framework mappings need.
 * @see https://github.com/Azure/azure-policy/tree/master/built-in-policies/policySetDefinitions
 */
export interface RegulatoryInitiative {
  /** The library's stable id of the framework, e.g. `nist-sp-800-53-r5`. */
  readonly framework: string;
  /** The file in Azure/azure-policy it was read from. */
  readonly file: string;
  /** The initiative's name (a GUID). */
  readonly name: string;
  /** The initiative's display name, as Microsoft names the framework. */
  readonly displayName: string;
  /** The initiative's version. */
  readonly version: string;
  /** What Microsoft puts before the control id in every group name of this initiative. */
  readonly groupPrefix: string;
  /** Every group of the initiative, sorted by name. */
  readonly groups: readonly InitiativeGroup[];
  /** The members that are AKS built-ins the library vendors, sorted by definition name. */
  readonly members: readonly InitiativeMember[];
}
