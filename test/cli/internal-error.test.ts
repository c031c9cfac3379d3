import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { hardenedPayload } from '../support/misconfiguration-corpus';
import { spawnCli, STACK_FRAME } from './cli-process';

// The audit's core throwing on input it did not expect, whatever input: the CLI's wrapper is what is tested.
vi.mock('../../lib/core/audit/audit-cluster', () => ({
  auditCluster: () => {
    throw new TypeError('pools(...).every is not a function');
  },
}));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-internal-'));
  fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify(hardenedPayload()));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const VERSION = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version as string;

test.each(['text', 'json', 'sarif'])('a throw inside the audit is exit 2, "internal error" with what to report, and no report at all (%s)', (format) => {
  const r = runCli(['audit', 'c.json', '--format', format], dir, { env: {} });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const [first, ...rest] = r.stderr.split('\n');
  expect(first).toBe('secure-aks: internal error: pools(...).every is not a function');
  expect(rest.join(' ')).toContain(`secure-aks ${VERSION}`);
  expect(rest.join(' ')).toContain(`(secure-aks audit c.json --format ${format})`);
  expect(rest.join(' ')).toContain('README.md says under "Reporting a problem"');
  expect(r.stderr).not.toMatch(STACK_FRAME);
  // Nor a half-written file.
  expect(runCli(['audit', 'c.json', '--format', format, '-o', 'out/report'], dir, { env: {} }).code).toBe(2);
  expect(fs.existsSync(path.join(dir, 'out', 'report'))).toBe(false);
});

test('SECURE_AKS_DEBUG=1 adds the stack trace, for the report', () => {
  expect(runCli(['audit', 'c.json'], dir, { env: { SECURE_AKS_DEBUG: '1' } }).stderr).toMatch(STACK_FRAME);
});

test('the README says where to report a problem, as the message promises', () => {
  expect(fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8')).toMatch(/^## Reporting a problem$/m);
});

test('a template the audit does not expect (an expression for agentPoolProfiles) never shows a stack, and an internal error leaves standard output empty', () => {
  // Spawned: the real audit, not the mock above.
  fs.writeFileSync(
    path.join(dir, 'template.json'),
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { pools: { type: 'array' } },
      resources: [{ type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2024-05-01', name: 'c1', location: 'westeurope', properties: { dnsPrefix: 'c1', agentPoolProfiles: "[parameters('pools')]" } }],
    }),
  );
  for (const format of ['text', 'sarif']) {
    const run = spawnCli(['audit', 'template.json', '--format', format], { cwd: dir });
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect([0, 1, 2]).toContain(run.status);
    if (run.stderr.includes('internal error')) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
    } else if (format === 'sarif') {
      expect(JSON.parse(run.stdout).version).toBe('2.1.0');
    }
  }
});
