#!/usr/bin/env bash
# README command 2: install dependencies, build, and run every test (unit, integration, GUI offscreen,
# keychain against a real Secret Service). Extra args go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh
build_dir="${SOCKETSCOPE_BUILD_DIR:-build}"
# A private session bus with an unlocked gnome-keyring, so keychain tests use a real Secret Service.
exec dbus-run-session -- scripts/with-keyring.sh \
    ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" "$@"
