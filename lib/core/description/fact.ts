import { DocumentLocation } from './described-resource';

/**
 * Where a definition's value comes from: its property path, as the user wrote the definition.
 * @category Audit
 */
export interface DefinitionLocation {
  /** The definition's property, e.g. `apiServerAccess.authorizedIpRanges[2]`. */
  readonly definition: string;
  /** How the value came to be when the user did not write it (`dnsPrefix defaults to the cluster name`). */
  readonly note?: string;
}

/**
 * Where a fact comes from: a place in a document, or a property of a definition.
 * @category Audit
 */
export type Provenance = DocumentLocation | DefinitionLocation;

/** Whether `at` is a place in a document (not a definition's property). */
export function isDocumentLocation(at: Provenance): at is DocumentLocation {
  return (at as DocumentLocation).document !== undefined;
}

interface FactBase {
  /** The REST path of the value in its resource, e.g. `properties.apiServerAccessProfile.enablePrivateCluster`. */
  readonly path: string;
  /** Where it was read (for an absent value: where it would be written). */
  readonly at: Provenance;
}

/**
 * A value the reader knows.
 * @category Audit
 */
export interface KnownFact<T = unknown> extends FactBase {
  readonly state: 'known';
  readonly value: T;
}

/**
 * A value the reader cannot know offline, and why.
 * @category Audit
 */
export interface UnknownFact extends FactBase {
  readonly state: 'unknown';
  readonly reason: string;
}

/**
 * A value that is not set (absent, or `null` as `az` prints it): Azure's default applies.
 * @category Audit
 */
export interface AbsentFact extends FactBase {
  readonly state: 'absent';
}

/**
 * One fact of a cluster's description, three-valued: known, unknown (with
 * the reason), or absent; with its provenance. Rules decide only on known
 * and absent facts; an unknown one leaves them undecided.
 * @category Audit
 */
export type Fact<T = unknown> = KnownFact<T> | UnknownFact | AbsentFact;
