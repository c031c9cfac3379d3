/** A size name in Azure's convention: family, vCPUs (with constrained cores), feature letters and version; compared as ARM compares names, without regard to case. */
const SIZE = /^standard_([a-z]+)(\d+)(?:-\d+)?([a-z]*)_v(\d+)$/i;

/**
 * Whether a VM size has a local temporary disk, as far as its name says.
 * From the v4 sizes on, Azure's naming convention marks one with the `d`
 * feature letter (`Standard_D4ds_v5`), and its absence means none. Older
 * sizes (`Standard_D2s_v3`, `Standard_DS2_v2`) and the AMD v4 sizes without
 * `d` (`Standard_D4as_v4`) have one or not by their series, which the name
 * does not say: `undefined`, as for a name outside the convention.
 * @see https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions
 * @see https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dv4-series
 * @category Clusters
 */
export function localTempDiskByName(vmSize: string): boolean | undefined {
  const m = SIZE.exec(vmSize);
  if (m === null) return undefined;
  const features = m[3].toLowerCase();
  const version = Number(m[4]);
  if (features.includes('d')) return true;
  if (version < 4 || (version === 4 && features.includes('a'))) return undefined;
  return false;
}

/**
 * Whether a VM size has a local temporary disk by its name (the `d` feature
 * letter, as in `Standard_D4ds_v5`), which ephemeral OS disks are placed on.
 * `false` also where the name does not say ({@link localTempDiskByName}).
 * @see https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions
 * @see https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk
 * @category Clusters
 */
export function hasLocalTempDisk(vmSize: string): boolean {
  return localTempDiskByName(vmSize) === true;
}
