#!/usr/bin/env bash
# Vendors what the library checks against from one Istio release tag:
#   - the CRD schemas of the networking kinds it writes (Gateway, VirtualService,
#     DestinationRule, ServiceEntry) and the security kind it writes (PeerAuthentication),
#     from manifests/charts/base/files/crd-all.gen.yaml,
#     into lib/core/mesh/istio-crd-schemas.generated.ts (ISTIO_SCHEMA_VERSION reads
#     its version; the release the platform installs, ISTIO_DEFAULT_RELEASE in
#     lib/core/mesh/istio-release.ts, is that release or a later patch of its minor:
#     set it to the tag when vendoring one);
#   - the gateway chart's values schema and the istiod chart's default values,
#     into test/fixtures/istio-helm-values/, where the tests check the Helm values
#     the library generates against the chart of the pinned release.
# The tag and its commit are recorded in every generated file.
#
#   scripts/vendor-istio.sh [<istio/istio clone, bare or not> [<tag>]]
#
# Without a clone path it clones github.com/istio/istio. Bump ISTIO_TAG (or
# pass a tag) only to a release tag, never a branch: the schemas must be those
# of exactly what the platform installs.
# https://istio.io/latest/docs/releases/supported-releases/
set -euo pipefail
ISTIO_TAG=1.30.3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=${1:-}
tag=${2:-$ISTIO_TAG}
if [ -z "$repo" ]; then
  git clone -q --bare --filter=blob:none https://github.com/istio/istio "$work/istio"
  repo=$work/istio
fi
# A release tag, not a branch or a commit: refuse anything else.
git -C "$repo" rev-parse -q --verify "refs/tags/$tag" > /dev/null || { echo "no tag $tag in $repo" >&2; exit 1; }
commit=$(git -C "$repo" rev-parse "$tag^{commit}")
crds=manifests/charts/base/files/crd-all.gen.yaml
gateway_schema=manifests/charts/gateway/values.schema.json
istiod_values=manifests/charts/istio-control/istio-discovery/values.yaml
git -C "$repo" show "$tag:$crds" > "$work/crd-all.gen.yaml"
cd "$(dirname "$0")/.."
npx tsx scripts/extract-crd-schemas.ts lib/core/mesh/istio-crd-schemas.generated.ts ISTIO_CRD_SCHEMAS "$tag" \
  "istio/istio $tag ($commit), $crds, Apache-2.0" \
  Gateway,VirtualService,DestinationRule,ServiceEntry,PeerAuthentication "$work/crd-all.gen.yaml"
out=test/fixtures/istio-helm-values
mkdir -p "$out"
git -C "$repo" show "$tag:$gateway_schema" > "$out/gateway-values.schema.json"
git -C "$repo" show "$tag:$istiod_values" > "$out/istiod-values.yaml"
cat > "$out/SOURCE.md" <<EOF
# Istio Helm values, vendored

Unmodified copies written by \`scripts/vendor-istio.sh\`; do not edit. Apache-2.0.

| file | repository | tag | commit | path |
|---|---|---|---|---|
| \`gateway-values.schema.json\` | istio/istio | $tag | $commit | $gateway_schema |
| \`istiod-values.yaml\` | istio/istio | $tag | $commit | $istiod_values |
EOF
echo "wrote $out (istio/istio $tag, $commit)"
