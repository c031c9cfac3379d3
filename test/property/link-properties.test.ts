import * as fc from 'fast-check';
import { Testing } from 'cdk8s';
import { expect, test } from 'vitest';
import { analyzeMesh, analyzeMeshLink, CrossClusterLink } from '../../lib';
import { addCrossClusterCharts } from '../../lib/cdk8s';
import { validLink } from '../support/arbitraries';
import { expectValidationError } from '../support/validation-error';

test('every valid link synthesizes both charts, and the analyzer finds nothing', () => {
  fc.assert(
    fc.property(validLink, (props) => {
      const link = CrossClusterLink.build(props);
      const app = Testing.app();
      const { client, server } = addCrossClusterCharts(app, link);
      const c = client.toJson();
      const s = server.toJson();
      expect(analyzeMesh(c, link.clientInventory())).toEqual([]);
      expect(analyzeMesh(s, link.serverInventory())).toEqual([]);
      expect(analyzeMeshLink(c, s)).toEqual([]);
      expect(JSON.stringify(c)).toBe(JSON.stringify(addCrossClusterCharts(Testing.app(), CrossClusterLink.build(props)).client.toJson()));
    }),
    { numRuns: 25 },
  );
});

const BREAKERS: ReadonlyArray<[string, (p: any) => any]> = [
  ['SAKS-MESH-006', (p) => ({ ...p, name: `${p.name}_X` })],
  ['SAKS-MESH-001', (p) => ({ ...p, services: p.services.map((s: any, i: number) => (i === 0 ? { ...s, host: `*.${s.host}` } : s)) })],
  ['SAKS-MESH-002', (p) => ({ ...p, egressPort: 15021 })],
  ['SAKS-MESH-003', (p) => ({ ...p, services: [...p.services, { ...p.services[0] }] })],
  ['SAKS-MESH-004', (p) => ({ ...p, services: p.services.map((s: any) => ({ ...s, serverCredentialName: 'istio-creds' })) })],
];

test('every invalid link raises the library\'s error listing every violation', () => {
  fc.assert(
    fc.property(validLink, fc.uniqueArray(fc.integer({ min: 0, max: BREAKERS.length - 1 }), { minLength: 1, maxLength: 3 }), (props, picks) => {
      const broken = picks.reduce((p, i) => BREAKERS[i][1](p), props);
      const error = expectValidationError(() => CrossClusterLink.build(broken));
      for (const i of picks) expect(error.ruleIds).toContain(BREAKERS[i][0]);
    }),
    { numRuns: 40 },
  );
});
