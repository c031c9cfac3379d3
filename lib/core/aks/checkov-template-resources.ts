import { isDict, pyTruthy } from './checkov-python-values';

/**
 * The resources of an ARM template as Checkov's ARM runner hands them to its
 * checks: with the parameter defaults and variable values it substitutes, and
 * nested resources split out. Checkov does this before any check runs, so a
 * replica of a check (checkov-arm-checks.ts) is only exact on what this returns.
 *
 * Replicated: whole-value references (`"[parameters('x')]"`, `"[variables('x')]"`),
 * as its graph renderer and then ContextParser.evaluate_default_parameters
 * substitute them, falsy values and array elements included. Not replicated:
 * the text its renderer splices into larger expressions (`"[concat(parameters('x'), ...)]"`);
 * such a value stays an expression string either way, and no AKS check gives
 * it a different verdict for that.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/runner.py
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/graph_builder/variable_rendering/renderer.py
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/context_parser.py
 * @category Security baseline
 */
export interface CheckovScannedResource {
  /** JSON pointer of the resource in the template as written. */
  readonly pointer: string;
  /** The resource with Checkov's substitutions made (a copy; the template is not changed). */
  readonly resource: Record<string, unknown>;
}

type Json = unknown;
const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** A variable as Checkov's graph holds it: an object with a `value` key is taken as that wrapper, anything else is wrapped. */
function variableWrapper(raw: Json): Record<string, unknown> {
  return isDict(raw) && 'value' in raw ? raw : { value: raw };
}

/** Applies `f` to every string: `inProperty` tells a dict value from an array element. */
function mapStrings(node: Json, f: (s: string, inProperty: boolean) => Json, inProperty = true): Json {
  if (typeof node === 'string') return f(node, inProperty);
  if (Array.isArray(node)) return node.map((x) => mapStrings(x, f, false));
  if (isDict(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, f, true)]));
  return node;
}

function resolveResource(resource: Record<string, unknown>, template: Record<string, unknown>): Record<string, unknown> {
  const parameters = isDict(template.parameters) ? template.parameters : {};
  const variables = isDict(template.variables) ? template.variables : {};
  const own = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

  // 1. The graph renderer: a whole-value reference whose target holds a true value takes it, one level deep.
  // Its edges find targets by name, variables before parameters of the same name (the later vertex wins).
  const rendered = mapStrings(resource, (s) => {
    const m = /^\[(?:parameters|variables)\('([\p{L}\p{N}_]+)'\)\]$/u.exec(s);
    if (!m) return s;
    const name = m[1];
    const target = own(variables, name)
      ? variableWrapper(variables[name]).value
      : own(parameters, name) && isDict(parameters[name])
        ? (parameters[name] as Record<string, unknown>).defaultValue
        : undefined;
    return pyTruthy(target) ? copy(target) : s;
  });

  // 2. evaluate_default_parameters: dict values only (it does not look into strings held in arrays),
  // parameters first, with any default, false and 0 included; then variables.
  const withParameters = mapStrings(rendered, (s, inProperty) => {
    if (!inProperty || !s.includes('[parameters(')) return s;
    const name = s.replace(/\[parameters\('|'\)\]/g, '');
    const p = own(parameters, name) ? parameters[name] : undefined;
    return isDict(p) && own(p, 'defaultValue') ? copy(p.defaultValue) : s;
  });
  return mapStrings(withParameters, (s, inProperty) => {
    if (!inProperty || !s.includes('[variables(')) return s;
    const name = s.replace(/\[variables\('|'\)\]/g, '');
    if (!own(variables, name)) return s;
    const wrapper = variableWrapper(variables[name]);
    // a variable whose value is false, 0 or empty is substituted by its wrapper object
    return copy(pyTruthy(wrapper.value) ? wrapper.value : wrapper);
  }) as Record<string, unknown>;
}

/**
 * The resources Checkov scans in a template, resolved as above: every top-level
 * resource up to the first one without a `type` (its graph stops there), and the
 * resources nested under any `resources` key inside them; each needs a `type`
 * and a `name`, or Checkov skips it.
 * @category Security baseline
 */
export function checkovScannedResources(template: Record<string, unknown>): CheckovScannedResource[] {
  const top = Array.isArray(template.resources) ? template.resources : [];
  const firstUntyped = top.findIndex((r) => !isDict(r) || !('type' in r));
  const scanned: CheckovScannedResource[] = [];
  const visitNested = (node: Json, pointer: string) => {
    if (Array.isArray(node)) node.forEach((x, i) => visitNested(x, `${pointer}/${i}`));
    if (!isDict(node)) return;
    for (const [k, v] of Object.entries(node)) {
      const p = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (k === 'resources' && Array.isArray(v)) {
        v.forEach((r, i) => {
          if (isDict(r)) scanned.push({ pointer: `${p}/${i}`, resource: r });
        });
      }
      visitNested(v, p);
    }
  };
  (firstUntyped < 0 ? top : top.slice(0, firstUntyped)).forEach((r, i) => {
    if (!isDict(r)) return;
    scanned.push({ pointer: `/resources/${i}`, resource: r });
    visitNested(r, `/resources/${i}`);
  });
  return scanned
    .filter(({ resource }) => 'type' in resource && 'name' in resource)
    .map(({ pointer, resource }) => ({ pointer, resource: resolveResource(resource, template) }));
}

/** Functions whose presence in a resource's id makes Checkov's ARM runner drop its failed results (filter_failed_checks_with_unrendered_resources). */
const UNRENDERED_FUNCTIONS = ['toLower(', 'trim(', 'join(', 'split(', 'substring('];

/**
 * Whether Checkov leaves a failure of this resource out of its report: its id,
 * `type.name`, still holds one of the functions above after substitution.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/arm/utils.py
 * @category Security baseline
 */
export function checkovDropsFailure(resource: Record<string, unknown>): boolean {
  const id = `${String(resource.type)}.${String(resource.name)}`;
  return UNRENDERED_FUNCTIONS.some((f) => id.includes(f));
}
