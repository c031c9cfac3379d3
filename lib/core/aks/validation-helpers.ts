/** An Entra ID object, client or tenant id. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `major.minor` of a Kubernetes version written `1.33` or `1.33.2`. */
export function kubernetesMinor(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

/** Whether a Kubernetes version (`1.33` or `1.33.2`) is older than `floor` (`[major, minor]`). */
export function kubernetesMinorBelow(version: string, floor: readonly [number, number]): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major < floor[0] || (major === floor[0] && minor < floor[1]);
}

/**
 * A managed cluster's name: 1 to 63 letters, digits, underscores and hyphens,
 * starting and ending with a letter or digit.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftcontainerservice
 */
export const CLUSTER_NAME = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;

/** `dnsPrefix` and `fqdnSubdomain`: 1 to 54 letters, digits and hyphens, starting and ending with a letter or digit. */
export const DNS_LABEL_54 = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,52}[a-zA-Z0-9])?$/;

/** A Kubernetes version as AKS takes it: `<major>.<minor>` or `<major>.<minor>.<patch>`. */
export const KUBERNETES_VERSION = /^\d+\.\d+(\.\d+)?$/;

/** A region's programmatic name: lowercase letters and digits, e.g. `westeurope`. */
export const LOCATION_NAME = /^[a-z][a-z0-9]{1,39}$/;

/**
 * Whether `name` is a node pool name AKS accepts: lowercase letters and digits
 * starting with a letter, at most 12 characters (6 for Windows).
 * @see https://learn.microsoft.com/azure/aks/create-node-pools#limitations
 */
export function isNodePoolName(name: string, osType: string | undefined): boolean {
  const max = osType === 'Windows' ? 6 : 12;
  return new RegExp(`^[a-z][a-z0-9]{0,${max - 1}}$`).test(name);
}
