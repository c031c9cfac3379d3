import { armGuid } from '../../arm/arm-guid';
import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { TemplateExpressionError, deepEqual, firstUnknown, holdsUnknown, isObject, renderForSymbol, typeName, unknownResult, unknownText } from './arm-value';
import { holdsPlaceholder } from './deployment-scope';
import { ArmFunction, arity, asArray, asInteger, asString, knownArgs, placeholderResult } from './function-arguments';

/**
 * `string()`: text as is, numbers in decimal, arrays and objects as JSON.
 * A boolean is unknown: ARM renders it in .NET's casing, which its
 * documentation does not state.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#string
 */
export function toText(value: unknown): string | UnknownValue {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value === null) return '';
  if (isUnknown(value)) return value;
  if (typeof value === 'boolean') return new UnknownValue('string() of a boolean: its casing is not documented');
  if (holdsUnknown(value)) return unknownResult('string', [value]);
  if (Array.isArray(value) || isObject(value)) return JSON.stringify(value);
  throw new TemplateExpressionError(`string() of ${typeName(value)}`);
}

/**
 * The longest text this reader builds: ARM's own limit on a template is
 * 4 MB, and a template that doubles a text in a chain of variables would
 * otherwise exhaust memory.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits
 */
const MAX_TEXT = 4 * 1024 * 1024;

/** `text`, refused when longer than {@link MAX_TEXT}. */
export function bounded(name: string, text: string): string {
  if (text.length > MAX_TEXT) throw new TemplateExpressionError(`${name}() builds a text longer than a template may be`);
  return text;
}

/** Joins text parts, unknown (with a symbol where each unknown part has one) when a part is. */
function joinText(parts: readonly unknown[]): string | UnknownValue {
  const texts = parts.map(toText);
  return texts.every((t): t is string => typeof t === 'string') ? bounded('concat', texts.join('')) : unknownText(texts);
}

/** `concat`: arrays joined when the first argument is one, else text. */
const concat: ArmFunction = (args) => {
  arity('concat', args, 1, Infinity);
  if (args.some(Array.isArray) || args.every((a) => a === null)) {
    if (args.some(isUnknown)) return unknownResult('concat', args);
    const out: unknown[] = [];
    for (const a of args) if (a !== null) out.push(...asArray('concat', a));
    return out;
  }
  return joinText(args);
};

/**
 * `format('{0}-{1:D}', a, b)`: .NET composite formatting; `{{` and `}}` are
 * braces. A format specifier other than none is evaluated only for integers in `D`.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#format
 */
const format: ArmFunction = (args) => {
  arity('format', args, 1, Infinity);
  if (isUnknown(args[0])) return unknownResult('format', args);
  const pattern = asString('format', args[0]);
  const parts: unknown[] = [];
  const re = /\{\{|\}\}|\{(\d+)(?::([^}]*))?\}/g;
  let last = 0;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    parts.push(pattern.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      parts.push(m[0][0]);
      continue;
    }
    const i = Number(m[1]) + 1;
    if (i >= args.length) throw new TemplateExpressionError(`format() has no argument {${m[1]}}`);
    const spec = m[2];
    if (spec !== undefined && spec !== '' && !/^D\d*$/i.test(spec)) return new UnknownValue(`format() with the specifier '${spec}' is not evaluated by this reader`);
    const arg = args[i];
    parts.push(spec && typeof arg === 'number' ? String(Math.abs(arg)).padStart(Number(spec.slice(1) || 0), '0').replace(/^/, arg < 0 ? '-' : '') : arg);
  }
  parts.push(pattern.slice(last));
  return joinText(parts);
};

const caseChange = (name: string, upper: boolean): ArmFunction => (args) => {
  arity(name, args, 1, 1);
  const v = args[0];
  if (isUnknown(v)) return v.symbol === undefined ? v : new UnknownValue(v.reason, `[${name}(${v.symbol})]`);
  const s = asString(name, v);
  return upper ? s.toUpperCase() : s.toLowerCase();
};

/** `guid(a, b, ...)`: computed when every part is known text. */
const guid: ArmFunction = (args) => {
  arity('guid', args, 1, Infinity);
  if (args.some(holdsUnknown)) return unknownResult('guid', args);
  if (args.some(holdsPlaceholder)) return placeholderResult('guid', args);
  return armGuid(args.map((a) => asString('guid', a)));
};

/**
 * `uniqueString(...)`: a hash Azure Resource Manager computes; this reader
 * does not, but the same call over the same inputs is the same value.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#uniquestring
 */
const uniqueString: ArmFunction = (args) => {
  arity('uniqueString', args, 1, Infinity);
  const rendered = args.map(renderForSymbol);
  const unknown = args.map(firstUnknown).find((u) => u !== undefined);
  const reason = unknown?.reason ?? 'uniqueString() is a hash Azure Resource Manager computes at deployment';
  return new UnknownValue(reason, rendered.every((r) => r !== undefined) ? `[uniqueString(${rendered.join(', ')})]` : undefined);
};

function indexIn(name: string, last: boolean): ArmFunction {
  return knownArgs(name, 2, 2, ([target, item]) => {
    if (Array.isArray(target)) {
      const found = target.map((t) => deepEqual(t, item));
      return last ? found.lastIndexOf(true) : found.indexOf(true);
    }
    // Text is compared without regard to case.
    const s = asString(name, target).toLowerCase();
    const sub = asString(name, item).toLowerCase();
    return last ? s.lastIndexOf(sub) : s.indexOf(sub);
  }, true);
}

/**
 * String functions.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
 */
export const STRING_FUNCTIONS: Readonly<Record<string, ArmFunction>> = {
  concat,
  format,
  string: (args) => {
    arity('string', args, 1, 1);
    return toText(args[0]);
  },
  tolower: caseChange('toLower', false),
  toupper: caseChange('toUpper', true),
  guid,
  uniquestring: uniqueString,
  trim: knownArgs('trim', 1, 1, ([s]) => asString('trim', s).trim()),
  replace: knownArgs('replace', 3, 3, ([s, from, to]) => bounded('replace', asString('replace', s).split(asString('replace', from)).join(asString('replace', to)))),
  split: knownArgs('split', 2, 2, ([s, d]) => {
    const delimiters = Array.isArray(d) ? d.map((x) => asString('split', x)) : [asString('split', d)];
    let parts = [asString('split', s)];
    for (const delimiter of delimiters) parts = parts.flatMap((p) => p.split(delimiter));
    return parts;
  }, true),
  // startsWith and endsWith compare without regard to case.
  startswith: knownArgs('startsWith', 2, 2, ([s, p]) => asString('startsWith', s).toLowerCase().startsWith(asString('startsWith', p).toLowerCase()), true),
  endswith: knownArgs('endsWith', 2, 2, ([s, p]) => asString('endsWith', s).toLowerCase().endsWith(asString('endsWith', p).toLowerCase()), true),
  indexof: indexIn('indexOf', false),
  lastindexof: indexIn('lastIndexOf', true),
  substring: knownArgs('substring', 2, 3, ([s, start, length]) => {
    const text = asString('substring', s);
    const from = asInteger('substring', start);
    const count = length === undefined ? text.length - from : asInteger('substring', length);
    if (from < 0 || count < 0 || from + count > text.length) throw new TemplateExpressionError(`substring() outside the text of ${text.length} characters`);
    return text.substr(from, count);
  }, true),
  padleft: knownArgs('padLeft', 2, 3, ([v, total, pad]) => {
    const text = typeof v === 'number' ? String(v) : asString('padLeft', v);
    const char = pad === undefined ? ' ' : asString('padLeft', pad);
    if (char.length !== 1) throw new TemplateExpressionError('padLeft() pads with one character');
    return bounded('padLeft', text.padStart(Math.min(asInteger('padLeft', total), MAX_TEXT + 1), char));
  }, true),
  base64: knownArgs('base64', 1, 1, ([s]) => Buffer.from(asString('base64', s), 'utf8').toString('base64'), true),
  base64tostring: knownArgs('base64ToString', 1, 1, ([s]) => Buffer.from(asString('base64ToString', s), 'base64').toString('utf8')),
  uri: knownArgs('uri', 2, 2, ([base, relative]) => {
    try {
      return new URL(asString('uri', relative), asString('uri', base)).toString();
    } catch {
      throw new TemplateExpressionError(`uri() of '${String(base)}' is not an absolute URI`);
    }
  }),
  join: knownArgs('join', 2, 2, ([list, delimiter]) => asArray('join', list).map((v) => (typeof v === 'number' ? String(v) : asString('join', v))).join(asString('join', delimiter))),
  uricomponent: knownArgs('uriComponent', 1, 1, ([s]) => encodeURIComponent(asString('uriComponent', s))),
  uricomponenttostring: knownArgs('uriComponentToString', 1, 1, ([s]) => {
    try {
      return decodeURIComponent(asString('uriComponentToString', s));
    } catch {
      throw new TemplateExpressionError('uriComponentToString() of text that is not URI-encoded');
    }
  }),
  newguid: () => new UnknownValue('newGuid() is a new value at each deployment'),
  utcnow: () => new UnknownValue('utcNow() is the time of the deployment'),
};
