#!/usr/bin/env bash
# Fuzzes the scenario readers with libFuzzer (docs/RELIABILITY.md, "Fuzzing the readers").
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Builds the harness package Fuzz/ (not part of the main build or CI) with
# -sanitize=fuzzer,address, then runs each target (default: all of TARGETS) for
# SECONDS_PER_TARGET seconds (default 300), one after the other, in one process each.
# Seeds are read from Fuzz/corpus/TARGET (committed); inputs the fuzzer finds go to
# Fuzz/.corpus/TARGET (not committed); a crash, timeout or broken invariant stops the target
# and leaves its input in Fuzz/artifacts/TARGET/. Each run's log is Fuzz/artifacts/TARGET.log.
#
# Environment: MAX_LEN (bytes of an input, default 131072), TIMEOUT (seconds one input may
# take, default 5), RSS_LIMIT_MB (default 2048), FUZZ_ARGS (more libFuzzer flags).
# To replay one input: Fuzz/.build/release/TARGET -detect_leaks=0 FILE
# (with FUZZ_VERBOSE=1 to see what the reader says about it).
set -euo pipefail

TARGETS=(FuzzCSV FuzzScenario FuzzPlan FuzzWorkbook)  # a new target: add it here and in Fuzz/Package.swift

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz="$here/Fuzz"
seconds="${1:-300}"
shift || true
if [ "$#" -gt 0 ]; then TARGETS=("$@"); fi
max_len="${MAX_LEN:-131072}"
timeout="${TIMEOUT:-5}"
rss="${RSS_LIMIT_MB:-2048}"

dict_for() {
    case "$1" in
        FuzzScenario) echo "$fuzz/dict/scenario.dict" ;;
        FuzzWorkbook) echo "$fuzz/dict/workbook.dict" ;;
        *) echo "$fuzz/dict/csv.dict" ;;
    esac
}

echo "== building the fuzz targets (swift build -c release --package-path Fuzz)"
# -sanitize=fuzzer instruments the Swift code (ScenarioIO, Yams, the harness) and links libFuzzer;
# -fsanitize=fuzzer-no-link instruments Yams's copy of libyaml (C) too.
# -parse-as-library: the targets' entry points are @main types that call LLVMFuzzerRunDriver.
# A build that fails must stop the run: the targets left from an earlier build would be fuzzed
# instead, against code that is no longer there (it happened: a stale llbuild manifest left the
# new files of Sources/Workbook out, and two runs fuzzed the old reader).
build_log="$(mktemp)"
built=0
swift build -c release --package-path "$fuzz" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address > "$build_log" 2>&1 || built=$?
grep -v "Cannot export local symbol" "$build_log" || true
rm -f "$build_log"
if [ "$built" -ne 0 ]; then
    echo "the fuzz targets did not build: stopping (if files were added to the main package, try" \
         "removing Fuzz/.build/release.yaml)" >&2
    exit 1
fi
bin="$(swift build -c release --package-path "$fuzz" --show-bin-path)"

# Leak checking at exit is ASan's, not libFuzzer's: turn both off (see -detect_leaks=0 below).
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

status=0
for target in "${TARGETS[@]}"; do
    [ -x "$bin/$target" ] || { echo "no such fuzz target: $target (build failed?)" >&2; exit 1; }
    seeds="$fuzz/corpus/$target"
    found="$fuzz/.corpus/$target"
    artifacts="$fuzz/artifacts/$target"
    log="$fuzz/artifacts/$target.log"
    mkdir -p "$seeds" "$found" "$artifacts"
    echo "== $target: ${seconds}s, -max_len=$max_len -timeout=$timeout, seeds $(ls "$seeds" | wc -l), found so far $(ls "$found" | wc -l)"
    # -detect_leaks=0: FoundationEssentials leaks a 4 KB buffer when it reads an empty file
    # (FileManager.contents(atPath:)), which is not the readers' doing and would stop every run.
    # libFuzzer writes new inputs to the first folder ($found) and only reads the second ($seeds).
    set +e
    # shellcheck disable=SC2086
    "$bin/$target" "$found" "$seeds" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss" \
        -dict="$(dict_for "$target")" -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} >"$log" 2>&1
    rc=$?
    set -e
    grep -E "^#[0-9]+ +DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)|ERROR|INVARIANT|SUMMARY" "$log" || true
    echo "   corpus now $(ls "$found" | wc -l) found inputs; exit status $rc; log $log"
    if [ "$rc" -ne 0 ]; then
        status=$rc
        echo "   FAILED: the input is in $artifacts/" >&2
    fi
done
exit "$status"
