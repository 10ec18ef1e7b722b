#!/usr/bin/env bash
# What every sync-now Job and mover pod pays before any work: a trivial local `--once` (a bucket sync
# between two local directories, one small file already in place) as a whole process, beside
# `rclone sync` of the same directories, interleaved; then the service's time to ready and its idle RSS.
# Usage: bench/startup.sh [rounds]   (default 5; medians reported)
# Ours runs as the README's run command does: REPLICATOR_JAR (default target/camel-replicator.jar,
# built here; several, space-separated, run in turn every round) with JAVA (default java); JAVA_OPTS
# adds JVM flags.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
JAVA=${JAVA:-java}
read -r -a JARS <<< "${REPLICATOR_JAR:-target/camel-replicator.jar}"
for bin in rclone curl /usr/bin/time "$JAVA"; do
  command -v "$bin" >/dev/null || { echo "startup.sh: '$bin' is required but not installed" >&2; exit 1; }
done
if [ -z "${REPLICATOR_JAR:-}" ]; then
  echo "== build (mvn package)" >&2
  mvn -B -o -q package -DskipTests
fi
W=$(mktemp -d "${BENCH_DIR:-/var/tmp}/startup-bench.XXXXXX")
SERVICE=""
cleanup() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; fi
  rm -rf "$W"
}
trap cleanup EXIT
mkdir -p "$W/src/photos" "$W/dst/photos" "$W/rclone-dst"
echo hello > "$W/src/photos/a.txt"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$W/local.properties" <<EOF
replicator.remotes.here.type = local
replicator.remotes.here.path = $W/src
replicator.remotes.there.type = local
replicator.remotes.there.path = $W/dst
replicator.bucket-sync.trivial.source = here
replicator.bucket-sync.trivial.destination = there
replicator.bucket-sync.trivial.buckets = photos
camel.management.port = $PORT
EOF
unset AWS_CA_BUNDLE # rclone refuses to start with it set

# /usr/bin/time: wall s, peak RSS KiB, user+sys s
timed() { /usr/bin/time -f "%e %M %U %S" -o "$W/time" "$@" >"$W/out" 2>&1 || { cat "$W/out" >&2; exit 1; }; cat "$W/time"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "== $("$JAVA" -version 2>&1 | head -1); $(rclone version | head -1); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
N=${#JARS[@]}
for v in $(seq 1 "$N"); do : > "$W/ours$v"; done
: > "$W/rclone"
for r in $(seq 1 "$ROUNDS"); do
  for who in $( [ $((r % 2)) = 1 ] && echo "ours rclone" || echo "rclone ours"); do
    if [ "$who" = ours ]; then
      for v in $(seq 1 "$N"); do
        # shellcheck disable=SC2086
        timed "$JAVA" ${JAVA_OPTS:-} -jar "${JARS[$((v - 1))]}" --config "$W/local.properties" --once trivial >> "$W/ours$v"
      done
    else
      timed rclone sync "$W/src/photos" "$W/rclone-dst" >> "$W/rclone"
    fi
  done
done
c=$(cut -d' ' -f1 "$W/rclone" | median)
report() { # NAME FILE
  printf "  %-8s %6.2f s wall (rounds: %s), peak RSS %d MiB, cpu %.2f s\n" "$1" "$(cut -d' ' -f1 "$2" | median)" \
    "$(cut -d' ' -f1 "$2" | tr '\n' ' ')" "$(( $(cut -d' ' -f2 "$2" | median | cut -d. -f1) / 1024 ))" \
    "$(awk '{ print $3 + $4 }' "$2" | median)"
}
echo
echo "trivial --once, whole process (median of $ROUNDS, interleaved with rclone; target: ours <= 1.0 s):"
for v in $(seq 1 "$N"); do
  report "ours $v" "$W/ours$v"
  printf "           = %.1fx rclone; %s\n" "$(echo "$(cut -d' ' -f1 "$W/ours$v" | median) $c" | awk '{ print $1 / $2 }')" \
    "$JAVA ${JAVA_OPTS:-} -jar ${JARS[$((v - 1))]}"
done
report rclone "$W/rclone"

# The service (the last jar): time until /observe/health/ready answers 200, then RSS after 10 s idle.
t0=$(date +%s.%N)
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -jar "${JARS[$((N - 1))]}" --config "$W/local.properties" >"$W/service.log" 2>&1 &
SERVICE=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/observe/health/ready"; do
  kill -0 "$SERVICE" 2>/dev/null || { cat "$W/service.log" >&2; echo "the service exited" >&2; exit 1; }
  if [ "$(echo "$(date +%s.%N) - $t0 > 120" | bc)" = 1 ]; then echo "the service was not ready in 120 s" >&2; exit 1; fi
  sleep 0.05 # polling another process's port: there is no event to wait on
done
ready=$(echo "$(date +%s.%N) - $t0" | bc)
sleep 10
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$SERVICE/status")
kill -TERM "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=""
echo
echo "service (${JARS[$((N - 1))]}, not in a container): ready after $(printf %.2f "$ready") s (curl polling every 50 ms), idle RSS $rss MiB after 10 s"
