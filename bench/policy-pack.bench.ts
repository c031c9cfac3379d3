/**
 * The CrossGuard policy pack on a stack of 50 clusters, as Pulumi's policy
 * analyzer runs it (one fresh process, start-up included, the compiled
 * package): every resource policy on every resource and every stack policy on
 * its own copy of the stack, each resource's inputs behind the analyzer's
 * unknown-checking proxy. Against a process that makes one pass of every
 * cluster rule over the same resources. Target: at most 1.3 times.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { ApiServerAccess, HardenedClusterProps, PrivateDnsZone } from '../lib';
import { HardenedCluster } from '../lib/pulumi';
import { secureAksPolicies } from '../lib/policy';
import { BENCH_SUBSCRIPTION as SUB, installBenchMocks } from './bench-mocks';
import { ratio } from './bench-util';

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'build');

interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly props: Record<string, unknown>;
}

/** A platform team's clusters: private ones linked to the hub's zone, and some public ones behind authorized ranges. */
const props = (i: number): HardenedClusterProps => ({
  name: `c${i}`,
  location: 'westeurope',
  apiServerAccess:
    i % 5 === 4
      ? ApiServerAccess.public({ authorizedIpRanges: ['203.0.113.0/24'] })
      : ApiServerAccess.private({ dnsZone: PrivateDnsZone.create({ linkedVnetIds: [`/subscriptions/${SUB}/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub`] }) }),
});

/** The stack's resources as a preview gives them to the analyzer: each custom resource's type, name, URN and inputs. */
export async function recordStack(clusters: number): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  await installBenchMocks((args) => {
    if (args.custom !== false) recorded.push({ type: args.type, name: args.name, urn: `urn:pulumi:bench::bench::${args.type}::${args.name}`, props: args.inputs });
  });
  const outputs = Array.from({ length: clusters }, (_, i) => new HardenedCluster(`c${i}`, { ...props(i), resourceGroupName: `rg-${i}` }).clusterId);
  await new Promise<void>((resolve) => pulumi.all(outputs).apply(() => resolve()));
  // Registrations made after the outputs resolved (role assignments, diagnostic settings).
  await new Promise((r) => setTimeout(r, 200));
  return recorded;
}

/** The analyzer's loop, as `@pulumi/policy`'s server runs it, over the recorded stack. */
const PACK = `
const fs = require('fs');
const { unknownCheckingProxy } = require(${JSON.stringify(require.resolve('@pulumi/policy/proxy'))});
const { secureAksPolicies } = require(${JSON.stringify(path.join(BUILD, 'policy/index.js'))});
const { rememberInputs } = require(${JSON.stringify(path.join(BUILD, 'policy/seen-inputs.js'))});
const stack = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const config = { evaluationDate: '2026-12-01' };
const common = { stackTags: new Map(), getConfig: () => config, notApplicable: () => { throw new Error('not applicable'); } };
const resource = (r) => ({ type: r.type, name: r.name, urn: r.urn, props: unknownCheckingProxy(structuredClone(r.props)), opts: {}, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined });
let reported = 0;
const report = () => { reported++; };
const policies = secureAksPolicies();
if (process.argv[3] === 'all') {
  for (const r of stack) for (const p of policies) if (p.validateResource) p.validateResource({ ...resource(r), ...common }, report);
} else {
  // The stack policies alone: the analyzer has handed the resource policies each resource's inputs before,
  // which they keep for the stack policies (these are handed outputs); only that keeping is done here.
  for (const r of stack) rememberInputs(r.urn, resource(r).props);
}
for (const p of policies) if (p.validateStack) p.validateStack({ resources: stack.map(resource), ...common }, report);
process.stdout.write(String(reported) + '\\n');
`;

/**
 * One pass of the rules over the same resources, read the way the pack reads
 * them: the stack rules (argv[4] = stack) or every cluster rule (all). The
 * analyzer's copies of the inputs are made here too, as many as it makes for
 * the pack (argv[3]: one copy of the stack per stack policy, and with `all`
 * one copy of each resource per resource policy): they are CrossGuard's cost,
 * not the pack's, so both processes pay it.
 */
const SINGLE_PASS = `
const fs = require('fs');
const { unknownCheckingProxy } = require(${JSON.stringify(require.resolve('@pulumi/policy/proxy'))});
const { describePulumiStack } = require(${JSON.stringify(path.join(BUILD, 'policy/pulumi-stack-description.js'))});
const { evaluateClusterRules } = require(${JSON.stringify(path.join(BUILD, 'core/rules/evaluate-cluster-rules.js'))});
const { CLUSTER_RULES } = require(${JSON.stringify(path.join(BUILD, 'core/aks/cluster-rule-set.js'))});
const stack = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const [stackCopies, resourceCopies] = process.argv[3].split(',').map(Number);
const resource = (r) => ({ type: r.type, name: r.name, urn: r.urn, props: unknownCheckingProxy(structuredClone(r.props)) });
const copies = Array.from({ length: stackCopies }, () => stack.map(resource));
for (let i = 0; i < resourceCopies; i++) for (const r of stack) resource(r);
const rules = process.argv[4] === 'all' ? CLUSTER_RULES : CLUSTER_RULES.filter((r) => r.scope === 'deployment');
const { deployment } = describePulumiStack(copies[0]);
let findings = 0;
for (const cluster of deployment.clusters) for (const o of evaluateClusterRules(cluster, rules, { evaluationDate: '2026-12-01' })) findings += o.findings.length;
process.stdout.write(String(findings) + '\\n');
`;

/** Median wall time of fresh `node script stack.json ...extra` processes. */
function processes(script: string, stack: string, runs: number, ...extra: string[]): { ms: number; out: string } {
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [script, stack, ...extra], { cwd: ROOT, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${path.basename(script)}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    out = r.stdout.trim();
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(runs / 2)], out };
}

export async function run(clusters = 50, runs = 5): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-pack-bench-'));
  try {
    const stack = path.join(dir, 'stack.json');
    const recorded = await recordStack(clusters);
    fs.writeFileSync(stack, JSON.stringify(recorded));
    const pack = path.join(dir, 'pack.js');
    const single = path.join(dir, 'single-pass.js');
    fs.writeFileSync(pack, PACK);
    fs.writeFileSync(single, SINGLE_PASS);
    const policies = secureAksPolicies();
    const stackPolicies = policies.filter((p) => 'validateStack' in p).length;
    const resourcePolicies = policies.length - stackPolicies;
    // One copy of each resource besides the stack copies: the inputs the pack keeps for its stack policies.
    const stackBaseline = processes(single, stack, runs, `${stackPolicies},1`, 'stack');
    const stackPack = processes(pack, stack, runs, 'stack');
    const allBaseline = processes(single, stack, runs, `${stackPolicies},${resourcePolicies}`, 'all');
    const wholePack = processes(pack, stack, runs, 'all');
    process.stdout.write(`${clusters} clusters (${recorded.length} resources); ${stackPolicies} stack policies, ${resourcePolicies} resource policies\n`);
    process.stdout.write(`the stack policies: ${stackPack.ms.toFixed(0)} ms (${stackPack.out} reports); one pass of the stack rules: ${stackBaseline.ms.toFixed(0)} ms (${stackBaseline.out} findings)\n`);
    process.stdout.write(`${ratio('time', stackPack.ms / stackBaseline.ms, 1.3)}\n`);
    process.stdout.write(`the whole pack: ${wholePack.ms.toFixed(0)} ms (${wholePack.out} reports); one pass of every cluster rule: ${allBaseline.ms.toFixed(0)} ms (${allBaseline.out} findings); ${(wholePack.ms / allBaseline.ms).toFixed(2)}x\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
