#!/usr/bin/env bash
# MoQ benchmark (issue 10): publish-to-watch latency and CPU per subscriber through a gain session on loopback.
# A real `./skit serve` runs one dynamic session
#   transport::moq::peer (gateway_path /bench) -> audio::opus::decoder -> audio::gain -> audio::opus::encoder -> peer
# bench/MoqBench.java (our moq-lite client over kwik, run from the built runtime's bundles) publishes a mono
# 440 Hz Opus tone (64 kb/s, 20 ms frames) to /bench/input paced in real time, and watches /bench/output with a
# probe watcher from the first frame on, then with N watchers in all for each phase N:WARMUP_S:WINDOW_S
# (default 1:5:30 25:5:15 50:5:15 100:5:15). Per phase it prints the publish-to-watch latency over all watchers'
# frames in the window (p50 / p99 / max; frames aligned by sequence, checked at the end), the server JVM's CPU
# (utime + stime of /proc/<pid>/stat over the window) in % of one core and per watcher, its PSS (ZGC maps the
# heap three times, so RSS overstates it), and the client's own CPU (same 2 cores). Whole run bounded to 5 minutes.
# SK_BENCH_GROUP_MS sets the peer's output_group_duration_ms (default 40, the node's default): one QUIC stream per group.
# Usage: [SK_BENCH_NO_BUILD=1] [SK_BENCH_JAVA_OPTS=...] bench/moq.sh [N:WARMUP_S:WINDOW_S...]   (needs ffmpeg, curl, jq)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
phases=("$@"); (( ${#phases[@]} )) || phases=(1:5:30 25:5:15 50:5:15 100:5:15)
work="$(mktemp -d)"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=serve.sh
source "$root/bench/serve.sh"

ffmpeg -v error -y -f lavfi -i "sine=frequency=440:duration=10" -af volume=0.3 -ac 1 -ar 48000 \
    -c:a libopus -b:a 64k -frame_duration 20 "$work/tone.ogg"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_serve "$work"
hash=""
for _ in $(seq 1 100); do
  hash=$(curl -sf -m 1 "$base/certificate.sha256" || true)
  [[ -n "$hash" ]] && break
  sleep 0.1
done
[[ -n "$hash" ]] || { echo "no /certificate.sha256 (is MoQ enabled?)" >&2; tail -20 "$work/server.log" >&2; exit 1; }
bench_idle_cpu "$(nproc)"

yaml='nodes:
  moq_peer: { kind: transport::moq::peer, params: { gateway_path: /bench, output_initial_delay_ms: 0, output_group_duration_ms: '"${SK_BENCH_GROUP_MS:-40}"' }, needs: enc }
  dec: { kind: audio::opus::decoder, needs: moq_peer }
  gain: { kind: audio::gain, params: { gain: 2.0 }, needs: dec }
  enc: { kind: audio::opus::encoder, params: { bitrate: 64000 }, needs: gain }
'
jq -n --arg yaml "$yaml" '{name: "moq-bench", yaml: $yaml}' \
  | curl -sf -m 10 -o /dev/null -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/sessions" \
  || { echo "creating the session failed" >&2; tail -20 "$work/server.log" >&2; exit 1; }

timeout 300 java -cp "$root/distribution/target/export/skit/*" "$root/bench/MoqBench.java" \
    "$base/bench" "$hash" "$work/tone.ogg" "$jvm" "$(getconf CLK_TCK)" "${phases[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
