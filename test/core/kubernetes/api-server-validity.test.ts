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

test('an admission policy whose CEL the API server would not compile is refused at the expression', () => {
  const policy = (variables: { name: string; expression: string }[], validations: { expression: string; messageExpression?: string }[]) => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: 'p' },
    spec: { matchConstraints: { resourceRules: [] }, variables, validations },
  });
  expect(findInvalidForApiServer([policy([{ name: 'hosts', expression: "{'a': 'a.example'}" }], [{ expression: 'request.name in variables.hosts', messageExpression: "'denied: ' + request.name" }])])).toEqual([]);
  const findings = findInvalidForApiServer([
    policy([{ name: 'entries', expression: "{'a': {'host': 'a.example', 'port': 443}}" }], [{ expression: "object.spec.x in [1, 'a']" }, { expression: 'true', messageExpression: "'a' +" }, { expression: 'object.spec.enabled' }]),
  ]);
  expect(findings.map((f) => [f.object, f.message])).toEqual([
    ['ValidatingAdmissionPolicy/p', expect.stringMatching(/^spec\.variables\[0\] \(entries\)\.expression: entry \['a'\]\['port'\] of the literal is int where the entries before it are string/)],
    ['ValidatingAdmissionPolicy/p', expect.stringMatching(/^spec\.validations\[0\]\.expression: the list element at character \d+ is string where the entries before it are int/)],
    ['ValidatingAdmissionPolicy/p', expect.stringMatching(/^spec\.validations\[1\]\.messageExpression: does not parse as CEL/)],
    ['ValidatingAdmissionPolicy/p', 'spec.validations[2].expression: evaluates to dyn, where Kubernetes requires bool'],
  ]);
  expect(findings[0].fix).toContain('one map per field');
});

test('a data object larger than etcd stores in one request is refused, one just under is not', () => {
  const configMap = (bytes: number) => {
    const o = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', namespace: 'ns' }, data: { blob: '' } };
    o.data.blob = 'x'.repeat(bytes - JSON.stringify(o).length);
    return o;
  };
  expect(findInvalidForApiServer([configMap(1.5 * 1024 * 1024)])).toEqual([]);
  expect(findInvalidForApiServer([configMap(1.5 * 1024 * 1024 + 1)]).map((f) => f.message)).toEqual([`is ${1.5 * 1024 * 1024 + 1} bytes as JSON, more than the 1.5 MiB etcd stores in one request`]);
});

test('label keys and values and annotation keys are checked wherever the API server checks them, in that order', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'gw', namespace: 'istio-egress', labels: { 'ok.example.com/app': 'gw', 'Bad Key': 'x', long: 'v'.repeat(64) }, annotations: { 'a..b/c': 'x', fine: 'y' } },
    spec: {
      selector: { matchLabels: { app: 'not valid!' } },
      template: { metadata: { labels: { app: 'gw', 'x/': 'y' }, annotations: { '-bad': 'z' } } },
    },
  };
  expect(findInvalidForApiServer([deployment]).map((f) => f.message)).toEqual([
    'label key "Bad Key" is not valid',
    `label long="${'v'.repeat(64)}" has a value that is not valid (at most 63 letters, digits, "-", "_" and ".")`,
    'spec.template.metadata.labels label key "x/" is not valid',
    'spec.selector.matchLabels label app="not valid!" has a value that is not valid (at most 63 letters, digits, "-", "_" and ".")',
    'annotation key "a..b/c" is not valid',
    'spec.template.metadata.annotations annotation key "-bad" is not valid',
  ]);
});

test('labels and annotations of an odd shape are read member by member, own members only', () => {
  const inherited = Object.create({ 'Inherited Key': 'x' }) as Record<string, unknown>;
  inherited.app = 'gw';
  const objects = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: inherited, annotations: null } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: ['Bad Value'], annotations: 'ab' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { n: 7 }, annotations: false } },
  ];
  expect(findInvalidForApiServer(objects).map((f) => `${f.object}: ${f.message}`)).toEqual([
    'ConfigMap/b: label 0="Bad Value" has a value that is not valid (at most 63 letters, digits, "-", "_" and ".")',
    'ConfigMap/c: label n="7" has a value that is not valid (at most 63 letters, digits, "-", "_" and ".")',
  ]);
});
