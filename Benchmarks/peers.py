#!/usr/bin/env python3
"""redeploy beside glpsol and HiGHS on the same models.

For each benchmark scenario (written by Benchmarks/scenarios.sh):
  1. `redeploy solve` (release build), timed with /usr/bin/time -v: wall, CPU, peak memory;
     GLPK's log (--verbose) is kept in WORK/CASE/solve.log;
  2. `redeploy export-model` writes the flow model's stage 1 (least weighted shortage) and
     stage 2 (least cost with the row "shortage <= W*") as free MPS;
  3. `glpsol --freemps` and HiGHS (highspy, one thread; as a MIP, and as the LP relaxation
     like redeploy's first try) solve both files, each timed the same way;
  4. every objective is checked against redeploy's W (stage 1) and C (stage 2), within
     1e-6 x max(1, |value|) (docs/MODEL.md 3.2).
A table is printed and written, with the raw figures, to WORK/results.md and results.json.

    python3 Benchmarks/peers.py [--cases s150,s600,s600q,s3500] [--time-limit 600]
                                [--redeploy BIN] [--work DIR] [--peers glpsol,highs,highs-lp]

Without --redeploy it runs `swift build -c release` in the repository root. Needs glpsol
(Debian glpk-utils), highspy (pip install highspy) and /usr/bin/time (Debian time).
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOLERANCE = 1e-6


def run_timed(cmd, log_path, timeout, env=None):
    """Runs cmd under /usr/bin/time -v; returns (exit code, wall s, cpu s, peak RSS MiB, stdout)."""
    time_file = str(log_path) + ".time"
    full = ["/usr/bin/time", "-v", "-o", time_file] + [str(c) for c in cmd]
    start = time.perf_counter()
    out_path = str(log_path) + ".out"
    with open(log_path, "w") as log, open(out_path, "w") as stdout:
        try:
            code = subprocess.run(full, stdout=stdout, stderr=log, timeout=timeout, env=env).returncode
        except subprocess.TimeoutExpired:
            code = "killed"
    out = open(out_path, errors="replace").read()
    wall = time.perf_counter() - start
    cpu, rss = None, None
    if os.path.exists(time_file):
        text = open(time_file).read()
        user = re.search(r"User time \(seconds\): ([\d.]+)", text)
        system = re.search(r"System time \(seconds\): ([\d.]+)", text)
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        elapsed = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
        if user and system:
            cpu = float(user.group(1)) + float(system.group(1))
        if peak:
            rss = int(peak.group(1)) / 1024
        if elapsed:
            parts = [float(p) for p in elapsed.group(1).split(":")]
            wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return code, wall, cpu, rss, out


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def solve_peers(row, old, stage, mps, work, peers, limit, fresh):
    """Each peer on one stage's MPS file; a previous run's result on a byte-identical file is
    reused (the peers do not change between runs; redeploy does) unless `fresh`."""
    row[f"mps{stage}_sha256"] = digest = sha256(mps)
    row[f"peers{stage}"] = {}
    for peer in peers:
        previous = (old or {}).get(f"peers{stage}", {}).get(peer)
        if not fresh and previous and (old or {}).get(f"mps{stage}_sha256") == digest \
                and (old or {}).get("peer_time_limit") == limit:
            p = dict(previous, reused=True)
        else:
            p = solve_peer(peer, mps, work, f"stage{stage}", limit)
        row[f"peers{stage}"][peer] = p
        print(f"   stage {stage} {peer}: {p['status']} {p['objective']} in {p['wall']:.1f} s"
              + (" (reused: same MPS file)" if p.get("reused") else ""), file=sys.stderr, flush=True)


def same(a, b):
    return a is not None and b is not None and abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def glpsol_objective(sol_path):
    """Status and objective from `glpsol -w` (GLPK 5 plain-text solution)."""
    if not os.path.exists(sol_path):
        return None, None
    for line in open(sol_path):
        parts = line.split()
        if parts[:2] == ["s", "mip"]:  # s mip ROWS COLS STATUS OBJ
            return {"o": "optimal", "f": "feasible", "n": "infeasible", "u": "undefined"}[parts[4]], float(parts[5])
        if parts[:2] == ["s", "bas"]:  # s bas ROWS COLS PST DST OBJ
            return ("optimal" if parts[4] == "f" and parts[5] == "f" else "not optimal"), float(parts[6])
    return None, None


def model_size(mps_path):
    """Rows, columns, integer columns and nonzeros from the comment header GLPK writes."""
    size = {}
    with open(mps_path) as f:
        for line in f:
            if not line.startswith("*"):
                break
            if m := re.match(r"\* Rows:\s+(\d+)", line):
                size["rows"] = int(m.group(1))
            elif m := re.match(r"\* Columns:\s+(\d+)(?: \((\d+) integer)?", line):
                size["columns"] = int(m.group(1))
                size["integer"] = int(m.group(2) or 0)
            elif m := re.match(r"\* Non-zeros:\s+(\d+)", line):
                size["nonzeros"] = int(m.group(1))
    return size


def solve_peer(peer, mps, work, stem, limit):
    """Runs one peer on one MPS file; returns a dict with status, objective, times, memory."""
    timeout = limit + 120
    if peer == "glpsol":
        sol = work / f"{stem}.glpsol.sol"
        if sol.exists():
            sol.unlink()
        code, wall, cpu, rss, _ = run_timed(
            ["glpsol", "--freemps", mps, "--tmlim", str(int(limit)), "-w", sol],
            work / f"{stem}.glpsol.log", timeout)
        status, objective = glpsol_objective(sol)
        log = open(work / f"{stem}.glpsol.log.out", errors="replace").read()
        if "TIME LIMIT EXCEEDED" in log:
            status = "time_limit"
        return {"status": status or f"exit {code}", "objective": objective, "wall": wall, "cpu": cpu, "rss": rss}
    relax = peer == "highs-lp"
    cmd = [sys.executable, HERE / "highs_solve.py", mps, "--time-limit", str(limit), "--threads", "1"]
    if relax:
        cmd.append("--relax")
    code, wall, cpu, rss, out = run_timed(cmd, work / f"{stem}.{peer}.log", timeout)
    try:
        info = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"status": f"exit {code}", "objective": None, "wall": wall, "cpu": cpu, "rss": rss}
    return {"status": "optimal" if info.get("optimal") else info.get("status"), "objective": info.get("objective"),
            "wall": wall, "cpu": cpu, "rss": rss, "solver_s": info.get("run_s"), "read_s": info.get("read_s"),
            "iterations": info.get("simplex_iterations"), "nodes": info.get("mip_nodes")}


def glpk_iterations(log_path):
    """What GLPK did, from redeploy's --verbose log: the simplex iterations of each LP solve
    (a run starts at iteration 0), and for branch-and-bound its last line."""
    runs, mip = [], None
    for line in open(log_path, errors="replace"):
        if m := re.match(r"\s*[*#]?\s*(\d+): obj =", line):
            n = int(m.group(1))
            if n == 0 or not runs:
                runs.append(0)
            runs[-1] = n
        elif line.startswith("+") and ": mip =" in line:
            mip = line.strip()
    return {"lp_iterations": runs, "last_mip_line": mip}


def git_state():
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "Sources", "Package.swift"],
                               capture_output=True, text=True).stdout.strip()
        return head + ("+changes" if dirty else "")
    except OSError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default="s150,s600,s600q,s3500")
    parser.add_argument("--time-limit", type=float, default=600, help="seconds for each solve (default 600)")
    parser.add_argument("--peer-time-limit", type=float, help="seconds for each peer solve (default: --time-limit)")
    parser.add_argument("--redeploy", help="redeploy binary (default: swift build -c release in the root)")
    parser.add_argument("--scenarios", default=str(HERE / ".scenarios"))
    parser.add_argument("--work", default=str(HERE / ".peers"))
    parser.add_argument("--peers", default="glpsol,highs,highs-lp")
    parser.add_argument("--fresh", action="store_true",
                        help="solve with the peers even where the MPS file is the same as in the last run")
    parser.add_argument("--render", action="store_true", help="only print the table of WORK/results.json")
    args = parser.parse_args()
    if args.render:
        results = json.load(open(Path(args.work) / "results.json"))
        print(render(results, [p for p in args.peers.split(",") if p], args.time_limit))
        return 0

    redeploy = args.redeploy
    if not redeploy:
        subprocess.run(["swift", "build", "--package-path", ROOT, "-c", "release", "--product", "redeploy"], check=True)
        bin_path = subprocess.run(["swift", "build", "--package-path", ROOT, "-c", "release", "--show-bin-path"],
                                  check=True, capture_output=True, text=True).stdout.strip()
        redeploy = os.path.join(bin_path, "redeploy")
    redeploy = os.path.abspath(redeploy)
    cases = args.cases.split(",")
    peers = [p for p in args.peers.split(",") if p]
    scenarios = Path(args.scenarios)
    if not all((scenarios / c / "scenario.yaml").exists() for c in cases):
        subprocess.run([HERE / "scenarios.sh", scenarios], check=True, env={**os.environ, "REDEPLOY": redeploy},
                       stdout=subprocess.DEVNULL)
    work_root = Path(args.work)
    limit = args.time_limit
    peer_limit = args.peer_time_limit or limit
    results = []
    previous = {}
    if (work_root / "results.json").exists():
        previous = {r["case"]: r for r in json.load(open(work_root / "results.json"))}
    for case in cases:
        work = work_root / case
        work.mkdir(parents=True, exist_ok=True)
        scenario = scenarios / case
        row = {"case": case, "time_limit": limit, "peer_time_limit": peer_limit, "date": time.strftime("%Y-%m-%d %H:%M"),
               "commit": git_state()}
        print(f"== {case}", file=sys.stderr, flush=True)

        code, wall, cpu, rss, _ = run_timed(
            [redeploy, "solve", scenario, "--out", work / "solve", "--time-limit", str(limit), "--quiet", "--verbose"],
            work / "solve.log", limit + 600)
        summary = {}
        if (work / "solve" / "summary.json").exists() and code == 0:
            summary = json.load(open(work / "solve" / "summary.json"))
        row["redeploy"] = {"exit": code, "wall": wall, "cpu": cpu, "rss": rss,
                           "status": summary.get("status", f"no plan (exit {code})"),
                           "W": summary.get("weighted_shortage"), "C": summary.get("cost"),
                           "W0": summary.get("weighted_shortage_before"), "stages": summary.get("solve_stages"),
                           "columns": summary.get("model_columns"), "rows": summary.get("model_rows"),
                           "glpk_iterations": glpk_iterations(work / "solve.log")}
        print(f"   redeploy solve: {row['redeploy']['status']} in {wall:.1f} s, {rss or 0:.0f} MiB", file=sys.stderr,
              flush=True)

        # Stage 1.
        mps1 = work / "stage1.mps"
        code, wall, cpu, rss, out = run_timed([redeploy, "export-model", scenario, "--stage", "1", "--out", mps1],
                                              work / "export1.log", 3600)
        row["export1"] = {"exit": code, "wall": wall, "rss": rss}
        row["size1"] = model_size(mps1) if code == 0 else {}
        solve_peers(row, previous.get(case), 1, mps1, work, peers, peer_limit, args.fresh)

        # Stage 2: W* from redeploy when it proved it, else from a peer that did.
        best = row["redeploy"]["W"] if row["redeploy"]["status"] == "optimal" else None
        source = "redeploy"
        if best is None:
            for peer in peers:  # MIP solvers only: the LP relaxation's W may be lower
                p = row["peers1"][peer]
                if peer != "highs-lp" and p["status"] == "optimal":
                    best, source = p["objective"], peer
                    break
        row["W_star"], row["W_star_source"] = best, source if best is not None else None
        row["peers2"] = {}
        if best is not None:
            mps2 = work / "stage2.mps"
            code, wall, cpu, rss, out = run_timed(
                [redeploy, "export-model", scenario, "--stage", "2", "--shortage", repr(best), "--out", mps2],
                work / "export2.log", 3600)
            row["export2"] = {"exit": code, "wall": wall, "rss": rss}
            row["size2"] = model_size(mps2) if code == 0 else {}
            solve_peers(row, previous.get(case), 2, mps2, work, peers, peer_limit, args.fresh)

        # Objectives against redeploy's W and C.
        checks = {}
        for peer in peers:
            s1, s2 = row["peers1"].get(peer, {}), row["peers2"].get(peer, {})
            w_ok = same(s1.get("objective"), row["redeploy"]["W"]) if row["redeploy"]["W"] is not None else None
            c_ok = same(s2.get("objective"), row["redeploy"]["C"]) if (s2 and row["redeploy"]["C"] is not None
                                                                         and row["redeploy"]["status"] == "optimal") else None
            checks[peer] = {"W": w_ok, "C": c_ok}
        row["checks"] = checks
        results.append(row)
        previous[case] = row
        json.dump(list(previous.values()), open(work_root / "results.json", "w"), indent=1, default=str)

    table = render(results, peers, limit)
    print(table)
    (work_root / "results.md").write_text(table + "\n")
    return 0


def fmt_s(x):
    return "-" if x is None else (f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:.0f}")


def render(results, peers, limit):
    lines = []
    lines.append("| case | columns | rows | nonzeros | redeploy solve | wall s | CPU s | peak MiB | stages | limits s | build |")
    lines.append("|---|---:|---:|---:|---|---:|---:|---:|---|---|---|")
    for r in results:
        d, s = r["redeploy"], r.get("size1", {})
        lines.append(f"| {r['case']} | {s.get('columns', d['columns'])} | {s.get('rows', d['rows'])} | "
                     f"{s.get('nonzeros', '-')} | {d['status']} | {fmt_s(d['wall'])} | {fmt_s(d['cpu'])} | "
                     f"{fmt_s(d['rss'])} | {','.join(d['stages'] or [])} | "
                     f"{r.get('time_limit', limit):g} / peers {r.get('peer_time_limit', limit):g} | {r.get('commit')} |")
    lines.append("")
    lines.append("Peers: wall seconds of stage 1 + stage 2 (each a separate process, reading the MPS file "
                 f"included; each with the peer time limit above); ratio = peer / redeploy solve "
                 "(above 1: redeploy is faster); W, C: objectives equal redeploy's within 1e-6.")
    lines.append("")
    lines.append("| case | peer | stage 1 | stage 2 | total s | CPU s | peak MiB | ratio (wall) | ratio (CPU) | W | C |")
    lines.append("|---|---|---|---|---:|---:|---:|---:|---:|---|---|")
    for r in results:
        d = r["redeploy"]
        for peer in peers:
            p1, p2 = r["peers1"].get(peer), r["peers2"].get(peer)
            def cell(p):
                if not p:
                    return "-"
                status = p["status"]
                if status == "undefined" and p["wall"] >= 0.95 * r.get("peer_time_limit", limit):
                    status = "time_limit"  # glpsol found no integer point before its limit
                return f"{status} {fmt_s(p['wall'])} s"
            total = (p1["wall"] if p1 else 0) + (p2["wall"] if p2 else 0)
            cpu = (p1.get("cpu") or 0) + ((p2 or {}).get("cpu") or 0)
            rss = max((p1 or {}).get("rss") or 0, (p2 or {}).get("rss") or 0)
            both = p1 and p1["status"] == "optimal" and p2 and p2["status"] == "optimal"
            ratio = f"{total / d['wall']:.3g}" if both and d["status"] == "optimal" else "-"
            ratio_cpu = f"{cpu / d['cpu']:.3g}" if both and d["status"] == "optimal" and d["cpu"] and cpu else "-"
            c = r["checks"][peer]
            def mark(ok, p, value):
                if ok is None or not p:
                    return "-"
                if p["status"] != "optimal":
                    return "ok (incumbent, not proven)" if ok else "-"
                if ok:
                    return "ok"
                # The relaxation of a program with integer columns may only go lower.
                if peer == "highs-lp" and p and p["objective"] is not None and p["objective"] < value:
                    return f"LP bound {p['objective']:.6g}"
                return f"DIFFERS ({p['objective'] if p else None})"
            lines.append(f"| {r['case']} | {peer} | {cell(p1)} | {cell(p2)} | {fmt_s(total)} | {fmt_s(cpu)} | "
                         f"{fmt_s(rss)} | {ratio} | {ratio_cpu} | {mark(c['W'], p1, d['W'])} | "
                         f"{mark(c['C'], p2, d['C'])} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
