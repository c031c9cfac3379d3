import { ApiObject } from 'cdk8s';
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

/** The ApiObjects under `scope`, and a fingerprint of their number and JSON patches. */
export function apiObjectsOf(scope: IConstruct): { objects: ApiObject[]; fingerprint: string } {
  const objects = scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  const patches = objects.reduce((n, o) => n + ((o as unknown as { patches: unknown[] }).patches?.length ?? 0), 0);
  return { objects, fingerprint: `${objects.length}:${patches}` };
}

const objectJson = new SynthPassCache<ApiObject, Record<string, unknown>>();

/**
 * An ApiObject whose JSON is computed once per synthesis pass: the analyzer
 * and cdk8s's own output share it.
 */
export class MemoizedApiObject extends ApiObject {
  public toJson(): any {
    const patches = (this as unknown as { patches: unknown[] }).patches.length;
    return objectJson.get(this, String(patches), () => super.toJson());
  }
}
