import { ApiObject, App, Chart } from 'cdk8s';
import { expect, test, vi } from 'vitest';
import { DeploymentCheck } from '../../lib/cdk8s/deployment-check';
import { Rules } from '../../lib/core/validation/rule-catalog';
import { synthesizeCharts } from '../../lib/synth/hardened-cluster-target';

/** Adds `charts` charts of one ConfigMap each, and a check that counts its runs and fails on a ConfigMap named `bad`. */
function define(charts: number, runs: { count: number }, bad?: number) {
  return (app: Parameters<NonNullable<Parameters<typeof synthesizeCharts>[0]>>[0]) => {
    for (let i = 0; i < charts; i++) {
      const chart = new Chart(app, `chart${i}`);
      new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: i === bad ? 'bad' : `cm${i}` } });
    }
    DeploymentCheck.of(app).addCheck(() => {
      runs.count++;
      return app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && c.name === 'bad')
        .map((o) => ({ rule: Rules.kubernetesSchema, property: o.node.path, value: 'bad', fix: 'rename it' }));
    });
  };
}

test('synthesizing a cluster\'s charts runs the app\'s checks once and walks the tree as often for 14 charts as for 4', () => {
  // cdk8s's chart.toJson() walks the whole app for each chart; the app is prepared and validated once for all of them.
  const walks = (charts: number) => {
    const runs = { count: 0 };
    let findAll: { mock: { calls: unknown[] } } | undefined;
    const result = synthesizeCharts((app) => {
      define(charts, runs)(app);
      findAll = vi.spyOn(app.node, 'findAll');
    });
    expect(result.byChart.size).toBe(charts);
    expect(runs.count).toBe(1);
    return findAll!.mock.calls.length;
  };
  const extraCharts = 10;
  expect(walks(4 + extraCharts)).toBe(walks(4));
});

test('a problem in any chart still fails the synthesis of the charts, with the library\'s validation error', () => {
  const runs = { count: 0 };
  expect(() => synthesizeCharts(define(5, runs, 3))).toThrow(/chart3\/cm/);
  expect(runs.count).toBe(1);
});

test('each chart\'s objects are those cdk8s writes for it, in its order: dependencies between objects and charts, nested charts', () => {
  const define = (app: App) => {
    const base = new Chart(app, 'base');
    const first = new ApiObject(base, 'first', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first' } });
    const second = new ApiObject(base, 'second', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'second' } });
    first.addDependency(second);
    const apps = new Chart(app, 'apps');
    const user = new ApiObject(apps, 'user', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'user' } });
    user.addDependency(first);
    const nested = new Chart(apps, 'nested');
    new ApiObject(nested, 'inner', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'inner' } });
    user.addDependency(new ApiObject(apps, 'last', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'last' } }));
  };
  const expected = new App();
  define(expected);
  const byCdk8s = new Map(expected.charts.map((c) => [c.node.id, c.toJson()]));
  const synthesized = synthesizeCharts(define).byChart;
  expect([...synthesized.keys()]).toEqual([...byCdk8s.keys()]);
  expect(Object.fromEntries(synthesized)).toEqual(Object.fromEntries(byCdk8s));
  // The order of the objects is the order cdk8s writes them in.
  expect(synthesized.get('base')!.map((o: any) => o.metadata.name)).toEqual(['second', 'first']);
  expect(synthesized.get('apps')!.map((o: any) => o.metadata.name)).toEqual(['last', 'user']);
});
