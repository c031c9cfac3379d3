import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { ISTIO_SCHEMA_VERSION, PINNED_VERSIONS } from '../../../lib';
import { meshPrerequisites } from '../../../lib/core/platform/mesh-prerequisites';

// The istiod chart's default values at the pinned release, vendored by scripts/vendor-istio.sh.
const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'istio-helm-values');
const source = fs.readFileSync(path.join(fixtures, 'SOURCE.md'), 'utf8');
const chartDefaults = parse(fs.readFileSync(path.join(fixtures, 'istiod-values.yaml'), 'utf8'))._internal_defaults_do_not_set as Record<string, unknown>;

type Values = Record<string, unknown>;
const isObject = (v: unknown): v is Values => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The paths of `values` the chart has no default for. The chart copies
 * everything under `pilot` to the top level (templates/zzy_descope_legacy.yaml),
 * so `pilot.x` is checked as `x`. Below a default that is an empty map
 * (`env: {}`), and below `meshConfig` (Istio's MeshConfig API, not the chart's:
 * https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/), any key is
 * the user's: the walk stops there.
 */
function unknownPaths(values: Values, defaults: Values, prefix = ''): string[] {
  const { pilot, ...rest } = values;
  const flattened = prefix === '' && isObject(pilot) ? { ...rest, ...pilot } : values;
  return Object.entries(flattened).flatMap(([key, value]) => {
    const at = `${prefix}${key}`;
    if (!(key in defaults)) return [at];
    const d = defaults[key];
    if (at === 'meshConfig' || !isObject(value) || !isObject(d) || Object.keys(d).length === 0) return [];
    return unknownPaths(value, d, `${at}.`);
  });
}

test('the vendored istiod values are those of the release the schemas come from, of the pinned Istio minor', () => {
  // The pin is a later patch of the same minor (docs/platform.md says why); the values are read at the schemas' tag.
  expect(PINNED_VERSIONS.istio.split('.').slice(0, 2)).toEqual(ISTIO_SCHEMA_VERSION.split('.').slice(0, 2));
  expect(source).toContain(`| istio/istio | ${ISTIO_SCHEMA_VERSION} |`);
});

test('every istiod value the platform sets is one the pinned chart reads', () => {
  const istiod = meshPrerequisites('openSourceIstio', PINNED_VERSIONS).find((c) => c.name === 'istiod')!;
  expect(istiod.version).toBe(PINNED_VERSIONS.istio);
  expect(unknownPaths(istiod.values as Values, chartDefaults)).toEqual([]);
  // The check can fail: a misspelt or removed key is reported with its path.
  expect(unknownPaths({ pilot: { envv: {} }, meshConfigg: {} }, chartDefaults)).toEqual(['meshConfigg', 'envv']);
  expect(unknownPaths({ global: { istioNamespacee: 'x' } }, chartDefaults)).toEqual(['global.istioNamespacee']);
});
