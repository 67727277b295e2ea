#!/usr/bin/env bash
# Oneshot transcode benchmark: a 60 s Ogg/Opus speech file, gain x2, re-encoded to Ogg/Opus 64 kb/s,
# by the ffmpeg command line and by a warm StreamKit/J server (samples/pipelines/oneshot/double_volume.yml,
# HTTP upload and download included), interleaved A B A B ... Prints both medians, the wall-time ratio
# server/ffmpeg (goal <= 1.0, shared/spec/performance.md) and the server's CPU time per request.
# Usage: bench/oneshot_vs_ffmpeg.sh [runs]   (needs ffmpeg, espeak-ng, curl; builds via ./skit if needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
port=4793
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

# 60 s of speech, as ffmpeg's libopus would deliver it.
espeak-ng -w "$work/raw.wav" "$(printf 'StreamKit for Java mixes, filters and encodes speech in real time. %.0s' $(seq 1 30))"
ffmpeg -v error -y -stream_loop -1 -i "$work/raw.wav" -t 60 -af volume=0.35 -ac 1 -ar 48000 -c:a libopus -b:a 64k "$work/in.ogg"

(cd "$work" && SK_SERVER__ADDRESS="127.0.0.1:$port" SKIT_JAVA_OPTS="-Dskit.data=$work/data -Dskit.deploy=$work/deploy" \
    exec "$root/skit" serve > "$work/server.log" 2>&1) &
server=$!
until curl -sf -m 1 "http://127.0.0.1:$port/healthz" > /dev/null; do sleep 0.05; done

post() {
  curl -sf -o "$work/out-skit.ogg" -F "config=@$root/samples/pipelines/oneshot/double_volume.yml" \
    -F "media=@$work/in.ogg;type=audio/ogg" "http://127.0.0.1:$port/api/v1/process"
}
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

for _ in 1 2 3; do post; done   # warm-up: JIT, native codec libraries

ffmpeg_ms=(); skit_ms=(); cpu_ticks=0
for i in $(seq 1 "$runs"); do
  t=$(now_ms)
  ffmpeg -v error -y -i "$work/in.ogg" -af volume=2 -c:a libopus -b:a 64k -vbr constrained "$work/out-ffmpeg.ogg"
  ffmpeg_ms+=($(( $(now_ms) - t )))
  before=$(ticks); t=$(now_ms)
  post
  skit_ms+=($(( $(now_ms) - t ))); cpu_ticks=$(( cpu_ticks + $(ticks) - before ))
  echo "run $i: ffmpeg ${ffmpeg_ms[-1]} ms, skit ${skit_ms[-1]} ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fm=$(median "${ffmpeg_ms[@]}"); sm=$(median "${skit_ms[@]}")
hz=$(getconf CLK_TCK)
echo "median wall time: ffmpeg ${fm} ms, skit ${sm} ms, ratio skit/ffmpeg $(awk -v s="$sm" -v f="$fm" 'BEGIN {printf "%.2f", s/f}')"
echo "server CPU per request: $(awk -v t="$cpu_ticks" -v n="$runs" -v hz="$hz" 'BEGIN {printf "%.0f", t*1000/hz/n}') ms"
echo "output: $(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/out-skit.ogg") s (input 60 s)"
