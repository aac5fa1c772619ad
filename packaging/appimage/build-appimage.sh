#!/usr/bin/env bash
# Builds SocketScope-<version>-x86_64.AppImage with linuxdeploy and linuxdeploy-plugin-qt, then runs
# the AppImage's --self-test offscreen.
#
# This script downloads nothing. Get the two tools yourself (they are AppImages; check their
# signatures or checksums as their projects describe), make them executable and put them on PATH or
# in $LINUXDEPLOY_DIR:
#   linuxdeploy-x86_64.AppImage            https://github.com/linuxdeploy/linuxdeploy/releases
#   linuxdeploy-plugin-qt-x86_64.AppImage  https://github.com/linuxdeploy/linuxdeploy-plugin-qt/releases
# Build on the oldest distribution you want to support (glibc is not bundled): Debian 12 gives an
# AppImage for glibc >= 2.36. Without FUSE, set APPIMAGE_EXTRACT_AND_RUN=1.
#
# Usage: packaging/appimage/build-appimage.sh [BUILD_DIR]   (default build-appimage)
# Keychain: QtKeychain is bundled; it talks to the host's Secret Service or KWallet over D-Bus, so
# tokens work where the host runs one. Without one, use the SOCKETSCOPE_* environment variables.
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir="${1:-build-appimage}"
tools_dir="${LINUXDEPLOY_DIR:-}"

find_tool() {
    local name=$1
    if [ -n "$tools_dir" ] && [ -x "$tools_dir/$name" ]; then echo "$tools_dir/$name"; return; fi
    command -v "$name" 2>/dev/null || true
}
linuxdeploy="$(find_tool linuxdeploy-x86_64.AppImage)"
plugin_qt="$(find_tool linuxdeploy-plugin-qt-x86_64.AppImage)"
if [ -z "$linuxdeploy" ] || [ -z "$plugin_qt" ]; then
    echo "build-appimage.sh: linuxdeploy-x86_64.AppImage and linuxdeploy-plugin-qt-x86_64.AppImage" \
         "must be on PATH or in \$LINUXDEPLOY_DIR (see the comment at the top of this script;" \
         "nothing is downloaded for you)." >&2
    exit 1
fi
# linuxdeploy finds its plugins as linuxdeploy-plugin-<name>* next to itself or on PATH.
export PATH="$(dirname "$plugin_qt"):$PATH"

scripts/install-deps.sh --build
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DSOCKETSCOPE_BUILD_GUI=ON -DSOCKETSCOPE_BUILD_TESTS=OFF -DSOCKETSCOPE_BUILD_BENCH=OFF
cmake --build "$build_dir" --parallel "$(nproc)"
appdir="$build_dir/AppDir"
rm -rf "$appdir"
DESTDIR="$(cd "$build_dir" && pwd)/AppDir" cmake --install "$build_dir" --strip

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"
app_id=io.github.socketscope.SocketScope
# linuxdeploy-plugin-qt finds Qt through qmake, and deploys the plugins of the Qt modules the
# binaries link. The SVG icon engine and image plugin come from Qt Svg, which SocketScope loads only
# as a plugin, so ask for it; the SQLite driver comes with Qt Sql; add Wayland next to xcb.
export QMAKE="${QMAKE:-/usr/lib/qt6/bin/qmake6}"
export EXTRA_QT_MODULES="svg"
export EXTRA_QT_PLUGINS="svg"
export EXTRA_PLATFORM_PLUGINS="libqwayland-generic.so"
export LINUXDEPLOY_OUTPUT_VERSION="$version"
(cd "$build_dir" && "$linuxdeploy" --appdir AppDir \
    --executable AppDir/usr/bin/socketscope \
    --executable AppDir/usr/bin/socketscope-cli \
    --desktop-file "AppDir/usr/share/applications/$app_id.desktop" \
    --icon-file "AppDir/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    --plugin qt --output appimage)

image="$(ls -t "$build_dir"/SocketScope-*.AppImage | head -1)"
echo "built $image"
QT_QPA_PLATFORM=offscreen "$image" --self-test
"$image" --version
