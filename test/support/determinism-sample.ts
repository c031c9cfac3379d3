/**
 * Prints a digest of the templates of a fixed sample of generated cluster
 * definitions, and of every file of the estate example's synth (templates,
 * GitOps trees, reports). Run in a separate process by the determinism test.
 */
import { createHash } from 'node:crypto';
// The same fixed clock as the test process: the evidence holds every rule's verdict, date-dependent ones included.
import './fixed-clock';
import * as fc from 'fast-check';
import { ManagedClusterModel } from '../../lib';
import { validCluster } from './arbitraries';
import estate from '../../examples/estate/definition';

/** The support windows' evaluation date of both processes: the reports record it. */
const EVALUATION_DATE = '2026-04-01';

export function digest(): string {
  const hash = createHash('sha256');
  for (const props of fc.sample(validCluster, { seed: 20261121, numRuns: 8 })) hash.update(JSON.stringify(ManagedClusterModel.build(props, { evaluationDate: EVALUATION_DATE }).toArmTemplate()));
  const files = estate.artifacts({ evaluationDate: EVALUATION_DATE });
  for (const name of Object.keys(files).sort()) hash.update(`${name}\u0000${files[name]}`);
  return hash.digest('hex');
}

if (require.main === module) process.stdout.write(digest());
