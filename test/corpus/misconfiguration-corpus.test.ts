import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import {
  ALL_RULES,
  CrossClusterLink,
  EstateModel,
  gitOpsTree,
  formatViolation,
  ManagedClusterModel,
  RegulatedPlatformModel,
  SecureAksValidationError,
} from '../../lib';
import { offlineApp } from '../../lib/cdk8s';
import { Case, FAILING_CASES, loadCaseDefinition, violationsOf } from '../support/misconfiguration-corpus';

/** The rule ids of the documented rules table. */
const DOC_RULES = [...fs.readFileSync(path.resolve(__dirname, '../../docs/validation-rules.md'), 'utf8').matchAll(/^\| (SAKS-[A-Z0-9]+-\d{3}) \|/gm)].map((m) => m[1]);
const severity = (id: string) => ALL_RULES.find((r) => r.id === id)?.severity;

function raise(c: Case): unknown {
  try {
    if (c.definition) return loadCaseDefinition(c.definition);
    const on = c.evaluationDate === undefined ? {} : { evaluationDate: c.evaluationDate };
    if (c.platform) RegulatedPlatformModel.build(c.platform, on);
    else if (c.estate) EstateModel.build(c.estate, on);
    else if (c.tree) gitOpsTree(c.tree);
    else if (c.link) CrossClusterLink.build(c.link);
    else if (c.props) ManagedClusterModel.build(c.props, on);
    else if (c.charts) {
      // As cdk8s synth does: every chart of the app, validations included.
      const app = offlineApp();
      c.charts(app);
      for (const chart of app.charts) chart.toJson();
    }
    else return undefined;
  } catch (e) {
    return e;
  }
  return undefined;
}

test.each(FAILING_CASES.map((c) => [c.rule.id, c.name, c] as const))('%s: %s', (id, _name, c) => {
  const v = violationsOf(c);
  const all = [...v.errors, ...v.warnings, ...v.infos];
  const found = all.find((x) => x.rule.id === id && x.property === c.property);
  expect(found, `found: ${all.map((x) => `${x.rule.id} ${x.property}`).join('; ')}`).toBeDefined();
  // The message names the property, the value, the rule, the fix and the source.
  const message = formatViolation(found!);
  expect(message).toContain(`[${id}] ${c.property} = `);
  expect(message).toContain(`rule: ${c.rule.statement}`);
  expect(found!.fix).toMatch(c.fix);
  expect(message).toMatch(/source: https:\/\//);
  // Errors stop the build with the library's error, listing this violation; warnings never do.
  const thrown = raise(c);
  if (severity(id) === 'error' && !c.update && !c.payload && !c.drift) {
    expect(thrown).toBeInstanceOf(SecureAksValidationError);
    expect((thrown as SecureAksValidationError).message).toContain(message);
  } else {
    expect(thrown).toBeUndefined();
  }
});

test('every rule in the docs\' rules table has a case, and every case a documented rule', () => {
  expect(DOC_RULES.length).toBe(ALL_RULES.length);
  const cased = new Set(FAILING_CASES.map((c) => c.rule.id));
  expect(DOC_RULES.filter((id) => !cased.has(id))).toEqual([]);
  expect([...cased].filter((id) => !DOC_RULES.includes(id))).toEqual([]);
});
