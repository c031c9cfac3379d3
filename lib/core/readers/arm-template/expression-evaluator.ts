import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { TemplateExpressionError, isObject, memberOf, renderForSymbol, typeName } from './arm-value';
import { DeploymentScope } from './deployment-scope';
import { ExpressionNode } from './expression-syntax';
import { ARM_FUNCTIONS } from './function-table';
import { SPECIAL_FORMS } from './special-forms';

/** A user-defined function of a template's `functions` section. */
export interface UserFunction {
  readonly parameters: readonly string[];
  /** The `output.value` expression, parsed; undefined when it is not an expression. */
  readonly body: ExpressionNode | undefined;
  /** The literal output when it is not an expression. */
  readonly literal?: unknown;
}

/** What an expression is evaluated against: one template's parameters and variables, one copy loop, one deployment. */
export interface EvaluationContext {
  readonly scope: DeploymentScope;
  /** The parameter's value, unknown when not known; undefined when the template declares none of that name. */
  parameter(name: string): unknown;
  /** The variable's value; undefined when the template declares none of that name. */
  variable(name: string): unknown;
  /** The current index of the copy loop named (or of the resource's own loop); undefined outside any. */
  copyIndex(loop: string | undefined): number | UnknownValue | undefined;
  /** A user-defined function by its `namespace.name`, case-insensitive. */
  userFunction(name: string): UserFunction | undefined;
  /** The lambda variables in scope. */
  readonly lambdaVariables: ReadonlyMap<string, unknown>;
}

/** Evaluates an expression's syntax tree; throws {@link TemplateExpressionError} where ARM would refuse it. */
export function evaluateNode(node: ExpressionNode, context: EvaluationContext): unknown {
  switch (node.kind) {
    case 'string':
    case 'number':
      return node.value;
    case 'property':
      return member(evaluateNode(node.target, context), node.name);
    case 'index':
      return indexed(evaluateNode(node.target, context), evaluateNode(node.index, context));
    case 'call':
      return call(node, context);
  }
}

function call(node: Extract<ExpressionNode, { kind: 'call' }>, context: EvaluationContext): unknown {
  const name = node.name.toLowerCase();
  const special = Object.prototype.hasOwnProperty.call(SPECIAL_FORMS, name) ? SPECIAL_FORMS[name] : undefined;
  if (special) return special(node.args, context, (n, c) => evaluateNode(n, c ?? context));
  if (name.includes('.')) return userFunctionCall(node, context);
  const fn = Object.prototype.hasOwnProperty.call(ARM_FUNCTIONS, name) ? ARM_FUNCTIONS[name] : undefined;
  const args = node.args.map((a) => evaluateNode(a, context));
  if (fn) return fn(args, context.scope);
  if (name.startsWith('list')) return new UnknownValue(`${node.name}() returns what the resource holds at deployment`);
  return new UnknownValue(`the template function '${node.name}' is not evaluated by this reader`);
}

function userFunctionCall(node: Extract<ExpressionNode, { kind: 'call' }>, context: EvaluationContext): unknown {
  const fn = context.userFunction(node.name);
  if (!fn) throw new TemplateExpressionError(`the function '${node.name}' is not defined in the template`);
  if (fn.body === undefined) return fn.literal;
  if (node.args.length !== fn.parameters.length) throw new TemplateExpressionError(`'${node.name}' takes ${fn.parameters.length} arguments, not ${node.args.length}`);
  const values = new Map<string, unknown>();
  fn.parameters.forEach((p, i) => values.set(p.toLowerCase(), evaluateNode(node.args[i], context)));
  // A user function sees only its own parameters (and no variables or template parameters).
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/user-defined-functions#limitations
  const own: EvaluationContext = {
    scope: context.scope,
    parameter: (n) => (values.has(n.toLowerCase()) ? values.get(n.toLowerCase()) : undefined),
    variable: () => undefined,
    copyIndex: () => undefined,
    userFunction: (n) => context.userFunction(n),
    lambdaVariables: new Map(),
  };
  return evaluateNode(fn.body, own);
}

/** `value.name`: case-insensitive, as ARM reads members. */
export function member(value: unknown, name: string): unknown {
  if (isUnknown(value)) return value.symbol === undefined ? value : new UnknownValue(value.reason, `${value.symbol}.${name}`);
  if (!isObject(value)) throw new TemplateExpressionError(`'.${name}' of ${typeName(value)}`);
  const found = memberOf(value, name);
  if (found === undefined) throw new TemplateExpressionError(`the object has no member '${name}'`);
  return found;
}

/** `value[index]`: an array's element, or an object's member. */
export function indexed(value: unknown, index: unknown): unknown {
  if (isUnknown(value) || isUnknown(index)) {
    const u = (isUnknown(value) ? value : index) as UnknownValue;
    const target = renderForSymbol(value);
    const at = renderForSymbol(index);
    return target === undefined || at === undefined ? new UnknownValue(u.reason) : new UnknownValue(u.reason, `${target}[${at}]`);
  }
  if (Array.isArray(value)) {
    if (typeof index !== 'number' || !Number.isInteger(index)) throw new TemplateExpressionError(`an array indexed by ${typeName(index)}`);
    if (index < 0 || index >= value.length) throw new TemplateExpressionError(`index ${index} is outside the array of ${value.length}`);
    return value[index];
  }
  if (isObject(value) && typeof index === 'string') return member(value, index);
  throw new TemplateExpressionError(`${typeName(value)} indexed by ${typeName(index)}`);
}

