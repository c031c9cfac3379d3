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
