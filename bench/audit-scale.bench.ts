/**
 * `secure-aks audit` of an Azure Resource Graph export of 10,000 clusters, as
 * a user runs it (one fresh process, start-up included, the compiled CLI),
 * against a process that only parses the same file and visits every
 * property. Targets: at most 1.5 times the time and 2 times the peak memory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ratio } from './bench-util';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLE = path.join(ROOT, 'test/fixtures/aks-rest-examples/ManagedClustersCreate_Premium.json');

interface Run {
  readonly ms: number;
  readonly rssMb: number;
}

/**
 * Median wall time and peak RSS of fresh processes of `node script args`, the script run as the
 * main module (as its bin runs it), with a preload that reports the peak RSS at exit.
 */
function processes(preload: string, args: readonly string[], runs: number, expectedStatus: number): Run {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', preload, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== expectedStatus) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    results.push({ ms, rssMb: Number(/RSS (\d+)/.exec(r.stderr)![1]) / 1024 });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(results.map((r) => r.ms)), rssMb: median(results.map((r) => r.rssMb)) };
}

/** A Resource Graph export (`az graph query` output) of `n` clusters made from Microsoft's own example, each a little different. */
function graphExport(n: number): unknown {
  const body = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')).responses['200'].body as Record<string, any>;
  const data = Array.from({ length: n }, (_, i) => ({
    ...body,
    id: `/subscriptions/00000000-0000-0000-0000-${String(i % 97).padStart(12, '0')}/resourceGroups/rg-${i % 31}/providers/Microsoft.ContainerService/managedClusters/aks-${i}`,
    name: `aks-${i}`,
    type: 'microsoft.containerservice/managedclusters',
    properties: {
      ...body.properties,
      disableLocalAccounts: i % 2 === 0 ? true : null,
      apiServerAccessProfile: i % 3 === 0 ? { enablePrivateCluster: true } : { enablePrivateCluster: false, authorizedIPRanges: i % 5 === 0 ? [] : ['203.0.113.0/24'] },
    },
  }));
  return { count: n, data, skip_token: null, total_records: n };
}

export function run(clusters = 10_000, runs = 3): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-audit-bench-'));
  const file = path.join(dir, 'graph.json');
  fs.writeFileSync(file, JSON.stringify(graphExport(clusters)));
  const visit = path.join(dir, 'parse-and-visit.js');
  fs.writeFileSync(visit, `const fs=require('fs');const v=JSON.parse(fs.readFileSync(process.argv[2],'utf8'));let n=0;const walk=(x)=>{if(x&&typeof x==='object'){for(const k in x){n++;walk(x[k]);}}};walk(v);process.stdout.write(String(n)+'\\n');`);
  const preload = path.join(dir, 'rss-on-exit.js');
  fs.writeFileSync(preload, `process.on('exit',()=>process.stderr.write('\\nRSS '+process.resourceUsage().maxRSS));`);
  const baseline = processes(preload, [visit, file], runs, 0);
  // Exit 1: the export's clusters break rules, as real tenants' do.
  const audit = processes(preload, [path.join(ROOT, 'build/cli/main.js'), 'audit', file, '--output', path.join(dir, 'report.txt')], runs, 1);
  const report = path.join(dir, 'report.txt');
  if (!fs.readFileSync(report, 'utf8').includes(`# aks-${clusters - 1} `)) throw new Error('the report does not hold every cluster');
  // A floor, not a target: a process that only writes the audit's own report, already made, a cluster at a time
  // (the audit writes it the same way), timed from start-up like the others.
  const copy = path.join(dir, 'write-report.js');
  fs.writeFileSync(copy, `const fs=require('fs');const t=fs.readFileSync(process.argv[2],'utf8');const fd=fs.openSync(process.argv[3],'w');for(const c of t.split('\\n# '))fs.writeSync(fd,c+'\\n# ');fs.closeSync(fd);`);
  const writing = processes(preload, [copy, report, path.join(dir, 'copy.txt')], runs, 0);
  const mb = (fs.statSync(file).size / 1e6).toFixed(1);
  const reportMb = (fs.statSync(report).size / 1e6).toFixed(1);
  process.stdout.write(`audit of ${clusters} clusters (${mb} MB): ${audit.ms.toFixed(0)} ms, ${audit.rssMb.toFixed(0)} MB peak; parse and visit: ${baseline.ms.toFixed(0)} ms, ${baseline.rssMb.toFixed(0)} MB\n`);
  process.stdout.write(`only reading and writing the audit's text report (${reportMb} MB), made beforehand: ${writing.ms.toFixed(0)} ms, ${(writing.ms / baseline.ms).toFixed(2)}x parse and visit\n`);
  process.stdout.write(`${ratio('time', audit.ms / baseline.ms, 1.5)}\n${ratio('peak memory', audit.rssMb / baseline.rssMb, 2)}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) run();
