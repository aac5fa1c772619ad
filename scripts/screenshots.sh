#!/usr/bin/env bash
# Builds socketscope if needed, runs it under Xvfb in demo mode (light and dark palettes, wide and
# narrow windows, full and empty table) and writes PNGs to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${SOCKETSCOPE_BUILD_DIR:-build}"
out=docs/screenshots
if [ ! -x "$build_dir/src/app/socketscope" ]; then
    [ -f "$build_dir/CMakeCache.txt" ] || cmake -S . -B "$build_dir" -G Ninja -DSOCKETSCOPE_BUILD_GUI=ON
    cmake --build "$build_dir" --target socketscope
fi
app="$build_dir/src/app/socketscope"
mkdir -p "$out"
work=$(mktemp -d)
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
sleep 1

# shot NAME PALETTE GEOMETRY WAIT [extra args…]: fresh settings each time, so geometry is ours.
shot() {
    local name=$1 palette=$2 geometry=$3 wait=$4
    shift 4
    local home="$work/$name"
    mkdir -p "$home/run" && chmod 700 "$home/run"
    XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" \
        DISPLAY="$display" "$app" --palette "$palette" --capture-dir "$home/captures" \
        -geometry "$geometry" "$@" >"$home/log" 2>&1 &
    app_pid=$!
    sleep "$wait"
    local w=${geometry%%x*} rest=${geometry#*x}
    local h=${rest%%+*}
    DISPLAY="$display" import -window root -crop "${w}x${h}+0+0" +repage -strip -colors 256 "PNG8:$out/$name.png"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    echo "wrote $out/$name.png"
}

export SOCKETSCOPE_SELECT_ROW_AFTER_MS=6000
shot demo-light light 1400x860+0+0 9 --demo --demo-rate 6
shot demo-dark dark 1400x860+0+0 9 --demo --demo-rate 6
shot demo-narrow-light light 820x700+0+0 8 --demo --demo-rate 6
unset SOCKETSCOPE_SELECT_ROW_AFTER_MS
# An empty table: connected to the simulator, no traffic yet.
shot empty-dark dark 1100x700+0+0 4 --demo --demo-rate 0
# The operator's dialogs on a selected slash command (cropped to the dialog at the top-left corner).
export SOCKETSCOPE_SELECT_ROW_AFTER_MS=5000
SOCKETSCOPE_SCREENSHOT_DIALOG=replay shot replay-dialog-light light 760x640+0+0 8 --demo --demo-rate 6
SOCKETSCOPE_SCREENSHOT_DIALOG=answer shot answer-composer-light light 900x680+0+0 8 --demo --demo-rate 6
unset SOCKETSCOPE_SELECT_ROW_AFTER_MS
# The setup wizard (Slack tokens page with a pasted bot token caught; the live doctor page) and the
# Doctor window with a failing check, all against in-process simulators (SOCKETSCOPE_SCREENSHOT).
SOCKETSCOPE_SCREENSHOT=wizard-slack shot wizard-slack-light light 760x600+0+0 4
SOCKETSCOPE_SCREENSHOT=wizard-doctor shot wizard-doctor-dark dark 760x600+0+0 7
SOCKETSCOPE_SCREENSHOT=doctor shot doctor-window-light light 1100x560+0+0 7
