#!/usr/bin/env bash
# Memory of `warden logs usage` and `warden logs analyze` as the input grows: the simulated account
# (500 functions) streamed on the fly as JSON Lines (no file on disk), 1, 10 and 50 days of it
# (about 1 M, 10 M and 50 M events), each through one Warden process with a fixed heap cap.
# Prints events, seconds and the peak resident memory of the Warden process.
#
#   warden-bench/scripts/logs-memory.sh [usage|analyze] [DAYS...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command="${1:-usage}"
shift || true
days=("${@:-1 10 50}")
heap="${WARDEN_BENCH_HEAP:--Xmx1g}"
./warden logs stats examples/acme-shop/trail >/dev/null 2>&1 # build once
for d in ${days[@]}; do
  log="$(mktemp)"
  start=$(date +%s.%N)
  ./warden logs simulate --format jsonl --out - --functions 500 --days "$d" --no-attacks \
      2>/dev/null \
    | WARDEN_JAVA_OPTS="$heap" /usr/bin/time -f "%M" -o "$log.time" \
      ./warden logs "$command" - >/dev/null 2>"$log" \
      || true
  end=$(date +%s.%N)
  events=$(grep -o 'read [0-9,]* events' "$log" | tr -dc '0-9')
  rss=$(tail -1 "$log.time")
  printf '%s  %3d days  %'"'"'12d events  %7.1f s  peak RSS %5d MB\n' \
    "$command" "$d" "$events" "$(echo "$end - $start" | bc)" "$((rss / 1024))"
  rm -f "$log" "$log.time"
done
