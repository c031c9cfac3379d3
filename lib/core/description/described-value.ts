import { DocumentLocation, pointerToken, recordedPointer } from './described-resource';
import { Fact, Provenance } from './fact';
import { lowerCaseName } from './lower-case-name';
import { UnknownValue } from './unknown-value';
import { answersByText } from '../memo/answers-by-text';

/**
 * Names a position of a resource for messages: by default its REST path and
 * its place in the document; a definition's reader names the definition's
 * property instead.
 */
export type Locator = (path: string, pointer: DocumentLocation) => Provenance;

const DOCUMENT_LOCATOR: Locator = (_path, pointer) => pointer;

/**
 * A position in a described resource: a value with its REST path and where
 * it is written. Members are found as Azure Resource Manager finds them,
 * without regard to case (so `az`'s `enableRbac` is the REST API's
 * `enableRBAC`); `null` is absent; an {@link UnknownValue} is unknown.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#case-insensitivity
 */
export class DescribedValue {
  constructor(
    /** The value as read. */
    public readonly raw: unknown,
    /** Its REST path from the resource, e.g. `properties.agentPoolProfiles[1]`. */
    public readonly path: string,
    /** Where it is written. */
    public readonly location: DocumentLocation,
    private readonly locator: Locator = DOCUMENT_LOCATOR,
  ) {}

  /** The fact at `relative` (dot-separated members, e.g. `apiServerAccessProfile.enablePrivateCluster`). */
  public fact(relative: string): Fact {
    const found = this.walk(relative);
    if (found instanceof DescribedValue) return found.asFact();
    return found;
  }

  /** This position as a fact. */
  public asFact(): Fact {
    const at = this.locator(this.path, this.location);
    if (this.raw === undefined || this.raw === null) return { state: 'absent', path: this.path, at };
    if (this.raw instanceof UnknownValue) return { state: 'unknown', reason: this.raw.reason, path: this.path, at };
    return { state: 'known', value: this.raw, path: this.path, at };
  }

  /** The position at `relative`, or the fact that stops the walk (absent or unknown on the way). */
  public walk(relative: string): DescribedValue | Fact {
    // Member by member as `member` does, without a position for each step on the way (rules walk the same paths on every cluster).
    const { document } = this.location;
    let raw = this.raw;
    let path = this.path;
    let pointer = this.location.pointer;
    for (const key of pathKeys(relative)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (raw instanceof UnknownValue) return { state: 'unknown', reason: raw.reason, path: childPath, at: this.locator(childPath, { document, pointer }) };
      if (raw === undefined || raw === null) return { state: 'absent', path: childPath, at: this.locator(childPath, { document, pointer: `${pointer}/${pointerToken(key)}` }) };
      if (typeof raw !== 'object' || Array.isArray(raw)) {
        return { state: 'unknown', reason: `${path || 'the resource'} is not an object`, path: childPath, at: this.locator(childPath, { document, pointer }) };
      }
      const actual = memberName(raw as Record<string, unknown>, key);
      const value = actual === undefined ? undefined : (raw as Record<string, unknown>)[actual];
      const recorded = value !== null && typeof value === 'object' ? recordedPointer(value) : undefined;
      pointer = recorded ?? `${pointer}/${pointerToken(actual ?? key)}`;
      raw = value;
      path = childPath;
    }
    return new DescribedValue(raw, path, { document, pointer }, this.locator);
  }

  /** A member of this object, found without regard to case. */
  public member(key: string): DescribedValue | Fact {
    const raw = this.raw;
    const path = this.path === '' ? key : `${this.path}.${key}`;
    if (raw instanceof UnknownValue) return { state: 'unknown', reason: raw.reason, path, at: this.locator(path, this.location) };
    if (raw === undefined || raw === null) return { state: 'absent', path, at: this.locator(path, this.childLocation(key)) };
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      return { state: 'unknown', reason: `${this.path || 'the resource'} is not an object`, path, at: this.locator(path, this.location) };
    }
    const object = raw as Record<string, unknown>;
    const actual = memberName(object, key);
    const value = actual === undefined ? undefined : object[actual];
    return new DescribedValue(value, path, this.childLocation(actual ?? key, value), this.locator);
  }

  /** The elements of the array at this position (known), or the fact why not. */
  public elements(): DescribedValue[] | Fact {
    const fact = this.asFact();
    if (fact.state !== 'known') return fact;
    if (!Array.isArray(this.raw)) return { state: 'unknown', reason: `${this.path} is not a list`, path: this.path, at: fact.at };
    return this.raw.map((v, i) => new DescribedValue(v, `${this.path}[${i}]`, this.childLocation(i, v), this.locator));
  }

  /** The members of the object at this position (known), or the fact why not. */
  public entries(): Array<[string, DescribedValue]> | Fact {
    const fact = this.asFact();
    if (fact.state !== 'known') return fact;
    if (typeof this.raw !== 'object' || Array.isArray(this.raw)) return { state: 'unknown', reason: `${this.path} is not an object`, path: this.path, at: fact.at };
    return Object.entries(this.raw as Record<string, unknown>).map(([k, v]) => [k, new DescribedValue(v, `${this.path}.${k}`, this.childLocation(k, v), this.locator)]);
  }

  /** The provenance of another position of the same resource (the resource's own name, beside its body). */
  public locatorOf(path: string, location: DocumentLocation): Provenance {
    return this.locator(path, location);
  }

  /** Where this position's provenance points: a definition's property, or the document. */
  public get provenance(): Provenance {
    return this.locator(this.path, this.location);
  }

  private childLocation(key: string | number, value?: unknown): DocumentLocation {
    const recorded = value !== null && typeof value === 'object' ? recordedPointer(value) : undefined;
    return { document: this.location.document, pointer: recorded ?? `${this.location.pointer}/${pointerToken(key)}` };
  }
}

/** The name of `object`'s member `key` as written, found without regard to case. */
function memberName(object: Record<string, unknown>, key: string): string | undefined {
  if (key in object) return key;
  const lower = lowerCaseName(key);
  for (const k of Object.keys(object)) if (lowerCaseName(k) === lower) return k;
  return undefined;
}

/** Each dotted path split once: rules name the same paths on every cluster. */
const pathKeys = answersByText((relative): readonly string[] => relative.split('.'));
