import { Rule } from '../validation/rule';
import { Rules } from '../validation/rule-catalog';
import { ownZoneName } from './resolved-cluster-config';

/**
 * A subzone label: letters, digits and hyphens, starting and ending with a letter or digit, at most 32.
 * @internal
 */
export const SUBZONE = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/**
 * A broken rule of an own private DNS zone's name.
 * @category API server access
 */
export interface ZoneNameProblem {
  readonly rule: Rule;
  readonly fix: string;
  readonly detail?: string;
}

/**
 * Whether `zoneName` may be the private DNS zone of a cluster in `location`:
 * `privatelink.<region>.azmk8s.io` or `<subzone>.privatelink.<region>.azmk8s.io`,
 * `private.` instead of `privatelink.` with API Server VNet Integration.
 * Decided once for a definition and a deployed payload.
 * @see https://learn.microsoft.com/azure/aks/private-clusters#configure-a-private-dns-zone
 * @category API server access
 */
export function zoneNameProblem(zoneName: string, location: string, vnetIntegration: boolean): ZoneNameProblem | undefined {
  const suffix = ownZoneName(location, vnetIntegration);
  const lower = zoneName.toLowerCase();
  if (lower !== suffix && !lower.endsWith(`.${suffix}`)) {
    return {
      rule: Rules.ownZoneName,
      fix: `use a zone named "${suffix}" or "<subzone>.${suffix}"`,
      detail: vnetIntegration ? 'API Server VNet Integration is on, so the zone is private.<region>' : undefined,
    };
  }
  if (lower === suffix) return undefined;
  const subzone = zoneName.slice(0, zoneName.length - suffix.length - 1);
  if (subzone.length > 32) return { rule: Rules.ownZoneSubzoneLength, fix: 'use a subzone of at most 32 characters', detail: `the subzone "${subzone}" has ${subzone.length}` };
  if (!SUBZONE.test(subzone)) return { rule: Rules.ownZoneName, fix: 'use a single subzone label of letters, digits and hyphens' };
  return undefined;
}
