/**
 * A condition of an Azure Policy rule, as published (`allOf`, `field`, `count`, ...).
 * @category Azure Policy
 */
export type PolicyCondition = Readonly<Record<string, any>>;

/**
 * An Azure Policy definition, reduced to what evaluating it needs.
 * @see https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics
 * @category Azure Policy
 */
export interface AzurePolicyDefinition {
  /** The definition's name (a GUID). */
  readonly name: string;
  /** Its resource id, `/providers/Microsoft.Authorization/policyDefinitions/<name>`. */
  readonly id: string;
  /** The file it was vendored from. */
  readonly file: string;
  readonly displayName: string;
  readonly version?: string;
  readonly category?: string;
  readonly parameters: Readonly<Record<string, { readonly type?: string; readonly defaultValue?: unknown; readonly allowedValues?: readonly unknown[] }>>;
  readonly policyRule: { readonly if: PolicyCondition; readonly then: Readonly<Record<string, any>> };
}
