#!/usr/bin/env bash
# Regenerates the README's configuration reference from the field
# declarations (`madf config reference`). tst_cliconfig fails when it is stale.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
madf=${1:-$root/build/app/madf}
ref=$(mktemp)
"$madf" config reference > "$ref"
awk -v ref="$ref" '
  /<!-- config-reference:begin -->/ { print; while ((getline line < ref) > 0) print line; skip = 1; next }
  /<!-- config-reference:end -->/ { skip = 0 }
  !skip { print }
' "$root/README.md" > "$root/README.md.new"
mv "$root/README.md.new" "$root/README.md"
rm -f "$ref"
