import { ApiObject, ApiObjectMetadataDefinition, App } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * cdk8s validates the whole app each time a chart is synthesized
 * (`chart.toJson()`, and `app.synthYaml()` calls it per chart), so a
 * validation that synthesizes objects would run once per chart per chart.
 * Results are kept for the current synchronous synthesis only: the cache is
 * dropped at the next microtask, and an entry is reused only while the
 * objects it was computed from have the same JSON patches.
 */
export class SynthPassCache<K extends object, V> {
  private entries = new WeakMap<K, { fingerprint: string; value: V }>();
  private clearScheduled = false;

  /** The cached value for `key` if `fingerprint` still matches, else `compute()`'s. */
  public get(key: K, fingerprint: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit && hit.fingerprint === fingerprint) return hit.value;
    const value = compute();
    this.entries.set(key, { fingerprint, value });
    if (!this.clearScheduled) {
      this.clearScheduled = true;
      queueMicrotask(() => {
        this.entries = new WeakMap();
        this.clearScheduled = false;
      });
    }
    return value;
  }
}

type ObjectsOf = { objects: ApiObject[]; fingerprint: string };

/**
 * While one validation runs: the ApiObjects of the app and of each chart, from
 * one walk of the tree, and each object's JSON once computed.
 */
let frame: { objects: Map<IConstruct, ObjectsOf>; json: Map<ApiObject, any> } | undefined;

/**
 * Edits of any ApiObject's metadata in this process. An object's JSON
 * changes only through its JSON patches (counted) and its metadata (a
 * label added with `metadata.addLabel`, ...): a cache entry keyed by both
 * counts is stale as soon as either moves, even within one tick.
 */
let metadataEdits = 0;
const METADATA_EDITS = ['add', 'addLabel', 'addAnnotation', 'addFinalizers', 'addOwnerReference'] as const;
for (const method of METADATA_EDITS) {
  const proto = ApiObjectMetadataDefinition.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const edit = proto[method];
  proto[method] = function (this: ApiObjectMetadataDefinition, ...args: unknown[]) {
    metadataEdits++;
    return edit.apply(this, args);
  };
}

const fingerprintOf = (objects: ApiObject[]): ObjectsOf => {
  const patches = objects.reduce((n, o) => n + ((o as unknown as { patches: unknown[] }).patches?.length ?? 0), 0);
  return { objects, fingerprint: `${objects.length}:${patches}:${metadataEdits}` };
};

/** The ApiObjects under `scope`, and a fingerprint of their number, JSON patches and metadata edits. */
export function apiObjectsOf(scope: IConstruct): ObjectsOf {
  const hit = frame?.objects.get(scope);
  if (hit) return hit;
  return fingerprintOf(scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject));
}

/**
 * Runs `fn` with the app's objects walked once: within it, `apiObjectsOf` of
 * the root or of any chart answers from that walk. Nothing changes the tree
 * while a validation runs, and cdk8s validates the whole app once per chart
 * synthesized, so one walk instead of one per check keeps synth linear.
 */
export function withObjectsWalkedOnce<T>(root: IConstruct, fn: () => T): T {
  if (frame) return fn();
  const all = root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  const byChart = new Map<IConstruct, ApiObject[]>();
  for (const o of all) {
    const list = byChart.get(o.chart);
    if (list) list.push(o);
    else byChart.set(o.chart, [o]);
  }
  frame = {
    objects: new Map([[root, fingerprintOf(all)], ...[...byChart].map(([chart, objects]) => [chart, fingerprintOf(objects)] as const)]),
    json: new Map(),
  };
  try {
    return fn();
  } finally {
    frame = undefined;
  }
}

/**
 * The JSON of an ApiObject (JSON patches applied): while one validation runs,
 * computed once for every check that reads it (nothing changes the tree
 * during a validation); otherwise computed afresh.
 */
export function jsonOf(o: ApiObject): any {
  if (!frame) return o.toJson();
  let json = frame.json.get(o);
  if (json === undefined) {
    json = o.toJson();
    frame.json.set(o, json);
  }
  return json;
}

const objectJson = new SynthPassCache<ApiObject, Record<string, unknown>>();

/**
 * An ApiObject whose JSON is computed once per synthesis pass: the analyzer
 * and cdk8s's own output share it.
 */
export class MemoizedApiObject extends ApiObject {
  public toJson(): any {
    const patches = (this as unknown as { patches: unknown[] }).patches.length;
    return objectJson.get(this, `${patches}:${metadataEdits}`, () => super.toJson());
  }
}

/** Apps inside a whole-app synthesis, with the values computed once for it. */
const synthesizing = new WeakMap<IConstruct, Map<object, unknown>>();
const tracked = new WeakSet<App>();

/**
 * Runs `fn` as one synthesis of the app at `root`: within it, {@link oncePerSynthesis}
 * computes each value once. For code that synthesizes several charts in a row and
 * runs nothing else in between.
 */
export function inOneSynthesis<T>(root: IConstruct, fn: () => T): T {
  if (synthesizing.has(root)) return fn();
  synthesizing.set(root, new Map());
  try {
    return fn();
  } finally {
    synthesizing.delete(root);
  }
}

/**
 * Makes `app.synth()` and `app.synthYaml()` of this app one synthesis each.
 * Between the validation passes of those calls (one for the app, then one per
 * chart, see `App.synth` in cdk8s) only cdk8s runs: no user code can add or
 * change an object, so the app's checks run once per call instead of once per
 * chart, and synth stays linear in the number of charts. A chart synthesized
 * on its own (`chart.toJson()`) is still checked afresh on each call.
 */
export function trackWholeAppSynthesis(root: IConstruct): void {
  if (!(root instanceof App) || tracked.has(root)) return;
  tracked.add(root);
  for (const method of ['synth', 'synthYaml'] as const) {
    const original = root[method] as (...args: unknown[]) => unknown;
    Object.defineProperty(root, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => inOneSynthesis(root, () => original.apply(root, args)),
    });
  }
}

/** Within one synthesis of the app at `root`, `compute()`'s value for `key` once; else `compute()`. */
export function oncePerSynthesis<T>(root: IConstruct, key: object, compute: () => T): T {
  const values = synthesizing.get(root);
  if (!values) return compute();
  if (!values.has(key)) values.set(key, compute());
  return values.get(key) as T;
}
