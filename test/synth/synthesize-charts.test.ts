import { ApiObject, Chart } from 'cdk8s';
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

test('synthesizing a cluster\'s charts runs the app\'s checks once: the library adds no walk of the tree per chart', () => {
  // cdk8s walks the app once per chart it synthesizes; the checks walk it once in all.
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
  expect(walks(4 + extraCharts) - walks(4)).toBe(extraCharts);
});

test('a problem in any chart still fails the synthesis of the charts, with the library\'s validation error', () => {
  const runs = { count: 0 };
  expect(() => synthesizeCharts(define(5, runs, 3))).toThrow(/chart3\/cm/);
  expect(runs.count).toBe(1);
});
