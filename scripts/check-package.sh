#!/usr/bin/env bash
# Packs secure-aks and proves, as users install it:
#  - a Pulumi consumer (every peer) loads every entry point and type-checks its code with
#    exactly the tsconfig `pulumi new typescript` writes (library checking on);
#  - a cdk8s-only consumer installs only the cdk8s peers, type-checks, loads the cdk8s entry
#    without any @pulumi package, and synthesizes a chart;
#  - internals are not importable, and the CLI runs a TypeScript definition without loader flags;
#  - the README's quick starts are the examples, and they type-check and synthesize as printed;
#  - `npm install git+<url>` builds the package on install (its `prepare`), and the result loads
#    and type-checks like the tarball;
#  - the tarball carries none of the repository's tooling (tools/, the locked Node.js).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
on_floor() { node "$root/scripts/supported-node.mjs" "$@"; }

cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"
if tar -tzf "$work/$tarball" | grep -E '^package/(tools|scripts|examples|test)/'; then echo "the tarball carries repository tooling"; exit 1; fi
ts=$(node -p 'require(process.argv[1]).devDependencies.typescript' "$root/package.json")
version_of() { node -p 'require(process.argv[1]).devDependencies[process.argv[2]]' "$root/package.json" "$1"; }

# The tsconfig.json `pulumi new typescript` writes, verbatim but for the file list (the arguments).
pulumi_new_tsconfig() {
  local files
  files=$(printf '"%s", ' "$@")
  cat > tsconfig.json <<JSON
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
  "files": [${files%, }]
}
JSON
}

# --- a Pulumi consumer: every peer
mkdir "$work/pulumi-consumer" && cd "$work/pulumi-consumer"
npm init -y >/dev/null
peers=$(node -e '
  const p = require(process.argv[1]);
  console.log(Object.keys(p.peerDependencies).map((n) => `${n}@${p.devDependencies[n]}`).join(" "));
' "$root/package.json")
# Small groups keep npm from stalling.
npm install --no-audit --no-fund --silent "../$tarball"
npm install --no-audit --no-fund --silent $peers
npm install --no-audit --no-fund --silent "typescript@$ts" "@types/node@22"
cat > consumer.ts <<'TS'
import * as pulumi from '@pulumi/pulumi';
import { ApiServerAccess, ClusterNetwork, ManagedClusterModel, PrivateDnsZone, SecureAksValidationError } from 'secure-aks';
import { CrossClusterClientChart } from 'secure-aks/cdk8s';
import { HardenedCluster, HardenedClusterArgs } from 'secure-aks/pulumi';
import { hardenedClusterTarget } from 'secure-aks/synth';
import { PolicyPack } from '@pulumi/policy';
import { secureAksPolicies } from 'secure-aks/policy';

// What a policy pack project's index.ts holds (docs/enforcing-on-clusters-you-did-not-build.md).
export const pack: typeof PolicyPack = PolicyPack;
export const policies = secureAksPolicies({ enforcementLevels: { 'SAKS-BASE-009': 'mandatory' } });

const args: HardenedClusterArgs = {
  name: 'consumer',
  location: 'westeurope',
  resourceGroupName: pulumi.output('rg'),
  apiServerAccess: ApiServerAccess.private({ dnsZone: PrivateDnsZone.system() }),
  network: ClusterNetwork.create(),
};
const template: object = ManagedClusterModel.build(args).toArmTemplate();
export const check: [object, typeof HardenedCluster, typeof SecureAksValidationError, typeof CrossClusterClientChart, typeof hardenedClusterTarget] = [
  template, HardenedCluster, SecureAksValidationError, CrossClusterClientChart, hardenedClusterTarget,
];
TS
pulumi_new_tsconfig consumer.ts
npx tsc --noEmit -p tsconfig.json
on_floor node -e '
  const entries = ["secure-aks", "secure-aks/cdk8s", "secure-aks/pulumi", "secure-aks/synth", "secure-aks/policy"].map((e) => [e, Object.keys(require(e)).length]);
  // The input schemas are built on first use: loading the entry points loads no zod.
  if (Object.keys(require.cache).some((f) => f.includes("/node_modules/zod/"))) { console.error("zod loaded at import"); process.exit(1); }
  if (require("secure-aks/policy").secureAksPolicies().length < 50) process.exit(1);
  const t = require("secure-aks").ManagedClusterModel.build({ name: "consumer", location: "westeurope" }).toArmTemplate();
  if (!t.resources.some((r) => r.type === "Microsoft.ContainerService/managedClusters")) process.exit(1);
  for (const internal of ["secure-aks/build/core/validation/input-boundary", "secure-aks/build/pulumi/arm-resource-registrar"]) {
    try { require(internal); console.error("internal module importable: " + internal); process.exit(1); } catch (e) { if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw e; }
  }
  console.log("pulumi consumer: entry points load and type-check;", entries.map(([e, n]) => `${e} (${n})`).join(", "));
'
test -x node_modules/.bin/secure-aks
# `secure-aks audit` of a file that holds no cluster: unusable input, exit code 2.
set +e; on_floor npx secure-aks audit node_modules/secure-aks/package.json >/dev/null 2>&1; code=$?; set -e
test "$code" -eq 2
# The README's quick starts, literally (each is an example's file): their TypeScript type-checks
# with the pulumi new tsconfig, and each definition synthesizes with the CLI, no loader flags.
quick_starts=$(node "$root/scripts/readme-quick-starts.mjs" "$root/README.md" .)
echo "README quick starts: $(echo $quick_starts)"
# shellcheck disable=SC2086
pulumi_new_tsconfig $quick_starts
npx tsc --noEmit -p tsconfig.json
for definition in $(echo "$quick_starts" | grep '/definition\.ts$'); do
  on_floor npx secure-aks synth "$definition" --output dist
  test -f "dist/$(dirname "$definition")/prerequisites.md" -o -f "dist/$(dirname "$definition")/cluster.template.json"
done
# A Pulumi program is not a definition: refused with a pointer to its definition (exit 2), not
# run outside the Pulumi engine.
printf 'name: quick-start\nruntime: nodejs\n' > private-cluster/Pulumi.yaml
set +e; out=$(on_floor npx secure-aks synth private-cluster/index.ts --output dist 2>&1); code=$?; set -e
if [ "$code" -ne 2 ] || ! grep -q 'is the program of the Pulumi project' <<<"$out"; then echo "synth of a Pulumi program: exit $code: $out"; exit 1; fi
on_floor npx secure-aks --version

# --- a cdk8s-only consumer: only the cdk8s peers, no Pulumi package at all
mkdir "$work/cdk8s-consumer" && cd "$work/cdk8s-consumer"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "../$tarball"
npm install --no-audit --no-fund --silent "constructs@$(version_of constructs)" "cdk8s@$(version_of cdk8s)" "cdk8s-plus-28@$(version_of cdk8s-plus-28)"
npm install --no-audit --no-fund --silent "typescript@$ts" "@types/node@22"
if [ -d node_modules/@pulumi ]; then echo "a cdk8s-only install pulled in $(ls node_modules/@pulumi)"; exit 1; fi
cat > main.ts <<'TS'
import { App } from 'cdk8s';
import { CertificateSource, CrossClusterLink } from 'secure-aks';
import { addCrossClusterCharts } from 'secure-aks/cdk8s';

const app = new App({ outdir: 'cdk8s-out' });
const link = CrossClusterLink.build({
  name: 'mysql',
  certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
  services: [{ name: 'mysql', host: 'mysql.example.internal', clientPort: 3306, gatewayPort: 13306, backend: { host: 'mysql.default.svc.cluster.local', port: 3306 }, clientNamespaces: ['payments'] }],
});
addCrossClusterCharts(app, link);
app.synth();
TS
pulumi_new_tsconfig main.ts
npx tsc -p tsconfig.json
on_floor node -e '
  require("./bin/main.js");
  const pulumi = Object.keys(require.cache).filter((f) => f.includes("/@pulumi/"));
  if (pulumi.length > 0) { console.error("the cdk8s entry loaded " + pulumi[0]); process.exit(1); }
  const fs = require("node:fs");
  console.log("cdk8s-only consumer: no Pulumi package installed or loaded; synthesized", fs.readdirSync("cdk8s-out").join(", "));
'

# --- a git URL install: npm clones the repository, installs its dependencies, runs `prepare`
# (which compiles) and packs the result. The clone is the working tree as it would be committed.
src="$work/secure-aks-src"
mkdir "$src"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done | tar --null -T - -cf -) | tar -xf - -C "$src"
git -C "$src" init --quiet
git -C "$src" add -A
git -C "$src" -c user.name=check-package -c user.email=check-package@localhost commit --quiet -m 'working tree'
mkdir "$work/git-consumer" && cd "$work/git-consumer"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "git+file://$src"
test -f node_modules/secure-aks/build/index.js
test -f node_modules/secure-aks/build/core/kubernetes/schema-validators/istio.Gateway.generated.js
if [ -e node_modules/secure-aks/tools ] || [ -e node_modules/secure-aks/lib ]; then echo "the git install carries repository sources or tooling"; exit 1; fi
npm install --no-audit --no-fund --silent $peers
npm install --no-audit --no-fund --silent "typescript@$ts" "@types/node@22"
cp "$work/pulumi-consumer/consumer.ts" .
pulumi_new_tsconfig consumer.ts
npx tsc --noEmit -p tsconfig.json
on_floor node -e '
  const entries = ["secure-aks", "secure-aks/cdk8s", "secure-aks/pulumi", "secure-aks/synth", "secure-aks/policy"].map((e) => [e, Object.keys(require(e)).length]);
  const t = require("secure-aks").ManagedClusterModel.build({ name: "consumer", location: "westeurope" }).toArmTemplate();
  if (!t.resources.some((r) => r.type === "Microsoft.ContainerService/managedClusters")) process.exit(1);
  console.log("git URL consumer: built on install; entry points load and type-check;", entries.map(([e, n]) => `${e} (${n})`).join(", "));
'
