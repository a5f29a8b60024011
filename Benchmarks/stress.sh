#!/usr/bin/env bash
# The long stress grid (issue 13): 500+ generated provinces, 50-600 schools, distance tables
# none/20/60/200 km, qualifications, outflow caps, sharing, streamlining, many seeds. Each is
# solved, its plan checked independently, and every network-simplex solve is held against
# GLPK on the same model. Prints the slowest solve per size. A release build, in its own
# scratch folder so that it does not lock the debug build:
#
#   bash Benchmarks/stress.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REDEPLOY_STRESS=long swift test -c release --scratch-path .build-stress \
    --filter "StressTests/longGrid" 2>&1 | grep -vE "^(\[|Building|Compiling|Write|Emitting)"
