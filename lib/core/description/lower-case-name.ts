import { answersByText } from '../memo/answers-by-text';

/**
 * `name.toLowerCase()`, each made once, by its exact text: Azure Resource Manager finds members
 * without regard to case, and the audit of a tenant compares the same names (`agentPoolProfiles`,
 * `networkProfile`) on cluster after cluster, where lowering each again made a new string every time.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#case-insensitivity
 */
export const lowerCaseName: (name: string) => string = answersByText((name) => name.toLowerCase());
