#!/usr/bin/env bash
# Vendors the Kubernetes OpenAPI schemas of ValidatingAdmissionPolicy and
# ValidatingAdmissionPolicyBinding (admissionregistration.k8s.io/v1) for the
# oldest Kubernetes minor the library's admission policies support, into
# lib/core/admission/admission-registration-openapi.generated.ts.
#
#   scripts/vendor-kubernetes-openapi.sh [<kubernetes-client/python checkout or bare clone>]
#
# The minor is 1.30: admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy is GA
# from 1.30 (ADMISSION_POLICY_MIN_KUBERNETES in lib/core/aks/aks-limits.ts), and every
# AKS minor of the library's support table that serves it is 1.30 or later.
# The document is Kubernetes' own api/openapi-spec/swagger.json of the release-1.30
# branch (Apache-2.0), as the official Python client recorded it for its 1.30 release
# (kubernetes/swagger.json.unprocessed at tag v30.1.0, whose scripts/constants.py names
# KUBERNETES_BRANCH = "release-1.30"): a repository small enough to clone, where
# kubernetes/kubernetes itself is not. API schemas do not change within a release branch.
# Without an argument it clones https://github.com/kubernetes-client/python.
set -euo pipefail
CLIENT_TAG=v30.1.0
KUBERNETES_BRANCH=release-1.30
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=${1:-}
if [ -z "$repo" ]; then
  git clone -q --bare --filter=blob:none https://github.com/kubernetes-client/python "$work/python"
  repo=$work/python
fi
branch=$(git -C "$repo" show "$CLIENT_TAG:scripts/constants.py" | sed -n 's/^KUBERNETES_BRANCH = "\(.*\)"$/\1/p')
if [ "$branch" != "$KUBERNETES_BRANCH" ]; then
  echo "kubernetes-client/python $CLIENT_TAG was generated from \"$branch\", not $KUBERNETES_BRANCH" >&2
  exit 1
fi
git -C "$repo" show "$CLIENT_TAG:kubernetes/swagger.json.unprocessed" > "$work/swagger.json"
commit=$(git -C "$repo" rev-parse "$CLIENT_TAG^{commit}")
cd "$(dirname "$0")/.."
npx tsx scripts/extract-admission-openapi.ts "$work/swagger.json" lib/core/admission/admission-registration-openapi.generated.ts \
  "Kubernetes ${KUBERNETES_BRANCH} api/openapi-spec/swagger.json (Apache-2.0), as recorded by github.com/kubernetes-client/python ${CLIENT_TAG} (${commit}) kubernetes/swagger.json.unprocessed" \
  "${KUBERNETES_BRANCH#release-}"
