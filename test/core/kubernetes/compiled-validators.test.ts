import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { StrictSchemaValidator } from '../../../lib';
import { compiledValidatorSources, COMPILED_VALIDATORS_DIR, shippedSchemas } from '../../../lib/core/kubernetes/compile-schema-validators';

test('the compiled validators are those of the shipped schemas, one module each (npm run generate:validators)', () => {
  const dir = path.resolve(__dirname, '../../..', COMPILED_VALIDATORS_DIR);
  const expected = compiledValidatorSources();
  expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
  for (const [file, source] of Object.entries(expected)) {
    expect(fs.readFileSync(path.join(dir, file), 'utf8') === source, `${file} is stale: run npm run generate:validators`).toBe(true);
  }
});

test('every shipped schema has a compiled validator, and it judges as a validator compiled from the schema does', () => {
  const shipped = StrictSchemaValidator.shipped();
  const fresh = new StrictSchemaValidator();
  const unknownField = { apiVersion: 'x/v1', kind: 'X', metadata: { name: 'a' }, spec: { notAField: true } };
  for (const [key, schema] of Object.entries(shippedSchemas())) {
    expect(shipped.has(key), key).toBe(true);
    fresh.register(key, schema);
    expect(shipped.validate(key, unknownField), key).toEqual(fresh.validate(key, unknownField));
    expect(shipped.validate(key, unknownField).length, key).toBeGreaterThan(0);
  }
});
