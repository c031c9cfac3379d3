/**
 * Member names in lower case, each made once, by its exact text: Azure Resource Manager finds members
 * without regard to case, and the audit of a tenant compares the same names (`agentPoolProfiles`,
 * `networkProfile`) on cluster after cluster, where lowering each again made a new string every time.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#case-insensitivity
 */
const LOWER = new Map<string, string>();

/** `name.toLowerCase()`, found again rather than made again. */
export function lowerCaseName(name: string): string {
  let lower = LOWER.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    // The bound keeps a document of many distinct names (map keys) from growing the table without end.
    if (LOWER.size < 10_000) LOWER.set(name, lower);
  }
  return lower;
}
