#!/usr/bin/env bash
# Issue 17's target: `redeploy solve --xlsx` on 3,500 schools takes no more than 1.5x the time
# of the same solve writing the CSV files only. Also times --spreadsheet (the readable CSVs).
#
# Two scenarios of 3,500 schools: issue 17's `redeploy generate --schools 3500 --areas 40
# --seed 1` (no distance cap: the solve is long), and scenarios.sh's s3500 (20 km, no
# qualifications: a solve of a few seconds, so that the writing weighs more). Each is
# generated into a temporary folder; then, alternately and RUNS times each (default 3), the
# whole command runs under /usr/bin/time:
#   csv          solve SCENARIO --out DIR
#   xlsx         solve SCENARIO --out DIR --xlsx DIR/plan.xlsx
#   spreadsheet  solve SCENARIO --out DIR --spreadsheet
# It prints one Markdown table (median, min and max wall clock, peak RSS, what was written),
# each mode's median against csv's. Everything it writes is removed at the end.
#
#   Benchmarks/workbook-write.sh [RUNS]
#
# REDEPLOY: the redeploy binary (default: a release build in .build-workbook).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-3}"
if [[ -z "${REDEPLOY:-}" ]]; then
    swift build --package-path "$root" -c release --scratch-path "$root/.build-workbook" --product redeploy >&2
    REDEPLOY="$root/.build-workbook/release/redeploy"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cases=(
  "seed1|--schools 3500 --areas 40 --seed 1"
  "s3500|--schools 3500 --areas 40 --seed 3500 --max-distance-km 20 --no-qualifications"
)
modes=(csv xlsx spreadsheet)
declare -A seconds rss written
for entry in "${cases[@]}"; do
    name="${entry%%|*}"
    # shellcheck disable=SC2086
    "$REDEPLOY" generate ${entry#*|} --out "$work/$name" >&2
    for ((k = 1; k <= runs; k++)); do
        for mode in "${modes[@]}"; do
            out="$work/out-$mode"
            rm -rf "$out"
            extra=()
            [[ "$mode" == xlsx ]] && extra=(--xlsx "$out/plan.xlsx")
            [[ "$mode" == spreadsheet ]] && extra=(--spreadsheet)
            /usr/bin/time -f "%e %M" -o "$work/time" "$REDEPLOY" solve "$work/$name" --out "$out" --quiet "${extra[@]}" 2>/dev/null
            read -r elapsed kib < "$work/time"
            seconds[$name/$mode]+="$elapsed "
            rss[$name/$mode]="$((kib / 1024))"
            written[$name/$mode]="$(du -sk "$out" | cut -f1)"
        done
    done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
minimum() { tr ' ' '\n' | grep . | sort -g | head -1; }
maximum() { tr ' ' '\n' | grep . | sort -g | tail -1; }
echo "| scenario | mode | median s | min s | max s | x csv | peak RSS MiB | written KiB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for entry in "${cases[@]}"; do
    name="${entry%%|*}"
    base="$(echo "${seconds[$name/csv]}" | median)"
    for mode in "${modes[@]}"; do
        key="$name/$mode"
        m="$(echo "${seconds[$key]}" | median)"
        ratio="$(awk -v a="$m" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
        echo "| $name | $mode | $m | $(echo "${seconds[$key]}" | minimum) | $(echo "${seconds[$key]}" | maximum) | $ratio | ${rss[$key]} | ${written[$key]} |"
    done
done
