#!/usr/bin/env bash
# The service in its container, as k8s/base/manager/deployment.yaml runs it (read-only root, user
# 65532, tmpfs /tmp, 1 GiB, all capabilities dropped, config mounted read-only): time from
# `podman run` to the first 200 from /observe/health/ready, the JVM's CPU seconds until then, and
# its RSS after IDLE seconds; then a trivial `--once` of the same job in a fresh container, whole
# (podman run to exit, the image's own JVM options). Each image (IMAGES, run in turn every round) is started RUNS times;
# medians and the spread (min-max) are printed. An empty container (`podman run ... /bin/true`) is
# timed beside it each round: podman's own share of the figure.
#   bench/container-ready.sh            Env: IMAGES (localhost/camel-replicator:latest), RUNS (5),
#                                            IDLE (10), PODMAN_ARGS (added to every `podman run`)
# Needs: rootful podman and the image (mvn -B package -DskipTests && k8s/image/build.sh), curl.
# Not part of `mvn verify`: it measures, it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a IMAGES <<< "${IMAGES:-localhost/camel-replicator:latest}"
RUNS=${RUNS:-5}
IDLE=${IDLE:-10}
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/.ci/containers.conf} # this VM's runc/cgroupfs/ulimits
for bin in podman curl bc; do command -v "$bin" >/dev/null || { echo "container-ready.sh: '$bin' is required" >&2; exit 1; }; done
for image in "${IMAGES[@]}"; do
  podman image exists "$image" || { echo "container-ready.sh: no image $image (k8s/image/build.sh $image)" >&2; exit 1; }
done
W=$(mktemp -d /var/tmp/container-ready.XXXXXX)
NAME=camel-replicator-ready-$$
cleanup() { podman rm -f -i "$NAME" >/dev/null 2>&1 || true; rm -rf "$W"; }
trap cleanup EXIT
AS_KUBERNETES_DOES=(--read-only --user 65532:65532 --tmpfs /tmp --memory 1g --cap-drop ALL --security-opt no-new-privileges)

# A service with one local bucket job on a cron schedule (nothing runs while it is measured).
mkdir -p "$W/data/src/photos" "$W/data/dst/photos"
echo hello > "$W/data/src/photos/a.txt"
chown -R 65532:65532 "$W/data"
cat > "$W/replicator.properties" <<EOF
replicator.remotes.src.type = local
replicator.remotes.src.path = /data/src
replicator.remotes.dst.type = local
replicator.remotes.dst.path = /data/dst
replicator.bucket-sync.copy.source = src
replicator.bucket-sync.copy.destination = dst
replicator.bucket-sync.copy.buckets = photos
replicator.bucket-sync.copy.schedule = 0 3 * * *
EOF
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
now() { date +%s.%N; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; } # utime + stime

run_once() { # run_once IMAGE: appends "ready_s cpu_s rss_mib" to $W/<image>.txt
  local image=$1 t0 ready pid cpu rss
  t0=$(now)
  # shellcheck disable=SC2086
  podman run -d --rm --name "$NAME" -p "127.0.0.1:$PORT:9876" "${AS_KUBERNETES_DOES[@]}" ${PODMAN_ARGS:-} \
    -v "$W/replicator.properties:/etc/camel-replicator/replicator.properties:ro" -v "$W/data:/data" \
    "$image" --config /etc/camel-replicator/replicator.properties > /dev/null
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/observe/health/ready"; do
    podman container exists "$NAME" || { echo "container-ready.sh: $image exited before it was ready" >&2; exit 1; }
    if [ "$(echo "$(now) - $t0 > 120" | bc)" = 1 ]; then podman logs "$NAME" >&2; echo "container-ready.sh: not ready in 120 s" >&2; exit 1; fi
    sleep 0.02 # polling another process's port: there is no event to wait on
  done
  ready=$(echo "$(now) - $t0" | bc)
  pid=$(podman inspect --format '{{.State.Pid}}' "$NAME") # the JVM is the container's first process
  cpu=$(cpu_seconds "$pid")
  sleep "$IDLE"
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  podman stop -t 30 "$NAME" > /dev/null
  local t1 once
  rm -f "$W/data/dst/photos/"* # each --once copies the one file
  t1=$(now)
  # shellcheck disable=SC2086
  podman run --rm "${AS_KUBERNETES_DOES[@]}" ${PODMAN_ARGS:-} \
    -v "$W/replicator.properties:/etc/camel-replicator/replicator.properties:ro" -v "$W/data:/data" \
    "$image" --config /etc/camel-replicator/replicator.properties --once copy > "$W/once.log" 2>&1 \
    || { cat "$W/once.log" >&2; echo "container-ready.sh: --once copy failed in $image" >&2; exit 1; }
  once=$(echo "$(now) - $t1" | bc)
  echo "$ready $cpu $rss $once" >> "$W/$(echo "$image" | tr '/:' '__').txt"
}
empty_run() { local t0; t0=$(now); podman run --rm "${AS_KUBERNETES_DOES[@]}" --entrypoint /bin/true "${IMAGES[0]}"; echo "$(now) - $t0" | bc >> "$W/empty.txt"; }

echo "== $(podman --version); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$RUNS"); do
  empty_run
  for image in "${IMAGES[@]}"; do run_once "$image"; done
  echo "   round $r done" >&2
done
stats() { # stats COLUMN FILE: median [min-max] (all)
  cut -d' ' -f"$1" "$2" | sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
    s = ""; for (i = 1; i <= NR; i++) s = s sprintf("%s%.2f", i > 1 ? " " : "", a[i]); printf "%.2f [%.2f-%.2f] (%s)", m, a[1], a[NR], s }'
}
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each, median [min-max] (sorted values)"
echo "empty container (podman run --entrypoint /bin/true): $(stats 1 "$W/empty.txt") s"
for image in "${IMAGES[@]}"; do
  f=$W/$(echo "$image" | tr '/:' '__').txt
  echo "$image ${PODMAN_ARGS:-}"
  echo "  podman run -> /observe/health/ready 200: $(stats 1 "$f") s"
  echo "  JVM CPU (user+sys) until ready:          $(stats 2 "$f") s"
  echo "  RSS after ${IDLE} s idle:                     $(stats 3 "$f") MiB"
  echo "  trivial --once, podman run to exit:       $(stats 4 "$f") s"
done
