import { expect, test } from 'vitest';
import { analyzeMesh, evaluateCelRules, istioSpecSchema } from '../../../lib';

test('the CEL rules of Istio\'s CRDs are evaluated where the API server would evaluate them', () => {
  const se = istioSpecSchema('ServiceEntry');
  const ok = { hosts: ['mysql.example'], location: 'MESH_EXTERNAL', resolution: 'DNS', ports: [{ number: 3306, name: 'tcp', protocol: 'TCP' }] };
  expect(evaluateCelRules(se, ok, '/spec')).toEqual([]);
  // Ports must be unique, a wildcard host is refused, CIDR addresses only with NONE/STATIC resolution.
  const bad = { ...ok, hosts: ['*'], addresses: ['10.0.0.0/8'], ports: [ok.ports[0], { number: 3306, name: 'tls', protocol: 'TLS' }] };
  expect(evaluateCelRules(se, bad, '/spec').map((f) => [f.path, f.message])).toEqual([
    ['/spec', 'CIDR addresses are allowed only for NONE/STATIC resolution types'],
    ['/spec/hosts/0', 'hostname cannot be wildcard'],
    ['/spec/ports', 'port number cannot be duplicated'],
  ]);
});

test('durations use CEL\'s duration(); one that does not parse fails the rule', () => {
  const dr = istioSpecSchema('DestinationRule');
  const withTimeout = (t: string) => ({ host: 'x.example', trafficPolicy: { connectionPool: { tcp: { connectTimeout: t } } } });
  expect(evaluateCelRules(dr, withTimeout('10s'))).toEqual([]);
  expect(evaluateCelRules(dr, withTimeout('0s')).map((f) => f.message)).toEqual(['must be a valid duration greater than 1ms']);
  expect(evaluateCelRules(dr, withTimeout('soon')).map((f) => f.message)).toEqual(['must be a valid duration greater than 1ms']);
});

test('the analyzer reports a broken CEL rule as IST0106, on the user\'s own objects too', () => {
  const gateway = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'mine', namespace: 'default' },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['a.example'], tls: { mode: 'SIMPLE', credentialName: 'a', credentialNames: ['b'] } }] },
  };
  const findings = analyzeMesh([gateway], { rootNamespace: 'istio-system' }).filter((f) => f.message.startsWith('CEL'));
  expect(findings.map((f) => [f.code, f.message])).toEqual([['IST0106', 'CEL rule at /spec/servers/0/tls: only one of credentialName or credentialNames can be set']]);
});

test('matches() applies the rule\'s RE2 pattern to every value, the pattern compiled once and reused', () => {
  const se = istioSpecSchema('ServiceEntry');
  const withPorts = (ports: Record<string, number>) => ({
    hosts: ['mysql.example'],
    location: 'MESH_EXTERNAL',
    resolution: 'STATIC',
    ports: [{ number: 3306, name: 'tcp', protocol: 'TCP' }],
    endpoints: [{ address: '10.0.0.4', ports }],
  });
  expect(evaluateCelRules(se, withPorts({ tcp: 3306 }))).toEqual([]);
  // The same pattern, on later values: a leading dash and a trailing dash break it, a clean name does not.
  expect(evaluateCelRules(se, withPorts({ '-tcp': 3306 })).map((f) => [f.path, f.message])).toEqual([['/endpoints/0/ports', 'port name must be valid']]);
  expect(evaluateCelRules(se, withPorts({ 'tcp-': 3306 })).map((f) => f.message)).toEqual(['port name must be valid']);
  expect(evaluateCelRules(se, withPorts({ 'tcp-2': 3306 }))).toEqual([]);
});

test('a rule that only tests a field with has() gives each object its own answer: absent, null and set differ', () => {
  const schema = { type: 'object', 'x-kubernetes-validations': [{ rule: '(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1', message: 'one of a or b' }] };
  const failures = (value: unknown) => evaluateCelRules(schema, value).map((f) => f.message);
  expect(failures({ a: 1 })).toEqual([]);
  expect(failures({ a: 2, b: 'x' })).toEqual(['one of a or b']);
  // Other values of the same fields, after the answers above are known.
  expect(failures({ a: { deep: [1] }, b: [] })).toEqual(['one of a or b']);
  expect(failures({ a: null, b: 'x' })).toEqual([]);
  expect(failures({ b: false })).toEqual([]);
  expect(failures({ a: 'y', b: null })).toEqual([]);
});

test('a rule on a scalar tells a string from a number with the same text', () => {
  // int-or-string: the same node holds 1 and "1", which CEL tells apart.
  const schema = { 'x-kubernetes-int-or-string': true, 'x-kubernetes-validations': [{ rule: 'self == 1', message: 'must be the number 1' }] };
  const failures = (value: unknown) => evaluateCelRules(schema, value).map((f) => f.message);
  expect(failures(1)).toEqual([]);
  expect(failures('1')).toEqual(['must be the number 1']);
  expect(failures(1)).toEqual([]);
  expect(failures(2)).toEqual(['must be the number 1']);
});

test('the same rule on an integer field and a number field answers by each field\'s type', () => {
  const rule = { rule: 'type(self) == int', message: 'must be an int' };
  const integer = { type: 'integer', 'x-kubernetes-validations': [rule] };
  const number = { type: 'number', 'x-kubernetes-validations': [rule] };
  expect(evaluateCelRules(integer, 5)).toEqual([]);
  expect(evaluateCelRules(number, 5).map((f) => f.message)).toEqual(['must be an int']);
  const fields = (type: string) => ({ type: 'object', properties: { n: { type } }, 'x-kubernetes-validations': [{ rule: 'type(self.n) == int', message: 'n must be an int' }] });
  expect(evaluateCelRules(fields('integer'), { n: 5 })).toEqual([]);
  expect(evaluateCelRules(fields('number'), { n: 5 }).map((f) => f.message)).toEqual(['n must be an int']);
});

test('a rule that iterates a map\'s keys answers by its keys; one that reads its values too answers by its values', () => {
  const map = (rule: string) => ({ type: 'object', additionalProperties: { type: 'integer' }, 'x-kubernetes-validations': [{ rule, message: rule }] });
  const keysOnly = map('self.all(k, k.startsWith("a"))');
  expect(evaluateCelRules(keysOnly, { a: 1 })).toEqual([]);
  expect(evaluateCelRules(keysOnly, { a: -5 })).toEqual([]);
  expect(evaluateCelRules(keysOnly, { b: 1 }).length).toBe(1);
  expect(evaluateCelRules(keysOnly, { a: 1, b: 1 }).length).toBe(1);
  const values = map('self.all(k, self[k] > 0)');
  expect(evaluateCelRules(values, { a: 1 })).toEqual([]);
  expect(evaluateCelRules(values, { a: -1 }).length).toBe(1);
  const list = { type: 'array', items: { type: 'integer' }, 'x-kubernetes-validations': [{ rule: 'self.all(x, x > 0)', message: 'positive' }] };
  expect(evaluateCelRules(list, [1, 2])).toEqual([]);
  expect(evaluateCelRules(list, [1, -2]).map((f) => f.message)).toEqual(['positive']);
  expect(evaluateCelRules(list, [1, 2])).toEqual([]);
});

test('rules below a node are found in the value\'s order, a declared member never taking the rules of the other members', () => {
  const positive = { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self > 0', message: 'positive' }] };
  const schema = {
    type: 'object',
    // `free` is declared without a rule: the rule of the other members does not apply to it.
    properties: { free: { type: 'integer' }, list: { type: 'array', items: positive }, plain: { type: 'object', properties: { x: { type: 'string' } } } },
    additionalProperties: positive,
  };
  const found = (value: unknown) => evaluateCelRules(schema, value).map((f) => f.path);
  expect(found({ free: -1, plain: { x: 'a' } })).toEqual([]);
  expect(found({ b: -1, list: [1, -2, -3], a: -4, free: -5 })).toEqual(['/b', '/list/1', '/list/2', '/a']);
  expect(found({ list: [-1], other: 0 })).toEqual(['/list/0', '/other']);
});
