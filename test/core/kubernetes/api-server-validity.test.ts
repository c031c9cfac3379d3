import { expect, test } from 'vitest';
import { findInvalidForApiServer } from '../../../lib';

const service = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'istio-egress' }, spec: { ports: [{ name: 'tls', port: 443 }] } });

test('object names are checked in the form their kind requires', () => {
  expect(findInvalidForApiServer([service('egress'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a.b', namespace: 'x' } }])).toEqual([]);
  // A Service name is an RFC 1035 label; a ConfigMap name may be a subdomain; a namespace is a label.
  const findings = findInvalidForApiServer([
    service('0egress'),
    service('a.b'),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a..b', namespace: 'Bad' } },
  ]);
  expect(findings.map((f) => f.message)).toEqual([
    expect.stringContaining('metadata.name "0egress" is not a valid Service name'),
    expect.stringContaining('metadata.name "a.b" is not a valid Service name'),
    expect.stringContaining('metadata.name "a..b" is not a valid name'),
    expect.stringContaining('metadata.namespace "Bad"'),
  ]);
});

test('a kind named like an Object.prototype member gets the subdomain name check', () => {
  const findings = findInvalidForApiServer([{ apiVersion: 'example.com/v1', kind: 'toString', metadata: { name: 'Not Valid' } }]);
  expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('metadata.name "Not Valid" is not a valid name')]);
});
