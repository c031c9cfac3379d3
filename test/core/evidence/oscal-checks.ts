import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMA = path.resolve(__dirname, '../../fixtures/oscal/oscal_assessment-results_schema.json');

let compiled: ValidateFunction | undefined;

/**
 * NIST's OSCAL 1.0.6 assessment-results JSON schema (draft-07), compiled once
 * by ajv's default (draft-07) dialect, its formats (date-time, uri,
 * uri-reference, email) checked by ajv-formats rather than ignored, and its
 * `\p{L}` patterns read as Unicode.
 * @see https://ajv.js.org/packages/ajv-formats.html
 */
export function oscalValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  }
  return compiled;
}

/** The schema's complaints about a document, as readable lines (none when valid). */
export function oscalProblems(document: unknown): string[] {
  const validate = oscalValidator();
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
