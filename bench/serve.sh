# Sourced by the benchmarks: bench_serve WORK starts `./skit serve` (the built runtime with SK_BENCH_NO_BUILD=1,
# SK_BENCH_JAVA_OPTS added) on a free loopback port in WORK, waits for /healthz (30 s at most), and sets
# port, base (http://127.0.0.1:port), server (the launcher's pid) and jvm (the server JVM's pid).
# The caller's EXIT trap stops "$server". Then ticks gives the JVM's CPU time so far (utime + stime, in
# CLK_TCK ticks) and bench_idle_cpu CORES prints its idle CPU.

free_port() {
  local p
  for p in $(seq 4795 4895); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port in 4795-4895" >&2; return 1
}

bench_serve() {
  local work="$1" root start
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  # SK_BENCH_NO_BUILD=1 runs the already-built distribution/target as is (./skit would rebuild first when
  # sources changed, e.g. while other work is in progress in the tree); SK_BENCH_JAVA_OPTS adds JVM options.
  (cd "$work" && SK_SERVER__ADDRESS="127.0.0.1:$port" SKIT_NO_BUILD="${SK_BENCH_NO_BUILD:-0}" \
      SKIT_JAVA_OPTS="${SK_BENCH_JAVA_OPTS:-} -Dskit.data=$work/data -Dskit.deploy=$work/deploy" \
      exec "$root/skit" serve > "$work/server.log" 2>&1) &
  server=$!
  start=$(date +%s)
  until curl -sf -m 1 "$base/healthz" > /dev/null; do
    sleep 0.05
    if (( $(date +%s) - start > 30 )); then echo "no /healthz after 30 s" >&2; tail -20 "$work/server.log" >&2; return 1; fi
  done
  # The JVM is the child of the ./skit launcher (exec'd or forked): find the process that owns the port's work.
  jvm=$(pgrep -P "$server" java 2>/dev/null | head -1 || true); jvm="${jvm:-$server}"
  [[ "$(cat /proc/$jvm/comm)" == java ]] || { echo "server JVM not found (pid $jvm)" >&2; return 1; }
}

ticks() { awk '{print $14 + $15}' "/proc/$jvm/stat"; }

# Prints the server's CPU over 5 s of idling (after 3 s to settle), in % of CORES cores.
bench_idle_cpu() {
  local cores="$1" before idle_ticks
  sleep 3
  before=$(ticks); sleep 5; idle_ticks=$(( $(ticks) - before ))
  awk -v t="$idle_ticks" -v hz="$(getconf CLK_TCK)" -v cores="$cores" 'BEGIN {printf "idle server: %.1f %% of %d cores (included in the figures below)\n", 100 * t / hz / (5 * cores), cores}'
}
