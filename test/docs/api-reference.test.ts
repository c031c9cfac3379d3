import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string | { types: string }> };
const typedoc = JSON.parse(fs.readFileSync(path.join(root, 'typedoc.json'), 'utf8')) as {
  entryPoints: string[];
  categoryOrder: string[];
  excludeInternal: boolean;
  treatWarningsAsErrors: boolean;
};

/** Each public entry point of package.json `exports`: its import name and its source. */
const entryPoints = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object')
  .map(([subpath, target]) => ({
    name: `${pkg.name}${subpath.slice(1)}`,
    source: (target as { types: string }).types.replace(/^\.\/build\//, 'lib/').replace(/\.d\.ts$/, '.ts'),
  }));

test('the API reference has one module per entry point of package.json, named as a consumer imports it', () => {
  expect(typedoc.entryPoints).toEqual(entryPoints.map((e) => e.source));
  for (const e of entryPoints) expect(fs.readFileSync(path.join(root, e.source), 'utf8'), e.source).toMatch(new RegExp(`^ \\* @module ${e.name}$`, 'm'));
  // Internals stay out, and a warning (a public declaration naming a hidden type, a broken link) fails the build.
  expect(typedoc.excludeInternal).toBe(true);
  expect(typedoc.treatWarningsAsErrors).toBe(true);
});

test('every public symbol of every entry point is in one category of the reference, or marked @internal', () => {
  // The library's own files only: what an entry point exports is declared in lib/, and the doc
  // comments are all that is read (the peers' declarations, azure-native's above all, are not needed).
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(config.fileNames, { ...config.options, noResolve: true, types: [] });
  const checker = program.getTypeChecker();
  const categories = new Set(typedoc.categoryOrder.filter((c) => c !== '*'));
  const problems: string[] = [];
  const categorized = new Map<string, number>();
  const perEntryPoint = new Map<string, number>();
  for (const e of entryPoints) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(path.join(root, e.source))!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations![0];
      const tags = ts.getJSDocTags(declaration);
      if (tags.some((t) => t.tagName.text === 'internal')) continue;
      const named = tags.filter((t) => t.tagName.text === 'category').map((t) => ts.getTextOfJSDocComment(t.comment)?.trim() ?? '');
      const where = `${e.name}: ${exported.name} (${path.relative(root, declaration.getSourceFile().fileName)})`;
      if (named.length !== 1) problems.push(`${where} has ${named.length} @category tags`);
      else if (!categories.has(named[0])) problems.push(`${where} is in "${named[0]}", not a category of typedoc.json categoryOrder`);
      else {
        categorized.set(named[0], (categorized.get(named[0]) ?? 0) + 1);
        perEntryPoint.set(e.name, (perEntryPoint.get(e.name) ?? 0) + 1);
      }
    }
  }
  expect(problems).toEqual([]);
  // Each entry point's exports were read (a module that resolved to nothing would pass the loop).
  expect([...perEntryPoint.keys()].sort()).toEqual(entryPoints.map((e) => e.name).sort());
  // Every category of the order holds something: none is left over from a rename.
  expect([...categories].filter((c) => !categorized.has(c))).toEqual([]);
}, 120_000);
