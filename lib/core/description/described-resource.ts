import { UnknownValue } from './unknown-value';

/**
 * Where something was read: a document given by the user (a file, standard
 * input, a Pulumi resource) and an RFC 6901 JSON pointer into it.
 * @see https://www.rfc-editor.org/rfc/rfc6901
 * @category Audit
 */
export interface DocumentLocation {
  /** The document as the user named it (a path as given, `-` for standard input, a Pulumi URN). */
  readonly document: string;
  /** RFC 6901 pointer into the document (`/resources/3`, `` for the whole document). */
  readonly pointer: string;
}

/**
 * One Azure resource as a reader describes it, whatever it was read from (an
 * ARM template, a GET of the resource, `az` output, Azure Resource Graph, a
 * Pulumi resource's inputs, a Terraform plan): the REST shape of its API, with
 * what the reader could not know marked.
 *
 * Values in `body` are plain JSON, except:
 * - {@link UnknownValue} where the value is not known offline;
 * - `undefined` or `null`: absent (Azure's default applies).
 * Property names are those of the REST API; readers of other spellings map
 * them, and rules compare names and enum values without regard to case, as
 * Azure Resource Manager does.
 */
export interface DescribedResource {
  /** The full ARM type as written, e.g. `Microsoft.ContainerService/managedClusters` (compare without regard to case). */
  readonly type: string;
  /** The ARM name; a child resource's is `parent/child`. */
  readonly name: string | UnknownValue;
  /** The full resource id, where the document gives it (live state) or it can be built. */
  readonly id?: string | UnknownValue;
  readonly apiVersion?: string;
  /** For an extension resource (role assignment, lock, diagnostic setting): the id, or the template reference, of the resource it is on. */
  readonly scope?: string | UnknownValue;
  /**
   * The resource's deployment condition when it is not known (a template's
   * `condition` over a parameter without a value): the resource may not be
   * deployed at all. Absent when it is deployed.
   */
  readonly condition?: UnknownValue;
  /** The resource in its REST shape: `location`, `sku`, `identity`, `tags`, `zones`, `properties`, ... */
  readonly body: Readonly<Record<string, unknown>>;
  /** Where the resource is written. */
  readonly origin: DocumentLocation;
}

/**
 * Something the reader saw but did not examine, and why: never a pass.
 * @category Audit
 */
export interface NotExamined {
  readonly at: DocumentLocation;
  /** What it is, e.g. `the nested deployment "network"` or `an azurerm_kubernetes_cluster`. */
  readonly what: string;
  /** Why it was not examined, e.g. `its template is linked (templateLink), not inline`. */
  readonly reason: string;
}

/** Part of a document that cannot be read at all, with where and why. */
export interface ReadProblem {
  readonly at: DocumentLocation;
  readonly message: string;
}

/** What a reader got from one document. */
export interface DocumentReading {
  readonly resources: readonly DescribedResource[];
  readonly notExamined: readonly NotExamined[];
  readonly problems: readonly ReadProblem[];
  /**
   * Whether the document is a whole deployment (a template, a plan, a stack):
   * then a resource absent from it is absent. A live resource read on its own
   * is not: what its separate resources decide stays undecided.
   */
  readonly wholeDeployment: boolean;
}

const POINTERS = new WeakMap<object, string>();

/**
 * Records where an object or array a reader built was written in its
 * document (a template's variable, a copy loop's input), so that a finding on
 * a value inside it names that place rather than the property that used it.
 */
export function recordPointer(container: object, pointer: string): void {
  POINTERS.set(container, pointer);
}

/** The pointer a reader recorded for `container`, if any. */
export function recordedPointer(container: object): string | undefined {
  return POINTERS.get(container);
}

/** One RFC 6901 reference token: `~` as `~0`, `/` as `~1`. */
export function pointerToken(key: string | number): string {
  if (typeof key === 'number') return String(key);
  // Most names hold neither character: no new string for them.
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}
