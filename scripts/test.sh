#!/usr/bin/env bash
# README command 2: install dependencies, build, and run every test (unit, integration, GUI offscreen,
# keychain against a real Secret Service). Extra args go to the first ctest run.
#
# Then, unless SOCKETSCOPE_SKIP_SANITIZERS=1:
#   2. a second tree (build-asan, or $SOCKETSCOPE_ASAN_BUILD_DIR) with ASan+UBSan and without the GUI,
#      running the unit and integration labels (tests/sanitizers/README.md);
#   3. scripts/fuzz.sh 20: each libFuzzer target for 20 s (unless SOCKETSCOPE_SKIP_FUZZ=1).
# Every stage runs even if an earlier one failed; the exit status is non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test

stage() { echo "== test.sh: $* ($(date -u +%H:%M:%S))" >&2; }
took() { echo "== test.sh: $1 took $(( $2 / 60 )) min $(( $2 % 60 )) s" >&2; }
status=0

stage "build"
start=$SECONDS
scripts/build.sh
took "build" $((SECONDS - start))
build_dir="${SOCKETSCOPE_BUILD_DIR:-build}"
# A private session bus with an unlocked gnome-keyring, so keychain tests use a real Secret Service.
stage "ctest ($build_dir)"
start=$SECONDS
dbus-run-session -- scripts/with-keyring.sh \
    ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" "$@" || status=1
took "ctest ($build_dir)" $((SECONDS - start))

if [ "${SOCKETSCOPE_SKIP_SANITIZERS:-0}" != 1 ]; then
    asan_dir="${SOCKETSCOPE_ASAN_BUILD_DIR:-build-asan}"
    stage "sanitizer build ($asan_dir)"
    start=$SECONDS
    # -O1 -g1: ASan's recommended optimisation, line tables for the reports, and half the compile time
    # of -O2 -g on the 2-core CI box.
    if SOCKETSCOPE_BUILD_DIR="$asan_dir" scripts/build.sh -DSOCKETSCOPE_ENABLE_SANITIZERS=ON \
        -DSOCKETSCOPE_BUILD_GUI=OFF -DSOCKETSCOPE_BUILD_BENCH=OFF \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"; then
        took "sanitizer build" $((SECONDS - start))
        stage "ctest -L 'unit|integration' under ASan+UBSan ($asan_dir)"
        start=$SECONDS
        supp="$PWD/tests/sanitizers"
        ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=0:strict_string_checks=1" \
        LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0" \
        UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp" \
        dbus-run-session -- scripts/with-keyring.sh \
            ctest --test-dir "$asan_dir" -L "unit|integration" --output-on-failure --parallel "$(nproc)" \
            || status=1
        took "sanitizer ctest" $((SECONDS - start))
    else
        echo "== test.sh: the sanitizer build failed" >&2
        status=1
    fi
fi

if [ "${SOCKETSCOPE_SKIP_FUZZ:-0}" != 1 ]; then
    stage "fuzz (20 s per target)"
    start=$SECONDS
    scripts/fuzz.sh 20 || status=1
    took "fuzz" $((SECONDS - start))
fi

if [ "$status" -ne 0 ]; then
    echo "== test.sh: FAILED (see the stages above)" >&2
fi
exit "$status"
