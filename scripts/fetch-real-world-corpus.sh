#!/usr/bin/env bash
# Re-fetches every document of the real-world corpus (test/fixtures/real-world) from GitHub at the
# commit recorded in its SOURCE.md, so the corpus can be reproduced and checked.
#
#   scripts/fetch-real-world-corpus.sh            write the documents into test/fixtures/real-world
#   scripts/fetch-real-world-corpus.sh OUT_DIR    write them into OUT_DIR/<slug>/ instead
#   scripts/fetch-real-world-corpus.sh --check    fetch into a scratch directory and compare byte for byte
#
# Needs curl; the two Azure CLI recording cases also need python3 with PyYAML, because their
# document is the body of one recorded response, decoded from the cassette's YAML string.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="$ROOT/test/fixtures/real-world"
CHECK=0
OUT="$CORPUS"
if [[ "${1:-}" == "--check" ]]; then
  CHECK=1
  OUT="$(mktemp -d)"
  trap 'rm -rf "$OUT"' EXIT
elif [[ -n "${1:-}" ]]; then
  OUT="$1"
fi

# slug | file | repository | commit | path in the repository | how (raw, or extract-first/extract-last:
# the body of the first/last GET of the cluster in a VCR cassette)
MANIFEST='aks-baseline-cluster-stamp-2022|cluster-stamp.json|mspnp/aks-baseline|4ee7a0df1ab4df7c2bc7e9869376ca9aa9e47a5f|cluster-stamp.json|raw
avm-res-managed-cluster|main.json|Azure/bicep-registry-modules|9f9ea1a18204e262be9a4a64e3e3cc7fbe5e509d|avm/res/container-service/managed-cluster/main.json|raw
avm-res-managed-cluster-agent-pool|main.json|Azure/bicep-registry-modules|9f9ea1a18204e262be9a4a64e3e3cc7fbe5e509d|avm/res/container-service/managed-cluster/agent-pool/main.json|raw
aks-construction-main-2022|main.json|Azure/AKS-Construction|004b8545a09774b24c8d47beb7991a614c3056ee|bicep/compiled/main.json|raw
avm-ptn-azd-aks|main.json|Azure/bicep-registry-modules|9f9ea1a18204e262be9a4a64e3e3cc7fbe5e509d|avm/ptn/azd/aks/main.json|raw
avm-ptn-azd-aks-automatic|main.json|Azure/bicep-registry-modules|9f9ea1a18204e262be9a4a64e3e3cc7fbe5e509d|avm/ptn/azd/aks-automatic-cluster/main.json|raw
pulumi-classic-ts-aks-keda|index.ts|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-ts-aks-keda/index.ts|raw
pulumi-classic-ts-aks-keda|cluster.ts|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-ts-aks-keda/cluster.ts|raw
pulumi-classic-ts-aks-keda|keda.ts|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-ts-aks-keda/keda.ts|raw
pulumi-classic-ts-aks-mean|index.ts|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-ts-aks-mean/index.ts|raw
pulumi-classic-ts-aks-mean|cluster.ts|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-ts-aks-mean/cluster.ts|raw
pulumi-classic-ts-aks-mean|config.ts|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-ts-aks-mean/config.ts|raw
pulumi-classic-ts-aks-mean|mongoHelpers.ts|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-ts-aks-mean/mongoHelpers.ts|raw
pulumi-classic-py-aks-multicluster|__main__.py|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-py-aks-multicluster/__main__.py|raw
checkov-arm-authorized-ranges-string-false|aks-authIPRanges-supported-PASSED.json|bridgecrewio/checkov|03d5fdad8d6154b1565799a7b1fb8070c158866f|tests/arm/checks/resource/example_AKSApiServerAuthorizedIpRanges/aks-authIPRanges-supported-PASSED.json|raw
checkov-arm-jenkins-aks-2017|aks-authIPRanges-unsupported-FAILED.json|bridgecrewio/checkov|03d5fdad8d6154b1565799a7b1fb8070c158866f|tests/arm/checks/resource/example_AKSApiServerAuthorizedIpRanges/aks-authIPRanges-unsupported-FAILED.json|raw
checkov-arm-rbac-parameter|aksEnableRbac-PASSED.json|bridgecrewio/checkov|03d5fdad8d6154b1565799a7b1fb8070c158866f|tests/arm/checks/resource/example_AKSRbacEnabled/aksEnableRbac-PASSED.json|raw
checkov-bicep-upgrade-channel|pass.json|bridgecrewio/checkov|03d5fdad8d6154b1565799a7b1fb8070c158866f|tests/arm/checks/resource/example_AKSUpgradeChannel/pass.json|raw
checkov-arm-orphan-agent-pool|passA.json|bridgecrewio/checkov|03d5fdad8d6154b1565799a7b1fb8070c158866f|tests/arm/checks/resource/example_AKSEncryptionAtHostEnabled/passA.json|raw
quickstart-aks-basic|azuredeploy.json|Azure/azure-quickstart-templates|02c45d30afc70c767805f9adacfb695a5c45467b|quickstarts/microsoft.kubernetes/aks/azuredeploy.json|raw
quickstart-aks-osm-addon|azuredeploy.json|Azure/azure-quickstart-templates|11fdeab89a6443e4ea83b42e4a7583cdb3a8a161|quickstarts/microsoft.kubernetes/aks-osm-addon/azuredeploy.json|raw
quickstart-fleet-private-hub|private-hubful-fleet-deploy.json|Azure/azure-quickstart-templates|122a52b6a6199a613bd25d5a501d05904bd35262|quickstarts/microsoft.kubernetes/fleet/private-hubful-fleet-deploy.json|raw
pulumi-classic-go-aks-multicluster|main.go|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-go-aks-multicluster/main.go|raw
pulumi-classic-fs-aks|Program.fs|pulumi/examples|40c09b266d44e9975e15289c42cc0c2ad8d14995|classic-azure-fs-aks/Program.fs|raw
rest-example-private-cluster-public-fqdn|ManagedClustersCreate_PrivateClusterPublicFQDN.json|Azure/azure-rest-api-specs|09caad01161800b2889811a96929b369fc3fe5d1|specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2026-06-01/examples/ManagedClustersCreate_PrivateClusterPublicFQDN.json|raw
rest-example-managed-clusters-list|ManagedClustersList.json|Azure/azure-rest-api-specs|09caad01161800b2889811a96929b369fc3fe5d1|specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2026-06-01/examples/ManagedClustersList.json|raw
azure-cli-recording-private-cluster-get|cliakstest000001.json|Azure/azure-cli|5a665f478c74415652ad05145efe2503f2ef2137|src/azure-cli/azure/cli/command_modules/acs/tests/latest/recordings/test_aks_create_private_cluster_public_fqdn.yaml|extract-last
azure-cli-recording-authorized-ranges-get|cliakstest000001-authorized-ranges.json|Azure/azure-cli|062394ddde9d950f8a6b6ff83d51a6f59200aa73|src/azure-cli/azure/cli/command_modules/acs/tests/latest/recordings/test_aks_create_cluster_with_apiserver_authorized_ranges_then_update.yaml|extract-first'

extract_body() { # cassette which(first|last) out
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys, yaml
cassette, which, out = sys.argv[1:4]
with open(cassette, encoding='utf-8') as f:
    interactions = yaml.safe_load(f)['interactions']
pattern = re.compile(r'/providers/Microsoft\.ContainerService/managedClusters/[^/?]+\?api-version=')
gets = [i for i in interactions
        if i['request']['method'] == 'GET' and pattern.search(i['request']['uri'])]
chosen = gets[0] if which == 'first' else gets[-1]
with open(out, 'w', encoding='utf-8', newline='') as f:
    f.write(chosen['response']['body']['string'])
PY
}

status=0
while IFS='|' read -r slug file repo commit path how; do
  [[ -z "$slug" ]] && continue
  mkdir -p "$OUT/$slug"
  url="https://raw.githubusercontent.com/$repo/$commit/$path"
  if [[ "$how" == raw ]]; then
    curl -fsSL "$url" -o "$OUT/$slug/$file"
  else
    tmp="$(mktemp)"
    curl -fsSL "$url" -o "$tmp"
    extract_body "$tmp" "${how#extract-}" "$OUT/$slug/$file"
    rm -f "$tmp"
  fi
  if [[ $CHECK == 1 ]]; then
    if cmp -s "$OUT/$slug/$file" "$CORPUS/$slug/$file"; then
      echo "same      $slug/$file"
    else
      echo "DIFFERENT $slug/$file"
      status=1
    fi
  else
    echo "fetched   $slug/$file"
  fi
done <<< "$MANIFEST"
exit $status
