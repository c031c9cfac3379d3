/**
 * An Azure resource as Azure describes it: the REST shape (`az resource show`,
 * a GET of the resource, an ARM template resource), plain JSON. What the
 * audit and the policy pack read; the library's own ARM model is one source
 * of it among others.
 * @see https://learn.microsoft.com/rest/api/aks/managed-clusters/get
 * @category Audit
 */
export interface AuditedResource {
  /** The full resource id, when known (a live resource, or an id built from a template's names). */
  readonly id?: string;
  /** The resource's name (the last segment for a child resource). */
  readonly name: string;
  /** The full ARM type, e.g. `Microsoft.ContainerService/managedClusters`. */
  readonly type: string;
  readonly apiVersion?: string;
  readonly location?: string;
  readonly sku?: Readonly<Record<string, unknown>>;
  readonly identity?: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, unknown>>;
  /** For an extension resource (role assignment, lock, diagnostic setting): the id of the resource it is on. */
  readonly scope?: string;
  readonly properties: Readonly<Record<string, any>>;
}

/**
 * A managed cluster to audit, with the resources deployed beside it.
 * @category Audit
 */
export interface AuditedCluster {
  /** Where it was read, e.g. `cluster.json` or `template.json#/resources/3`. */
  readonly source: string;
  /** The form it was read in. */
  readonly form: AzureDescriptionForm;
  readonly cluster: AuditedResource;
  /**
   * The other resources of the same description (subnets, virtual networks,
   * NSGs, private DNS zones and links, role assignments, diagnostic settings,
   * locks). Rules that need one that is absent are not decided offline.
   */
  readonly related: readonly AuditedResource[];
}

/**
 * The forms `secure-aks audit` reads.
 * @category Audit
 */
export type AzureDescriptionForm =
  /** A GET of the resource, `az resource show`, or a REST list's `value` entry. */
  | 'rest'
  /** `az aks show -o json`: the properties flattened to the top level. */
  | 'az-aks-show'
  /** An ARM template or `az group export` output. */
  | 'arm-template'
  /** A request body of Microsoft's REST API examples (`parameters.parameters`). */
  | 'rest-example-request'
  /** A response body of Microsoft's REST API examples (`responses.<code>.body`). */
  | 'rest-example-response'
  /** `terraform show -json` of a plan or a state. */
  | 'terraform-plan';

/**
 * The managed cluster type, compared without regard to case as ARM does.
 * @category Audit
 */
export const MANAGED_CLUSTER_TYPE = 'Microsoft.ContainerService/managedClusters';

/**
 * Whether `type` names the same ARM type as `expected` (ARM types are case-insensitive).
 * @internal
 */
export function isType(type: unknown, expected: string): boolean {
  return typeof type === 'string' && type.toLowerCase() === expected.toLowerCase();
}

/**
 * Whether `id` is the resource id of `resource` (ids are compared without regard to case).
 * @internal
 */
export function sameId(id: unknown, resource: AuditedResource): boolean {
  return typeof id === 'string' && resource.id !== undefined && id.toLowerCase() === resource.id.toLowerCase();
}

/**
 * How a cluster read by a document reader is named in reports (a REST example's request body is at `/parameters`).
 * @internal
 */
export function descriptionForm(form: 'arm-template' | 'terraform-plan' | 'azure-json' | 'rest-example', pointer: string): AzureDescriptionForm {
  if (form === 'azure-json') return 'rest';
  if (form === 'rest-example') return pointer.startsWith('/parameters') ? 'rest-example-request' : 'rest-example-response';
  return form;
}
