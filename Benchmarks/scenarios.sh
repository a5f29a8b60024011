#!/usr/bin/env bash
# Writes the benchmark scenarios to Benchmarks/.scenarios/NAME (or $1), the same bytes every
# time: the generator is deterministic for given arguments. Used by the package-benchmark
# suite (which reads the folders) and by peers.py.
#
#   Benchmarks/scenarios.sh [OUT_DIR]
#
# REDEPLOY: the redeploy binary to use (default: build it, release, in the root package's .build).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="${1:-$here/.scenarios}"
if [[ -z "${REDEPLOY:-}" ]]; then
    swift build --package-path "$root" -c release --product redeploy >&2
    REDEPLOY="$(swift build --package-path "$root" -c release --show-bin-path)/redeploy"
fi
mkdir -p "$out"

# name | arguments of `redeploy generate`
cases=(
  "s150|--schools 150 --areas 5 --seed 150 --max-distance-km 30 --no-qualifications"
  "s600|--schools 600 --areas 13 --seed 600 --max-distance-km 30 --no-qualifications"
  "s600q|--schools 600 --areas 13 --seed 600 --max-distance-km 30 --max-out-share 0.2"
  "s3500|--schools 3500 --areas 40 --seed 3500 --max-distance-km 20 --no-qualifications"
)
for entry in "${cases[@]}"; do
    name="${entry%%|*}"
    args="${entry#*|}"
    # shellcheck disable=SC2086
    "$REDEPLOY" generate $args --name "bench $name" --out "$out/$name" --force >&2
done
echo "$out"
