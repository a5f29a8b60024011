#!/usr/bin/env bash
# Issue 17's target for writing: writing the plan workbook takes no more than 1.5x the CSV
# path's time. The solve around the outputs is left out: `perf record` samples each
# `redeploy solve` and the samples are counted by what is on their stack:
#   workbook  PlanWorkbookFile.data (the sheets, the XML, the zip), the staged file, and every
#             sample whose innermost frame is in libz: zlib is built without frame pointers,
#             so perf cannot walk from its deflate back to the workbook (nothing else in a
#             solve calls zlib: a solve without --xlsx has no libz sample)
#   readable  ReadableCSV.files (the readable CSVs of --spreadsheet)
#   view      the rest of ReadablePlan.init: the plan as a person reads it, which the workbook
#             and the readable CSVs are both made from
#   CSV files PlanOutput.files (the bytes of plan.csv, schools.csv, summary.json) and
#             AtomicFiles.write (writing every file but the workbook)
# Three readings, each a table of medians:
#   1. the workbook (with the view) against the contract's three files alone, which hold about
#      a ninth of its content (no names, areas, levels, per-school or per-area view);
#   2. the same content two ways: the workbook against the readable CSVs, each with the view
#      (runs with --xlsx and --spreadsheet; the readable files' share of AtomicFiles.write is
#      not split out and counts on neither side);
#   3. what a planner runs: `solve --xlsx` (the contract's files, the view, the workbook)
#      against `solve --spreadsheet` (the contract's files, the view, the readable CSVs).
# Scenario: scenarios.sh's s3500 (3,500 schools, 20 km, no qualifications). RUNS solves of each
# kind (default 5), alternately; it prints three Markdown tables of the medians, each in seconds
# (samples / rate), and the workbook's size.
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
    for mode in xlsx spreadsheet; do
        rm -rf "$work/out"
        extra=()
        [[ $mode == spreadsheet ]] && extra=(--spreadsheet)
        perf record -q -g -F "$rate" -o "$work/perf.data" \
            "$REDEPLOY" solve "$work/s3500" --out "$work/out" --xlsx "$work/out/plan.xlsx" "${extra[@]}" --quiet >/dev/null 2>&1
        perf script -i "$work/perf.data" 2>/dev/null > "$work/$mode-$k.txt"
    done
done
size=$(stat -c %s "$work/out/plan.xlsx")
python3 - "$rate" "$size" "$work" "$runs" <<'PY'
import statistics, sys
rate, size, work, runs = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])

def classes(path):
    """Seconds per class of sample: the innermost frame first, then the stack's names."""
    counts = {}
    for sample in open(path).read().split("\n\n"):
        frames = sample.strip().split("\n")[1:]
        if not frames:
            continue
        zlib = "libz.so" in frames[0]
        if "PlanWorkbook0aB4FileO4data" in sample or "PlanWorkbook10StagedFileV" in sample or zlib:
            kind = "workbook"
        elif "PlanWorkbook11ReadableCSVO5files" in sample:
            kind = "readable"
        elif "PlanWorkbook08ReadableA0V" in sample:
            kind = "view"
        elif "PlanOutputV5files" in sample or "AtomicFilesO5write" in sample:
            kind = "csv"
        else:
            continue
        counts[kind] = counts.get(kind, 0) + 1
    return {k: v / rate for k, v in counts.items()}

def row(label, values, base):
    m = statistics.median(values)
    return f"| {label} | {m:.3f} | {min(values):.3f} | {max(values):.3f} | {m / base:.2f}x |"

first = [classes(f"{work}/xlsx-{k}.txt") for k in range(1, runs + 1)]
csv = [c.get("csv", 0) for c in first]
book = [c.get("workbook", 0) + c.get("view", 0) for c in first]
print(f"| writing, s3500 ({runs} solves, perf at {rate:.0f} Hz) | median s | min s | max s | / CSV files |")
print("|---|---|---|---|---|")
print(row("plan.csv, schools.csv, summary.json", csv, statistics.median(csv)))
print(row(f"plan workbook (plan.xlsx, {size / 1024:.0f} KiB)", book, statistics.median(csv)))
print()
second = [classes(f"{work}/spreadsheet-{k}.txt") for k in range(1, runs + 1)]
readable = [c.get("readable", 0) + c.get("view", 0) for c in second]
book = [c.get("workbook", 0) + c.get("view", 0) for c in second]
print(f"| the same content, s3500 ({runs} solves with --xlsx --spreadsheet) | median s | min s | max s | / readable CSVs |")
print("|---|---|---|---|---|")
print(row("readable CSVs (plan-readable, schools-readable, by-school)", readable, statistics.median(readable)))
print(row("plan workbook", book, statistics.median(readable)))
print()
spreadsheet = [c.get("csv", 0) + c.get("readable", 0) + c.get("view", 0) for c in second]
xlsx = [c.get("csv", 0) + c.get("workbook", 0) + c.get("view", 0) for c in first]
print(f"| what a planner runs, s3500 ({runs} solves each) | median s | min s | max s | / --spreadsheet |")
print("|---|---|---|---|---|")
print(row("`solve --spreadsheet`: the contract's files and the readable CSVs", spreadsheet, statistics.median(spreadsheet)))
print(row("`solve --xlsx`: the contract's files and the plan workbook", xlsx, statistics.median(spreadsheet)))
PY
