#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for SECONDS (default 30).
#
#   scripts/fuzz.sh [SECONDS]
#
# CI runs `scripts/fuzz.sh 20` from scripts/test.sh. For a real hunt, run longer and in parallel, e.g.
#   scripts/fuzz.sh 3600                                  # one hour per target
#   SOCKETSCOPE_FUZZ_JOBS=2 scripts/fuzz.sh 3600          # libFuzzer -fork=2 per target
# The committed seeds in tests/fuzz/corpus/<target>/ are only read; what a run learns goes to
# $build_dir/corpus/<target>/ and is kept between runs. A crash leaves its input in
# $build_dir/artifacts/<target>/; reproduce it with `$build_dir/tests/fuzz/<target> <file>`, fix it, and
# add the (minimised, fake-valued) input to the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
build_dir="${SOCKETSCOPE_FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${SOCKETSCOPE_FUZZ_JOBS:-1}"

if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz.sh: clang++ not found; scripts/install-deps.sh --test installs clang and libclang-rt-14-dev" >&2
    exit 1
fi
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSOCKETSCOPE_BUILD_FUZZERS=ON -DSOCKETSCOPE_BUILD_TESTS=OFF -DSOCKETSCOPE_BUILD_GUI=OFF \
        -DSOCKETSCOPE_BUILD_BENCH=OFF
fi
targets=(fuzz_parse_frame fuzz_envelope_filter fuzz_jsonl_import)
cmake --build "$build_dir" --parallel "$(nproc)" --target "${targets[@]}"

# Leaks count as findings; UBSan stops at the first report so libFuzzer keeps the input.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}"
export QT_LOGGING_RULES="*.debug=false"

status=0
for target in "${targets[@]}"; do
    name="${target#fuzz_}"
    case "$name" in
        parse_frame) max_len=262144 ;;   # frames are large (60 KB block_actions are real)
        envelope_filter) max_len=4096 ;; # a filter bar line
        jsonl_import) max_len=262144 ;;
    esac
    work="$build_dir/corpus/$name"
    artifacts="$build_dir/artifacts/$name"
    mkdir -p "$work" "$artifacts"
    log="$build_dir/fuzz-$name.log"
    fork=()
    if [ "$jobs" -gt 1 ]; then fork=(-fork="$jobs" -ignore_crashes=0); fi
    echo "fuzz: $target for ${seconds}s" >&2
    if "$build_dir/tests/fuzz/$target" "$work" "tests/fuzz/corpus/$name" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 "${fork[@]}" >"$log" 2>&1; then
        runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
        echo "fuzz: $target ok, ${runs:-?} executions in ${seconds}s" >&2
    else
        echo "fuzz: $target FAILED; input in $artifacts/, log $log:" >&2
        tail -60 "$log" >&2
        status=1
    fi
done
exit "$status"
