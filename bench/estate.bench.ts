/**
 * An estate as a user synthesizes it: `secure-aks synth` of N clusters and M
 * links (every check on: each cluster and link, the estate-wide checks, the
 * analyzer, the strict Kubernetes and Flux schemas), in fresh processes with
 * start-up included, against a process that writes the identical files by
 * hand (bare cdk8s ApiObjects for the Kubernetes files, plain JSON for the
 * templates, the reports as text).
 *
 * Targets: 50 clusters and 1,000 links at most 1.8 times the bare process;
 * time(50 clusters) / time(10 clusters) at most 5.5 (links grow with clusters).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ratio } from './bench-util';

const ROOT = path.resolve(__dirname, '..');
const PROCESSES = path.join(__dirname, 'processes');

/** Median wall time of `runs` fresh `node` processes. */
function processes(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Every file under `dir`, by relative path: YAML as objects, JSON parsed, the rest as text. */
function filesOf(dir: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseAllDocuments } = require('yaml') as typeof import('yaml');
  const out: Record<string, unknown> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const rel = path.relative(dir, full);
        const text = fs.readFileSync(full, 'utf8');
        out[rel] = rel.endsWith('.yaml') ? parseAllDocuments(text).map((doc) => doc.toJSON()) : rel.endsWith('.json') ? JSON.parse(text) : text;
      }
    }
  };
  walk(dir);
  return out;
}

/** Whether two output folders hold byte-identical files. */
function identical(a: string, b: string): boolean {
  const list = (d: string): string[] => fs.readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(d, path.join(e.parentPath, e.name))).sort();
  const la = list(a);
  return JSON.stringify(la) === JSON.stringify(list(b)) && la.every((f) => fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))));
}

export interface EstateBenchResults {
  readonly at10: { library: number; bare: number };
  readonly at50: { library: number; bare: number };
}

export function run(runs = 3): EstateBenchResults {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-estate-bench-'));
  try {
    const size = (clusters: number, links: number) => {
      const out = path.join(tmp, `lib-${clusters}`);
      const lib = [path.join(PROCESSES, 'estate-synth.js'), String(clusters), String(links), out];
      processes(lib, 1);
      const fixture = path.join(tmp, `files-${clusters}.json`);
      fs.writeFileSync(fixture, JSON.stringify(filesOf(path.join(out, 'estate'))));
      const bareOut = path.join(tmp, `bare-${clusters}`);
      const result = { library: processes(lib, runs), bare: processes([path.join(PROCESSES, 'bare-estate.js'), fixture, bareOut], runs) };
      process.stdout.write(
        `estate of ${clusters} clusters and ${links} links: library ${result.library.toFixed(0)} ms, by hand ${result.bare.toFixed(0)} ms (identical files: ${identical(path.join(out, 'estate'), bareOut)})\n`,
      );
      return result;
    };
    const at10 = size(10, 200);
    const at50 = size(50, 1000);
    process.stdout.write(`${ratio('estate synth, 50 clusters and 1,000 links, library vs by hand', at50.library / at50.bare, 1.8)}\n`);
    process.stdout.write(`${ratio('estate synth, time(50 clusters) / time(10 clusters): at most linear (5.0)', at50.library / at10.library, 5.5)}\n`);
    return { at10, at50 };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) run();
