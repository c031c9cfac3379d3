/**
 * Compiles the strict JSON Schema validators of every CRD kind the library
 * checks (Istio networking, cert-manager, Calico's FelixConfiguration) into
 * standalone code with ajv, once, here: the library loads the compiled
 * functions instead of compiling the schemas on every run.
 *
 * Usage: npx tsx scripts/compile-schema-validators.ts   (npm run generate:validators)
 * Writes lib/core/kubernetes/schema-validators.generated.js; a test fails when it is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compiledValidatorsSource, COMPILED_VALIDATORS_FILE } from '../lib/core/kubernetes/compile-schema-validators';

const out = path.resolve(__dirname, '..', COMPILED_VALIDATORS_FILE);
fs.writeFileSync(out, compiledValidatorsSource());
console.log(`wrote ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);
