import { expect, test } from 'vitest';
import { admissionEvaluator, createRequestOf, evaluateAdmissionPolicy, updateRequestOf } from '../../../lib/core/admission/admission-evaluation';
import { admissionPolicyObjects } from '../../../lib/core/admission/admission-policy';
import { linkAdmissionPolicies } from '../../../lib/core/mesh/link-admission-policy';
import { mysqlLink } from '../../support/mesh-fixtures';

test('one request evaluated against several policies decides as each policy evaluated on its own', () => {
  const link = mysqlLink();
  const policies = (['client', 'server'] as const).flatMap((side) => linkAdmissionPolicies(link, side)).map((spec) => admissionPolicyObjects(spec)[0]);
  const objects = [...link.clientObjects(), ...link.serverObjects()];
  // Each object as written, and with its TLS settings and ports weakened.
  const weakened = objects.map((o) => JSON.parse(JSON.stringify(o).replace(/"(ISTIO_)?MUTUAL"/g, '"DISABLE"').replace(/"STRICT"/g, '"PERMISSIVE"').replace(/13306/g, '13307')) as typeof o);
  const requests = [...objects, ...weakened].flatMap((o, i) => [createRequestOf(o), updateRequestOf(objects[i % objects.length], o)]);
  let denied = 0;
  for (const request of requests) {
    const evaluate = admissionEvaluator(request);
    for (const policy of policies) {
      const decision = evaluate(policy);
      expect(decision).toEqual(evaluateAdmissionPolicy(policy, request));
      denied += decision.denials.length;
    }
  }
  expect(policies.length).toBeGreaterThanOrEqual(2);
  expect(denied).toBeGreaterThan(0);
});

test('a request that no validation concerns is admitted without reading the variables; one that a validation concerns reads them', () => {
  const policy = (validations: { expression: string; message: string }[]) => ({
    spec: {
      failurePolicy: 'Fail',
      matchConstraints: { resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*'], operations: ['CREATE'] }] },
      // A variable that cannot be evaluated: a validation reading it fails, and denies.
      variables: [{ name: 'broken', expression: 'object.spec.missing.deeper' }],
      validations,
    },
  });
  const request = createRequestOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'b' } });
  expect(evaluateAdmissionPolicy(policy([]), request)).toEqual({ matched: true, denials: [] });
  expect(evaluateAdmissionPolicy(policy([{ expression: 'variables.broken == 1', message: 'reads the variable' }]), request)).toEqual({ matched: true, denials: ['reads the variable'] });
  expect(evaluateAdmissionPolicy(policy([{ expression: 'true', message: 'holds' }]), request)).toEqual({ matched: true, denials: [] });
});

test('the resource of a request is the plural the API serves, the same for every object of a kind', () => {
  const resource = (kind: string) => createRequestOf({ apiVersion: 'networking.istio.io/v1', kind, metadata: { name: 'x' } }).resource.resource;
  expect(['ServiceEntry', 'Gateway', 'DestinationRule', 'Policy', 'Ingress', 'ServiceEntry'].map(resource)).toEqual(['serviceentries', 'gateways', 'destinationrules', 'policies', 'ingresses', 'serviceentries']);
  expect(resource('Gateway')).toBe('gateways');
});
