#!/usr/bin/env bash
# Validates docs/blueprint.schema.json with a real JSON Schema validator (ajv, draft 2020-12) against every
# YAML blueprint in examples/ and tests/Fixtures/: a file the tool reads without BP002/BP003 must pass, a file
# with a BP002 or BP003 finding must be rejected (see validate.mjs for the few documented exceptions).
# Needs node; prints SKIP and exits 0 when node is absent. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: schema validation needs node, which is not installed"
  exit 0
fi
if [ ! -d tools/node_modules/ajv ] || [ ! -d tools/node_modules/yaml ]; then
  (cd tools && npm ci --no-audit --no-fund --silent)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

blueprint=(dotnet "$root/src/Blueprint.Cli/bin/${CONFIGURATION:-Debug}/net10.0/blueprint.dll")
if [ ! -f "${blueprint[1]}" ]; then
  dotnet build src/Blueprint.Cli -c "${CONFIGURATION:-Debug}" --nologo -v q >/dev/null
fi

# The schema printed by the tool must be the committed one (editors point at the committed file).
"${blueprint[@]}" schema > "$work/schema.json"
if ! cmp -s "$work/schema.json" docs/blueprint.schema.json; then
  echo "FAIL: docs/blueprint.schema.json differs from 'blueprint schema'; regenerate it with: blueprint schema > docs/blueprint.schema.json"
  exit 1
fi

mapfile -t files < <(find examples tests/Fixtures -type f \( -name '*.blueprint.yaml' -o -name '*.blueprint.yml' \) | LC_ALL=C sort)
: > "$work/empty.yaml"
# Exit code 1 is expected (some fixtures have errors); anything else is a failure of the tool.
set +e
"${blueprint[@]}" lint --format json --config "$work/empty.yaml" "${files[@]}" > "$work/findings.json"
code=$?
set -e
if [ "$code" -gt 1 ]; then
  echo "FAIL: blueprint lint exited with $code"
  exit 1
fi

node tests/schema/validate.mjs docs/blueprint.schema.json "$work/findings.json" "${files[@]}"
