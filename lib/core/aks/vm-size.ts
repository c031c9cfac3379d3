const SIZE = /^Standard_([A-Z]+)(\d+)(?:-\d+)?([a-z]*)_v(\d+)$/;

/**
 * Whether a VM size has a local temporary disk (the `d` feature letter, as in
 * `Standard_D4ds_v5`), which ephemeral OS disks are placed on.
 * @see https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions
 * @see https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk
 * @category Clusters
 */
export function hasLocalTempDisk(vmSize: string): boolean {
  const m = SIZE.exec(vmSize);
  return m !== null && m[3].includes('d');
}
