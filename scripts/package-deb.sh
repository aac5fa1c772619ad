#!/usr/bin/env bash
# Builds the Debian package with CPack, lints it, installs it, runs the installed programs and the
# desktop/AppStream validators on the installed files, then removes it and checks nothing is left.
# Fails (non-zero) on any lintian error or failed check. Needs root or sudo (dpkg -i / -r).
#
# Usage: scripts/package-deb.sh [--reuse-build DIR] [--keep-installed]
#   default          configure and build a Release tree with only the two programs (tests and
#                    benchmarks off, Debian hardening flags) in $SOCKETSCOPE_PKG_BUILD_DIR, or
#                    "${SOCKETSCOPE_BUILD_DIR:-build}-pkg"
#   --reuse-build D  package the already-built tree D instead (CI: the tree scripts/test.sh built);
#                    cpack strips the binaries either way
#   --keep-installed leave the package installed at the end
set -euo pipefail
cd "$(dirname "$0")/.."
src_dir="$(pwd)"

reuse=""
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --reuse-build) reuse="${2:?--reuse-build needs a build directory}"; shift 2 ;;
        --keep-installed) keep=1; shift ;;
        *) echo "usage: $0 [--reuse-build DIR] [--keep-installed]" >&2; exit 2 ;;
    esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
step() { printf '\n== %s\n' "$*" >&2; }
fail() { echo "package-deb.sh: FAILED: $*" >&2; exit 1; }

scripts/install-deps.sh --package

targets=(socketscope socketscope_cli socketscope_install_docs)
# cpack's install step must not rebuild `all` (tests, benchmarks): the targets above are what it installs.
if [ -n "$reuse" ]; then
    build_dir="$reuse"
    [ -f "$build_dir/CMakeCache.txt" ] || fail "--reuse-build $build_dir: not a configured build tree"
    step "Reusing $build_dir"
    cmake -S . -B "$build_dir" -DSOCKETSCOPE_BUILD_GUI=ON -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON >/dev/null
else
    build_dir="${SOCKETSCOPE_PKG_BUILD_DIR:-${SOCKETSCOPE_BUILD_DIR:-build}-pkg}"
    step "Release tree in $build_dir"
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        export DEB_BUILD_MAINT_OPTIONS="hardening=+all"
        cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
        ldflags="$(dpkg-buildflags --get LDFLAGS)"
        generator=()
        if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
        cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
            -DSOCKETSCOPE_BUILD_GUI=ON -DSOCKETSCOPE_BUILD_TESTS=OFF -DSOCKETSCOPE_BUILD_BENCH=OFF \
            -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON \
            "-DCMAKE_CXX_FLAGS=$cxxflags" "-DCMAKE_EXE_LINKER_FLAGS=$ldflags"
    fi
fi
cmake --build "$build_dir" --parallel "$(nproc)" --target "${targets[@]}"

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"
[ -n "$version" ] || fail "no CMAKE_PROJECT_VERSION in $build_dir/CMakeCache.txt"
arch="$(dpkg --print-architecture)"
deb="$build_dir/socketscope_${version}_${arch}.deb"

step "cpack -G DEB"
rm -f "$deb"
(cd "$build_dir" && cpack -G DEB) || fail "cpack"
[ -f "$deb" ] || fail "cpack did not write $deb"
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
echo "package: $deb ($(du -h "$deb" | cut -f1), installed size $(dpkg-deb -f "$deb" Installed-Size) KiB)"
dpkg-deb -f "$deb" Package Version Architecture Section Depends Recommends
dpkg-deb -c "$deb" | awk '{print $1, $6}'

step "lintian"
# Errors fail the build; warnings and infos are shown (and should be fixed, not overridden).
lintian_log="$(mktemp)"
lintian_rc=0
lintian --fail-on error --info --display-info --tag-display-limit 0 "$deb" >"$lintian_log" 2>&1 || lintian_rc=$?
cat "$lintian_log"
errors=$(grep -c '^E: ' "$lintian_log" || true)
warnings=$(grep -c '^W: ' "$lintian_log" || true)
infos=$(grep -c '^I: ' "$lintian_log" || true)
rm -f "$lintian_log"
echo "lintian: $errors error(s), $warnings warning(s), $infos info(s)"
[ "$lintian_rc" -eq 0 ] && [ "$errors" -eq 0 ] || fail "lintian reported errors (exit $lintian_rc)"

installed=""
cleanup() {
    if [ -n "$installed" ] && [ -z "$keep" ]; then
        $sudo dpkg --purge socketscope >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

step "dpkg -i"
export DEBIAN_FRONTEND=noninteractive
if ! $sudo dpkg -i "$deb"; then
    $sudo apt-get install -y -qq -f || fail "apt-get -f install (dependencies of the package)"
fi
installed=1
[ "$(dpkg-query -W -f='${Status} ${Version}' socketscope)" = "install ok installed $version" ] \
    || fail "socketscope $version is not installed and configured"

step "Installed programs (from /usr/bin, outside the source and build trees)"
cd /
missing_libs="$(ldd /usr/bin/socketscope /usr/bin/socketscope-cli | grep 'not found' || true)"
[ -z "$missing_libs" ] || fail "unresolved libraries: $missing_libs"
out="$(env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/socketscope --version)"
echo "$out"
[ "$out" = "socketscope $version" ] || fail "socketscope --version printed '$out'"
out="$(/usr/bin/socketscope-cli --version)"
echo "$out"
[[ "$out" == "socketscope-cli $version "* ]] || fail "socketscope-cli --version printed '$out'"
QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/socketscope --self-test || fail "socketscope --self-test"
token="$(/usr/bin/socketscope-cli sim --print-token)"
[[ "$token" == xapp-* ]] || fail "socketscope-cli sim --print-token printed '$token'"

step "Installed desktop integration"
app_id=io.github.socketscope.SocketScope
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
echo "desktop-file-validate: ok"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
for f in /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
         /usr/share/icons/hicolor/{16x16,22x22,24x24,32x32,48x48,64x64,128x128,256x256,512x512}/apps/$app_id.png \
         /usr/share/man/man1/socketscope.1.gz /usr/share/man/man1/socketscope-cli.1.gz \
         /usr/share/doc/socketscope/copyright /usr/share/doc/socketscope/changelog.gz; do
    [ -f "$f" ] || fail "missing $f"
done
man_warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l /usr/share/man/man1/socketscope-cli.1.gz 2>&1 >/dev/null || true)"
[ -z "$man_warnings" ] || fail "man page warnings: $man_warnings"
echo "icons, man pages, copyright, changelog: ok"

if [ -n "$keep" ]; then
    step "Keeping socketscope $version installed (--keep-installed)"
    exit 0
fi
step "dpkg --purge"
listed="$(dpkg -L socketscope | grep -v '^/usr/share/doc$' || true)"
$sudo dpkg --purge socketscope
installed=""
for f in /usr/bin/socketscope /usr/bin/socketscope-cli; do
    [ ! -e "$f" ] || fail "$f is still there after dpkg --purge"
done
left=""
while IFS= read -r path; do
    [ -n "$path" ] && [ -f "$path" ] && left+="$path "
done <<<"$listed"
[ -z "$left" ] || fail "files left after dpkg --purge: $left"
echo "removed: no socketscope files left in /usr"
echo "package-deb.sh: OK ($deb)"
