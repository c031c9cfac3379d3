#!/usr/bin/env bash
# Packs secure-aks and proves that a fresh consumer project can install it with
# its peer dependencies, load every entry point, and type-check code that uses it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"

cd "$work"
npm init -y >/dev/null
# Peers at the versions this repo tests with; small groups keep npm from stalling.
peers=$(node -e '
  const p = require(process.argv[1]);
  console.log(Object.keys(p.peerDependencies).map((n) => `${n}@${p.devDependencies[n]}`).join(" "));
' "$root/package.json")
ts=$(node -p 'require(process.argv[1]).devDependencies.typescript' "$root/package.json")
npm install --no-audit --no-fund --silent "./$tarball"
npm install --no-audit --no-fund --silent $peers
npm install --no-audit --no-fund --silent "typescript@$ts" "@types/node@22"

cat > consumer.ts <<'TS'
import * as pulumi from '@pulumi/pulumi';
import {
  ApiServerAccess,
  ClusterNetwork,
  HardenedCluster,
  HardenedClusterArgs,
  ManagedClusterModel,
  PrivateDnsZone,
  SecureAksValidationError,
} from 'secure-aks';

const args: HardenedClusterArgs = {
  name: 'consumer',
  location: 'westeurope',
  resourceGroupName: pulumi.output('rg'),
  apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.system() }),
  network: ClusterNetwork.create(),
};
const template: object = ManagedClusterModel.build(args).toArmTemplate();
export const check: [object, typeof HardenedCluster, typeof SecureAksValidationError] = [template, HardenedCluster, SecureAksValidationError];
TS
# The tsconfig.json `pulumi new typescript` writes, verbatim but for the file name (library checking on),
# so the shipped declarations are type-checked as a user's tsc sees them.
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "strict": true,
    "outDir": "bin",
    "target": "es2020",
    "module": "commonjs",
    "moduleResolution": "node",
    "sourceMap": true,
    "experimentalDecorators": true,
    "pretty": true,
    "noFallthroughCasesInSwitch": true,
    "noImplicitReturns": true,
    "forceConsistentCasingInFileNames": true
  },
  "files": ["consumer.ts"]
}
JSON
npx tsc --noEmit -p tsconfig.json
# Loading runs on the Node.js floor the package declares (Pulumi needs Node.js 22).
node "$root/scripts/supported-node.mjs" node -e '
  const lib = require("secure-aks");
  const t = lib.ManagedClusterModel.build({ name: "consumer", location: "westeurope" }).toArmTemplate();
  if (!t.resources.some((r) => r.type === "Microsoft.ContainerService/managedClusters")) process.exit(1);
  console.log("consumer: imports load and type-check;", Object.keys(lib).length, "exports");
'
test -x node_modules/.bin/secure-aks
# The CLI as a user runs it: a TypeScript definition, no loader flags.
cat > definition.ts <<'TS'
import { hardenedClusterTarget, HardenedClusterProps } from 'secure-aks';
export const cluster: HardenedClusterProps = { name: 'consumer', location: 'westeurope' };
export default hardenedClusterTarget(cluster);
TS
node "$root/scripts/supported-node.mjs" npx secure-aks synth definition.ts --out synth-out
test -f "synth-out/$(basename "$work")/cluster.template.json"
node "$root/scripts/supported-node.mjs" npx secure-aks --version
