#!/usr/bin/env node
/**
 * Runs a command on the Node.js of .node-version when the machine's own Node.js is
 * older: @pulumi/pulumi and Microsoft's @azure/arm-* SDKs require Node.js 22, while
 * a fresh machine may have Node.js 20 (end of life in April 2026).
 *
 * That Node.js is a locked dependency: tools/node/package.json lists the npm
 * registry's official binaries (node-<os>-<arch>, no install script) as optional
 * dependencies, so `npm ci` installs the one for this platform from
 * package-lock.json, integrity checked. Nothing is downloaded here. Its folder goes
 * first on PATH, so `#!/usr/bin/env node` tools (vitest, tsx) and everything they
 * spawn run on it.
 *
 * Usage: node scripts/supported-node.mjs <command> [args...]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wanted = fs.readFileSync(path.join(root, '.node-version'), 'utf8').trim();
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/supported-node.mjs <command> [args...]');
  process.exit(2);
}

/** The locked Node.js binary for this platform, as npm installed it, or why there is none. */
function lockedNode() {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  const pkg = `node-${os}-${process.arch}`;
  const tools = createRequire(path.join(root, 'tools', 'node', 'package.json'));
  let manifestFile;
  try {
    manifestFile = tools.resolve(`${pkg}/package.json`);
  } catch {
    return { missing: `${pkg} is not installed (npm installs it with \`npm ci\` on linux-x64, linux-arm64, darwin-x64 and win-x64)` };
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (manifest.version !== wanted) {
    return { missing: `${pkg}@${manifest.version} is installed, not ${wanted} (run \`npm ci\`)` };
  }
  return { pkg: `${pkg}@${manifest.version}`, bin: path.join(path.dirname(manifestFile), manifest.bin.node) };
}

const major = (v) => Number(v.split('.')[0]);
let env = process.env;
if (major(process.versions.node) < major(wanted)) {
  const locked = lockedNode();
  if (locked.missing) {
    console.error(
      `supported-node: this command needs Node.js ${major(wanted)} (${wanted}, .node-version); this machine runs ${process.versions.node}, ` +
        `and ${locked.missing}. Install Node.js ${wanted} or a later ${major(wanted)}.x (https://nodejs.org/en/download) and run it again.`,
    );
    process.exit(1);
  }
  env = { ...process.env, PATH: `${path.dirname(locked.bin)}${path.delimiter}${process.env.PATH ?? ''}` };
  console.error(`supported-node: Node.js ${process.versions.node} is older than ${major(wanted)}; running "${command}" on ${locked.pkg} (locked in package-lock.json)`);
}
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (result.error) {
  console.error(`supported-node: could not run "${command}": ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
