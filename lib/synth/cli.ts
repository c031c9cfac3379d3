#!/usr/bin/env node
import * as path from 'node:path';
import { describeFailure, loadExampleTargets, synthesize } from './synthesize';

/**
 * `secure-aks-synth --examples <dir> --out <dir> [--only a,b] [--allow-replace]`:
 * synthesizes every example folder offline. Exits 1, writing nothing, if any
 * is invalid or would change the previous output in a way Azure cannot apply
 * in place.
 */
function main(argv: readonly string[]): number {
  const arg = (flag: string, fallback?: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const examples = path.resolve(arg('--examples', 'examples')!);
  const out = path.resolve(arg('--out', 'dist')!);
  const only = arg('--only')?.split(',').filter(Boolean);

  const targets = loadExampleTargets(examples, only);
  if (targets.size === 0) {
    process.stderr.write(`no folders with a definition.ts or definition.js under ${examples}\n`);
    return 1;
  }
  const result = synthesize(targets, out, { allowReplacement: argv.includes('--allow-replace') });
  if (result.failures.size > 0) {
    for (const [name, error] of result.failures) process.stderr.write(`${describeFailure(name, error)}\n\n`);
    process.stderr.write(`synth failed: ${result.failures.size} of ${targets.size} targets invalid; nothing was written\n`);
    return 1;
  }
  for (const [name, warnings] of result.warnings) {
    for (const w of warnings) process.stderr.write(`${name}: warning ${w}\n`);
  }
  for (const [name, files] of result.written) {
    process.stdout.write(`${path.relative(process.cwd(), path.join(out, name))}/: ${files.join(', ')}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
