#!/usr/bin/env bash
# Dynamic-session load benchmark: for each N (default 10 50 100), N live paced mono Opus transcode sessions
#   core::file_reader -> containers::ogg::demuxer -> audio::opus::decoder -> audio::pacer (speed 1)
#   -> audio::gain -> audio::opus::encoder -> core::sink
# reading a 60 s Ogg/Opus speech file (one 20 ms tick per frame, 50 ticks/s per session). After
# SK_BENCH_WARMUP (30) s of running, samples the server's CPU (utime+stime, /proc/<pid>/stat) over a 10 s window
# and prints the CPU per session-tick against the codec floor (~95 us per tick, shared/spec/performance.md;
# budget <= 1.5x) and the CPU % of 2 cores (budget: 100 sessions under 50 %). Then destroys the sessions.
# As a peer on the same machine and moment, the ffmpeg CLI's CPU per frame for the same decode-gain-encode
# (libopus, 64 kb/s) is measured first (median of 3 runs).
# Missed 20 ms deadlines: each audio::pacer publishes pacer.deadline_missed telemetry (a frame released more than
# its own duration late, with a cumulative missed_total); bench/MissedDeadlines.java listens on the control
# WebSocket and sums the totals, reported for the measuring window and since the sessions were created.
# Usage: [SK_BENCH_NO_BUILD=1] [SK_BENCH_JAVA_OPTS=...] bench/sessions.sh [N...]   (needs ffmpeg, espeak-ng, curl, jq; loopback only)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
counts=("$@"); (( ${#counts[@]} )) || counts=(10 50 100)
warmup_s="${SK_BENCH_WARMUP:-30}"; window_s="${SK_BENCH_WINDOW:-10}"
floor_us=95; cores=2
work="$(mktemp -d)"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# shellcheck source=serve.sh
source "$root/bench/serve.sh"

# 60 s of mono speech as Ogg/Opus 64 kb/s, 20 ms frames.
mkdir -p "$work/samples"
espeak-ng -w "$work/raw.wav" "$(printf 'StreamKit for Java mixes, filters and encodes speech in real time. %.0s' $(seq 1 30))"
ffmpeg -v error -y -stream_loop -1 -i "$work/raw.wav" -t 60 -af volume=0.35 -ac 1 -ar 48000 \
    -c:a libopus -b:a 64k -frame_duration 20 "$work/samples/speech60.ogg"

# Peer: ffmpeg's CPU (user+sys of the child) per 20 ms frame for the same transcode, median of 3.
peer_us=$(for run in 1 2 3; do
  TIMEFORMAT='%U %S'
  { time ffmpeg -v error -y -i "$work/samples/speech60.ogg" -af volume=2 -c:a libopus -b:a 64k -vbr constrained \
      -f ogg /dev/null; } 2>&1 | awk '{printf "%.0f\n", ($1 + $2) * 1e6 / 3000}'
done | sort -n | sed -n 2p)
echo "peer: ffmpeg CLI, same transcode: ${peer_us} us CPU per frame (median of 3)"

bench_serve "$work"

yaml='nodes:
  read: { kind: core::file_reader, params: { path: samples/speech60.ogg } }
  demux: { kind: containers::ogg::demuxer, needs: read }
  dec: { kind: audio::opus::decoder, needs: demux }
  pace: { kind: audio::pacer, params: { speed: 1.0 }, needs: dec }
  gain: { kind: audio::gain, params: { gain: 2.0 }, needs: pace }
  enc: { kind: audio::opus::encoder, params: { bitrate: 64000 }, needs: gain }
  sink: { kind: core::sink, needs: enc }
'
hz=$(getconf CLK_TCK)
bench_idle_cpu "$cores"

missed_now() { sed -n 's/^missed=\([0-9]*\).*/\1/p' "$work/missed" 2>/dev/null || echo 0; }
java "$root/bench/MissedDeadlines.java" "ws://127.0.0.1:$port/api/v1/control" "$work/missed" 3600 > "$work/probe.log" 2>&1 &
probe=$!
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; kill "$probe" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
until [[ -s "$work/missed" ]]; do
  sleep 0.2
  kill -0 "$probe" 2>/dev/null || { echo "missed-deadline probe failed:" >&2; cat "$work/probe.log" >&2; exit 1; }
done

for n in "${counts[@]}"; do
  missed_start=$(missed_now)
  echo "== N=$n sessions"
  t0=$(date +%s%N)
  for i in $(seq 1 "$n"); do
    jq -n --arg name "bench-$n-$i" --arg yaml "$yaml" '{name: $name, yaml: $yaml}' \
      | curl -sf -m 10 -o /dev/null -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/sessions" \
      || { echo "creating session $i failed" >&2; tail -20 "$work/server.log" >&2; exit 1; }
  done
  echo "created $n sessions in $(( ($(date +%s%N) - t0) / 1000000 )) ms; running ${warmup_s} s before measuring"
  sleep "$warmup_s"
  missed_before=$(missed_now)
  before=$(ticks); w0=$(date +%s%N)
  sleep "$window_s"
  after=$(ticks); w1=$(date +%s%N)
  sleep 0.6; missed_after=$(missed_now)
  running=0
  for i in $(seq 1 "$n"); do
    state=$(curl -sf -m 5 "$base/api/v1/sessions/bench-$n-$i/pipeline" | jq -r '.nodes.pace.state | if type == "string" then . else keys[0] end' || echo "?")
    [[ "$state" == Running ]] && running=$(( running + 1 ))
  done
  awk -v t="$((after - before))" -v hz="$hz" -v n="$n" -v ns="$((w1 - w0))" -v floor="$floor_us" -v cores="$cores" -v peer="$peer_us" 'BEGIN {
    cpu = t / hz; win = ns / 1e9; per = cpu * 1e6 / (n * 50 * win)
    printf "CPU %.2f s over %.1f s window: %.1f us per session-tick (codec floor ~%d us, ratio %.2fx, budget 1.5x; ffmpeg peer %.2fx)\n", cpu, win, per, floor, per / floor, per / peer
    printf "CPU %.1f %% of %d cores (budget: 100 sessions under 50 %%)\n", 100 * cpu / (win * cores), cores
  }'
  echo "sessions with pacer still Running at end of window: $running/$n"
  echo "missed 20 ms deadlines: $((missed_after - missed_before)) in the window ($((n * 50 * window_s)) frames), $((missed_after - missed_start)) since creation"
  t0=$(date +%s%N)
  for i in $(seq 1 "$n"); do curl -sf -m 10 -o /dev/null -X DELETE "$base/api/v1/sessions/bench-$n-$i" || echo "destroy bench-$n-$i failed" >&2; done
  echo "destroyed $n sessions in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  left=$(curl -sf -m 5 "$base/api/v1/sessions" | jq length)
  [[ "$left" == 0 ]] || echo "warning: $left sessions left" >&2
  sleep 2
done
