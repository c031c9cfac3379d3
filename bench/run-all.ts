/** `npm run bench`: every benchmark, offline, printing figures and ratios. */
import { run as auditScale } from './audit-scale.bench';
import { run as estate } from './estate.bench';
import { run as installFootprint } from './install-footprint.bench';
import { run as policyPack } from './policy-pack.bench';
import { run as pulumiEval } from './pulumi-eval.bench';
import { run as startup } from './startup.bench';
import { run as synthScale } from './synth-scale.bench';
import { run as wholeProcess } from './whole-process.bench';

async function main(): Promise<void> {
  process.stdout.write(`# secure-aks benchmarks (node ${process.version}, ${require('node:os').cpus().length} cores)\n\n## Synth at scale\n`);
  synthScale();
  process.stdout.write('\n## Pulumi program evaluation (setMocks)\n');
  await pulumiEval();
  process.stdout.write('\n## The policy pack on a stack of 50 clusters, as Pulumi\'s analyzer runs it\n');
  await policyPack();
  process.stdout.write('\n## Whole processes, as a user runs them\n');
  wholeProcess();
  process.stdout.write('\n## An estate, as a user synthesizes it\n');
  estate();
  process.stdout.write('\n## secure-aks audit of a tenant (Azure Resource Graph export)\n');
  auditScale();
  process.stdout.write('\n## Start-up\n');
  startup();
  process.stdout.write('\n## Install footprint\n');
  installFootprint();
}

void main();
