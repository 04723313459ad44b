#!/usr/bin/env bash
# Renders the icon PNGs from the SVG sources. Only needed after editing an SVG: the PNGs are committed, so
# builds need no renderer. Needs rsvg-convert (apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is required: apt-get install librsvg2-bin" >&2; exit 1; }
mkdir -p icons ../src/main/resources/dev/rewind/ui/icons
for size in 16 24 32 48 64 128 256 512; do
    source=rewind.svg
    [ "$size" -le 24 ] && source=rewind-small.svg   # hand-hinted for the smallest sizes
    rsvg-convert -w "$size" -h "$size" "$source" -o "icons/rewind-$size.png"
done
# the window's icons (stage icons) come from the classpath
for size in 16 32 48 64 128 256; do
    cp "icons/rewind-$size.png" "../src/main/resources/dev/rewind/ui/icons/rewind-$size.png"
done
