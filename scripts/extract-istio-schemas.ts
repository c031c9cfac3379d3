/**
 * Extracts the OpenAPI schemas of the Istio networking kinds this library
 * emits from Istio's `crd-all.gen.yaml`, into lib/core/mesh/istio-crd-schemas.json,
 * which ships with the package (the analyzer validates against it at synth).
 *
 *   npx tsx scripts/extract-istio-schemas.ts <path to crd-all.gen.yaml> "<source description>"
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

const KINDS = ['Gateway', 'VirtualService', 'DestinationRule', 'ServiceEntry'];

/** Drops `description` texts: validation does not need them, the package is smaller. */
function withoutDescriptions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDescriptions);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([k, c]) => k !== 'description' || typeof c !== 'string')
      .map(([k, c]) => [k, withoutDescriptions(c)]),
  );
}

function main(file: string, source: string): void {
  const crds = parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((d) => d.toJSON())
    .filter((d) => d?.kind === 'CustomResourceDefinition' && d.spec?.group === 'networking.istio.io');
  const kinds: Record<string, { versions: string[]; spec: unknown }> = {};
  for (const kind of KINDS) {
    const crd = crds.find((c) => c.spec.names.kind === kind);
    if (!crd) throw new Error(`${kind} not found in ${file}`);
    const served = crd.spec.versions.filter((v: any) => v.served);
    const schemas = new Set(served.map((v: any) => JSON.stringify(v.schema.openAPIV3Schema.properties.spec)));
    if (schemas.size !== 1) throw new Error(`${kind}: served versions differ in schema`);
    kinds[kind] = { versions: served.map((v: any) => v.name).sort(), spec: withoutDescriptions(served[0].schema.openAPIV3Schema.properties.spec) };
  }
  const out = path.resolve(__dirname, '../lib/core/mesh/istio-crd-schemas.json');
  fs.writeFileSync(out, `${JSON.stringify({ source, kinds })}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}

main(process.argv[2], process.argv[3] ?? 'istio/istio manifests/charts/base/files/crd-all.gen.yaml');
