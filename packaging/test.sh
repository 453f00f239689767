#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. Non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
madf_install_missing
madf_build
cd "$MADF_BUILD"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" "$@"
