import { Yaml } from 'cdk8s';
import { afterEach, expect, test, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { yamlText } from '../../lib/synth/yaml-text';

afterEach(() => vi.restoreAllMocks());

/** A Kubernetes object as the library writes them: labels, a list of maps, ports, a CEL expression, a host wildcard. */
const OBJECT = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { labels: { 'app.kubernetes.io/managed-by': 'secure-aks' }, name: 'l0-egress', namespace: 'secure-aks-egress' },
  spec: {
    exportTo: ['.'],
    host: '*.c001.internal.example',
    trafficPolicy: {
      portLevelSettings: [{ port: { number: 15443 }, tls: { mode: 'MUTUAL', sni: 's0.c001.internal.example', insecureSkipVerify: false } }],
    },
    subsets: [],
    workloadSelector: {},
  },
  validations: [{ expression: "!(request.namespace in variables.keep) || object.spec.host == 's0'", messageExpression: "'[SAKS-MESH-025] ' + request.name + ' of \"l0\"'" }],
};

test('an object as the library writes it is the text cdk8s writes, without cdk8s\'s YAML writer', () => {
  const expected = Yaml.stringify(OBJECT, OBJECT);
  const stringify = vi.spyOn(Yaml, 'stringify');
  expect(yamlText(OBJECT, OBJECT)).toBe(expected);
  // Only the strings that are not plain words are written by YAML, each alone.
  expect(stringify.mock.calls.every((args) => args.length === 1 && typeof args[0] === 'string')).toBe(true);
});

test('what is not plain JSON is written by cdk8s, and the text is the same', () => {
  const shared = { a: 'b' };
  const docs = [
    undefined,
    null,
    'text',
    [],
    {},
    { value: null },
    { value: undefined },
    { value: 1.5 },
    { value: -0 },
    { value: Number.NaN },
    { value: 2 ** 60 },
    { value: 'two\nlines' },
    { value: 'carriage\rreturn' },
    { value: '--- marker' },
    { value: '%directive' },
    { value: '... end' },
    { twice: shared, again: shared },
    { list: [[1, 2], []] },
    { list: [{}, [], null] },
    { '80': 'a number as key' },
    { yes: 'a boolean as key' },
    { 'with space': 1, 'a: b': 2 },
    { ['k'.repeat(1100)]: 'a long key' },
    { date: new Date(0) },
    { nested: Object.create(null) },
  ];
  expect(yamlText(...docs)).toBe(Yaml.stringify(...docs));
});

test('every YAML 1.1 boolean and null word, number-like text and indicator is quoted as cdk8s quotes it', () => {
  const words = ['y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL', '~', ''];
  const numbers = ['0', '07', '0o7', '0x1F', '0b101', '1_000', '1:30', '1.5', '.5', '.', '-.inf', '.NaN', '1e3', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '10.10.64.0/18', '2160h', '+1', '-1'];
  const indicators = ['*', '*.example.com', '&a', '!tag', '|', '>', "'q'", '"q"', '%', '@', '`', '#c', '- a', '-', '?', '? a', ':', 'a:', 'a: b', 'a #b', 'a#b', 'trailing ', ' leading', '[a]', '{a}', 'a, b', "it's", 'say "hi"', `both ' and "`, 'tab\there', 'é', '\u0085', '\u00a0x', '<<', '=', 'a:b'];
  // Characters YAML escapes, in strings it would otherwise quote with single quotes.
  const escaped = ['"a"\u007f', '*"b"\u0085', '"c"\u0001', '"d"\ud800', 'back\\slash', '"e" \\u0041'];
  const values = [...words, ...numbers, ...indicators, ...escaped];
  const docs = [{ values }, ...values.map((value) => ({ value, nested: { list: [value, { value }] } }))];
  expect(yamlText(...docs)).toBe(Yaml.stringify(...docs));
});

test('random documents from plain JSON are the text cdk8s writes', () => {
  // A fixed seed: the same documents on every run.
  let seed = 20261207;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pieces = ['a', 'Z', '0', '1', '.', '-', '_', '/', ' ', ':', '#', "'", '"', '*', '{', '}', '[', ']', ',', '!', '&', '%', '?', '|', '>', '@', '`', '\\', 'yes', 'null', 'true', '~', '\t', 'é'];
  const text = (): string => Array.from({ length: 1 + next(6) }, () => pieces[next(pieces.length)]).join('');
  const value = (depth: number): unknown => {
    const kind = next(depth > 2 ? 4 : 7);
    if (kind === 0) return text();
    if (kind === 1) return next(2) === 0;
    if (kind === 2) return next(100000) - 50000;
    if (kind === 3) return ['plain', 'secure-aks', 'v1', 'a.b/c'][next(4)];
    if (kind === 4) return Array.from({ length: next(4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: next(4) }, () => [next(3) === 0 ? text() : `key${next(5)}`, value(depth + 1)]));
  };
  const docs = Array.from({ length: 400 }, () => Object.fromEntries(Array.from({ length: 1 + next(5) }, (_, i) => [`k${i}`, value(0)])));
  expect(yamlText(...docs)).toBe(Yaml.stringify(...docs));
});

test('every YAML file of the estate, cross-cluster and cluster examples is the text cdk8s writes for its documents', async () => {
  for (const example of ['estate', 'cross-cluster-mysql', 'acns-wireguard']) {
    const files = (await import(`../../examples/${example}/definition`)).default.artifacts({ evaluationDate: '2026-12-01' }) as Record<string, string>;
    const yamlFiles = Object.entries(files).filter(([name]) => name.endsWith('.yaml'));
    expect(yamlFiles.length).toBeGreaterThan(0);
    for (const [name, text] of yamlFiles) {
      const docs = parseAllDocuments(text).map((d) => d.toJSON());
      expect({ name, text }).toEqual({ name, text: Yaml.stringify(...docs) });
    }
  }
});
