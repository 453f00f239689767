#!/usr/bin/env bash
# Installs what is missing, builds, and opens MADF Studio.
#   packaging/run.sh                 open the desktop app
#   packaging/run.sh --cli ARGS...   run the headless CLI `madf ARGS...`
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
madf_install_missing
madf_build >&2
if [ "${1:-}" = "--cli" ]; then
  shift
  exec "$MADF_BUILD/app/madf" "$@"
fi
exec "$MADF_BUILD/app/madf-studio" "$@"
