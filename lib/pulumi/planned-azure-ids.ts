import * as pulumi from '@pulumi/pulumi';
import { findIdCollisions, PlannedResourceId } from '../core/arm/planned-resource-ids';
import { Rules } from '../core/validation/rule-catalog';
import { SecureAksValidationError } from '../core/validation/validation-error';
import { Violation } from '../core/validation/violation';
import { asRunError } from './pulumi-errors';

/** A planned id and the component that will register it. */
interface Claim extends PlannedResourceId {
  readonly owner: string;
}

/**
 * The Azure ids every component of this program will register, per Pulumi
 * run (one resource monitor per `pulumi up`; the test mocks install one per
 * run too). A module-level map, so that components composed in any way (two
 * estates, a cluster beside an estate) see each other.
 */
const CLAIMS = new WeakMap<object, Claim[]>();
/** Components whose children's ids their parent has claimed already (an estate's clusters). */
const CLAIMED_BY_PARENT = new WeakSet<pulumi.Resource>();
/**
 * The subscription of resources registered with the default provider: not
 * known offline, the same for every component of the program that uses it.
 */
export const DEFAULT_PROVIDER_SUBSCRIPTION = '{default provider}';

/** The key of the current run when no monitor is connected (a program checked offline). */
const OFFLINE = {};

function claimsOfThisRun(): Claim[] {
  const key = (pulumi.runtime.getMonitor() as object | undefined) ?? OFFLINE;
  let claims = CLAIMS.get(key);
  if (!claims) CLAIMS.set(key, (claims = []));
  return claims;
}

/**
 * Claims the Azure ids a component is about to register, synchronously in its
 * constructor and before it or any child is registered: when one of them is
 * already claimed by another component of the program (or twice by this one),
 * throws the library's validation error (a Pulumi RunError) naming every
 * collision, and claims nothing. Ids known only at deployment time are not
 * claimed.
 * @throws SecureAksValidationError listing every collision
 */
export function claimAzureIds(owner: string, ids: readonly PlannedResourceId[]): void {
  const claims = claimsOfThisRun();
  const mine = ids.map((id) => ({ ...id, owner }));
  const violations: Violation[] = findIdCollisions([...claims, ...mine])
    .filter((c) => mine.includes(c.second as Claim))
    .map((c) => ({
      rule: Rules.estateAzureIds,
      property: c.second.logicalId,
      value: c.id,
      fix: `give one of them another name: ${c.first.owner} registers ${c.first.logicalId} with this id too`,
      detail: 'the second resource would overwrite the first in Azure',
    }));
  if (violations.length > 0) throw asRunError(new SecureAksValidationError(owner, violations));
  claims.push(...mine);
}

/** Marks a component whose Azure ids its parent claimed (it claims none itself). */
export function markClaimedByParent(component: pulumi.Resource): void {
  CLAIMED_BY_PARENT.add(component);
}

/** Whether `parent` claimed the ids of the components it creates. */
export function claimedByParent(parent: pulumi.Resource | undefined): boolean {
  return parent !== undefined && CLAIMED_BY_PARENT.has(parent);
}
