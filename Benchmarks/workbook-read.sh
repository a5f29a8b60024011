#!/usr/bin/env bash
# Issue 17's target for reading: a 3,500-school scenario read from one workbook takes no more
# than 1.5x the time of reading it from its CSV files. `redeploy check` stands for the reading
# (it loads and validates the whole scenario, then prints a short table).
#
# Generates `redeploy generate --schools 3500 --areas 40 --seed 1` into a temporary folder,
# writes it as a workbook with openpyxl (Benchmarks/workbook_convert.py: an independent writer,
# shared strings off, numbers as number cells), then runs, alternately and RUNS times each
# (default 5), `redeploy check` on the folder and on the workbook under /usr/bin/time, and
# prints a Markdown table (median, min, max wall clock, peak RSS) with the workbook's median
# against the CSV's. Everything it writes is removed at the end.
#
#   Benchmarks/workbook-read.sh [RUNS]
#
# REDEPLOY: the redeploy binary (default: a release build in .build-workbook-read).
# Needs python3 with openpyxl and pyyaml, and Debian's `time`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-5}"
if [ -z "${REDEPLOY:-}" ]; then
    swift build -c release --package-path "$root" --scratch-path "$root/.build-workbook-read" --product redeploy >&2
    REDEPLOY="$root/.build-workbook-read/release/redeploy"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$REDEPLOY" generate --schools 3500 --areas 40 --seed 1 --out "$work/s3500" >/dev/null
python3 "$here/workbook_convert.py" "$work/s3500" "$work/s3500.xlsx"
staff_rows=$(($(wc -l < "$work/s3500/staff.csv") - 1))
echo "scenario: 3,500 schools, $staff_rows staff rows; CSV files $(du -sk "$work/s3500" | cut -f1) KB, workbook $(du -k "$work/s3500.xlsx" | cut -f1) KB" >&2

declare -A times rss
for k in $(seq "$runs"); do
    for mode in csv xlsx; do
        input="$work/s3500"; [ "$mode" = xlsx ] && input="$work/s3500.xlsx"
        /usr/bin/time -f "%e %M" -o "$work/time" "$REDEPLOY" check "$input" >/dev/null
        read -r seconds kb < "$work/time"
        times[$mode]+="$seconds "
        rss[$mode]+="$kb "
    done
done
python3 - "$runs" "${times[csv]}" "${times[xlsx]}" "${rss[csv]}" "${rss[xlsx]}" <<'PY'
import statistics, sys
runs = sys.argv[1]
t = {"csv": [float(x) for x in sys.argv[2].split()], "xlsx": [float(x) for x in sys.argv[3].split()]}
m = {"csv": [int(x) for x in sys.argv[4].split()], "xlsx": [int(x) for x in sys.argv[5].split()]}
base = statistics.median(t["csv"])
print(f"| `redeploy check`, 3,500 schools ({runs} runs) | median s | min s | max s | peak RSS MB | median / CSV |")
print("|---|---|---|---|---|---|")
for mode, name in (("csv", "CSV files"), ("xlsx", "one workbook")):
    med = statistics.median(t[mode])
    print(f"| {name} | {med:.2f} | {min(t[mode]):.2f} | {max(t[mode]):.2f} | {max(m[mode]) / 1024:.0f} | {med / base:.2f}x |")
PY
