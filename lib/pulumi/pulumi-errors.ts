import * as pulumi from '@pulumi/pulumi';
import { SecureAksValidationError } from '../core/validation/validation-error';

/**
 * Runs `build` and lets its validation error surface under `pulumi up` as
 * Pulumi's own `RunError`: the message (every violation) is printed, without a
 * stack trace or an object dump. The error stays a
 * {@link SecureAksValidationError}, with its violations, for programs and tests.
 * @see https://www.pulumi.com/docs/iac/languages-sdks/javascript/
 */
export function failAsRunError<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    throw asRunError(e);
  }
}

/** Marks a validation error as a `pulumi.RunError` (Pulumi recognises it by this marker, not by class). */
export function asRunError(e: unknown): unknown {
  if (e instanceof SecureAksValidationError && !pulumi.RunError.isInstance(e)) {
    Object.defineProperty(e, '__pulumiRunError', { value: true, enumerable: false });
  }
  return e;
}
