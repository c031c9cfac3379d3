/**
 * Compiles the strict JSON Schema validators of every CRD kind the library
 * checks (Istio networking, cert-manager, Calico's FelixConfiguration) into
 * standalone code with ajv, once, here: the library loads the compiled
 * functions instead of compiling the schemas on every run.
 *
 * Usage: npx tsx scripts/compile-schema-validators.ts   (npm run generate:validators)
 * Writes one module per schema into lib/core/kubernetes/schema-validators/; a test fails when one is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compiledValidatorSources, COMPILED_VALIDATORS_DIR } from '../lib/core/kubernetes/compile-schema-validators';

const dir = path.resolve(__dirname, '..', COMPILED_VALIDATORS_DIR);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
for (const [file, source] of Object.entries(compiledValidatorSources())) {
  fs.writeFileSync(path.join(dir, file), source);
  console.log(`wrote ${path.relative(process.cwd(), path.join(dir, file))} (${source.length} bytes)`);
}
