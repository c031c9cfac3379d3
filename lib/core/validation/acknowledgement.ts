import { zod, lazySchema } from './lazy-zod';
import { schemaOf, text } from './input-boundary';
import { Violation } from './violation';

/**
 * A reviewed warning, accepted on purpose: like a cdk-nag suppression or a
 * Checkov skip comment, it names the rule and says why. The warning is no
 * longer printed; the acknowledgement is recorded in the security baseline
 * report, so an auditor sees what was accepted and by whose reasoning.
 * @category Validation
 */
export interface Acknowledgement {
  /** The id of the warning rule, e.g. `SAKS-ENC-013`. Errors cannot be acknowledged. */
  readonly ruleId: string;
  /** Why the finding is accepted: a reason, not a placeholder (rule SAKS-ACK-001 sets the shortest length). */
  readonly reason: string;
  /**
   * Only the finding at this property (`apiServerAccess`), when the rule applies in several places.
   * @default - every finding of the rule
   */
  readonly property?: string;
}

/** The runtime schema of a list of {@link Acknowledgement}s. @internal */
export const ACKNOWLEDGEMENTS = lazySchema(() => zod.array(schemaOf<Acknowledgement>()(zod.strictObject({ ruleId: text(), reason: text(), property: text().optional() }))).readonly());

/**
 * A warning accepted by an acknowledgement.
 * @category Validation
 */
export interface AcknowledgedViolation {
  readonly violation: Violation;
  readonly acknowledgement: Acknowledgement;
}
