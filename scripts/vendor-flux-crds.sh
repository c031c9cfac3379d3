#!/usr/bin/env bash
# Extracts the schemas of the Flux kinds the GitOps tree holds (HelmRepository,
# HelmRelease) from the CRDs of the controllers that the pinned microsoft.flux
# extension ships, at their release tags, into lib/core/gitops/flux-crd-schemas.generated.ts.
#
#   scripts/vendor-flux-crds.sh [<source-controller checkout> <helm-controller checkout>]
#
# Without arguments it clones both repositories from GitHub. The versions are
# those the microsoft.flux release notes give for the pinned extension
# (FLUX_EXTENSION_VERSION in lib/core/gitops/flux-extension.ts): 1.24.1 runs
# Flux v2.7.5 with source-controller v1.7.4 and helm-controller v1.4.5 (Microsoft
# builds them as v1.7.4-23 and v1.4.5-16; the CRDs are upstream's, at the tags).
# https://learn.microsoft.com/azure/azure-arc/kubernetes/flux-gitops-release-notes
set -euo pipefail
SOURCE_CONTROLLER_TAG=v1.7.4
HELM_CONTROLLER_TAG=v1.4.5
FLUX_RELEASE=v2.7.5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=${1:-}
helm=${2:-}
if [ -z "$src" ]; then
  git clone -q --bare https://github.com/fluxcd/source-controller "$work/source-controller"
  git clone -q --bare https://github.com/fluxcd/helm-controller "$work/helm-controller"
  src=$work/source-controller
  helm=$work/helm-controller
fi
git -C "$src" show "$SOURCE_CONTROLLER_TAG:config/crd/bases/source.toolkit.fluxcd.io_helmrepositories.yaml" > "$work/helmrepositories.yaml"
git -C "$helm" show "$HELM_CONTROLLER_TAG:config/crd/bases/helm.toolkit.fluxcd.io_helmreleases.yaml" > "$work/helmreleases.yaml"
src_commit=$(git -C "$src" rev-parse "$SOURCE_CONTROLLER_TAG^{commit}")
helm_commit=$(git -C "$helm" rev-parse "$HELM_CONTROLLER_TAG^{commit}")
cd "$(dirname "$0")/.."
npx tsx scripts/extract-crd-schemas.ts lib/core/gitops/flux-crd-schemas.generated.ts FLUX_CRD_SCHEMAS "$FLUX_RELEASE" \
  "Flux $FLUX_RELEASE: github.com/fluxcd/source-controller $SOURCE_CONTROLLER_TAG ($src_commit) config/crd/bases/source.toolkit.fluxcd.io_helmrepositories.yaml, github.com/fluxcd/helm-controller $HELM_CONTROLLER_TAG ($helm_commit) config/crd/bases/helm.toolkit.fluxcd.io_helmreleases.yaml" \
  HelmRepository@v1,HelmRelease@v2 "$work/helmrepositories.yaml" "$work/helmreleases.yaml"
