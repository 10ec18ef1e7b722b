#!/usr/bin/env bash
# Cold one-shot runs of the packaged application (java -jar target/camel-replicator.jar --once JOB,
# a fresh JVM as a mover pod or a sync-now Job is) against the peer tool, alternating, in one run:
#   volume: a cold source process sending FILES x 3 KiB files into a warm destination service,
#           vs rsync -aAhHSxz through stunnel (VolSync's data path: copy pass, delete pass, sync -f);
#   s3:     a cold first bucket sync of OBJECTS x 1 KiB between two S3Proxy processes and its
#           no-change rerun, vs `rclone sync` (default flags);
#   once:   a trivial local --once (3 files, local -> local).
# Each variant of our JVM options (JVM_VARIANTS, '|'-separated; "default" = none) is run every round;
# by default "default" and the one-shot options (sync-now Job), or for volume the mover Jobs' options
# (read from OneShotJvmOptions.java, so the bench runs what MoverJobSpec sets).
# Prints medians of wall and CPU (user+sys) seconds per tool, and ratios.
# Usage: bench/cold.sh [volume|s3|once|all]   Env: ROUNDS (3), FILES (25000), OBJECTS (20000),
#        JVM_VARIANTS (an archive from k8s/image/cds-train.sh is compared as a variant with
#        -XX:SharedArchiveFile=ARCHIVE), IMAGE (volume: the mover also runs in this image, see image_mover;
#        rootful podman with CONTAINERS_CONF=.ci/containers.conf).
# Needs: mvn package done (target/camel-replicator.jar), rsync, stunnel4, rclone, /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT=${1:-all}
ROUNDS=${ROUNDS:-3}
FILES=${FILES:-25000}
OBJECTS=${OBJECTS:-20000}
JAR=$PWD/target/camel-replicator.jar
ONE_SHOT="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:-UsePerfData"
MOVER=$(sed -n '/static final String OPTIONS/,/;/p' src/main/java/io/replicator/kube/OneShotJvmOptions.java \
  | grep -o '"[^"]*"' | tr -d '"\n' | tr -s ' ' | sed 's/^ //')
[ -n "$MOVER" ] || { echo "cold.sh: no OPTIONS in OneShotJvmOptions.java" >&2; exit 1; }
IFS='|' read -r -a VARIANTS <<< "${JVM_VARIANTS:-default|$ONE_SHOT}"
[ -f "$JAR" ] || { echo "cold.sh: build first: mvn -B -q package -DskipTests" >&2; exit 1; }
for bin in java rsync stunnel4 rclone /usr/bin/time; do
  command -v "$bin" >/dev/null || { echo "cold.sh: '$bin' is required" >&2; exit 1; }
done
unset AWS_CA_BUNDLE # rclone refuses to start with it set (this machine sets it)

# tmpfs: both tools write to the same filesystem, and ext4's inode allocator after mass deletes
# (other jobs on a shared machine) would move single runs by 2-3x.
WORK=$(mktemp -d /dev/shm/cold-bench.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
TIMES=$WORK/times.txt
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$TIMES"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
await_port() { for _ in $(seq 1 300); do (echo > /dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; echo "no listener on $1" >&2; exit 1; }
# timed NAME CMD...: appends "NAME wall cpu" to $TIMES; fails on a non-zero exit
timed() {
  local name=$1; shift
  /usr/bin/time -f "$name %e %U %S" -a -o "$TIMES.raw" "$@" > "$WORK/last.log" 2>&1 || { echo "$name failed:" >&2; tail -20 "$WORK/last.log" >&2; exit 1; }
}
opts() { local v=${VARIANTS[$1]}; [ "$v" = default ] || echo "$v"; } # our JVM options of variant $1
variant_name() {
  local v=${VARIANTS[$1]}
  case "$v" in "$MOVER") echo "ours[mover]" ;; "$ONE_SHOT") echo "ours[one-shot]" ;; *) echo "ours[${v// /_}]" ;; esac
}

volume() {
  local -a VARIANTS # the mover Jobs' options unless JVM_VARIANTS says otherwise (opts/variant_name see this list)
  IFS='|' read -r -a VARIANTS <<< "${JVM_VARIANTS:-default|$MOVER}"
  local src=$WORK/vol/src dst=$WORK/vol/ours rdst=$WORK/vol/rsync key=$WORK/vol/psk.txt
  mkdir -p "$src" "$dst" "$rdst"
  java -jar "$JAR" keygen --identity bench > "$key"
  chmod 600 "$key"
  python3 - "$src" "$FILES" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "d%03d" % (i // 250))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%05d.dat" % i), "wb") as f:
        f.write(os.urandom(3072))
PY
  local port sport cport
  port=$(free_port); sport=$(free_port); cport=$(free_port)
  cat > "$WORK/vol/dst.properties" <<EOF
camel.management.port = $(free_port)
replicator.volume-destination.bench.path = $dst
replicator.volume-destination.bench.bind-address = 127.0.0.1
replicator.volume-destination.bench.port = $port
replicator.volume-destination.bench.key-file = $key
EOF
  cat > "$WORK/vol/src.properties" <<EOF
replicator.volume-source.bench.path = $src
replicator.volume-source.bench.address = 127.0.0.1
replicator.volume-source.bench.port = $port
replicator.volume-source.bench.key-file = $key
EOF
  java -jar "$JAR" --config "$WORK/vol/dst.properties" > "$WORK/vol/dst.log" 2>&1 & PIDS+=($!)
  printf '[data]\npath = %s\nread only = false\nuse chroot = false\nmunge symlinks = false\nuid = 0\ngid = 0\n' "$rdst" > "$WORK/vol/rsyncd.conf"
  printf 'foreground = yes\npid =\n[rsync]\naccept = 127.0.0.1:%s\nexec = /usr/bin/rsync\nexecArgs = rsync --server --daemon --config=%s .\nciphers = kPSK\nsslVersionMin = TLSv1.3\nPSKsecrets = %s\n' "$sport" "$WORK/vol/rsyncd.conf" "$key" > "$WORK/vol/server.conf"
  printf 'foreground = yes\npid =\n[rsync]\nclient = yes\naccept = 127.0.0.1:%s\nconnect = 127.0.0.1:%s\nciphers = PSK\nPSKsecrets = %s\n' "$cport" "$sport" "$key" > "$WORK/vol/client.conf"
  stunnel4 "$WORK/vol/server.conf" > "$WORK/vol/stunnel-server.log" 2>&1 & PIDS+=($!)
  stunnel4 "$WORK/vol/client.conf" > "$WORK/vol/stunnel-client.log" 2>&1 & PIDS+=($!)
  await_port "$port"; await_port "$sport"; await_port "$cport"
  local url="rsync://127.0.0.1:$cport/data/"
  rsync_volsync() {
    rsync -aAhHSxz --exclude=lost+found "$src/" "$url" && \
    rsync -rx --exclude=lost+found --ignore-existing --ignore-non-existing --delete "$src/" "$url" && sync -f "$rdst"
  }
  # A destination service is long-running: it is measured warm. A fresh one reaches its steady state
  # after ~5 sessions of this size (a cold source took 3.75, 3.15, 2.69, 2.28, 2.12 s, then ~2.05 s).
  echo "== volume: warming the destination service (6 sessions)" >&2
  for _ in 1 2 3 4 5 6; do rm -rf "${dst:?}"/*; java $ONE_SHOT -jar "$JAR" --config "$WORK/vol/src.properties" --once bench > /dev/null 2>&1; done
  [ -z "${IMAGE:-}" ] || image_setup "$port" "$key"
  for r in $(seq 1 "$ROUNDS"); do
    rm -rf "${rdst:?}"/*; timed "volume:rsync+stunnel" bash -c "$(declare -f rsync_volsync); src=$src url=$url rdst=$rdst rsync_volsync"
    for i in "${!VARIANTS[@]}"; do
      rm -rf "${dst:?}"/*; timed "volume:$(variant_name "$i")" java $(opts "$i") -jar "$JAR" --config "$WORK/vol/src.properties" --once bench
    done
    [ -z "${IMAGE:-}" ] || { rm -rf "${dst:?}"/*; image_mover "$src"; }
    echo "   round $r done" >&2
  done
  [ "$(find "$dst" -type f | wc -l)" = "$FILES" ] || { echo "volume: destination incomplete" >&2; exit 1; }
}

# IMAGE=TAG: the mover also runs in that image as a mover pod does (its entrypoint, the image's
# JAVA_TOOL_OPTIONS plus the mover Jobs' options, read-only root, user 65532, 1 GiB, tmpfs /tmp, no
# capabilities), timed inside the container (podman's own start is a pod's start, not the mover's).
image_setup() { # image_setup PORT KEY: the container's configuration and key under $WORK/vol/image
  mkdir -p "$WORK/vol/image"
  install -m 600 -o 65532 -g 65532 "$2" "$WORK/vol/image/psk.txt"
  printf 'replicator.volume-source.bench.path = /data/src\nreplicator.volume-source.bench.address = 127.0.0.1\nreplicator.volume-source.bench.port = %s\nreplicator.volume-source.bench.key-file = /etc/c/psk.txt\n' "$1" > "$WORK/vol/image/src.properties"
  IMAGE_OPTS="$(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | sed -n 's/^JAVA_TOOL_OPTIONS=//p') $MOVER"
}
image_mover() { # image_mover SRC: one mover in $IMAGE; appends "volume:ours[image] wall user sys" to $TIMES.raw
  local out
  out=$(podman run --rm --network host --read-only --user 65532:65532 --tmpfs /tmp --memory 1g --cap-drop ALL \
    --security-opt no-new-privileges -e JAVA_TOOL_OPTIONS="$IMAGE_OPTS" -v "$1:/data/src:ro" -v "$WORK/vol/image:/etc/c:ro" \
    --entrypoint /bin/bash "$IMAGE" -c 'TIMEFORMAT="%R %U %S"; { time /opt/camel-replicator/start.sh --config /etc/c/src.properties --once bench > /tmp/log 2>&1; } 2>&1 || { tail -20 /tmp/log; exit 1; }') \
    || { echo "the mover in $IMAGE failed: $out" >&2; exit 1; }
  echo "volume:ours[image] $out" >> "$TIMES.raw"
}

s3() {
  local cp=$WORK/s3/cp.txt
  mkdir -p "$WORK/s3/objects"
  mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
  local tcp="$PWD/target/test-classes:$PWD/target/classes:$(cat "$cp")"
  # S3BenchServer stops at EOF on stdin: each reads a fifo this shell keeps open until it exits.
  start_server() { # start_server NAME: sets PORT_<NAME> to its (counting) proxy port
    local fifo=$WORK/s3/$1.in
    mkfifo "$fifo"
    java -Xmx1g -cp "$tcp" io.replicator.bench.S3BenchServer "$1-ak" "$1-secret" < "$fifo" > "$WORK/s3/$1.out" 2>&1 &
    PIDS+=($!)
    exec {fd}> "$fifo"
    for _ in $(seq 1 600); do grep -q READY "$WORK/s3/$1.out" 2>/dev/null && break; sleep 0.1; done
    grep -q READY "$WORK/s3/$1.out" || { echo "S3BenchServer $1 did not start:" >&2; cat "$WORK/s3/$1.out" >&2; exit 1; }
    eval "PORT_$1=$(awk '/READY/{print $2}' "$WORK/s3/$1.out")"
  }
  start_server src; start_server dst
  local sp=$PORT_src dp=$PORT_dst
  export RCLONE_CONFIG=/dev/null
  export RCLONE_CONFIG_SRC_TYPE=s3 RCLONE_CONFIG_SRC_PROVIDER=Other RCLONE_CONFIG_SRC_ENDPOINT=http://127.0.0.1:$sp \
         RCLONE_CONFIG_SRC_ACCESS_KEY_ID=src-ak RCLONE_CONFIG_SRC_SECRET_ACCESS_KEY=src-secret
  export RCLONE_CONFIG_DST_TYPE=s3 RCLONE_CONFIG_DST_PROVIDER=Other RCLONE_CONFIG_DST_ENDPOINT=http://127.0.0.1:$dp \
         RCLONE_CONFIG_DST_ACCESS_KEY_ID=dst-ak RCLONE_CONFIG_DST_SECRET_ACCESS_KEY=dst-secret
  python3 - "$WORK/s3/objects" "$OBJECTS" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "p%03d" % (i // 500))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "o%05d" % i), "wb") as f:
        f.write(os.urandom(1024))
PY
  echo "== s3: seeding SRC:small with $OBJECTS objects" >&2
  rclone mkdir SRC:small
  rclone copy --transfers 16 "$WORK/s3/objects" SRC:small
  s3conf() { # s3conf DSTBUCKET
    cat <<EOF
replicator.remotes.src.endpoint = http://127.0.0.1:$sp
replicator.remotes.src.access-key = src-ak
replicator.remotes.src.secret-key = src-secret
replicator.remotes.dst.endpoint = http://127.0.0.1:$dp
replicator.remotes.dst.access-key = dst-ak
replicator.remotes.dst.secret-key = dst-secret
replicator.bucket-sync.bench.source = src
replicator.bucket-sync.bench.destination = dst
replicator.bucket-sync.bench.buckets = small:$1
replicator.bucket-sync.bench.create-destination-bucket = true
EOF
  }
  for r in $(seq 1 "$ROUNDS"); do
    rclone mkdir "DST:rclone-$r"
    timed "s3-first:rclone" rclone sync SRC:small "DST:rclone-$r"
    timed "s3-rerun:rclone" rclone sync SRC:small "DST:rclone-$r"
    for i in "${!VARIANTS[@]}"; do
      s3conf "ours-$r-$i" > "$WORK/s3/c-$r-$i.properties"
      timed "s3-first:$(variant_name "$i")" java $(opts "$i") -jar "$JAR" --config "$WORK/s3/c-$r-$i.properties" --once bench
      timed "s3-rerun:$(variant_name "$i")" java $(opts "$i") -jar "$JAR" --config "$WORK/s3/c-$r-$i.properties" --once bench
    done
    # S3Proxy keeps objects in its heap: without this its old generation filled up in the second
    # round and every request stalled in full GCs.
    rclone purge "DST:rclone-$r"
    for i in "${!VARIANTS[@]}"; do rclone purge "DST:ours-$r-$i"; done
    echo "   round $r done" >&2
  done
}

once() {
  mkdir -p "$WORK/once/a/bucket" "$WORK/once/b"
  for i in 1 2 3; do echo "file $i" > "$WORK/once/a/bucket/f$i.txt"; done
  cat > "$WORK/once/c.properties" <<EOF
replicator.remotes.a.type = local
replicator.remotes.a.path = $WORK/once/a
replicator.remotes.b.type = local
replicator.remotes.b.path = $WORK/once/b
replicator.bucket-sync.t.source = a
replicator.bucket-sync.t.destination = b
replicator.bucket-sync.t.buckets = bucket
replicator.bucket-sync.t.create-destination-bucket = true
EOF
  for r in $(seq 1 "$ROUNDS"); do
    for i in "${!VARIANTS[@]}"; do
      rm -rf "$WORK/once/b/"*; timed "once:$(variant_name "$i")" java $(opts "$i") -jar "$JAR" --config "$WORK/once/c.properties" --once t
    done
  done
}

case "$WHAT" in
  volume) volume ;; s3) s3 ;; once) once ;;
  all) once; volume; s3 ;;
  *) echo "usage: bench/cold.sh [volume|s3|once|all]" >&2; exit 2 ;;
esac

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); load at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg); rounds: $ROUNDS"
echo "ours[mover] = $MOVER; ours[one-shot] = $ONE_SHOT"
python3 - "$TIMES.raw" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 4 and not p[0].startswith("Command"):
        rows.setdefault(p[0], []).append((float(p[1]), float(p[2]) + float(p[3])))
peer = {}
for name, v in rows.items():
    scen, tool = name.split(":", 1)
    if not tool.startswith("ours"):
        peer[scen] = st.median(x[0] for x in v)
print(f"{'scenario:tool':72s} {'wall s':>7s} {'cpu s':>6s} {'ratio':>6s}  walls")
for name, v in rows.items():
    scen, tool = name.split(":", 1)
    wall = st.median(x[0] for x in v)
    ratio = f"{wall / peer[scen]:.2f}x" if scen in peer and tool.startswith("ours") else ""
    print(f"{name:72s} {wall:7.2f} {st.median(x[1] for x in v):6.2f} {ratio:>6s}  {[x[0] for x in v]}")
PY
