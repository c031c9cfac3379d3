import { SecureAksValidationError } from '../../lib';

/**
 * Runs `run` and returns the library's validation error it throws, or
 * undefined when it throws nothing. Any other error fails the test: bad input
 * must never surface as a TypeError or another stack dump.
 */
export function validationErrorOf(run: () => unknown): SecureAksValidationError | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof SecureAksValidationError) return e;
    throw new Error(`not the library's validation error: ${e instanceof Error ? e.stack : String(e)}`);
  }
  return undefined;
}

/** Like {@link validationErrorOf}, but throwing nothing fails the test too. */
export function expectValidationError(run: () => unknown): SecureAksValidationError {
  const error = validationErrorOf(run);
  if (error === undefined) throw new Error('expected the library\'s validation error, but nothing was thrown');
  return error;
}
