import { expect, test } from 'vitest';
import { admissionPolicyObjects, CertificateSource, CrossClusterLink, evaluateAdmissionPolicy, linkAdmissionPolicy } from '../../../lib';
import { celLiteral, CelData } from '../../../lib/core/admission/admission-policy';
import { readCelLiteral } from '../../../lib/core/admission/cel-literal-reader';
import { ledgerService } from '../../support/mesh-fixtures';

type Obj = Record<string, any>;

/** Whether CEL itself (@bufbuild/cel, parsing the text) finds the literal equal to the value read. */
async function celAgrees(text: string, value: unknown): Promise<boolean> {
  const cel = await import('@bufbuild/cel');
  return cel.plan(cel.celEnv({}), cel.parse(`(${text}) == read`))({ read: value as never }) === true;
}

test('a literal of data reads as the value CEL gives it: every variable of a link\'s policies, and awkward strings and numbers', async () => {
  const link = CrossClusterLink.build({
    name: 'ledger',
    certificates: CertificateSource.existingSecrets(),
    services: [ledgerService('mysql', 3306, { host: 'mysql.default.svc.cluster.local', port: 3306 }), ledgerService('pg', 5432, { host: 'pg.default.svc.cluster.local', port: 5432 })],
  });
  const variables = (['client', 'server'] as const).flatMap((side) => (admissionPolicyObjects(linkAdmissionPolicy(link, side))[0] as Obj).spec.variables as { expression: string }[]);
  expect(variables.length).toBeGreaterThan(4);
  const data: CelData[] = [
    "it's a \\ back'slash\\'",
    '',
    'ünïcødé ✓ and "double" quotes',
    0,
    9007199254740991,
    true,
    false,
    [],
    {},
    [[1, 'a'], { b: [true] }],
    { 'z-key': 1, 'a key': { nested: 'x' } },
  ];
  const texts = [...variables.map((v) => v.expression), ...data.map(celLiteral), ' { \'a\' :\n[ 1 ,2 ] } ', '9223372036854775807'];
  for (const text of texts) {
    const value = readCelLiteral(text);
    expect(value, text).toBeDefined();
    expect(await celAgrees(text, value), text).toBe(true);
  }
  // The check can fail: a different value is not equal.
  expect(await celAgrees("{'a': 1}", new Map([['a', 2n]]))).toBe(false);
});

test('anything but a literal of the written form is left to the CEL parser', () => {
  for (const text of [
    "'a\\n'", // another escape
    '"double"', // another quote
    "r'raw'",
    "b'bytes'",
    '1.5',
    '-1', // a negation
    '007',
    '9223372036854775808', // beyond int64
    '1u',
    '0x1F',
    '[1, 2,]', // a trailing comma
    "{'a': 1, 'a': 2}", // a repeated key: CEL refuses it
    '{1: 2}',
    '[1] // a comment',
    'request.name',
    "'a' + 'b'",
    '[1] == [1]',
    'null',
    'truth',
    '',
    "'unterminated",
  ]) {
    expect(readCelLiteral(text), text).toBeUndefined();
  }
});

test('variables that are not literals, and messages written by expressions, are evaluated as the API server does', () => {
  const request = { operation: 'CREATE' as const, object: { spec: { host: 'h.example' } }, resource: { group: 'networking.istio.io', version: 'v1', resource: 'destinationrules' }, namespace: 'ns', name: 'dr' };
  const policy = (variables: Obj[], validations: Obj[]) => ({ spec: { matchConstraints: { resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'], operations: ['*'] }] }, variables, validations } });
  // A variable read from the object, and one reading the one before it.
  const twice = [{ name: 'host', expression: 'object.spec.host' }, { name: 'hosts', expression: '[variables.host, variables.host]' }];
  expect(evaluateAdmissionPolicy(policy(twice, [{ expression: "variables.hosts == ['h.example', 'h.example']", message: 'm' }]), request).denials).toEqual([]);
  expect(evaluateAdmissionPolicy(policy(twice, [{ expression: "variables.host == 'other'", message: 'm', messageExpression: "'host ' + variables.host + ' of ' + request.name" }]), request).denials).toEqual(['host h.example of dr']);
  // A variable that cannot be evaluated fails the validations that read it (the policy fails closed), and no other.
  const failing = [{ name: 'missing', expression: 'object.spec.nothing' }];
  expect(evaluateAdmissionPolicy(policy(failing, [{ expression: "variables.missing == 'x'", message: 'reads it' }, { expression: 'true', message: 'does not' }]), request).denials).toEqual(['reads it']);
  // A message expression that fails, gives an empty string or a line break: the message.
  for (const messageExpression of ['object.spec.nothing', "''", "'  '", "'two\\nlines'", '1']) {
    expect(evaluateAdmissionPolicy(policy([], [{ expression: 'false', message: 'the message', messageExpression }]), request).denials, messageExpression).toEqual(['the message']);
  }
});
