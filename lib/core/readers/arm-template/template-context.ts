import { pointerToken } from '../../description/described-resource';
import { UnknownValue } from '../../description/unknown-value';
import { JsonObject, isObject } from './arm-value';
import { DeploymentScope } from './deployment-scope';
import { EvaluationContext, UserFunction } from './expression-evaluator';
import { classifyTemplateString, parseExpression } from './expression-parser';
import { ReadSink } from './read-sink';
import { evaluateTemplateValue, propertyCopies } from './template-values';

/** What one template's evaluation starts from. */
export interface TemplateInput {
  /** The template (or nested template) object. */
  readonly template: JsonObject;
  /** Its pointer in the document (`` at the top). */
  readonly pointer: string;
  /** Parameter values given from outside, by lowercase name. */
  readonly supplied: ReadonlyMap<string, unknown>;
  /** The scope that `resourceGroup()`, `subscription()` and `deployment()` describe. */
  readonly scope: DeploymentScope;
  /** Whether this is a nested deployment's inner template, whose parameters the document itself passes. */
  readonly nested?: boolean;
}

const IN_PROGRESS = Symbol('in progress');

/** Entries of an object by lowercase key: ARM's parameter and variable names are case-insensitive. */
function byLowercase(object: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (isObject(object)) for (const k of Object.keys(object)) out.set(k.toLowerCase(), k);
  return out;
}

/**
 * The evaluation context of one template: its parameters (the value given,
 * else the default, else unknown) and variables, evaluated when first used,
 * and its user-defined functions.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/parameters
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/variables
 */
export function templateContext(input: TemplateInput, sink: ReadSink): EvaluationContext {
  const { template, pointer } = input;
  const declared = isObject(template.parameters) ? template.parameters : {};
  const variables = isObject(template.variables) ? template.variables : {};
  const parameterNames = byLowercase(declared);
  const variableNames = byLowercase(variables);
  const copyVariables = new Map<string, number>();
  if (Array.isArray(variables.copy)) {
    variables.copy.forEach((loop, i) => {
      if (isObject(loop) && typeof loop.name === 'string') copyVariables.set(loop.name.toLowerCase(), i);
    });
  }
  const parameterValues = new Map<string, unknown>();
  const variableValues = new Map<string, unknown>();
  const functions = userFunctions(template.functions);
  // Symbols of a nested template's own parameters are qualified by where the template is.
  const qualifier = pointer === '' ? '' : `${pointer}:`;

  const context: EvaluationContext = {
    scope: input.scope,
    lambdaVariables: new Map(),
    userFunction: (name) => functions.get(name.toLowerCase()),
    copyIndex: () => undefined,
    parameter: (name) => {
      const key = name.toLowerCase();
      const declaredName = parameterNames.get(key);
      if (declaredName === undefined) return undefined;
      return memo(parameterValues, key, () => parameterValue(declaredName));
    },
    variable: (name) => {
      const key = name.toLowerCase();
      if (copyVariables.has(key)) {
        const i = copyVariables.get(key)!;
        return memo(variableValues, key, () => propertyCopies([(variables.copy as unknown[])[i]], `${pointer}/variables/copy`, context, sink)[(variables.copy as JsonObject[])[i].name as string]);
      }
      const declaredName = variableNames.get(key);
      if (declaredName === undefined || key === 'copy') return undefined;
      return memo(variableValues, key, () => evaluateTemplateValue(variables[declaredName], `${pointer}/variables/${pointerToken(declaredName)}`, context, sink));
    },
  };

  function parameterValue(name: string): unknown {
    const key = name.toLowerCase();
    const declaration = isObject(declared[name]) ? declared[name] : {};
    if (input.supplied.has(key)) return input.supplied.get(key);
    // A nullable parameter without a default is null when nothing is passed. An inner template's
    // caller is the document itself, which passes what it passes; the top-level template's caller
    // is whoever deploys it, which the document does not say: unknown.
    if (input.nested === true && declaration.nullable === true && (declaration.defaultValue === undefined || declaration.defaultValue === null)) return null;
    // A null default of a parameter that is not nullable is no value at all.
    if (declaration.defaultValue !== undefined && declaration.defaultValue !== null) {
      return evaluateTemplateValue(declaration.defaultValue, `${pointer}/parameters/${pointerToken(name)}/defaultValue`, context, sink);
    }
    const type = typeof declaration.type === 'string' ? declaration.type.toLowerCase() : '';
    if (type === 'securestring' || type === 'secureobject') return new UnknownValue(`the secure parameter '${name}' has no value here`, `[${qualifier}parameters('${key}')]`);
    return new UnknownValue(`parameter '${name}' has no default value`, `[${qualifier}parameters('${key}')]`);
  }

  return context;
}

/** A memoized value, unknown where it depends on itself. */
function memo(values: Map<string, unknown>, key: string, compute: () => unknown): unknown {
  const known = values.get(key);
  if (known === IN_PROGRESS) return new UnknownValue(`'${key}' depends on itself`);
  if (values.has(key)) return known;
  values.set(key, IN_PROGRESS);
  const value = compute();
  values.set(key, value);
  return value;
}

/**
 * The `functions` section: namespaces of members with parameters and an
 * output value, by lowercase `namespace.name`.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/user-defined-functions
 */
function userFunctions(section: unknown): Map<string, UserFunction> {
  const out = new Map<string, UserFunction>();
  if (!Array.isArray(section)) return out;
  for (const ns of section) {
    if (!isObject(ns) || typeof ns.namespace !== 'string' || !isObject(ns.members)) continue;
    for (const [name, member] of Object.entries(ns.members)) {
      if (!isObject(member) || !isObject(member.output)) continue;
      const parameters = Array.isArray(member.parameters) ? member.parameters.map((p) => (isObject(p) && typeof p.name === 'string' ? p.name : '')) : [];
      const value = member.output.value;
      let fn: UserFunction = { parameters, body: undefined, literal: value };
      if (typeof value === 'string') {
        const kind = classifyTemplateString(value);
        if ('expression' in kind) {
          const parsed = parseExpression(kind.expression);
          fn = 'node' in parsed ? { parameters, body: parsed.node } : { parameters, body: undefined, literal: new UnknownValue(`the function '${ns.namespace}.${name}' cannot be read: ${parsed.error}`) };
        } else {
          fn = { parameters, body: undefined, literal: kind.literal };
        }
      } else if (typeof value === 'object' && value !== null) {
        // An output that is an object or array with expressions inside is not evaluated.
        fn = { parameters, body: undefined, literal: new UnknownValue(`the function '${ns.namespace}.${name}' returns an object this reader does not evaluate`) };
      }
      out.set(`${ns.namespace}.${name}`.toLowerCase(), fn);
    }
  }
  return out;
}

