import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { ArmLambda, TemplateExpressionError, deepEqual, holdsUnknown, typeName } from './arm-value';
import type { EvaluationContext } from './expression-evaluator';
import { ExpressionNode } from './expression-syntax';

type Evaluate = (node: ExpressionNode, context?: EvaluationContext) => unknown;

/** A function that sees its arguments unevaluated: it reads names, evaluates lazily, or binds lambda variables. */
export type SpecialForm = (args: readonly ExpressionNode[], context: EvaluationContext, evaluate: Evaluate) => unknown;

function nameArgument(args: readonly ExpressionNode[], evaluate: Evaluate, fn: string): string | UnknownValue {
  if (args.length < 1) throw new TemplateExpressionError(`${fn}() needs a name`);
  const name = evaluate(args[0]);
  if (isUnknown(name)) return name;
  if (typeof name !== 'string') throw new TemplateExpressionError(`${fn}() of ${typeName(name)}`);
  return name;
}

const REFUSED = Symbol('refused');

/** The value, or {@link REFUSED} where evaluating it is an error. */
function tryEvaluate(evaluate: Evaluate, node: ExpressionNode): unknown {
  try {
    return evaluate(node);
  } catch (e) {
    if (e instanceof TemplateExpressionError) return REFUSED;
    throw e;
  }
}

/**
 * `and`/`or`, evaluated left to right: one known false (true) decides, and
 * what follows it is not evaluated, as a guard such as
 * `and(not(empty(x)), equals(x[0], 'a'))` needs. After an unknown argument,
 * one ARM would refuse leaves the result unknown.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
 */
function junction(name: string, decisive: boolean, args: readonly ExpressionNode[], evaluate: Evaluate): unknown {
  if (args.length < 2) throw new TemplateExpressionError(`${name}() takes at least 2 arguments, not ${args.length}`);
  let unknown: UnknownValue | undefined;
  for (const node of args) {
    const value = unknown ? tryEvaluate(evaluate, node) : evaluate(node);
    if (value === decisive) return decisive;
    if (value === REFUSED) continue;
    if (isUnknown(value)) unknown ??= value;
    else if (typeof value !== 'boolean') throw new TemplateExpressionError(`${name}() of ${typeName(value)}`);
  }
  return unknown ? new UnknownValue(unknown.reason) : !decisive;
}

/**
 * The functions that are not plain functions of their evaluated arguments.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment#parameters
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical#if
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
 */
export const SPECIAL_FORMS: Readonly<Record<string, SpecialForm>> = {
  parameters: (args, context, evaluate) => {
    const name = nameArgument(args, evaluate, 'parameters');
    if (isUnknown(name)) return new UnknownValue(`a parameter whose name is not known: ${name.reason}`);
    const value = context.parameter(name);
    // ARM refuses such a template at deployment; here the value is simply not known, and the rest is read.
    if (value === undefined) return new UnknownValue(`the template has no parameter '${name}'`);
    return value;
  },
  variables: (args, context, evaluate) => {
    const name = nameArgument(args, evaluate, 'variables');
    if (isUnknown(name)) return new UnknownValue(`a variable whose name is not known: ${name.reason}`);
    const value = context.variable(name);
    if (value === undefined) throw new TemplateExpressionError(`the template has no variable '${name}'`);
    return value;
  },
  copyindex: (args, context, evaluate) => {
    // copyIndex(), copyIndex(offset), copyIndex('loop'), copyIndex('loop', offset)
    const values = args.map((a) => evaluate(a));
    const loop = typeof values[0] === 'string' ? values[0] : undefined;
    const offset = loop === undefined ? values[0] ?? 0 : values[1] ?? 0;
    if (isUnknown(offset)) return offset;
    if (typeof offset !== 'number') throw new TemplateExpressionError(`copyIndex() with an offset of ${typeName(offset)}`);
    const index = context.copyIndex(loop);
    if (index === undefined) throw new TemplateExpressionError(loop === undefined ? 'copyIndex() outside a copy loop' : `copyIndex('${loop}') outside that copy loop`);
    return isUnknown(index) ? index : index + offset;
  },
  if: (args, _context, evaluate) => {
    // ARM evaluates only the branch the condition selects.
    if (args.length !== 3) throw new TemplateExpressionError('if() takes three arguments');
    const condition = evaluate(args[0]);
    if (condition === true) return evaluate(args[1]);
    if (condition === false) return evaluate(args[2]);
    if (!isUnknown(condition)) throw new TemplateExpressionError(`if() with a condition of ${typeName(condition)}`);
    // Either branch may be the one ARM evaluates: one it would refuse makes the result unknown, not a problem.
    const whenTrue = tryEvaluate(evaluate, args[1]);
    const whenFalse = tryEvaluate(evaluate, args[2]);
    if (whenTrue !== REFUSED && !holdsUnknown(whenTrue) && deepEqual(whenTrue, whenFalse)) return whenTrue;
    return new UnknownValue(`it depends on a condition not known: ${condition.reason}`);
  },
  and: (args, _context, evaluate) => junction('and', false, args, evaluate),
  or: (args, _context, evaluate) => junction('or', true, args, evaluate),
  lambda: (args, context, evaluate) => {
    if (args.length < 2) throw new TemplateExpressionError('lambda() needs a parameter name and a body');
    const names = args.slice(0, -1).map((a) => evaluate(a));
    if (!names.every((n): n is string => typeof n === 'string')) throw new TemplateExpressionError('lambda() parameter names are strings');
    const body = args[args.length - 1];
    return new ArmLambda(names, (values) => {
      const bound = new Map(context.lambdaVariables);
      names.forEach((n, i) => bound.set(n.toLowerCase(), values[i]));
      return evaluate(body, { ...context, lambdaVariables: bound });
    });
  },
  lambdavariables: (args, context, evaluate) => {
    const name = nameArgument(args, evaluate, 'lambdaVariables');
    if (isUnknown(name)) return name;
    const key = name.toLowerCase();
    if (!context.lambdaVariables.has(key)) throw new TemplateExpressionError(`no lambda variable '${name}'`);
    return context.lambdaVariables.get(key);
  },
};
