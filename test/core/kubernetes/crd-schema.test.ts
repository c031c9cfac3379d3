import { expect, test } from 'vitest';
import { FELIX_CONFIGURATION_SCHEMA, jsPattern, StrictSchemaValidator } from '../../../lib';

test('Go\'s (?i) in a CRD pattern becomes a case-insensitive JavaScript pattern', () => {
  const re = new RegExp(jsPattern('^(?i)(Accept|Return)?$'), 'u');
  expect(['Accept', 'ACCEPT', 'return', '']).toEqual(['Accept', 'ACCEPT', 'return', ''].filter((s) => re.test(s)));
  expect(re.test('Drop')).toBe(false);
  // Escapes and classes stay as they are; patterns without (?i) are untouched.
  expect(jsPattern('^(?i)a\\d[a-z]$')).toBe('^[aA]\\d[a-z]$');
  expect(jsPattern('^[0-9]+$')).toBe('^[0-9]+$');
});

test('the FelixConfiguration schema is Calico\'s own CRD: fields beyond WireGuard validate, typos do not', () => {
  const v = new StrictSchemaValidator();
  v.register('FelixConfiguration', FELIX_CONFIGURATION_SCHEMA);
  const felix = (spec: object) => ({ apiVersion: 'crd.projectcalico.org/v1', kind: 'FelixConfiguration', metadata: { name: 'default' }, spec });
  expect(v.validate('FelixConfiguration', felix({ wireguardEnabled: true, logSeverityScreen: 'info', defaultEndpointToHostAction: 'ACCEPT' }))).toEqual([]);
  expect(v.validate('FelixConfiguration', felix({ wireguardEnabeld: true })).map((f) => f.path)).toEqual(['/spec/wireguardEnabeld']);
  expect(v.validate('FelixConfiguration', felix({ logSeverityScreen: 'Loud' })).length).toBeGreaterThan(0);
});
