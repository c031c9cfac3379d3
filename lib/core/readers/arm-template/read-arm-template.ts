import { DescribedResource, DocumentReading, pointerToken } from '../../description/described-resource';
import { UnknownValue, isUnknown } from '../../description/unknown-value';
import { JsonObject, isObject, typeName } from './arm-value';
import { DeploymentScope, TOP_LEVEL_SCOPE } from './deployment-scope';
import { EvaluationContext } from './expression-evaluator';
import { nestedExtension } from './extension-resource';
import { readNestedDeployment } from './nested-deployment';
import { ReadSink } from './read-sink';
import { NamePart, joinedName, nameLevels, resourceIdOf, scopeId } from './resource-path';
import { templateContext } from './template-context';
import { copyCount, evaluateTemplateValue, inLoop } from './template-values';

/** Options of {@link readArmTemplate}. */
export interface ArmTemplateReadOptions {
  /** Parameter values, as a parameters file gives them (each parameter's `value`), by name (case-insensitive). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** The members of a template resource that are not in its REST shape. */
const TEMPLATE_ONLY = new Set(['type', 'name', 'apiversion', 'dependson', 'condition', 'copy', 'comments', 'scope', 'resources', 'existing', 'parent', 'import', 'resourcegroup', 'subscriptionid']);

/** How deep nested deployments are followed. */
const MAX_NESTING = 16;

/** One template being read: its context, where its resources go, and what it inherits. */
export interface TemplateFrame {
  readonly context: EvaluationContext;
  /** Where the template's resources are deployed (their ids). */
  readonly target: DeploymentScope;
  /** The unknown condition of the nested deployment that holds it, if any. */
  readonly condition?: UnknownValue;
  readonly depth: number;
  /** Whether its resources are deployed into a resource group (their ids can be built). */
  readonly resourceGroupScoped: boolean;
}

/** A resource of the template as far as others refer to it (a 2.0 symbolic name). */
interface SymbolInfo {
  readonly type: string;
  readonly levels: readonly NamePart[];
  readonly id: NamePart | undefined;
}

/**
 * Reads an ARM template (hand-written, compiled from Bicep, `az group export`
 * output; languageVersion 1.0 or 2.0) as the resources it deploys, evaluating
 * what can be evaluated offline and marking the rest unknown.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax
 */
export function readArmTemplate(template: unknown, document: string, options: ArmTemplateReadOptions = {}): DocumentReading {
  const sink = new ReadSink(document);
  const resources: DescribedResource[] = [];
  if (!isObject(template)) {
    sink.problem('', `an ARM template is a JSON object, not ${typeName(template)}`);
  } else {
    const supplied = new Map(Object.entries(options.parameters ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const context = templateContext({ template, pointer: '', supplied, scope: TOP_LEVEL_SCOPE }, sink);
    const schema = typeof template.$schema === 'string' ? template.$schema : '';
    const resourceGroupScoped = schema === '' || /\/deploymentTemplate\.json/i.test(schema);
    try {
      new TemplateReader(sink, resources).read(template, '', { context, target: TOP_LEVEL_SCOPE, depth: 0, resourceGroupScoped });
    } catch (e) {
      // A template nested so deep that reading it exhausts the stack is a problem, not a crash.
      if (!(e instanceof RangeError)) throw e;
      sink.problem('', `the template cannot be read whole: ${e.message}`);
    }
  }
  return { resources, notExamined: sink.notExamined, problems: sink.problems, wholeDeployment: true };
}

/** Reads the resources of one template and of the templates nested in it. */
export class TemplateReader {
  constructor(
    private readonly sink: ReadSink,
    private readonly out: DescribedResource[],
  ) {}

  public read(template: JsonObject, pointer: string, frame: TemplateFrame): void {
    const list = template.resources;
    if (list === undefined) return;
    const entries: { raw: unknown; at: string; symbol?: string }[] = [];
    if (Array.isArray(list)) list.forEach((raw, i) => entries.push({ raw, at: `${pointer}/resources/${i}` }));
    else if (isObject(list)) for (const [symbol, raw] of Object.entries(list)) entries.push({ raw, at: `${pointer}/resources/${pointerToken(symbol)}`, symbol });
    else {
      this.sink.problem(`${pointer}/resources`, `"resources" is ${typeName(list)}, neither an array nor an object`);
      return;
    }
    const symbols = this.symbolTable(entries, frame);
    for (const e of entries) this.readEntry(e.raw, e.at, frame, symbols);
  }

  /** languageVersion 2.0's symbolic names, resolved when first used. */
  private symbolTable(entries: readonly { raw: unknown; at: string; symbol?: string }[], frame: TemplateFrame): (name: string) => SymbolInfo | undefined {
    const raws = new Map(entries.filter((e) => e.symbol !== undefined && isObject(e.raw)).map((e) => [e.symbol!, e]));
    const resolved = new Map<string, SymbolInfo | undefined>();
    const resolve = (name: string): SymbolInfo | undefined => {
      if (resolved.has(name)) return resolved.get(name);
      resolved.set(name, undefined);
      const entry = raws.get(name);
      if (!entry) return undefined;
      const raw = entry.raw as JsonObject;
      const type = evaluateTemplateValue(raw.type, `${entry.at}/type`, frame.context, this.sink);
      if (typeof type !== 'string') return undefined;
      const name0 = raw.copy !== undefined ? new UnknownValue('a resource of a copy loop') : this.nameOf(raw, entry.at, frame.context);
      if (name0 === undefined) return undefined;
      let levels = nameLevels(name0);
      if (typeof raw.parent === 'string') levels = [...(resolve(raw.parent)?.levels ?? [new UnknownValue(`the parent '${raw.parent}' is not known`)]), ...levels];
      const info = { type, levels, id: frame.resourceGroupScoped && raw.scope === undefined ? resourceIdOf(type, levels, frame.target) : undefined };
      resolved.set(name, info);
      return info;
    };
    return resolve;
  }

  private nameOf(raw: JsonObject, at: string, context: EvaluationContext): NamePart | undefined {
    const name = evaluateTemplateValue(raw.name, `${at}/name`, context, this.sink);
    if (typeof name === 'string' || isUnknown(name)) return name;
    this.sink.problem(`${at}/name`, `a resource name is text, not ${typeName(name)}`);
    return undefined;
  }

  private readEntry(raw: unknown, at: string, frame: TemplateFrame, symbols: (name: string) => SymbolInfo | undefined, parent?: SymbolInfo): void {
    if (!isObject(raw)) {
      this.sink.problem(at, `a resource is a JSON object, not ${typeName(raw)}`);
      return;
    }
    // An existing resource (languageVersion 2.0) is referred to, not deployed.
    if (raw.existing === true) return;
    if (raw.copy === undefined) {
      this.readInstance(raw, at, frame, frame.context, symbols, parent);
      return;
    }
    // A resource copy loop: one resource per index.
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-resources
    const copy = raw.copy;
    if (!isObject(copy) || typeof copy.name !== 'string') {
      this.sink.problem(`${at}/copy`, 'a copy loop without a "name" and a "count"');
      return;
    }
    const count = copyCount(copy.count, `${at}/copy/count`, frame.context, this.sink);
    if (isUnknown(count)) {
      this.sink.skip(at, `the resources of the copy loop "${copy.name}"`, `its count is not known: ${count.reason}`);
      return;
    }
    for (let i = 0; i < count; i++) this.readInstance(raw, at, frame, inLoop(frame.context, copy.name, i, true), symbols, parent);
  }

  private readInstance(raw: JsonObject, at: string, frame: TemplateFrame, context: EvaluationContext, symbols: (name: string) => SymbolInfo | undefined, parent?: SymbolInfo): void {
    const own = this.conditionOf(raw, at, context);
    const type = evaluateTemplateValue(raw.type, `${at}/type`, context, this.sink);
    if (typeof type !== 'string' || type === '') {
      this.sink.skip(at, 'a resource whose type is not known', isUnknown(type) ? type.reason : `its type is ${typeName(type)}`);
      return;
    }
    const name = this.nameOf(raw, at, context);
    if (name === undefined) return;
    let fullType = type;
    let levels = nameLevels(name);
    // A child written inside its parent may have a relative type (`subnets`,
    // `providers/diagnosticSettings`: no namespace) and a name relative to the parent's.
    if (parent && !type.split('/')[0].includes('.')) fullType = `${parent.type}/${type}`;
    if (parent && levels.length < fullType.split('/').length - 1) {
      levels = [...parent.levels, ...levels];
    } else if (typeof raw.parent === 'string') {
      levels = [...(symbols(raw.parent)?.levels ?? [new UnknownValue(`the parent '${raw.parent}' is not known`)]), ...levels];
    }
    let scope: NamePart | undefined;
    const extension = nestedExtension(fullType, levels);
    if (extension) {
      fullType = extension.type;
      levels = [extension.name];
      scope = scopeId(extension.scope, frame.target);
    } else if (raw.scope !== undefined) {
      scope = this.scopeOf(raw.scope, `${at}/scope`, context, frame, symbols);
    }
    const id = frame.resourceGroupScoped ? resourceIdOf(fullType, levels, frame.target, scope) : undefined;
    if (own !== false) {
      const condition = frame.condition ?? own;
      const apiVersion = evaluateTemplateValue(raw.apiVersion, `${at}/apiVersion`, context, this.sink);
      const isDeployment = fullType.toLowerCase() === 'microsoft.resources/deployments';
      const resource: DescribedResource = {
        type: fullType,
        name: joinedName(levels),
        ...(id !== undefined ? { id } : {}),
        ...(typeof apiVersion === 'string' ? { apiVersion } : {}),
        ...(scope !== undefined ? { scope } : {}),
        ...(condition !== undefined ? { condition } : {}),
        body: this.body(raw, at, context, isDeployment),
        origin: { document: this.sink.document, pointer: at },
      };
      this.out.push(resource);
      if (isDeployment) {
        if (frame.depth >= MAX_NESTING) this.sink.skip(at, 'a nested deployment', `it is nested more than ${MAX_NESTING} deep`);
        // What a nested deployment holds is deployed only when it is.
        else readNestedDeployment(raw, at, resource, { ...frame, context, ...(condition ? { condition } : {}) }, this.sink, (t, p, f) => this.read(t, p, f));
      }
    }
    // A condition does not cascade to child resources: they are read whatever the parent's.
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/conditional-resource-deployment
    if (Array.isArray(raw.resources)) {
      const self: SymbolInfo = { type: fullType, levels, id };
      raw.resources.forEach((child, i) => this.readEntry(child, `${at}/resources/${i}`, { ...frame, context }, symbols, self));
    }
  }

  /** The resource's own condition: false (not deployed), unknown, or undefined (deployed). */
  private conditionOf(raw: JsonObject, at: string, context: EvaluationContext): false | UnknownValue | undefined {
    if (!('condition' in raw)) return undefined;
    const value = evaluateTemplateValue(raw.condition, `${at}/condition`, context, this.sink);
    if (value === false || isUnknown(value)) return value;
    if (value === true) return undefined;
    this.sink.problem(`${at}/condition`, `a condition is a boolean, not ${typeName(value)}`);
    return new UnknownValue('the condition is not a boolean');
  }

  /** An extension resource's `scope`: an id, a relative reference, or (2.0) a symbolic name. */
  private scopeOf(raw: unknown, at: string, context: EvaluationContext, frame: TemplateFrame, symbols: (name: string) => SymbolInfo | undefined): NamePart {
    if (typeof raw === 'string' && !raw.startsWith('[')) {
      const symbol = symbols(raw);
      if (symbol) return symbol.id ?? new UnknownValue(`the id of '${raw}' is not known`);
    }
    const value = evaluateTemplateValue(raw, at, context, this.sink);
    if (typeof value === 'string' || isUnknown(value)) return scopeId(value, frame.target);
    this.sink.problem(at, `a scope is text, not ${typeName(value)}`);
    return new UnknownValue('the scope is not text');
  }

  /** The REST shape: the template resource minus its template-only members, evaluated. */
  private body(raw: JsonObject, at: string, context: EvaluationContext, isDeployment: boolean): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const key of Object.keys(raw)) {
      if (TEMPLATE_ONLY.has(key.toLowerCase())) continue;
      if (isDeployment && key.toLowerCase() === 'properties' && isObject(raw.properties)) {
        // The nested template is read as its own resources, in its own scope: not evaluated here.
        const { template: _template, ...rest } = raw.properties;
        body[key] = evaluateTemplateValue(rest, `${at}/${pointerToken(key)}`, context, this.sink);
        continue;
      }
      body[key] = evaluateTemplateValue(raw[key], `${at}/${pointerToken(key)}`, context, this.sink);
    }
    return body;
  }
}
