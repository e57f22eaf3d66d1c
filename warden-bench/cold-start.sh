#!/usr/bin/env bash
# Cold start of `./warden inventory` on one small template: wall time of N runs of a new JVM each,
# after the launcher has built the jar and its class-data archive. Prints min, median, p90, max.
#   warden-bench/cold-start.sh [RUNS] [TEMPLATE]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-20}"
template="${2:-examples/acme-shop/template.yaml}"

./warden inventory "$template" >/dev/null   # builds when needed; not timed
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  ./warden inventory "$template" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "cold start of ./warden inventory $template over $n runs (ms):" \
  "min ${sorted[0]}, median ${sorted[$((n / 2))]}, p90 ${sorted[$((n * 9 / 10))]}, max ${sorted[$((n - 1))]}"
