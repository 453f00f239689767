# Shared by run.sh and test.sh: install what is missing, then configure and
# build. Sourced, not executed.
set -euo pipefail

MADF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MADF_BUILD=${MADF_BUILD_DIR:-$MADF_ROOT/build}

# Debian 12 packages needed to build, run and test. Keep in sync with README.
MADF_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libsqlite3-dev libqt6svg6 qt6-translations-l10n
  libyaml-cpp-dev libspdlog-dev qtkeychain-qt6-dev libgl-dev libqt6opengl6-dev libglib2.0-dev
  xvfb xauth
)

madf_install_missing() {
  local missing=()
  for p in "${MADF_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

madf_build() {
  if [ ! -f "$MADF_BUILD/build.ninja" ]; then
    cmake -S "$MADF_ROOT" -B "$MADF_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$MADF_BUILD" --parallel "$(nproc)"
}
