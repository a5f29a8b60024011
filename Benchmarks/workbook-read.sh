#!/usr/bin/env bash
# Issue 17's target for reading: a 3,500-school scenario read from one workbook takes no more
# than 1.5x the time of reading it from its CSV files. `redeploy check` stands for the reading
# (it loads and validates the whole scenario, then prints a short table).
#
# Generates `redeploy generate --schools 3500 --areas 40 --seed 1` into a temporary folder,
# writes it as a workbook with openpyxl (Benchmarks/workbook_convert.py: an independent writer,
# shared strings off, numbers as number cells), then runs, alternately and RUNS times each
# (default 5), `redeploy check` on the folder and on the workbook, and prints a Markdown table:
# CPU time (user + system, from wait4) median, min and max, median wall clock, peak RSS, and
# the workbook's CPU median against the CSV's. CPU time rather than wall clock, because the
# machines this runs on are shared. Everything it writes is removed at the end.
#
#   Benchmarks/workbook-read.sh [RUNS]
#
# REDEPLOY: the redeploy binary (default: a release build in .build-workbook-read).
# Needs python3 with openpyxl and pyyaml.
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

python3 - "$runs" "$REDEPLOY" "$work/s3500" "$work/s3500.xlsx" <<'PY'
import os, statistics, subprocess, sys, time
runs, redeploy, folder, workbook = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cpu = {"csv": [], "xlsx": []}
wall = {"csv": [], "xlsx": []}
rss = {"csv": [], "xlsx": []}
for _ in range(runs):
    for mode, path in (("csv", folder), ("xlsx", workbook)):
        start = time.perf_counter()
        child = subprocess.Popen([redeploy, "check", path], stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall[mode].append(time.perf_counter() - start)
        if status != 0:
            sys.exit(f"redeploy check {path} failed ({status})")
        cpu[mode].append(usage.ru_utime + usage.ru_stime)
        rss[mode].append(usage.ru_maxrss)
base = statistics.median(cpu["csv"])
print(f"| `redeploy check`, 3,500 schools ({runs} runs) | median CPU s | min CPU s | max CPU s | median wall s | peak RSS MB | CPU median / CSV |")
print("|---|---|---|---|---|---|---|")
for mode, name in (("csv", "CSV files"), ("xlsx", "one workbook")):
    med = statistics.median(cpu[mode])
    print(f"| {name} | {med:.3f} | {min(cpu[mode]):.3f} | {max(cpu[mode]):.3f} | {statistics.median(wall[mode]):.3f} "
          f"| {max(rss[mode]) / 1024:.0f} | {med / base:.2f}x |")
PY
