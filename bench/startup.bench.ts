/**
 * Start-up: time and peak memory to load the package's entry point (compiled,
 * as consumers load it), against loading only its peer dependencies, each in
 * a fresh Node process.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ratio } from './bench-util';

const ROOT = path.resolve(__dirname, '..');
const PEERS = ['constructs', 'cdk8s', 'cdk8s-plus-28', '@pulumi/pulumi', '@pulumi/azure-native', '@pulumi/kubernetes'];

function load(modules: string[], runs = 7): { ms: number; rssMb: number } {
  const script = `const t=process.hrtime.bigint();${modules.map((m) => `require(${JSON.stringify(m)});`).join('')}const d=Number(process.hrtime.bigint()-t)/1e6;process.stdout.write(JSON.stringify({ms:d,rss:process.resourceUsage().maxRSS}))`;
  const results: { ms: number; rss: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    results.push(JSON.parse(r.stdout));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(results.map((r) => r.ms)), rssMb: median(results.map((r) => r.rss)) / 1024 };
}

export function run(): { peers: ReturnType<typeof load>; library: ReturnType<typeof load> } {
  const peers = load(PEERS);
  const library = load([...PEERS, path.join(ROOT, 'build', 'index.js')]);
  process.stdout.write(`peers only: ${peers.ms.toFixed(0)} ms, ${peers.rssMb.toFixed(0)} MB; peers + secure-aks: ${library.ms.toFixed(0)} ms, ${library.rssMb.toFixed(0)} MB\n`);
  process.stdout.write(`${ratio('start-up time', library.ms / peers.ms, 1.2)}\n${ratio('start-up peak memory', library.rssMb / peers.rssMb, 1.2)}\n`);
  return { peers, library };
}

if (require.main === module) run();
