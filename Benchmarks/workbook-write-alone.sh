#!/usr/bin/env bash
# Issue 17's target for writing, read honestly: writing the plan workbook takes no more than
# 1.5x the time of writing the contract's files (plan.csv, schools.csv, summary.json) for the
# same solved plan. The solve around both is left out: `perf record` samples one
# `redeploy solve --xlsx` and the samples are counted by what is on their stack:
#   workbook  ReadablePlan.init (the plan's view, its sheets, the XML, the zip, the staged file),
#             and every sample whose innermost frame is in libz: zlib is built without frame
#             pointers, so perf cannot walk from its deflate back to ReadablePlan, and those
#             samples (about half of the workbook's time at zlib's level 6) would otherwise be
#             counted as no one's. Nothing else in a solve of CSV files calls zlib (a solve
#             without --xlsx has no libz sample).
#   CSV files PlanOutput.files (the bytes of plan.csv, schools.csv, summary.json) and
#             AtomicFiles.write (writing them)
# Scenario: scenarios.sh's s3500 (3,500 schools, 20 km, no qualifications). RUNS solves
# (default 5); it prints one Markdown table of the medians, each in seconds (samples / rate).
#
#   Benchmarks/workbook-write-alone.sh [RUNS]
#
# REDEPLOY: the redeploy binary (default: a release build in .build-workbook). Needs `perf`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-5}"
rate=5000
if [[ -z "${REDEPLOY:-}" ]]; then
    swift build --package-path "$root" -c release --scratch-path "$root/.build-workbook" --product redeploy >&2
    REDEPLOY="$root/.build-workbook/release/redeploy"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$REDEPLOY" generate --schools 3500 --areas 40 --seed 3500 --max-distance-km 20 --no-qualifications --out "$work/s3500" >&2
for ((k = 1; k <= runs; k++)); do
    rm -rf "$work/out"
    perf record -q -g -F "$rate" -o "$work/perf.data" \
        "$REDEPLOY" solve "$work/s3500" --out "$work/out" --xlsx "$work/out/plan.xlsx" --quiet >/dev/null 2>&1
    perf script -i "$work/perf.data" 2>/dev/null > "$work/run-$k.txt"
done
python3 - "$rate" "$work"/run-*.txt <<'PY'
import statistics, sys
rate = float(sys.argv[1])
workbook, csv = [], []
for path in sys.argv[2:]:
    w = c = 0
    for sample in open(path).read().split("\n\n"):
        frames = sample.strip().split("\n")[1:2]
        if "PlanWorkbook08ReadableA0V" in sample or (frames and "libz.so" in frames[0]):
            w += 1
        elif "PlanOutputV5files" in sample or "AtomicFilesO5write" in sample:
            c += 1
    workbook.append(w / rate)
    csv.append(c / rate)
wm, cm = statistics.median(workbook), statistics.median(csv)
print(f"| writing, s3500 ({len(workbook)} solves, perf at {rate:.0f} Hz) | median s | min s | max s | / CSV files |")
print("|---|---|---|---|---|")
print(f"| plan.csv, schools.csv, summary.json | {cm:.3f} | {min(csv):.3f} | {max(csv):.3f} | 1.00x |")
print(f"| plan workbook (plan.xlsx) | {wm:.3f} | {min(workbook):.3f} | {max(workbook):.3f} | {wm / cm:.2f}x |")
PY
