/**
 * VM series on which Azure virtual network encryption is supported (with
 * accelerated networking, which AKS turns on for these sizes), by family
 * letter and version: the feature letters allowed after the vCPU count.
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-network-encryption-overview#requirements
 * @category Transit encryption
 */
export const VNET_ENCRYPTION_SERIES: Readonly<Record<string, readonly string[] | '*'>> = {
  // D-series v4: Dv4/Dsv4, Ddv4/Ddsv4, Dav4/Dasv4
  D_v4: ['', 's', 'd', 'ds', 'a', 'as'],
  // D-series v5: Dv5/Dsv5, Ddv5/Ddsv5, Dlsv5/Dldsv5, Dasv5/Dadsv5
  D_v5: ['', 's', 'd', 'ds', 'ls', 'lds', 'as', 'ads'],
  // D-series v6: Dasv6/Dadsv6, Dalsv6/Daldsv6, Dsv6
  D_v6: ['as', 'ads', 'als', 'alds', 's'],
  // E-series v4: Ev4/Esv4, Edv4/Edsv4, Eav4/Easv4
  E_v4: ['', 's', 'd', 'ds', 'a', 'as'],
  // E-series v5: Ev5/Esv5, Edv5/Edsv5, Easv5/Eadsv5
  E_v5: ['', 's', 'd', 'ds', 'as', 'ads'],
  // E-series v6: Easv6/Eadsv6
  E_v6: ['as', 'ads'],
  // M-series v2: Mv2, Msv2/Mdsv2
  M_v2: '*',
  // M-series v3: Msv3/Mdsv3
  M_v3: '*',
  // L-series v3: Lsv3
  L_v3: ['s'],
  // F-series v6: Falsv6, Famsv6, Fasv6
  F_v6: ['als', 'ams', 'as'],
};

const SIZE = /^Standard_([A-Z]+)(\d+)(?:-\d+)?([a-z]*)_v(\d+)$/;

/**
 * Whether Azure virtual network encryption supports VM size `vmSize` (e.g. `Standard_D4ds_v5`).
 * @category Transit encryption
 */
export function supportsVnetEncryption(vmSize: string): boolean {
  const m = SIZE.exec(vmSize);
  if (!m) return false;
  const [, family, , features, version] = m;
  const allowed = VNET_ENCRYPTION_SERIES[`${family}_v${version}`];
  if (allowed === undefined) return false;
  return allowed === '*' || allowed.includes(features);
}
