#!/usr/bin/env bash
# The multi-year targets (docs/MODEL.md sections 5 and 6), in one run:
#   1. s600h:  600 schools x 6 years, 30 km, no qualifications: the exact plan in <= 5 s, <= 1 GiB
#   2. s600qh: the same with qualifications, retraining and max_out_share 0.2: proven optimal in <= 60 s
#   3. s3500h: 3,500 schools x 6 years, 20 km, no qualifications: the exact plan in <= 60 s, <= 4 GiB
#   4. HiGHS on s600h's literal model (`export-model --stage 1`): not expected to finish in 600 s
#
# It writes the scenarios to Benchmarks/.scenarios/NAME (deterministic: the same bytes every
# time), runs `redeploy solve` on each under /usr/bin/time, exports the stage-1 literal model of
# the --highs cases and solves it with HiGHS (Benchmarks/highs_solve.py, one thread, gap 0),
# and prints one Markdown table. Everything else (logs, MPS files, summaries, results.jsonl,
# results.md) goes to Benchmarks/.horizon/ (ignored). The heavy jobs run one after another.
#
#   Benchmarks/horizon.sh [--cases s600h,s600qh,s3500h] [--highs s600h|all|none]
#                         [--highs-time-limit 600] [--time-limit 600] [--fresh] [--render]
#
#   --cases             which scenarios redeploy solves (default: all three; none: only HiGHS)
#   --highs             whose literal model HiGHS solves (default: s600h; all; none)
#   --highs-time-limit  HiGHS's time limit, seconds (default 600)
#   --time-limit        redeploy solve's --time-limit, seconds (default 600)
#   --fresh             solve with HiGHS again even when the MPS file is byte-identical to the
#                       last one solved with the same limit (by default that result is reused,
#                       from .horizon/CASE/highs-LIMIT.json: HiGHS does not change between
#                       runs, redeploy does)
#   --render            print the table of the last run again, solve nothing
#
# REDEPLOY: the redeploy binary (default: a release build in .build-horizon).
# HiGHS needs `pip install highspy`; /usr/bin/time is Debian's `time`. HiGHS can overrun its
# time limit by minutes (a round of cuts is not interrupted); it is stopped at the limit + 900 s.
# Before HiGHS, a model's memory is estimated from its nonzeros (bytes per nonzero: the largest
# of the HiGHS runs measured so far, this run's or the kept highs-*.json, else
# HIGHS_BYTES_PER_NONZERO, default 4096); a model whose estimate exceeds MemAvailable less
# 2 GiB is exported (its size is in the table) but not solved.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="$here/.horizon"
scenarios="$here/.scenarios"

run_cases="s600h,s600qh,s3500h"
highs_cases="s600h"
highs_limit=600
solve_limit=600
fresh=0
render_only=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --cases) run_cases="$2"; shift 2 ;;
        --highs) highs_cases="$2"; shift 2 ;;
        --highs-time-limit) highs_limit="$2"; shift 2 ;;
        --time-limit) solve_limit="$2"; shift 2 ;;
        --fresh) fresh=1; shift ;;
        --render) render_only=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "horizon.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

# name | target seconds | target MiB (- for none) | target text | arguments of `redeploy generate`
cases=(
  "s600h|5|1024|1: exact plan <= 5 s, <= 1 GiB|--schools 600 --areas 13 --seed 600 --max-distance-km 30 --no-qualifications --years 2025-2030"
  "s600qh|60|-|2: proven optimal <= 60 s|--schools 600 --areas 13 --seed 600 --max-distance-km 30 --max-out-share 0.2 --retraining --years 2025-2030"
  "s3500h|60|4096|3: exact plan <= 60 s, <= 4 GiB|--schools 3500 --areas 40 --seed 3500 --max-distance-km 20 --no-qualifications --years 2025-2030"
)
case_field() { # NAME FIELD(1-based, after the name)
    local entry
    for entry in "${cases[@]}"; do
        if [[ "${entry%%|*}" == "$1" ]]; then echo "$entry" | cut -d'|' -f"$(($2 + 1))"; return; fi
    done
    echo "horizon.sh: no case $1 (cases: s600h, s600qh, s3500h)" >&2; exit 2
}
[[ "$highs_cases" == all ]] && highs_cases="s600h,s600qh,s3500h"
[[ "$highs_cases" == none ]] && highs_cases=""
[[ "$run_cases" == none ]] && run_cases=""
IFS=, read -r -a run_list <<< "$run_cases"
IFS=, read -r -a highs_list <<< "$highs_cases"
for name in "${run_list[@]}" "${highs_list[@]}"; do case_field "$name" 1 > /dev/null; done

results="$work/results.jsonl"

render() {
    python3 - "$results" "$work/results.md" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
meta = next((r for r in rows if r["kind"] == "meta"), {})
def num(x, digits=2, none="-"):
    if x is None: return "-"
    if isinstance(x, str): return x
    if abs(x) == float("inf"): return none if x > 0 else "-inf"
    return f"{x:,.{digits}f}"
def mib(kib): return "-" if kib is None else f"{kib / 1024:,.0f}"
out = []
out.append(f"Machine: {meta.get('nproc')} cores, {meta.get('mem_gib')} GiB memory; repository at {meta.get('commit')}"
           f" (redeploy {meta.get('binary', '-')}); "
           f"HiGHS {meta.get('highs', '-')} (one thread); {meta.get('date')}.")
out.append("")
out.append("| case | teachers | run | status | wall s | CPU s | peak MiB | W | C | bound | gap | stages / model | target | met |")
out.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|")
notes = []
for r in rows:
    if r["kind"] == "redeploy":
        met = "-"
        if r.get("status") is not None:
            reasons = []
            if r["status"] != "optimal" or r.get("mip_gap") not in (0, 0.0):
                reasons.append(f"status {r['status']}, gap {r.get('mip_gap')}")
            if r["wall"] is not None and r["wall"] > r["target_s"]:
                reasons.append(f"{r['wall']:.1f} s > {r['target_s']} s ({r['wall'] / r['target_s']:.1f}x)")
            if r.get("target_mib") and r["peak_kib"] is not None and r["peak_kib"] / 1024 > r["target_mib"]:
                reasons.append(f"{r['peak_kib'] / 1024:,.0f} MiB > {r['target_mib']:,} MiB")
            met = "yes" if not reasons else "no: " + "; ".join(reasons)
        else:
            met = (f"no: no plan within the {r['limit']:.0f} s limit" if r.get("wall") and r["wall"] >= r.get("limit", 1e18)
                   else f"no: exit {r.get('exit')}, no plan")
            if r.get("error"):
                notes.append(f"{r['case']}: redeploy solve exited {r['exit']}: {r['error'].split(': ', 2)[-1]}; "
                             f"last progress line: {r.get('progress', '-')}")
        out.append(f"| {r['case']} | {r['teachers']:,} | redeploy solve | {r.get('status') or 'no plan (exit ' + str(r.get('exit')) + ')'} | {num(r['wall'])} "
                   f"| {num(r.get('cpu'))} | {mib(r['peak_kib'])} | {num(r.get('W'), 3)} | {num(r.get('C'), 3)} | - | {r.get('mip_gap', '-')} "
                   f"| {', '.join(r.get('stages') or []) or '-'} | {r['target']} | {met} |")
    elif r["kind"] == "highs":
        model = r.get("model") or {}
        size = (f"{model.get('columns', 0):,} cols ({model.get('integer', 0):,} int) x {model.get('rows', 0):,} rows, "
                f"{model.get('nonzeros', 0):,} nz, {r.get('mps_mib', 0):,.0f} MiB MPS") if model else "-"
        if r.get("skipped"):
            out.append(f"| {r['case']} | {r['teachers']:,} | HiGHS, literal stage 1 | skipped | - | - | - | - | - | - | - "
                       f"| {size} | - | - |")
            notes.append(f"{r['case']}: HiGHS skipped: {r['skipped']}; export-model took {r['export_wall']:.1f} s, "
                         f"{r['export_peak_kib'] / 1024:,.0f} MiB")
            continue
        gap = r.get("gap")
        gap_text = "-" if gap is None else (gap if isinstance(gap, str) else "inf" if gap == float("inf") else f"{100 * gap:.2f}%")
        if r["case"] == "s600h":
            target = f"4: not expected to finish in {r['limit']:.0f} s"
            met = "as expected (unfinished)" if r.get("status") != "Optimal" else "finished (not expected)"
        else:
            target, met = "-", "-"
        out.append(f"| {r['case']} | {r['teachers']:,} | HiGHS, literal stage 1, {r['limit']:.0f} s | {r.get('status')} "
                   f"| {num(r.get('wall'))} | {num(r.get('cpu'))} | {mib(r.get('peak_kib'))} | {num(r.get('primal'), 3, 'no plan')} | - "
                   f"| {num(r.get('dual'), 3)} | {gap_text} | {size} | {target} | {met} |")
        w = r.get("redeploy_W")
        finite = lambda x: isinstance(x, float) and abs(x) != float("inf")
        if w is not None and (finite(r.get("primal")) or finite(r.get("dual"))):
            notes.append(f"{r['case']}: against redeploy's optimum W = {w:.3f}: HiGHS's "
                         + (f"best plan {r['primal']:.3f} ({100 * (r['primal'] - w) / max(1, abs(w)):+.2f}%)"
                            if finite(r.get("primal")) else "best plan: none")
                         + (f", its bound {r['dual']:.3f} ({100 * (r['dual'] - w) / max(1, abs(w)):+.2f}%)"
                            if finite(r.get("dual")) else ", no bound"))
        notes.append(f"{r['case']}: export-model (stage 1, literal) took {r['export_wall']:.1f} s, "
                     f"{r['export_peak_kib'] / 1024:,.0f} MiB" + (" (HiGHS result reused: same MPS file, same limit)" if r.get("reused") else ""))
        res = r.get("json") or {}
        if not r.get("skipped") and res:
            notes.append(f"{r['case']}: HiGHS read the file in {res.get('read_s', 0):.1f} s; {res.get('mip_nodes')} "
                         f"branch-and-bound nodes, {res.get('simplex_iterations'):,} simplex iterations"
                         + (f"; it stopped {res['run_s'] - r['limit']:.0f} s after its time limit"
                            if res.get("run_s") and res["run_s"] > r["limit"] + 5 else ""))
out.append("")
loads = [f"{r['case']} {'HiGHS' if r['kind'] == 'highs' else 'redeploy'} {r['load']}" for r in rows
         if r.get("load") and not r.get("reused") and not r.get("skipped")]
if loads:
    notes.append("1-minute load average as each run ended (wall above CPU means shared cores): " + ", ".join(loads))
out += [f"- {n}" for n in notes]
text = "\n".join(out) + "\n"
open(sys.argv[2], "w").write(text)
print(text, end="")
PY
}

if [[ "$render_only" == 1 ]]; then render; exit 0; fi

binary="built by this run"
if [[ -z "${REDEPLOY:-}" ]]; then
    swift build --package-path "$root" -c release --scratch-path "$root/.build-horizon" --product redeploy >&2
    REDEPLOY="$root/.build-horizon/release/redeploy"
else
    binary="REDEPLOY, built $(date -r "$REDEPLOY" '+%Y-%m-%d %H:%M')"
fi
REDEPLOY="$(cd "$(dirname "$REDEPLOY")" && pwd)/$(basename "$REDEPLOY")"
mkdir -p "$work" "$scenarios"
: > "$results"

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$root" diff --quiet HEAD -- Sources 2>/dev/null || commit="$commit + uncommitted changes in Sources"
python3 - "$results" "$commit" "$binary" > /dev/null <<'PY'
import json, os, sys, datetime
mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
try:
    import highspy; highs = highspy.Highs().version()
except Exception:
    highs = "not installed"
with open(sys.argv[1], "a") as f:
    f.write(json.dumps({"kind": "meta", "nproc": os.cpu_count(), "mem_gib": round(mem / 2**20, 1), "commit": sys.argv[2],
                        "binary": sys.argv[3],
                        "highs": highs, "date": datetime.date.today().isoformat()}) + "\n")
PY

declare -A teachers
generate() { # NAME: writes the scenario, sets teachers[NAME]
    local name="$1" args line
    args="$(case_field "$name" 4)"
    # shellcheck disable=SC2086
    line="$("$REDEPLOY" generate $args --name "bench $name" --out "$scenarios/$name" --force)"
    teachers[$name]="$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) teachers.*/\1/p')"
    echo "$name: $line" >&2
}

for name in "${run_list[@]}"; do
    generate "$name"
    w="$work/$name"; mkdir -p "$w"; rm -rf "$w/out" "$w/solve.time"
    echo "$name: redeploy solve ..." >&2
    code=0
    /usr/bin/time -f "%e %M %U %S" -o "$w/solve.time" \
        "$REDEPLOY" solve "$scenarios/$name" --out "$w/out" --quiet --time-limit "$solve_limit" 2> "$w/solve.log" || code=$?
    python3 - "$results" "$name" "${teachers[$name]}" "$code" "$w" "$(case_field "$name" 1)" "$(case_field "$name" 2)" \
        "$(case_field "$name" 3)" "$solve_limit" <<'PY'
import json, os, sys
results, name, teachers, code, w, target_s, target_mib, target, limit = sys.argv[1:]
wall = peak = cpu = None
if os.path.exists(f"{w}/solve.time"):
    last = open(f"{w}/solve.time").read().split("\n")
    last = [l for l in last if l.strip()][-1].split()  # "Command exited with non-zero status" comes first
    wall, peak, cpu = float(last[0]), int(last[1]), float(last[2]) + float(last[3])
row = {"kind": "redeploy", "case": name, "teachers": int(teachers), "exit": int(code), "wall": wall, "peak_kib": peak,
       "cpu": cpu if wall is not None else None, "load": open("/proc/loadavg").read().split()[0],
       "target_s": float(target_s), "target_mib": None if target_mib == "-" else int(target_mib), "target": target}
row["limit"] = float(limit)
errors = [l.strip() for l in open(f"{w}/solve.log", errors="replace") if l.startswith("redeploy:")]
if errors and int(code) != 0:
    row["error"] = errors[-1]
    progress = [e for e in errors if "·" in e]
    if progress:
        row["progress"] = progress[-1].split(": ", 1)[-1]
summary = f"{w}/out/summary.json"
if os.path.exists(summary):
    s = json.load(open(summary))
    row.update(status=s.get("status"), W=s.get("weighted_shortage"), C=s.get("cost"), mip_gap=s.get("mip_gap"),
               stages=s.get("solve_stages"), years=len(s.get("years") or []))
with open(results, "a") as f:
    f.write(json.dumps(row) + "\n")
print(f"{name}: {row.get('status')} W {row.get('W')} C {row.get('C')} in {wall} s, {peak} KiB", file=sys.stderr)
PY
done

bytes_per_nz="${HIGHS_BYTES_PER_NONZERO:-4096}"
for name in "${highs_list[@]}"; do
    [[ -n "${teachers[$name]:-}" ]] || generate "$name"
    w="$work/$name"; mkdir -p "$w"
    mps="$w/stage1.mps"
    echo "$name: export-model --stage 1 (literal horizon model) ..." >&2
    rm -f "$mps"
    /usr/bin/time -f "%e %M %U %S" -o "$w/export.time" \
        "$REDEPLOY" export-model "$scenarios/$name" --stage 1 --format mps --out "$mps" > "$w/export.out" 2> "$w/export.log"
    cat "$w/export.out" >&2
    # Decide: reuse, skip (memory), or solve.
    decision="$(python3 - "$mps" "$w/highs-$highs_limit.json" "$results" "$name" "$highs_limit" "$fresh" "$bytes_per_nz" "$work" <<'PY'
import glob, hashlib, json, math, os, sys
mps, previous, results, name, limit, fresh, default_bpn, work = sys.argv[1:]
h = hashlib.sha256()
with open(mps, "rb") as f:
    for block in iter(lambda: f.read(1 << 20), b""):
        h.update(block)
digest = h.hexdigest()
if fresh == "0" and os.path.exists(previous):
    for line in open(previous):
        r = json.loads(line)
        if r.get("kind") == "highs" and r.get("case") == name and r.get("sha256") == digest \
                and r.get("limit") == float(limit) and not r.get("skipped"):
            print("reuse " + json.dumps(r)); sys.exit()
nonzeros = 0
for line in open(mps):
    if not line.startswith("*"): break
    if line.startswith("* Non-zeros:"): nonzeros = int(line.split()[2])
# bytes per nonzero: the largest of the HiGHS runs measured (in this run, or the last one of each
# case), else the default
records = list(map(json.loads, open(results)))
for path in glob.glob(f"{work}/*/highs-*.json"):
    records += [json.loads(l) for l in open(path) if l.strip()]
measured = [r["peak_kib"] * 1024 / r["model"]["nonzeros"] for r in records
            if r.get("kind") == "highs" and r.get("peak_kib") and (r.get("model") or {}).get("nonzeros")]
bpn = max(measured) if measured else float(default_bpn)
avail = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemAvailable")) * 1024
need = nonzeros * bpn
if need > avail - 2 * 2**30:
    print(f"skip {digest} estimated {need / 2**30:.1f} GiB ({nonzeros:,} nonzeros x {bpn:,.0f} B) "
          f"> {(avail - 2 * 2**30) / 2**30:.1f} GiB (MemAvailable less 2 GiB)")
else:
    print(f"solve {digest}")
PY
)"
    verb="${decision%% *}"; rest="${decision#* }"
    code=0
    if [[ "$verb" == solve ]]; then
        echo "$name: HiGHS, ${highs_limit} s limit ..." >&2
        # a hard stop well past HiGHS's own limit, in case reading or presolve overrun it
        /usr/bin/time -f "%e %M %U %S" -o "$w/highs.time" timeout "$((${highs_limit%.*} + 900))" \
            python3 "$here/highs_solve.py" "$mps" --time-limit "$highs_limit" --log > "$w/highs.out" 2> "$w/highs.log" || code=$?
    fi
    python3 - "$results" "$name" "${teachers[$name]}" "$w" "$verb" "$rest" "$highs_limit" "$code" <<'PY'
import json, os, re, sys
results, name, teachers, w, verb, rest, limit, code = sys.argv[1:]
def timefile(path):  # wall s, peak KiB, CPU s
    lines = [l for l in open(path).read().split("\n") if l.strip()] if os.path.exists(path) else []
    if not lines: return None, None, None
    f = lines[-1].split()
    return float(f[0]), int(f[1]), float(f[2]) + float(f[3])
export_wall, export_peak, _ = timefile(f"{w}/export.time")
model = {}
m = re.search(r"(\d+) columns \((\d+) integer\), (\d+) rows, (\d+) nonzeros", open(f"{w}/export.out").read())
if m:
    model = dict(zip(("columns", "integer", "rows", "nonzeros"), map(int, m.groups())))
redeploy_W = None
for line in open(results):
    r = json.loads(line)
    if r.get("kind") == "redeploy" and r.get("case") == name:
        redeploy_W = r.get("W")
if redeploy_W is None and os.path.exists(f"{w}/out/summary.json"):  # an earlier run's plan
    summary = json.load(open(f"{w}/out/summary.json"))
    if summary.get("status") == "optimal":
        redeploy_W = summary.get("weighted_shortage")
row = {"kind": "highs", "case": name, "teachers": int(teachers), "limit": float(limit), "model": model,
       "mps_mib": os.path.getsize(f"{w}/stage1.mps") / 2**20, "export_wall": export_wall, "export_peak_kib": export_peak,
       "redeploy_W": redeploy_W}
if verb == "reuse":
    old = json.loads(rest)
    for key in ("status", "wall", "cpu", "peak_kib", "primal", "dual", "gap", "sha256", "json", "load"):
        row[key] = old.get(key)
    row["reused"] = True
elif verb == "skip":
    row["sha256"], row["skipped"] = rest.split(" ", 1)
else:
    row["sha256"] = rest
    row["wall"], row["peak_kib"], row["cpu"] = timefile(f"{w}/highs.time")
    row["load"] = open("/proc/loadavg").read().split()[0]
    text = open(f"{w}/highs.out", errors="replace").read()
    last = [l for l in text.split("\n") if l.startswith("{")]
    result = json.loads(last[-1]) if last else {}
    row["json"] = result
    row["status"] = result.get("status") or ("killed by timeout" if code == "124" else f"exit {code}")
    def field(label):
        m = re.findall(rf"^\s*{label}\s+(\S+)", text, re.M)
        if not m: return None
        try: return float(m[-1])
        except ValueError: return m[-1]
    row["primal"], row["dual"] = field("Primal bound"), field("Dual bound")
    gap = field("Gap")
    if isinstance(gap, str) and gap.endswith("%"):
        try: gap = float(gap[:-1]) / 100
        except ValueError: pass
    row["gap"] = gap if gap is not None else result.get("mip_gap")
    if row["primal"] is None and result.get("objective") is not None and result.get("status") == "Optimal":
        row["primal"] = result["objective"]
with open(results, "a") as f:
    f.write(json.dumps(row) + "\n")
print(f"{name}: HiGHS {row.get('status') or row.get('skipped')}", file=sys.stderr)
PY
    # this result, for reuse when the next run's MPS file is byte-identical; the MPS file stays
    # in $w (ignored) for other solvers
    tail -n 1 "$results" > "$w/highs-$highs_limit.json"
done

echo >&2
render
