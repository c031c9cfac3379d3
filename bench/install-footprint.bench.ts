/**
 * Install footprint: what `npm ci` adds to a consumer that already has the
 * peers: the packed package itself and its runtime dependencies.
 */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function dirSize(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return total;
}

/** A package and its dependencies, transitively, as installed here. */
function closure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) closure(dep, seen);
  return seen;
}

export function run(): { packageKb: number; depsKb: number; deps: string[]; peersMb: number } {
  const pack = JSON.parse(execSync('npm pack --dry-run --json --ignore-scripts', { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
  const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const deps = [...new Set(Object.keys(own.dependencies ?? {}).flatMap((d) => [...closure(d)]))].sort();
  const depsBytes = deps.reduce((n, d) => n + dirSize(path.join(ROOT, 'node_modules', d)), 0);
  const peersBytes = Object.keys(own.peerDependencies).reduce((n, d) => n + dirSize(path.join(ROOT, 'node_modules', d)), 0);
  const result = { packageKb: pack.unpackedSize / 1024, depsKb: depsBytes / 1024, deps, peersMb: peersBytes / 1024 / 1024 };
  process.stdout.write(
    `secure-aks unpacked: ${result.packageKb.toFixed(0)} kB (${pack.entryCount} files); runtime dependencies: ${deps.join(', ')} = ${result.depsKb.toFixed(0)} kB; ` +
      `peers the consumer already has (top-level only): ${result.peersMb.toFixed(0)} MB\n`,
  );
  return result;
}

if (require.main === module) run();
