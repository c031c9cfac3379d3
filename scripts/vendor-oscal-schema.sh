#!/usr/bin/env bash
# Vendors NIST's JSON Schema of OSCAL assessment results, unmodified, at a
# pinned OSCAL release, into test/fixtures/oscal/: the tests validate every
# assessment-results file the evidence pack writes against it.
#
#   scripts/vendor-oscal-schema.sh [<usnistgov/OSCAL checkout or bare clone>]
#
# Without an argument it clones the repository from GitHub. OSCAL 1.0.6 is the
# newest release whose JSON schemas are committed at its tag (json/schema/);
# later releases publish them only as release assets.
# The OSCAL repository is in the worldwide public domain (NIST, CC0 1.0):
# https://github.com/usnistgov/OSCAL/blob/v1.0.6/LICENSE.md
set -euo pipefail
OSCAL_TAG=v1.0.6
SCHEMA=json/schema/oscal_assessment-results_schema.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=${1:-}
if [ -z "$repo" ]; then
  git clone -q --bare https://github.com/usnistgov/OSCAL "$work/OSCAL"
  repo=$work/OSCAL
fi
commit=$(git --git-dir="$repo" rev-parse "$OSCAL_TAG^{commit}" 2>/dev/null || git -C "$repo" rev-parse "$OSCAL_TAG^{commit}")
out="$(dirname "$0")/../test/fixtures/oscal"
mkdir -p "$out"
{ git --git-dir="$repo" show "$commit:$SCHEMA" 2>/dev/null || git -C "$repo" show "$commit:$SCHEMA"; } > "$out/oscal_assessment-results_schema.json"
cat > "$out/SOURCE.md" <<MD
# OSCAL assessment results schema, vendored

An unmodified copy written by \`scripts/vendor-oscal-schema.sh\`; do not edit.

| file | repository | tag | commit | path |
|---|---|---|---|---|
| \`oscal_assessment-results_schema.json\` | usnistgov/OSCAL | $OSCAL_TAG | $commit | $SCHEMA |

Licence: the OSCAL project is in the worldwide public domain (a work of NIST, the United States
government; CC0 1.0 elsewhere): <https://github.com/usnistgov/OSCAL/blob/$OSCAL_TAG/LICENSE.md>.
Source: National Institute of Standards and Technology, Open Security Controls Assessment Language.
MD
echo "wrote test/fixtures/oscal/ (OSCAL $OSCAL_TAG, $commit)"
