#!/usr/bin/env bash
# The tests marked 'dates' again at fixed moments (tests/clock.py: the last day of a month at
# 23:30, 31 December, 29 February 2028 and the two 2027 days Europe changes its clocks), once in
# Bucharest's zone and once in UTC, both at once. Exits non-zero if either run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
pids=()
for zone in Europe/Bucharest UTC; do
  TZ=$zone bin/pytest --moments -q -p no:warnings >"$logs/${zone//\//-}.log" 2>&1 &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
for zone in Europe/Bucharest UTC; do
  echo "== the tests marked 'dates' at fixed moments, TZ=$zone"
  if [ $status -ne 0 ]; then cat "$logs/${zone//\//-}.log"; else tail -n 1 "$logs/${zone//\//-}.log"; fi
done
exit $status
