#!/usr/bin/env bash
# Renders the app icon's PNG sizes for the hicolor theme from the SVG source (committed, so builds
# do not need librsvg). Re-run after editing resources/icons/io.github.socketscope.SocketScope.svg.
# Needs rsvg-convert (Debian package librsvg2-bin; scripts/install-deps.sh --all installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
svg=resources/icons/io.github.socketscope.SocketScope.svg
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }
for size in 16 22 24 32 48 64 128 256 512; do
    dir="resources/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/io.github.socketscope.SocketScope.png"
done
echo "rendered $(ls resources/icons/hicolor | wc -l) sizes from $svg"
