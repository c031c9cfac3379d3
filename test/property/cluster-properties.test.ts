import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { expect, test } from 'vitest';
import { ManagedClusterModel, SecureAksValidationError } from '../../lib';
import { hardenedClusterTarget, synthesize } from '../../lib/synth';
import { validCluster } from '../support/arbitraries';
import { MicrosoftModels } from '../support/microsoft-models';
import { templateResources, unknownProperties, wireBody } from '../support/template-resources';
import { expectValidationError } from '../support/validation-error';

test('every valid cluster definition synthesizes to payloads valid against Microsoft\'s models', () => {
  fc.assert(
    fc.property(validCluster, (props) => {
      const template = ManagedClusterModel.build(props).toArmTemplate();
      for (const { resource } of templateResources(template)) {
        if (resource.type === 'Microsoft.Resources/deployments') continue;
        const body = wireBody(resource);
        expect(unknownProperties(body, MicrosoftModels[resource.type].roundTrip(body))).toEqual([]);
      }
    }),
    { numRuns: 60 },
  );
});

test('synthesis is deterministic: byte-identical output for the same input', () => {
  fc.assert(
    fc.property(validCluster, (props) => {
      expect(JSON.stringify(ManagedClusterModel.build(props).toArmTemplate())).toBe(JSON.stringify(ManagedClusterModel.build(props).toArmTemplate()));
    }),
    { numRuns: 40 },
  );
});

/** Mutations that each break a known rule, applied to a valid definition. */
const BREAKERS: ReadonlyArray<[string, (p: any) => any]> = [
  ['SAKS-NAME-001', (p) => ({ ...p, name: `${p.name}.x` })],
  ['SAKS-NAME-006', (p) => ({ ...p, location: p.location.toUpperCase() })],
  ['SAKS-NAME-003', (p) => ({ ...p, kubernetesVersion: 'latest' })],
  ['SAKS-NET-004', (p) => ({ ...p, dnsServiceIp: '192.168.0.10' })],
  ['SAKS-NAME-005', (p) => ({ ...p, tags: { ...p.tags, 'bad/key': 'x' } })],
  ['SAKS-NAME-007', (p) => ({ ...p, tier: 'Gold' })],
  ['SAKS-NAME-002', (p) => ({ ...p, systemPool: { name: 'Sys' } })],
];

test('every invalid definition raises the library\'s error listing every violation, and writes nothing', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-prop-'));
  try {
    fc.assert(
      fc.property(validCluster, fc.uniqueArray(fc.integer({ min: 0, max: BREAKERS.length - 1 }), { minLength: 1, maxLength: 3 }), (props, picks) => {
        const broken = picks.reduce((p, i) => BREAKERS[i][1](p), props);
        const ids = expectValidationError(() => ManagedClusterModel.build(broken)).ruleIds;
        for (const i of picks) expect(ids).toContain(BREAKERS[i][0]);
        const result = synthesize(new Map([['broken', hardenedClusterTarget(broken)]]), out);
        expect(result.failures.get('broken')).toBeInstanceOf(SecureAksValidationError);
        expect(fs.readdirSync(out)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
