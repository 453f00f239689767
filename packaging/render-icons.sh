#!/usr/bin/env bash
# Renders resources/icons/madf-studio.svg to the PNG sizes the app and the
# desktop need (run after changing the SVG; the PNGs are committed, so a
# build needs no SVG renderer). Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
for size in 16 32 48 64 128 256; do
  convert -background none -density 384 madf-studio.svg -resize "${size}x${size}" "madf-studio-${size}.png"
done
