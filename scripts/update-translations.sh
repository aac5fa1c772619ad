#!/usr/bin/env bash
# Collects the GUI's strings into resources/translations/*.ts (lupdate through the CMake target, with
# the same sources and options as the build), fills the English source catalogue (identity and plural
# forms), then lists what still needs a translator. Exit 1 while anything is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${SOCKETSCOPE_BUILD_DIR:-build}"
[ -f "$build_dir/CMakeCache.txt" ] || scripts/build.sh
cmake --build "$build_dir" --target socketscope_lupdate
python3 scripts/i18n-fill.py --english resources/translations/socketscope_en.ts
cmake --build "$build_dir" --target socketscope_lupdate   # back to lupdate's own layout
if ! python3 scripts/i18n-fill.py --check resources/translations/*.ts; then
    echo "Translate the entries above (linguist resources/translations/socketscope_de.ts), then commit." >&2
    exit 1
fi
echo "translations complete"
