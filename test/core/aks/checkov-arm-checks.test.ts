import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHECKOV_ARM_AKS_CHECKS } from '../../../lib/core/aks/checkov-arm-checks';
import { checkovDropsFailure, checkovScannedResources } from '../../../lib/core/aks/checkov-template-resources';

/**
 * The replicas of Checkov's ARM AKS checks, on Checkov's own test fixtures
 * (test/fixtures/checkov, vendored with scripts/vendor-checkov-fixtures.ts):
 * each gives the verdict Checkov's unit test expects of each fixture resource.
 */
interface FixtureEntry {
  file: string;
  resource: string;
  resourceId: string;
  expected: 'pass' | 'fail';
  reported: boolean;
}
interface IndexedCheck {
  id: string;
  name: string;
  checkFile: string;
  supportedResources: string[];
  fixtures: FixtureEntry[];
}
const FIXTURES = path.resolve(__dirname, '../../fixtures/checkov');
const index = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'index.json'), 'utf8')) as { commit: string; checks: IndexedCheck[] };

const cases = index.checks.flatMap((c) => c.fixtures.map((f) => ({ id: c.id, ...f })));

test('the index vendors fixtures for every check, with a failing and a passing resource each', () => {
  expect(index.checks.length).toBeGreaterThan(0);
  for (const c of index.checks) {
    expect(c.fixtures.some((f) => f.expected === 'pass'), c.id).toBe(true);
    expect(c.fixtures.some((f) => f.expected === 'fail'), c.id).toBe(true);
  }
});

test('one replica per Checkov ARM AKS check, no more: ids, files, names and resource types as Checkov has them', () => {
  const replicas = CHECKOV_ARM_AKS_CHECKS.map((r) => ({ id: r.id, checkFile: r.checkFile, name: r.title, supportedResources: [...r.resourceTypes] }));
  const checkov = index.checks.map((c) => ({ id: c.id, checkFile: c.checkFile, name: c.name, supportedResources: c.supportedResources }));
  expect(replicas).toEqual(checkov);
});

describe.each(cases)('$id on $file ($resourceId)', ({ id, file, resource: pointer, expected, reported }) => {
  const replica = CHECKOV_ARM_AKS_CHECKS.find((r) => r.id === id)!;
  const template = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
  const scanned = checkovScannedResources(template).find((r) => r.pointer === pointer);

  test(`gives Checkov's expected verdict: ${expected}`, () => {
    expect(scanned, `${pointer} is scanned`).toBeDefined();
    expect(replica.evaluate(scanned!.resource)).toBe(expected);
  });

  if (expected === 'fail') {
    test(`the failure is ${reported ? '' : 'not '}in Checkov's report`, () => {
      expect(checkovDropsFailure(scanned!.resource)).toBe(!reported);
    });
  }
});

/**
 * Checkov's quirks beyond its own fixtures: cases written for this project,
 * each with the verdict Checkov 3.3.13 gave when run on it
 * (test/fixtures/checkov-verified-cases.json, from scripts/checkov-verdicts.py).
 */
interface VerifiedCase {
  check: string;
  title: string;
  checkov: 'pass' | 'fail' | 'unknown' | 'not-scanned';
  reported?: boolean;
  resource?: Record<string, unknown>;
  template?: Record<string, unknown>;
}
const verified = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/checkov-verified-cases.json'), 'utf8')) as { cases: VerifiedCase[] };

test.each(verified.cases)('$check, $title: Checkov says $checkov', (c) => {
  const replica = CHECKOV_ARM_AKS_CHECKS.find((r) => r.id === c.check)!;
  const template = c.template ?? { resources: [c.resource] };
  // the resource Checkov's check received: the one of the check's types
  const resources = checkovScannedResources(template).filter((r) => replica.resourceTypes.includes(r.resource.type as string));
  if (c.checkov === 'not-scanned') {
    expect(resources).toEqual([]);
    return;
  }
  const scanned = resources[0] ?? checkovScannedResources(template)[0];
  expect(replica.evaluate(scanned.resource)).toBe(c.checkov);
  if (c.checkov === 'fail') expect(checkovDropsFailure(scanned.resource)).toBe(!c.reported);
});
