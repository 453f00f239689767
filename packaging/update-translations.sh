#!/usr/bin/env bash
# Refreshes translations/madf_*.ts from the sources (core/, ui/, app/) with
# lupdate: new strings are added as unfinished, vanished ones dropped. The
# same as `cmake --build <dir> --target update_translations`, without a build.
# Usage: update-translations.sh [file.ts ...]   (default: every translations/*.ts)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || command -v lupdate)}
if [ $# -eq 0 ]; then
  set -- "$root"/translations/madf_*.ts
fi
cd "$root"
# -I: headers are found by their repository paths, so lupdate sees every
# Q_DECLARE_TR_FUNCTIONS context.
"$lupdate" -silent -I "$root" -locations none -no-obsolete -extensions cpp,h core ui app -ts "$@"
# Print what is left to translate.
for ts in "$@"; do
  left=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "$(basename "$ts"): $left unfinished"
done
