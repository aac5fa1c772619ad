#!/usr/bin/env bash
# Installs what SocketScope needs on Debian 12 (bookworm). Safe to re-run: installs only what is missing.
# Usage: scripts/install-deps.sh [--build|--test|--package|--all]
set -euo pipefail

what="${1:---build}"
build_pkgs=(build-essential cmake ninja-build pkg-config
            qt6-base-dev qt6-websockets-dev qtkeychain-qt6-dev libqt6sql6-sqlite
            qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libgl-dev
            qt6-qpa-plugins libqt6svg6 libsqlite3-0 libsqlite3-dev fonts-dejavu-core
            rapidjson-dev) # header-only: parses Socket Mode frames (src/core/slack/FrameFields.cpp)
test_pkgs=(dbus dbus-x11 gnome-keyring libsecret-tools openssl nodejs npm xvfb xauth imagemagick
           desktop-file-utils appstream
           clang libclang-rt-14-dev) # clang + libFuzzer runtime: scripts/fuzz.sh
# scripts/package-deb.sh: cpack's DEB generator (dpkg-shlibdeps, fakeroot), lintian and the validators.
package_pkgs=(dpkg-dev fakeroot file lintian desktop-file-utils appstream man-db)
# scripts/render-icons.sh (the PNG icons are committed; only needed to re-render them).
extra_pkgs=(librsvg2-bin)

pkgs=("${build_pkgs[@]}")
case "$what" in
    --build) ;;
    --test) pkgs+=("${test_pkgs[@]}") ;;
    --package) pkgs+=("${package_pkgs[@]}") ;;
    --all) pkgs+=("${test_pkgs[@]}" "${package_pkgs[@]}" "${extra_pkgs[@]}") ;;
    *) echo "usage: $0 [--build|--test|--package|--all]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
# node/npm may come from elsewhere than Debian's packages (e.g. a preinstalled Node.js).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    filtered=()
    for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
    missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
