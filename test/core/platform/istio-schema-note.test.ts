import { expect, test } from 'vitest';
import { ISTIO_DEFAULT_RELEASE, ISTIO_SCHEMA_VERSION } from '../../../lib';
import { istioSchemaNote } from '../../../lib/core/platform/istio-schema-note';

test('the default pin says which schemas its objects are checked against, why, and what is unchecked', () => {
  const note = istioSchemaNote(ISTIO_DEFAULT_RELEASE).join('\n');
  expect(ISTIO_DEFAULT_RELEASE).not.toBe(ISTIO_SCHEMA_VERSION);
  expect(note).toContain(`checked against the CRD schemas of Istio ${ISTIO_SCHEMA_VERSION}, not of the ${ISTIO_DEFAULT_RELEASE} installed`);
  expect(note).toContain(`istio/istio ${ISTIO_SCHEMA_VERSION} (`);
  expect(note).toContain('is unchecked');
  expect(note).toContain('ISTIO-SECURITY-2026-006');
  expect(note).toContain(`has no ${ISTIO_DEFAULT_RELEASE} tag`);
  expect(note).toContain('release-1.30');
});

test('a pin of the schemas\' own release says so; a pin of another minor makes no claim about the release branch', () => {
  expect(istioSchemaNote(ISTIO_SCHEMA_VERSION).join('\n')).toContain(`the release installed`);
  const other = istioSchemaNote('1.31.1').join('\n');
  expect(other).toContain('not of the 1.31.1 installed');
  expect(other).not.toContain('release-1.30');
  expect(other).not.toContain('ISTIO-SECURITY-2026-006');
});
