#!/usr/bin/env bash
# Makes packaging/macos/SocketScope.icns from the committed hicolor PNGs. macOS only (iconutil).
# MacOS.cmake adds the .icns to the bundle when it exists.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v iconutil >/dev/null || { echo "make-icns.sh: iconutil not found (it ships with macOS)" >&2; exit 1; }
png() { echo "resources/icons/hicolor/$1x$1/apps/io.github.socketscope.SocketScope.png"; }
set_dir="$(mktemp -d)/SocketScope.iconset"
mkdir -p "$set_dir"
cp "$(png 16)" "$set_dir/icon_16x16.png";      cp "$(png 32)" "$set_dir/icon_16x16@2x.png"
cp "$(png 32)" "$set_dir/icon_32x32.png";      cp "$(png 64)" "$set_dir/icon_32x32@2x.png"
cp "$(png 128)" "$set_dir/icon_128x128.png";   cp "$(png 256)" "$set_dir/icon_128x128@2x.png"
cp "$(png 256)" "$set_dir/icon_256x256.png";   cp "$(png 512)" "$set_dir/icon_256x256@2x.png"
cp "$(png 512)" "$set_dir/icon_512x512.png"
iconutil -c icns "$set_dir" -o packaging/macos/SocketScope.icns
echo "wrote packaging/macos/SocketScope.icns"
