import { UnknownValue } from '../../description/unknown-value';
import { JsonObject, TemplateExpressionError, holdsUnknown, isObject, renderForSymbol, typeName, unknownResult } from './arm-value';
import { DeploymentScope, holdsPlaceholder } from './deployment-scope';

/** A template function of its evaluated arguments. */
export type ArmFunction = (args: readonly unknown[], scope: DeploymentScope) => unknown;

/** Whether a value holds the subscription or resource group placeholder text, at any depth. */
function holdsPlaceholderDeep(value: unknown): boolean {
  if (holdsPlaceholder(value)) return true;
  if (Array.isArray(value)) return value.some(holdsPlaceholderDeep);
  if (isObject(value)) return Object.values(value).some(holdsPlaceholderDeep);
  return false;
}

/**
 * A function that needs every argument known (an unknown one makes the result
 * unknown, with a symbol when it has one); `looksInside` when its result
 * depends on the content of a text (`length`, `guid`), which a placeholder's
 * is not.
 */
export function knownArgs(name: string, min: number, max: number, fn: (args: readonly unknown[], scope: DeploymentScope) => unknown, looksInside = false): ArmFunction {
  return (args, scope) => {
    arity(name, args, min, max);
    if (args.some(holdsUnknown)) return unknownResult(name, args);
    if (looksInside && args.some(holdsPlaceholderDeep)) return placeholderResult(name, args);
    return fn(args, scope);
  };
}

/** The unknown result of a function that looks inside a placeholder's text. */
export function placeholderResult(name: string, args: readonly unknown[]): UnknownValue {
  const rendered = args.map(renderForSymbol);
  return new UnknownValue(`${name}() of the subscription id or resource group name, which the template does not give`, rendered.every((r) => r !== undefined) ? `[${name}(${rendered.join(', ')})]` : undefined);
}

export function arity(name: string, args: readonly unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new TemplateExpressionError(`${name}() takes ${expected} arguments, not ${args.length}`);
  }
}

export function asString(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new TemplateExpressionError(`${name}() expects a string, not ${typeName(value)}`);
  return value;
}

export function asInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new TemplateExpressionError(`${name}() expects an integer, not ${typeName(value)}`);
  return value;
}

export function asArray(name: string, value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) throw new TemplateExpressionError(`${name}() expects an array, not ${typeName(value)}`);
  return value;
}

export function asObject(name: string, value: unknown): JsonObject {
  if (!isObject(value)) throw new TemplateExpressionError(`${name}() expects an object, not ${typeName(value)}`);
  return value;
}

export function asBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TemplateExpressionError(`${name}() expects a boolean, not ${typeName(value)}`);
  return value;
}
