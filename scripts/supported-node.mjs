#!/usr/bin/env node
/**
 * Runs a command on the Node.js version in .node-version (the floor package.json
 * declares) when the machine's own Node.js is older: @pulumi/pulumi and
 * Microsoft's @azure/arm-* SDKs require Node.js 22, while a fresh machine may
 * have Node.js 20 (end of life in April 2026).
 *
 * The binary comes from the npm registry's platform package (node-<os>-<arch>),
 * which ships Node.js itself and needs no install script, so it works where npm
 * skips install scripts. Its folder goes first on PATH, so `#!/usr/bin/env node`
 * tools (vitest, tsx) and everything they spawn run on it.
 *
 * Usage: node scripts/supported-node.mjs <command> [args...]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wanted = fs.readFileSync(path.join(root, '.node-version'), 'utf8').trim();
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/supported-node.mjs <command> [args...]');
  process.exit(2);
}

const major = (v) => Number(v.split('.')[0]);
let env = process.env;
if (major(process.versions.node) < major(wanted)) {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  const pkg = `node-${os}-${process.arch}@${wanted}`;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const execPath = execFileSync(npm, ['exec', '--yes', `--package=${pkg}`, '--', 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: process.platform === 'win32',
  }).trim();
  env = { ...process.env, PATH: `${path.dirname(execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  console.error(`supported-node: Node.js ${process.versions.node} is older than ${wanted}; running "${command}" on ${pkg}`);
}
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (result.error) {
  console.error(`supported-node: could not run "${command}": ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
