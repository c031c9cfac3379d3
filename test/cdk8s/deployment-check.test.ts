import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { expect, test, vi } from 'vitest';
import { addCrossClusterCharts } from '../../lib/cdk8s';
import { DeploymentCheck } from '../../lib/cdk8s/deployment-check';
import { Rules } from '../../lib/core/validation/rule-catalog';
import { mysqlLink, USER_VIRTUAL_SERVICE_WITH_MISSING_REFERENCES } from '../support/mesh-fixtures';

/** An app with `charts` charts of one object each, and a check that counts its runs and fails on a `bad` label. */
function countedApp(charts: number, app: App = Testing.app()) {
  let runs = 0;
  const made = Array.from({ length: charts }, (_, i) => {
    const chart = new Chart(app, `chart${i}`);
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm${i}` } });
    return chart;
  });
  DeploymentCheck.of(app).addCheck(() => {
    runs++;
    return app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && c.metadata.getLabel('bad') !== undefined)
      .map((o) => ({ rule: Rules.kubernetesSchema, property: o.node.path, value: 'bad', fix: 'remove the label' }));
  });
  return { app, charts: made, runs: () => runs };
}

test('one app.synthYaml() runs the app\'s checks once, and the next one sees a change made in between', () => {
  const { app, charts, runs } = countedApp(20);
  app.synthYaml();
  expect(runs()).toBe(1);
  // A change between two synths is seen by the next one.
  new ApiObject(charts[5], 'late', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', labels: { bad: 'yes' } } });
  expect(() => app.synthYaml()).toThrow(/chart5\/late/);
  expect(runs()).toBe(2);
});

test('the checks walk the construct tree once per app.synthYaml(), however many charts (synth stays linear)', () => {
  // cdk8s walks the tree once per chart; the library adds no walk per chart.
  const walks = (charts: number) => {
    const { app } = countedApp(charts);
    const findAll = vi.spyOn(app.node, 'findAll');
    app.synthYaml();
    return findAll.mock.calls.length;
  };
  const extraCharts = 15;
  expect(walks(5 + extraCharts) - walks(5)).toBe(extraCharts);
});

test('one app.synth() runs the checks once and writes every chart', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-check-'));
  try {
    const { app, runs } = countedApp(10, new App({ outdir }));
    app.synth();
    expect(runs()).toBe(1);
    expect(fs.readdirSync(outdir)).toHaveLength(10);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

test('charts synthesized one by one are checked afresh: an object added between two toJson() calls is caught', () => {
  const { charts } = countedApp(2);
  expect(() => charts[0].toJson()).not.toThrow();
  new ApiObject(charts[1], 'late', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', labels: { bad: 'yes' } } });
  expect(() => charts[1].toJson()).toThrow(/chart1\/late/);
});

test('a failing check in app.synth() writes nothing', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-check-'));
  try {
    const { app, charts } = countedApp(3, new App({ outdir }));
    new ApiObject(charts[2], 'bad', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bad', labels: { bad: 'yes' } } });
    expect(() => app.synth()).toThrow(/chart2\/bad/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

test('the library\'s own checks still fail app.synthYaml() once per problem', () => {
  const app = Testing.app();
  const { client } = addCrossClusterCharts(app, mysqlLink());
  new ApiObject(client, 'user-vs', USER_VIRTUAL_SERVICE_WITH_MISSING_REFERENCES);
  let message = '';
  try {
    app.synthYaml();
  } catch (e) {
    message = String((e as Error).message);
  }
  // The gateway reference and the destination host, each listed once.
  expect(message).toMatch(/: 2 problems must be fixed/);
  expect(message.match(/referenced gateway "secure-aks-egress\/missing" not found/g)).toHaveLength(1);
  expect(message.match(/destination host "reports" not found/g)).toHaveLength(1);
});

test('a user\'s admission policy whose CEL the API server would refuse fails synth beside the link\'s', () => {
  const app = Testing.app();
  addCrossClusterCharts(app, mysqlLink());
  const chart = new Chart(app, 'own-policies');
  const policy = (name: string, expression: string) => new ApiObject(chart, name, {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name },
    spec: { matchConstraints: { resourceRules: [] }, variables: [{ name: 'ports', expression }], validations: [{ expression: 'request.name in variables.ports' }] },
  });
  policy('ports-by-name', "{'web': 443, 'db': 5432}");
  expect(() => app.synthYaml()).not.toThrow();
  policy('records-by-name', "{'web': {'port': 443, 'host': 'web.example'}}");
  expect(() => app.synthYaml()).toThrow(/chart own-policies: ValidatingAdmissionPolicy\/records-by-name[\s\S]*spec\.variables\[0\] \(ports\)\.expression: entry \['web'\]\['host'\] of the literal is string where the entries before it are int/);
});

test('within one validation, every check reads an object\'s JSON computed once (the user\'s objects and cdk8s-plus\'s too)', () => {
  const app = Testing.app();
  const { client } = addCrossClusterCharts(app, mysqlLink());
  const own = new ApiObject(client, 'user-cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
  const computed = new Map<ApiObject, number>();
  const toJson = ApiObject.prototype.toJson;
  const spy = vi.spyOn(ApiObject.prototype, 'toJson').mockImplementation(function (this: ApiObject) {
    computed.set(this, (computed.get(this) ?? 0) + 1);
    return toJson.call(this);
  });
  try {
    app.synthYaml();
  } finally {
    spy.mockRestore();
  }
  // Once for the checks (analyzer, admission, schemas, API-server validity, collisions), once for cdk8s's output.
  expect(computed.get(own)).toBe(2);
  expect([...computed.keys()].filter((o) => o.kind === 'NetworkPolicy' || o.kind === 'ValidatingAdmissionPolicy').length).toBeGreaterThan(1);
  for (const [, n] of computed) expect(n).toBeLessThanOrEqual(2);
  // The admission policies and their bindings, like the link's own objects, once for the checks and the output together.
  const policies = [...computed].filter(([o]) => o.kind.startsWith('ValidatingAdmissionPolicy'));
  expect(policies.length).toBeGreaterThanOrEqual(2);
  for (const [, n] of policies) expect(n).toBe(1);
});

test('an object\'s JSON read by one validation is not reused by the next: a changed object is checked as it is now', () => {
  const { charts } = countedApp(2);
  const cm = charts[1].node.findChild('cm') as ApiObject;
  expect(() => charts[0].toJson()).not.toThrow();
  // A new object (the app's objects changed, so the checks run again) and a change to an existing one.
  new ApiObject(charts[0], 'late', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } });
  cm.metadata.addLabel('not a key!', 'x');
  expect(() => charts[1].toJson()).toThrow(/ConfigMap\/cm1 = "label key \\"not a key!\\" is not valid"/);
});

test('a label added between two toJson() calls of one tick is checked and written: nothing is served from before it', () => {
  // The user's own object: the second call checks it as it is now.
  const { charts } = countedApp(2);
  const cm = charts[1].node.findChild('cm') as ApiObject;
  expect(() => charts[1].toJson()).not.toThrow();
  cm.metadata.addLabel('not a key!', 'x');
  expect(() => charts[1].toJson()).toThrow(/label key \\"not a key!\\" is not valid/);
  // The library's own object: the second call writes the label.
  const app = Testing.app();
  const { client } = addCrossClusterCharts(app, mysqlLink());
  const serviceEntry = client.node.findAll().find((c): c is ApiObject => c instanceof ApiObject && c.kind === 'ServiceEntry')!;
  expect(client.toJson().find((o: { kind: string }) => o.kind === 'ServiceEntry').metadata.labels?.team).toBeUndefined();
  serviceEntry.metadata.addLabel('team', 'payments');
  expect(client.toJson().find((o: { kind: string }) => o.kind === 'ServiceEntry').metadata.labels.team).toBe('payments');
});
