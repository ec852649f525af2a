#!/usr/bin/env bash
# Renders vncstream.svg to the hicolor PNG sizes committed beside it (png/NxN.png).
# Run by hand after editing the SVG; the package build uses the committed PNGs, so it needs
# neither ImageMagick nor librsvg. Uses rsvg-convert (librsvg2-bin) if present, else
# ImageMagick's convert (which itself needs rsvg-convert for SVG on Debian).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for s in 16 32 48 64 128 256; do
  if command -v rsvg-convert >/dev/null 2>&1; then
    rsvg-convert -w "$s" -h "$s" vncstream.svg -o "png/${s}x${s}.png"
  else
    convert -background none vncstream.svg -resize "${s}x${s}" "png/${s}x${s}.png"
  fi
done
ls -l png
