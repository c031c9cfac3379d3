import { pointerToken, recordPointer, recordedPointer } from '../../description/described-resource';
import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { JsonObject, TemplateExpressionError, isObject, typeName } from './arm-value';
import { EvaluationContext, evaluateNode } from './expression-evaluator';
import { ParsedExpression, classifyTemplateString, parseExpression } from './expression-parser';
import { ReadSink } from './read-sink';

const PARSED = new Map<string, ParsedExpression>();
const PARSED_LIMIT = 50_000;

function parsed(expression: string): ParsedExpression {
  let p = PARSED.get(expression);
  if (!p) {
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    p = parseExpression(expression);
    PARSED.set(expression, p);
  }
  return p;
}

/**
 * The value of one template string: its literal, or its expression's value.
 * An expression ARM would refuse is a problem at `pointer`, and unknown.
 */
export function evaluateTemplateString(raw: string, pointer: string, context: EvaluationContext, sink: ReadSink): unknown {
  const kind = classifyTemplateString(raw);
  if ('literal' in kind) return kind.literal;
  const p = parsed(kind.expression);
  if ('error' in p) {
    sink.problem(pointer, `the expression ${quote(raw)} cannot be read: ${p.error}`);
    return new UnknownValue(`the expression ${quote(raw)} cannot be read`);
  }
  try {
    const value = evaluateNode(p.node, context);
    recordBuilt(value, pointer);
    return value;
  } catch (e) {
    if (!(e instanceof TemplateExpressionError) && !(e instanceof RangeError)) throw e;
    const message = e instanceof RangeError ? 'it nests too deeply' : e.message;
    sink.problem(pointer, `the expression ${quote(raw)} cannot be evaluated: ${message}`);
    return new UnknownValue(`the expression ${quote(raw)} cannot be evaluated: ${message}`);
  }
}

function quote(raw: string): string {
  return raw.length > 120 ? `'${raw.slice(0, 117)}...'` : `'${raw}'`;
}

/** Records a pointer for a value an expression built, unless it came from elsewhere (a variable) and has its own. */
function recordIfNew(value: object, pointer: string): void {
  if (recordedPointer(value) === undefined) recordPointer(value, pointer);
}

/**
 * Records `pointer` on the arrays and objects an expression built (`union`,
 * `createObject`, `map`, ...), at any depth; a part that has its place (from
 * a variable or a parameter's default) keeps it, and what it holds too.
 */
function recordBuilt(value: unknown, pointer: string): void {
  if (value === null || typeof value !== 'object' || isUnknown(value) || !(Array.isArray(value) || isObject(value))) return;
  if (recordedPointer(value) !== undefined) return;
  recordPointer(value, pointer);
  if (Array.isArray(value)) for (const v of value) recordBuilt(v, pointer);
  else for (const k in value) recordBuilt(value[k], pointer);
}

/**
 * A template value with its expressions evaluated, at any depth, and its
 * property copy loops (`copy: [{ name, count, input }]`) expanded. Each array
 * and object built records `pointer`.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-properties
 */
export function evaluateTemplateValue(raw: unknown, pointer: string, context: EvaluationContext, sink: ReadSink): unknown {
  if (typeof raw === 'string') return raw.charCodeAt(0) === 0x5b /* [ */ ? evaluateTemplateString(raw, pointer, context, sink) : raw;
  if (Array.isArray(raw)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < raw.length; i++) {
      const v = evaluateTemplateValue(raw[i], `${pointer}/${i}`, context, sink);
      // A part without expressions is the template's own value: copied only when something in it changes.
      if (v !== raw[i] && out === undefined) out = raw.slice(0, i);
      if (out !== undefined) out.push(v);
    }
    const result = out ?? raw;
    recordIfNew(result, pointer);
    return result;
  }
  if (isObject(raw)) {
    let out: JsonObject | undefined;
    const keys = Object.keys(raw);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const at = `${pointer}/${token(key)}`;
      if (Array.isArray(raw[key]) && key.toLowerCase() === 'copy') {
        out ??= copyKeys(raw, keys, i);
        Object.assign(out, propertyCopies(raw[key] as unknown[], at, context, sink));
        continue;
      }
      const v = evaluateTemplateValue(raw[key], at, context, sink);
      if (v !== raw[key] && out === undefined) out = copyKeys(raw, keys, i);
      if (out !== undefined) out[key] = v;
    }
    const result = out ?? raw;
    recordIfNew(result, pointer);
    return result;
  }
  return raw;
}

/** A new object with the first `count` members of `raw`. */
function copyKeys(raw: JsonObject, keys: readonly string[], count: number): JsonObject {
  const out: JsonObject = {};
  for (let i = 0; i < count; i++) out[keys[i]] = raw[keys[i]];
  return out;
}

function token(key: string): string {
  return key.includes('~') || key.includes('/') ? pointerToken(key) : key;
}

/** The evaluated count of a copy loop, or an unknown value with its reason. */
export function copyCount(raw: unknown, pointer: string, context: EvaluationContext, sink: ReadSink): number | UnknownValue {
  const count = evaluateTemplateValue(raw, pointer, context, sink);
  if (isUnknown(count)) return count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 800) {
    sink.problem(pointer, `a copy count of ${typeof count === 'number' ? count : typeName(count)} (ARM allows 0 to 800)`);
    return new UnknownValue('the copy count is not one ARM accepts');
  }
  return count;
}

/** A context in which `copyIndex(name)` (and, when `own`, `copyIndex()`) is `index`. */
export function inLoop(context: EvaluationContext, name: string | undefined, index: number, own: boolean): EvaluationContext {
  const lower = name?.toLowerCase();
  return {
    ...context,
    copyIndex: (loop) => (loop === undefined ? (own ? index : context.copyIndex(loop)) : loop.toLowerCase() === lower ? index : context.copyIndex(loop)),
  };
}

/** The arrays of a property (or variable) copy section: each `name` an array of `count` evaluated `input`s. */
export function propertyCopies(loops: readonly unknown[], pointer: string, context: EvaluationContext, sink: ReadSink): JsonObject {
  const out: JsonObject = {};
  loops.forEach((loop, i) => {
    const at = `${pointer}/${i}`;
    if (!isObject(loop) || typeof loop.name !== 'string' || !('count' in loop) || !('input' in loop)) {
      sink.problem(at, 'a copy loop without a "name", "count" and "input"');
      return;
    }
    const count = copyCount(loop.count, `${at}/count`, context, sink);
    if (isUnknown(count)) {
      sink.skip(at, `the copy loop "${loop.name}"`, `its count is not known: ${count.reason}`);
      out[loop.name] = new UnknownValue(`the copy loop "${loop.name}" has a count not known: ${count.reason}`);
      return;
    }
    const items = Array.from({ length: count }, (_, k) => evaluateTemplateValue(loop.input, `${at}/input`, inLoop(context, loop.name as string, k, false), sink));
    recordPointer(items, at);
    out[loop.name] = items;
  });
  return out;
}
