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
for ts in "$@"; do
  # English is the source language: its catalogue holds only the plural
  # forms of the %n strings.
  extra=()
  case "$(basename "$ts")" in madf_en.ts) extra=(-pluralonly) ;; esac
  "$lupdate" -silent -I "$root" -locations none -no-obsolete "${extra[@]}" -extensions cpp,h core ui app -ts "$ts"
done
# Print what is left to translate.
for ts in "$@"; do
  left=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "$(basename "$ts"): $left unfinished"
done
