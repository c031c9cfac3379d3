#!/usr/bin/env bash
# Fetches the public ARM templates the ARM template reader is tested on into
# test/fixtures/arm-templates/<slug>/, each pinned to a commit, with a SOURCE.md
# that records repository, path, commit, licence and URL. Tests read only these
# committed copies: nothing is downloaded at test time.
#
#   scripts/vendor-arm-template-fixtures.sh
#
# Each line: slug, repository, commit, path in the repository, licence.
set -euo pipefail
FIXTURES=(
  "avm-managed-cluster Azure/bicep-registry-modules 9f9ea1a18204e262be9a4a64e3e3cc7fbe5e509d avm/res/container-service/managed-cluster/main.json MIT"
  "quickstart-aks Azure/azure-quickstart-templates 570b0be1a8395eaebd36bd9d00f8fb68f2474d5b quickstarts/microsoft.kubernetes/aks/azuredeploy.json MIT"
  "aks-baseline-cluster-stamp mspnp/aks-baseline 7b5f9ac7cc641ae5e2170b56370ed2aee596807e cluster-stamp.json MIT"
)
cd "$(dirname "$0")/.."
for line in "${FIXTURES[@]}"; do
  read -r slug repo commit path licence <<<"$line"
  dir="test/fixtures/arm-templates/$slug"
  mkdir -p "$dir"
  url="https://raw.githubusercontent.com/$repo/$commit/$path"
  curl -fsSL "$url" -o "$dir/$(basename "$path")"
  cat > "$dir/SOURCE.md" <<MD
# $slug

A public ARM template, unmodified, used as a test fixture of the ARM template reader.

- Repository: https://github.com/$repo
- Path: \`$path\`
- Commit: \`$commit\`
- URL: https://github.com/$repo/blob/$commit/$path
- Licence: $licence (Copyright (c) Microsoft Corporation), see https://github.com/$repo/blob/$commit/LICENSE$( [ "$repo" = mspnp/aks-baseline ] && echo .md )

Fetched by \`scripts/vendor-arm-template-fixtures.sh\`.
MD
done
