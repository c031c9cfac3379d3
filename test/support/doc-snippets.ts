import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { markdownCodeBlocks } from './markdown-code-blocks';

/** A Markdown page whose TypeScript blocks are checked. */
export interface DocPage {
  /** The page's path, as problems name it (`docs/trust.md`). */
  readonly name: string;
  readonly text: string;
}

/** A snippet that a user could not paste: where it is in its page, and why. */
export interface SnippetProblem {
  readonly page: string;
  readonly line: number;
  readonly message: string;
}

/** One module of the consumer project: a block, with the `continued` blocks after it. */
interface SnippetModule {
  readonly page: string;
  readonly file: string;
  /** Each block's first line in the module (0-based) and in its page (1-based). */
  readonly parts: { readonly moduleLine: number; readonly pageLine: number }[];
  text: string;
}

/**
 * How blocks are marked in the docs:
 * - ```` ```ts ```` is a whole module a user can paste into a project that has the package and its peers;
 * - ```` ```ts continued ```` continues the page's previous `ts` block (same module: it uses its names);
 * - ```` ```ts fragment ```` is not compiled; the line before it must say why (`<!-- fragment: ... -->`).
 * A block that follows a link to an example file (`[examples/<name>/<file>.ts](...)`) is written as
 * `<name>/<file>.ts`, so the example's own relative imports resolve; no other block imports by path.
 */
export function snippetModules(pages: readonly DocPage[]): { modules: SnippetModule[]; problems: SnippetProblem[] } {
  const modules: SnippetModule[] = [];
  const problems: SnippetProblem[] = [];
  for (const page of pages) {
    let previous: SnippetModule | undefined;
    for (const block of markdownCodeBlocks(page.text).filter((b) => b.language === 'ts' || b.language === 'typescript')) {
      const problem = (message: string) => problems.push({ page: page.name, line: block.line, message });
      const unknownFlags = block.flags.filter((f) => f !== 'continued' && f !== 'fragment');
      if (unknownFlags.length > 0) problem(`unknown marker "${unknownFlags.join(' ')}": write \`ts\`, \`ts continued\` or \`ts fragment\``);
      if (block.flags.includes('fragment')) {
        if (!/^<!-- fragment: \S.* -->$/.test(block.lineBefore)) problem('a `ts fragment` block needs its reason on the line before it: <!-- fragment: why it cannot be a whole module -->');
        continue;
      }
      const example = /\[examples\/([\w-]+\/[\w-]+\.ts)\]\(/.exec(block.lineBefore)?.[1];
      for (const specifier of importedSpecifiers(block.body)) {
        if (/(^|\/)(lib|build)\//.test(specifier) || (specifier.startsWith('.') && !example)) {
          problem(`imports "${specifier}": import from the package's entry points (secure-aks, secure-aks/pulumi, ...) as a user does`);
        }
      }
      if (block.flags.includes('continued')) {
        if (!previous) {
          problem('a `ts continued` block has no `ts` block before it on its page');
          continue;
        }
        previous.parts.push({ moduleLine: previous.text.split('\n').length - 1, pageLine: block.line });
        previous.text += block.body;
        continue;
      }
      previous = {
        page: page.name,
        file: example ?? `${page.name.replace(/\.md$/, '').replace(/[^\w-]+/g, '-')}/line-${block.line}.ts`,
        parts: [{ moduleLine: 0, pageLine: block.line }],
        text: block.body,
      };
      modules.push(previous);
    }
  }
  return { modules, problems };
}

/** The module specifiers a block imports (static imports and re-exports, `require`, `import()`). */
function importedSpecifiers(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/**
 * Writes every page's snippets into `workDir` as a consumer project (the repository's
 * node_modules, and the package's name mapped to the source of each entry point of
 * package.json `exports`), and type-checks them as one program with the tsconfig
 * `pulumi new typescript` writes (strict). Only the snippets are reported.
 */
export function typeCheckDocSnippets(pages: readonly DocPage[], root: string, workDir: string): SnippetProblem[] {
  const { modules, problems } = snippetModules(pages);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
  for (const m of modules) {
    const file = path.join(workDir, m.file);
    if (fs.existsSync(file)) throw new Error(`two snippets would be written to ${m.file}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, m.text);
  }
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    moduleDetection: ts.ModuleDetectionKind.Force,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
    paths: packageEntryPoints(root),
  };
  const program = ts.createProgram(
    modules.map((m) => path.join(workDir, m.file)),
    options,
  );
  for (const m of modules) {
    const source = program.getSourceFile(path.join(workDir, m.file))!;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const moduleLine = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
      const part = [...m.parts].reverse().find((p) => p.moduleLine <= moduleLine)!;
      problems.push({ page: m.page, line: part.pageLine + moduleLine - part.moduleLine, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
  }
  return problems;
}

/** `secure-aks`, `secure-aks/pulumi`, ...: each subpath of package.json `exports`, mapped to its source. */
function packageEntryPoints(root: string): Record<string, string[]> {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string | { types?: string }> };
  return Object.fromEntries(
    Object.entries(pkg.exports)
      .filter(([subpath, target]) => typeof target === 'object' && target.types !== undefined && subpath.startsWith('.'))
      .map(([subpath, target]) => [
        `${pkg.name}${subpath.slice(1)}`,
        [path.join(root, (target as { types: string }).types.replace(/^\.\/build\//, 'lib/').replace(/\.d\.ts$/, '.ts'))],
      ]),
  );
}
