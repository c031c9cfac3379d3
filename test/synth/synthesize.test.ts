import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ManagedClusterModel, Rules, SecureAksValidationError } from '../../lib';
import { describeFailure, hardenedClusterTarget, loadDefinition, synthesize, SynthTarget } from '../../lib/synth';

let out: string;
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-synth-'));
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

const good = { name: 'good', location: 'westeurope' } as const;
const invalid: SynthTarget = hardenedClusterTarget({ name: 'bad', location: 'westeurope', dnsServiceIp: '192.168.0.10' });

test('writes each target\'s template into <out>/<target>/', () => {
  const result = synthesize(new Map([['one', hardenedClusterTarget(good)]]), out);
  expect(result.failures.size).toBe(0);
  expect(result.written.get('one')).toEqual(['api-server-reachability.md', 'cluster.template.json', 'encryption-coverage.md', 'evidence/assessment-results.oscal.json', 'evidence/report.html', 'security-baseline.md']);
  expect(fs.readFileSync(path.join(out, 'one', 'encryption-coverage.md'), 'utf8')).toMatch(/^# Encryption coverage: good/);
  const written = JSON.parse(fs.readFileSync(path.join(out, 'one', 'cluster.template.json'), 'utf8'));
  expect(written).toEqual(ManagedClusterModel.build(good).toArmTemplate());
  expect(fs.readdirSync(out)).toEqual(['one']);
});

test('fails without writing anything, and keeps the previous output, when any target is invalid', () => {
  synthesize(new Map([['one', hardenedClusterTarget(good)]]), out);
  const before = fs.readFileSync(path.join(out, 'one', 'cluster.template.json'), 'utf8');
  const result = synthesize(
    new Map([
      ['one', hardenedClusterTarget({ ...good, tags: { changed: 'yes' } })],
      ['two', invalid],
    ]),
    out,
  );
  expect(result.written.size).toBe(0);
  expect(result.failures.get('two')).toBeInstanceOf(SecureAksValidationError);
  expect((result.failures.get('two') as SecureAksValidationError).ruleIds).toEqual([Rules.dnsServiceIp.id]);
  expect(fs.readFileSync(path.join(out, 'one', 'cluster.template.json'), 'utf8')).toBe(before);
  expect(fs.readdirSync(out)).toEqual(['one']);
});

test('fails on a change Azure can only make by replacing the cluster, unless allowed', () => {
  synthesize(new Map([['one', hardenedClusterTarget({ ...good, dnsPrefix: 'first' })]]), out);
  const changed = new Map([['one', hardenedClusterTarget({ ...good, dnsPrefix: 'second' })]]);
  const refused = synthesize(changed, out);
  expect((refused.failures.get('one') as SecureAksValidationError).ruleIds).toEqual([Rules.createOnlyChanged.id]);
  expect(synthesize(changed, out, { allowReplacement: true }).failures.size).toBe(0);
  expect(fs.readFileSync(path.join(out, 'one', 'cluster.template.json'), 'utf8')).toContain('"dnsPrefix": "second"');
});

test('the same input gives byte-identical output', () => {
  synthesize(new Map([['one', hardenedClusterTarget(good)]]), out);
  const first = fs.readFileSync(path.join(out, 'one', 'cluster.template.json'));
  synthesize(new Map([['one', hardenedClusterTarget(good)]]), out);
  expect(fs.readFileSync(path.join(out, 'one', 'cluster.template.json')).equals(first)).toBe(true);
});

test('a definition that throws while loading, or exports no target, fails alone and in the library\'s format', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saks-defs-'));
  const write = (name: string, body: string) => {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'definition.js'), body);
  };
  write('broken', "throw new TypeError(\"Cannot read properties of undefined (reading 'map')\");");
  write('empty', 'module.exports = { default: 42 };');
  write('invalid', `const { hardenedClusterTarget } = require(${JSON.stringify(path.resolve(__dirname, '../../lib/synth'))}); module.exports = { default: hardenedClusterTarget({ name: 'c1', location: 7 }) };`);
  const targets = new Map(['broken', 'empty', 'invalid'].map((n) => [n, loadDefinition(path.join(dir, n, 'definition.js'))] as const));
  const result = synthesize(targets, path.join(dir, 'out'));
  expect([...result.failures.keys()]).toEqual(['broken', 'empty', 'invalid']);
  for (const error of result.failures.values()) expect(error).toBeInstanceOf(SecureAksValidationError);
  expect(result.failures.get('broken')!.message).toContain("loading it threw: Cannot read properties of undefined (reading 'map')");
  expect(describeFailure('broken', result.failures.get('broken')!)).not.toMatch(/\n\s+at /);
  expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
});

test('the replacement check can compare against a baseline folder instead of the output', () => {
  const baseline = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-baseline-'));
  try {
    synthesize(new Map([['one', hardenedClusterTarget({ ...good, dnsPrefix: 'first' })]]), baseline);
    const changed = new Map([['one', hardenedClusterTarget({ ...good, dnsPrefix: 'second' })]]);
    // The output folder is empty (a fresh CI checkout): only the baseline knows what is deployed.
    expect(synthesize(changed, out).failures.size).toBe(0);
    fs.rmSync(path.join(out, 'one'), { recursive: true });
    const refused = synthesize(changed, out, { baselineDir: baseline });
    expect((refused.failures.get('one') as SecureAksValidationError).ruleIds).toEqual([Rules.createOnlyChanged.id]);
  } finally {
    fs.rmSync(baseline, { recursive: true, force: true });
  }
});
