import { ArmReference, ArmValue, ConcatExpression, GuidExpression, ResourceGroupIdExpression, SubscriptionResourceIdExpression } from './arm-expression';
import { armGuid } from './arm-guid';
import { ArmResource } from './arm-resource';
import { targetResourceGroup } from './arm-template';

/** Where a set of model resources is deployed; parts not known offline are left out. */
export interface PlannedDeployment {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  /**
   * Whether the resources are deployed by a template: a resource in another
   * resource group is then wrapped in a nested deployment (`nested-<logical
   * id>` in that group), itself a resource with an id.
   * @default false
   */
  readonly template?: boolean;
  /**
   * Ids of resources of other templates, by the logical id they are referenced with.
   * @default - none
   */
  readonly external?: ReadonlyMap<string, string>;
}

/**
 * The Azure resource id a model resource will have, and which resource it is.
 * @category Estates
 */
export interface PlannedResourceId {
  readonly logicalId: string;
  readonly type: string;
  /** The full id, as Azure writes it (compare case-insensitively). */
  readonly id: string;
  /** The id of the resource it is a child or an extension of (its parent, in Azure's and Entra's terms). */
  readonly parentId: string;
}

/**
 * The resource ids the resources will have, computed offline as ARM does:
 * `/subscriptions/<s>/resourceGroups/<g>/providers/<namespace>/<type>/<name>/...`,
 * extension resources below their scope's id, and names from `guid()` by
 * ARM's own algorithm. A resource whose id needs a value known only at
 * deployment time is left out.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid
 */
export function plannedResourceIds(resources: readonly ArmResource[], where: PlannedDeployment): PlannedResourceId[] {
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const memo = new Map<string, PlannedResourceId | undefined>();

  const idOf = (logicalId: string): string | undefined => {
    const own = byId.get(logicalId);
    return own ? plan(own)?.id : where.external?.get(logicalId);
  };

  const plan = (r: ArmResource): PlannedResourceId | undefined => {
    if (memo.has(r.logicalId)) return memo.get(r.logicalId);
    memo.set(r.logicalId, undefined); // a cycle resolves to unknown
    const target = targetResourceGroup(r) ?? where;
    const rgId = target.subscriptionId && target.resourceGroup ? `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}` : undefined;
    const value = (v: ArmValue): string | undefined => {
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      if (v instanceof ArmReference) {
        if (v.attribute !== 'id') return undefined;
        const id = idOf(v.logicalId);
        return id && v.child ? `${id}/${v.child.type}/${v.child.name}` : id;
      }
      if (v instanceof ResourceGroupIdExpression) return rgId;
      if (v instanceof SubscriptionResourceIdExpression) {
        const name = value(v.name);
        return target.subscriptionId && name ? `/subscriptions/${target.subscriptionId}/providers/${v.type}/${name}` : undefined;
      }
      if (v instanceof GuidExpression || v instanceof ConcatExpression) {
        const parts = v.parts.map(value);
        if (parts.some((p) => p === undefined)) return undefined;
        return v instanceof GuidExpression ? armGuid(parts as string[]) : parts.join('');
      }
      return undefined;
    };
    const names = r.name.map(value);
    const [namespace, ...types] = r.type.split('/');
    const scopeId = r.scope === undefined ? undefined : value(r.scope);
    const base = r.scope === undefined ? rgId : scopeId;
    if (base === undefined || names.some((n) => n === undefined)) return undefined;
    const path = types.flatMap((t, i) => [t, names[i]!]);
    const parentId = types.length > 1 ? `${base}/providers/${namespace}/${path.slice(0, -2).join('/')}` : base;
    const planned = { logicalId: r.logicalId, type: r.type, id: `${base}/providers/${namespace}/${path.join('/')}`, parentId };
    memo.set(r.logicalId, planned);
    return planned;
  };

  const out: PlannedResourceId[] = [];
  for (const r of resources) {
    const planned = plan(r);
    if (planned) out.push(planned);
    const nested = where.template ? targetResourceGroup(r) : undefined;
    if (nested) {
      // The nested deployment the template wraps the resource in (renderArmTemplate's `nested-<logical id>`).
      const group = `/subscriptions/${nested.subscriptionId}/resourceGroups/${nested.resourceGroup}`;
      out.push({ logicalId: `nested-${r.logicalId}`, type: 'Microsoft.Resources/deployments', id: `${group}/providers/Microsoft.Resources/deployments/nested-${r.logicalId}`, parentId: group });
    }
  }
  return out;
}

/** Two planned resources with one id (case-insensitive, as Azure compares them). */
export interface PlannedIdCollision<T> {
  readonly id: string;
  readonly first: T;
  readonly second: T;
}

/** Every pair of items whose planned ids are equal, each later item paired with the first one of its id. */
export function findIdCollisions<T extends { readonly id: string }>(items: readonly T[]): PlannedIdCollision<T>[] {
  const seen = new Map<string, T>();
  const out: PlannedIdCollision<T>[] = [];
  for (const item of items) {
    const key = item.id.toLowerCase();
    const first = seen.get(key);
    if (first) out.push({ id: item.id, first, second: item });
    else seen.set(key, item);
  }
  return out;
}
