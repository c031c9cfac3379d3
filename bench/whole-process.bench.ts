/**
 * Whole processes, as a user runs them: each figure is the median wall time
 * (and peak memory) of fresh `node` processes, start-up included, never
 * repeated synths in one warm process. Run on the compiled package (`build/`).
 *
 * - synth: `cdk8s synth` of 1,000 services on one gateway pair with the library
 *   (analyzer, strict schemas and admission policies on), against a process
 *   that emits the identical objects as bare cdk8s ApiObjects (alone with the
 *   argument `synth`);
 * - links: one link per service, 100 against 300 links (growth should be linear);
 * - start-up: loading the cdk8s entry against loading cdk8s, cdk8s-plus-28 and
 *   constructs alone; loading the Pulumi entry against loading exactly the
 *   peers it imports.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ratio } from './bench-util';

const ROOT = path.resolve(__dirname, '..');
const PROCESSES = path.join(__dirname, 'processes');

interface Run {
  readonly ms: number;
  readonly rssMb: number;
}

/** Median wall time and peak RSS of `runs` fresh processes of `node args`. */
function processes(args: string[], runs: number): Run {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', `process.on('exit',()=>process.stderr.write('\\nRSS '+process.resourceUsage().maxRSS));process.argv.splice(1,1);require(${JSON.stringify(args[0])})`, 'x', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    const rss = Number(/RSS (\d+)/.exec(r.stderr)![1]) / 1024;
    results.push({ ms, rssMb: rss });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(results.map((r) => r.ms)), rssMb: median(results.map((r) => r.rssMb)) };
}

/** Reads the charts of a synth output folder back as objects, by chart file. */
function objectsOf(outdir: string): Record<string, unknown[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseAllDocuments } = require('yaml') as typeof import('yaml');
  const charts: Record<string, unknown[]> = {};
  for (const f of fs.readdirSync(outdir).sort()) {
    charts[f.replace(/\.k8s\.yaml$/, '')] = parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJSON());
  }
  return charts;
}

export interface WholeProcessResults {
  readonly synth: { library: Run; bare: Run };
  readonly links: { at100: { library: Run; bare: Run }; at300: { library: Run; bare: Run } };
  readonly startup: { cdk8sPeers: Run; cdk8sEntry: Run; pulumiPeers: Run; pulumiEntry: Run };
}

const lib = path.join(PROCESSES, 'library-synth.js');
const bareScript = path.join(PROCESSES, 'bare-synth.js');

/** The synth figure: 1,000 services on one gateway pair, the library against bare cdk8s writing the identical objects. */
function synthFigure(tmp: string, runs: number): WholeProcessResults['synth'] {
  // The identical objects, from one library synth.
  processes([lib, 'services', '1000', path.join(tmp, 'lib')], 1);
  const objectsFile = path.join(tmp, 'objects.json');
  fs.writeFileSync(objectsFile, JSON.stringify(objectsOf(path.join(tmp, 'lib'))));
  const library = processes([lib, 'services', '1000', path.join(tmp, 'lib')], runs);
  const bare = processes([bareScript, objectsFile, path.join(tmp, 'bare')], runs);
  const same = JSON.stringify(objectsOf(path.join(tmp, 'lib'))) === JSON.stringify(objectsOf(path.join(tmp, 'bare')));
  process.stdout.write(`synth, 1,000 services on one gateway pair: library ${library.ms.toFixed(0)} ms, bare cdk8s ${bare.ms.toFixed(0)} ms (identical objects: ${same})\n`);
  process.stdout.write(`${ratio('synth process, library vs bare cdk8s', library.ms / bare.ms, 1.6)}\n`);
  return { library, bare };
}

/** Only the synth figure (`tsx bench/whole-process.bench.ts synth`). */
export function runSynth(runs = 5): WholeProcessResults['synth'] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-bench-'));
  try {
    return synthFigure(tmp, runs);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function run(runs = 5): WholeProcessResults {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-bench-'));
  try {
    const { library, bare } = synthFigure(tmp, runs);

    // One link per service: 2 charts per link. cdk8s itself grows faster than linearly with the
    // number of charts, so each size is compared with bare cdk8s writing the same charts: the
    // library's own work grows linearly when that ratio stays flat.
    const linksRun = (n: number) => {
      const out = path.join(tmp, `links${n}`);
      processes([lib, 'links', String(n), out], 1);
      const file = path.join(tmp, `links${n}.json`);
      fs.writeFileSync(file, JSON.stringify(objectsOf(out)));
      return { library: processes([lib, 'links', String(n), out], runs), bare: processes([bareScript, file, path.join(tmp, `links${n}-bare`)], runs) };
    };
    const at100 = linksRun(100);
    const at300 = linksRun(300);
    const r100 = at100.library.ms / at100.bare.ms;
    const r300 = at300.library.ms / at300.bare.ms;
    process.stdout.write(
      `one link per service: 100 links ${at100.library.ms.toFixed(0)} ms (bare cdk8s ${at100.bare.ms.toFixed(0)} ms), 300 links ${at300.library.ms.toFixed(0)} ms (bare cdk8s ${at300.bare.ms.toFixed(0)} ms)\n`,
    );
    process.stdout.write(`${ratio('links, (library/bare at 300) / (library/bare at 100): the library\'s share grows linearly', r300 / r100, 1.1)}\n`);

    const load = (modules: string[]) => {
      const file = path.join(tmp, `load-${modules.length}-${Math.random().toString(36).slice(2)}.js`);
      fs.writeFileSync(file, modules.map((m) => `require(${JSON.stringify(m)});`).join('\n'));
      return processes([file], runs);
    };
    const cdk8sPeers = load(['constructs', 'cdk8s', 'cdk8s-plus-28'].map((m) => require.resolve(m)));
    const cdk8sEntry = load([...['constructs', 'cdk8s', 'cdk8s-plus-28'].map((m) => require.resolve(m)), path.join(ROOT, 'build', 'cdk8s', 'index.js')]);
    const pulumiPeerModules = ['@pulumi/pulumi', '@pulumi/azure-native/authorization', '@pulumi/azure-native/containerservice', '@pulumi/azure-native/monitor', '@pulumi/azure-native/network', '@pulumi/azure-native/resources', '@pulumi/kubernetes/core/v1', '@pulumi/kubernetes/helm/v3', '@pulumi/kubernetes/provider', '@pulumi/kubernetes/yaml/v2', 'cdk8s', 'cdk8s-plus-28', 'constructs'].map((m) => require.resolve(m));
    const pulumiPeers = load(pulumiPeerModules);
    const pulumiEntry = load([...pulumiPeerModules, path.join(ROOT, 'build', 'pulumi', 'index.js')]);
    const line = (name: string, a: Run, b: Run, what: string) =>
      `${name}: ${b.ms.toFixed(0)} ms / ${b.rssMb.toFixed(0)} MB against ${what} ${a.ms.toFixed(0)} ms / ${a.rssMb.toFixed(0)} MB\n${ratio(`${name}, time`, b.ms / a.ms, 1.2)}\n${ratio(`${name}, peak memory`, b.rssMb / a.rssMb, 1.2)}\n`;
    process.stdout.write(line('start-up of secure-aks/cdk8s', cdk8sPeers, cdk8sEntry, 'cdk8s, cdk8s-plus-28 and constructs alone'));
    process.stdout.write(line('start-up of secure-aks/pulumi', pulumiPeers, pulumiEntry, 'the peers it imports'));
    return { synth: { library, bare }, links: { at100, at300 }, startup: { cdk8sPeers, cdk8sEntry, pulumiPeers, pulumiEntry } };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  if (process.argv[2] === 'synth') runSynth();
  else run();
}
