import { referenceOf } from '../description/related-resources';
import { DescribedValue } from '../description/described-value';
import { Fact } from '../description/fact';
import { UnknownValue } from '../description/unknown-value';
import { holdsPlaceholder, RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from '../readers/arm-template/deployment-scope';
import { ignoredProperty } from './read-only-properties';

/**
 * One fact whose live value differs from the approved one.
 * @internal
 */
export interface FactDifference {
  /** The REST path, list elements named by their `name` (`properties.agentPoolProfiles['system'].enableFIPS`). */
  readonly path: string;
  /** The approved value (known) where the approved template writes it. */
  readonly approved: Fact;
  /** The live value where it was read (absent: where it would be). */
  readonly live: Fact;
}

/**
 * A fact the approved template writes as a value it cannot know offline: compared as neither same nor different.
 * @internal
 */
export interface UndecidedFact {
  readonly path: string;
  readonly approved: Fact;
  readonly live: Fact;
  readonly reason: string;
}

/**
 * Where the approved template was deployed, as the live cluster it is
 * compared with says: its ids' placeholders for the deployment's
 * subscription and resource group stand for these (any, when not known).
 * @internal
 */
export interface DeploymentPlace {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
}

/**
 * Compares the approved value of a resource with its live value, fact by
 * fact, as Azure Resource Manager compares them: names, enum values and ids
 * without regard to case, `"true"` as `true` and `"3"` as `3`, lists of
 * plain values in any order, lists of named objects element by name (a
 * diagnostic setting's logs by category).
 *
 * What the approved template leaves absent is not asserted (Azure's default,
 * or a value Azure fills in), and read-only members are never compared; a
 * list element that is not approved (another node pool, another subnet) is
 * drift, since Azure adds none on its own.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#case-insensitivity
 * @internal
 */
export class ApprovedValueComparison {
  public readonly differences: FactDifference[] = [];
  public readonly undecided: UndecidedFact[] = [];

  constructor(
    private readonly place: DeploymentPlace,
    /** Paths compared elsewhere (a cluster's node pools, compared pool by pool whether inline or their own resources). */
    private readonly skip: (path: string) => boolean = () => false,
  ) {}

  /** Compares `approved` with `live` at `path`. */
  public compare(approved: DescribedValue, live: DescribedValue | Fact, path: string): void {
    if (ignoredProperty(path) !== undefined || this.skip(path)) return;
    const a = approved.raw;
    if (a === undefined || a === null) return;
    const liveFact = live instanceof DescribedValue ? live.asFact() : live;
    if (a instanceof UnknownValue) {
      this.undecided.push({ path, approved: approved.asFact(), live: liveFact, reason: a.reason });
      return;
    }
    if (!(live instanceof DescribedValue) || liveFact.state !== 'known') {
      if (liveFact.state === 'unknown') this.undecided.push({ path, approved: approved.asFact(), live: liveFact, reason: liveFact.reason });
      else this.differences.push({ path, approved: approved.asFact(), live: liveFact });
      return;
    }
    if (Array.isArray(a)) this.compareList(approved, live, path);
    else if (typeof a === 'object') this.compareObject(approved, live, path);
    else if (!this.sameScalar(a, live.raw)) this.differences.push({ path, approved: approved.asFact(), live: liveFact });
  }

  private compareObject(approved: DescribedValue, live: DescribedValue, path: string): void {
    if (live.raw === null || typeof live.raw !== 'object' || Array.isArray(live.raw)) {
      this.differences.push({ path, approved: approved.asFact(), live: live.asFact() });
      return;
    }
    const liveKeys = Object.keys(live.raw as Record<string, unknown>);
    for (const key of Object.keys(approved.raw as Record<string, unknown>)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const approvedChild = approved.member(key) as DescribedValue;
      // A key that is an id (a user-assigned identity in `userAssignedIdentities`) is matched as an id.
      const liveKey = liveKeys.find((k) => this.sameText(this.keyText(key), k));
      if (liveKey === undefined && key.startsWith('[') && referenceOf(key) === undefined) {
        this.undecided.push({ path: childPath, approved: approvedChild.asFact(), live: live.asFact(), reason: `the member name ${key} is a template expression not known offline` });
        continue;
      }
      this.compare(approvedChild, live.member(liveKey ?? key), childPath);
    }
  }

  private compareList(approved: DescribedValue, live: DescribedValue, path: string): void {
    const approvedItems = approved.elements() as DescribedValue[];
    const liveItems = live.elements();
    if (!Array.isArray(liveItems)) {
      this.differences.push({ path, approved: approved.asFact(), live: live.asFact() });
      return;
    }
    // Elements with an identity: a name (pools, subnets, rules), else a category (diagnostic settings' logs and metrics).
    const identity = ['name', 'category'].find((k) => approvedItems.length > 0 && approvedItems.every((v) => member(v, k) !== undefined));
    if (identity !== undefined) {
      const id = (v: DescribedValue) => member(v, identity)?.toLowerCase();
      for (const item of approvedItems) {
        const liveItem = liveItems.find((l) => id(l) === id(item));
        const itemPath = `${path}['${member(item, identity)}']`;
        if (liveItem) this.compare(item, liveItem, itemPath);
        else this.differences.push({ path: itemPath, approved: item.asFact(), live: { state: 'absent', path: itemPath, at: live.asFact().at } });
      }
      // Another named element (a subnet, a rule) is drift; another category Azure lists beside the approved ones is not asserted.
      if (identity !== 'name') return;
      for (const extra of liveItems.filter((l) => !approvedItems.some((a) => id(a) === id(l)))) {
        const itemPath = `${path}['${member(extra, identity) ?? '?'}']`;
        this.differences.push({ path: itemPath, approved: { state: 'absent', path: itemPath, at: approved.asFact().at }, live: extra.asFact() });
      }
      return;
    }
    if (containsUnknown(approved.raw)) {
      this.undecided.push({ path, approved: approved.asFact(), live: live.asFact(), reason: `part of ${path} is not known offline` });
      return;
    }
    // Plain values (ranges, zones, group ids) and unnamed objects: the same elements, in any order.
    const unmatched = [...liveItems];
    const same = approvedItems.every((item) => {
      const i = unmatched.findIndex((l) => this.sameValue(item.raw, l.raw));
      if (i < 0) return false;
      unmatched.splice(i, 1);
      return true;
    });
    if (!same || unmatched.length > 0) this.differences.push({ path, approved: approved.asFact(), live: live.asFact() });
  }

  /** Whether the live value has every approved member with the same value (read-only and unasserted members aside). */
  private sameValue(approved: unknown, live: unknown): boolean {
    if (approved === undefined || approved === null) return true;
    if (Array.isArray(approved)) {
      if (!Array.isArray(live) || live.length !== approved.length) return false;
      const unmatched = [...live];
      return approved.every((a) => {
        const i = unmatched.findIndex((l) => this.sameValue(a, l));
        return i >= 0 && unmatched.splice(i, 1).length === 1;
      });
    }
    if (typeof approved === 'object') {
      if (live === null || typeof live !== 'object' || Array.isArray(live)) return false;
      const liveObject = live as Record<string, unknown>;
      return Object.entries(approved as Record<string, unknown>).every(([k, v]) => {
        const key = Object.keys(liveObject).find((l) => l.toLowerCase() === k.toLowerCase());
        return this.sameValue(v, key === undefined ? undefined : liveObject[key]);
      });
    }
    return this.sameScalar(approved, live);
  }

  private sameScalar(approved: unknown, live: unknown): boolean {
    const norm = (v: unknown): unknown => {
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
      return v;
    };
    const [a, l] = [norm(approved), norm(live)];
    if (typeof a === 'string' && typeof l === 'string') return this.sameText(a, l);
    return a === l;
  }

  private sameText(approved: string, live: string): boolean {
    if (!holdsPlaceholder(approved)) return approved.toLowerCase() === live.toLowerCase();
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = escape(approved)
      .split(escape(SUBSCRIPTION_PLACEHOLDER))
      .join(this.place.subscriptionId === undefined ? '[^/]+' : escape(this.place.subscriptionId))
      .split(escape(RESOURCE_GROUP_PLACEHOLDER))
      .join(this.place.resourceGroup === undefined ? '[^/]+' : escape(this.place.resourceGroup));
    return new RegExp(`^${pattern}$`, 'i').test(live);
  }

  /** A map key as written in the template: an unevaluated `[resourceId(...)]` is the id it builds. */
  private keyText(key: string): string {
    if (!key.startsWith('[')) return key;
    const ref = referenceOf(key);
    if (ref === undefined) return key;
    const [namespace, ...types] = ref.type.split('/');
    const segments = types.flatMap((t, i) => [t, ref.names[i] ?? '']);
    return `/subscriptions/${SUBSCRIPTION_PLACEHOLDER}/resourceGroups/${RESOURCE_GROUP_PLACEHOLDER}/providers/${namespace}/${segments.join('/')}`;
  }
}

/** A text member of an object element (`name`, `category`), found without regard to case. */
function member(v: DescribedValue, key: string): string | undefined {
  if (v.raw === null || typeof v.raw !== 'object' || Array.isArray(v.raw)) return undefined;
  const found = v.member(key);
  return found instanceof DescribedValue && typeof found.raw === 'string' ? found.raw : undefined;
}

function containsUnknown(value: unknown): boolean {
  if (value instanceof UnknownValue) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}
