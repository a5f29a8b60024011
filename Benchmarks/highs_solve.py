#!/usr/bin/env python3
"""Solves an MPS file with HiGHS (PyPI `highspy`) and prints one JSON line:
status, objective, seconds reading and solving, MIP gap.

    python3 Benchmarks/highs_solve.py FILE.mps [--time-limit S] [--threads N] [--relax] [--log]

--relax solves the LP relaxation (integer columns made continuous), like redeploy's first try.
"""
import argparse
import json
import sys
import time

import highspy


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mps")
    parser.add_argument("--time-limit", type=float, default=600)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--relax", action="store_true")
    parser.add_argument("--log", action="store_true", help="HiGHS log on standard error")
    args = parser.parse_args()

    h = highspy.Highs()
    h.setOptionValue("output_flag", bool(args.log))
    if args.log:
        h.setOptionValue("log_to_console", True)
    h.setOptionValue("threads", args.threads)
    h.setOptionValue("time_limit", float(args.time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    if args.relax:
        h.setOptionValue("solve_relaxation", True)
    start = time.perf_counter()
    status = h.readModel(args.mps)
    read = time.perf_counter() - start
    if status == highspy.HighsStatus.kError:
        print(json.dumps({"status": "read_error", "read_s": read}))
        return 1
    start = time.perf_counter()
    h.run()
    run = time.perf_counter() - start
    info = h.getInfo()
    model_status = h.getModelStatus()
    result = {
        "status": h.modelStatusToString(model_status),
        "optimal": model_status == highspy.HighsModelStatus.kOptimal,
        "objective": info.objective_function_value,
        "read_s": read,
        "run_s": run,
        "mip_gap": getattr(info, "mip_gap", None),
        "simplex_iterations": info.simplex_iteration_count,
        "mip_nodes": getattr(info, "mip_node_count", None),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
