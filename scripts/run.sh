#!/usr/bin/env bash
# README command 1: install dependencies, build, and start SocketScope.
# With no profile configured the app opens the demo workspace on the built-in simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --build
scripts/build.sh
exec "${SOCKETSCOPE_BUILD_DIR:-build}/src/app/socketscope" "$@"
