import { DocumentReading } from '../description/described-resource';
import { readArmTemplate } from './arm-template';
import { readAzureJson } from './azure-json/read-azure-json';
import { readTerraformPlan } from './terraform/read-terraform-plan';

/** The kinds of document `secure-aks audit` reads. */
export type DocumentForm = 'arm-template' | 'terraform-plan' | 'azure-json' | 'rest-example';

/** Which reader a parsed document is for, from its shape. */
export function documentForm(document: unknown): DocumentForm {
  if (document !== null && typeof document === 'object' && !Array.isArray(document)) {
    const d = document as Record<string, unknown>;
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax
    if ((typeof d.$schema === 'string' && /deploymentTemplate/i.test(d.$schema)) || ('contentVersion' in d && 'resources' in d)) return 'arm-template';
    // https://developer.hashicorp.com/terraform/internals/json-format
    if (typeof d.format_version === 'string' && ('planned_values' in d || 'values' in d || 'resource_changes' in d)) return 'terraform-plan';
    // Microsoft's REST API examples: https://github.com/Azure/azure-rest-api-specs (x-ms-examples)
    if (d.parameters !== null && typeof d.parameters === 'object' && d.responses !== null && typeof d.responses === 'object') return 'rest-example';
  }
  return 'azure-json';
}

/**
 * Reads one parsed document with the reader its shape calls for: an ARM
 * template (Bicep's output and Azure Verified Modules included), a Terraform
 * plan or state, or Azure's JSON of live resources (a GET, `az aks show`,
 * `az aks list`, Azure Resource Graph, REST examples).
 */
export function readDocument(document: unknown, name: string): DocumentReading & { readonly form: DocumentForm } {
  const form = documentForm(document);
  const reading = form === 'arm-template' ? readArmTemplate(document, name) : form === 'terraform-plan' ? readTerraformPlan(document, name) : readAzureJson(document, name);
  return { ...reading, form };
}
