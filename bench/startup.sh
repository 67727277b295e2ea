#!/usr/bin/env bash
# Measures the time from starting the skit JVM to the first 200 from /healthz, N times (default 5),
# and prints each run and the median. Budget (shared/spec/performance.md): under 2 s.
# Starts the server the way users do (./skit serve, so with its class-data-sharing archive once the
# first run made it) in a scratch working directory, keeping the framework cache between runs.
# Usage: bench/startup.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
port=4791
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  (cd "$work" && SK_SERVER__ADDRESS="127.0.0.1:$port" SKIT_JAVA_OPTS="${SK_BENCH_JAVA_OPTS:-} -Dskit.data=$work/data -Dskit.deploy=$work/deploy" \
      exec "$root/skit" serve > "$work/log.txt" 2>&1) &
  pid=$!
  until curl -sf -m 1 "http://127.0.0.1:$port/healthz" > /dev/null; do
    sleep 0.01
    if (( ($(date +%s%N) - start) / 1000000 > 20000 )); then echo "no /healthz after 20 s" >&2; kill "$pid"; exit 1; fi
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms to healthy /healthz"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms over $runs runs (budget 2000 ms)"
