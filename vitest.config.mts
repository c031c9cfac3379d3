import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The examples import the package by its name (`secure-aks`, `secure-aks/pulumi`, ...), as a
// user's project does; here each name is the source of its entry point, as tsconfig.json's
// `paths` map it for tsc and tsx.
const root = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
const entryPoints = Object.keys(pkg.exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => ({
    find: new RegExp(`^secure-aks${subpath.slice(1).replace('/', '\\/')}$`),
    replacement: path.join(root, 'lib', subpath.slice(2), 'index.ts'),
  }));

export default defineConfig({
  resolve: { alias: entryPoints },
  test: {
    include: ['test/**/*.test.ts'],
    // One fixed date for the date-dependent warning (the Istio add-on revision's end of life).
    setupFiles: ['test/support/fixed-clock.ts'],
    // Pulumi mock tests load @pulumi/azure-native modules on first use.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
