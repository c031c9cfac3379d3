/**
 * Azure regions by their ARM name (`az account list-locations`), for the
 * warning on a location that is none of them. New regions open every year,
 * so an unknown name warns instead of failing.
 * @see https://learn.microsoft.com/azure/reliability/regions-list
 * @category Clusters
 */
export const AZURE_REGIONS: readonly string[] = [
  // Americas
  'eastus', 'eastus2', 'centralus', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3',
  'canadacentral', 'canadaeast', 'brazilsouth', 'brazilsoutheast', 'mexicocentral', 'chilecentral',
  // Europe
  'northeurope', 'westeurope', 'uksouth', 'ukwest', 'francecentral', 'francesouth', 'germanywestcentral', 'germanynorth',
  'switzerlandnorth', 'switzerlandwest', 'norwayeast', 'norwaywest', 'swedencentral', 'swedensouth', 'polandcentral',
  'italynorth', 'spaincentral', 'austriaeast', 'belgiumcentral', 'denmarkeast',
  // Asia Pacific
  'eastasia', 'southeastasia', 'japaneast', 'japanwest', 'koreacentral', 'koreasouth', 'australiaeast', 'australiasoutheast',
  'australiacentral', 'australiacentral2', 'centralindia', 'southindia', 'westindia', 'jioindiawest', 'jioindiacentral',
  'newzealandnorth', 'indonesiacentral', 'malaysiawest', 'taiwannorth',
  // Middle East and Africa
  'uaenorth', 'uaecentral', 'qatarcentral', 'israelcentral', 'southafricanorth', 'southafricawest', 'saudiarabiaeast',
  // Sovereign clouds
  'usgovvirginia', 'usgovarizona', 'usgovtexas', 'usdodeast', 'usdodcentral',
  'chinanorth', 'chinanorth2', 'chinanorth3', 'chinaeast', 'chinaeast2', 'chinaeast3',
];

const NEAREST = new Map<string, string>();

/**
 * The known region nearest to `name` by edit distance (remembered: a tenant repeats its few misspellings).
 * @category Clusters
 */
export function nearestRegion(name: string): string {
  const known = NEAREST.get(name);
  if (known !== undefined) return known;
  let best = AZURE_REGIONS[0];
  let bestDistance = Infinity;
  for (const r of AZURE_REGIONS) {
    const d = editDistance(name, r);
    if (d < bestDistance) [best, bestDistance] = [r, d];
  }
  NEAREST.set(name, best);
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
