#!/usr/bin/env bash
# Makes an AppCDS archive for camel-replicator's cold starts (mover pods, sync-now Jobs, --once, the
# service): training runs on loopback only (no network, no S3 server) record the classes each loads.
# The Dockerfile runs it at image build: the archive is valid only for the same JDK and the same
# jar + lib/ files (paths, sizes, times), so it is made where it will be used.
#   k8s/image/cds-train.sh APP_DIR ARCHIVE [KIND]
#     APP_DIR holds camel-replicator.jar and lib/ (target/ after mvn package, or the image's folder)
#     KIND   static-all (default): one static archive (JDK and application classes) from the union of
#              every run's class list, the service's included
#            static-oneshot: the same from the one-shot runs only (bucket --once runs, volume source)
#            dynamic-volume (the image's) | dynamic-bucket: a dynamic archive (-XX:ArchiveClassesAtExit)
#              of the first volume-source --once run (a mover) or the first bucket --once run: only
#              the application's and libraries' classes, on top of the JDK's default CDS archive
# Use:  java -XX:SharedArchiveFile=ARCHIVE -jar APP_DIR/camel-replicator.jar ...
# A missing or mismatched archive only costs the speed-up: the JVM then starts without it.
set -euo pipefail
APP=$(cd "$1" && pwd)
OUT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
KIND=${3:-static-all}
JAR=$APP/camel-replicator.jar
[ -f "$JAR" ] || { echo "cds-train.sh: no $JAR" >&2; exit 1; }
case "$KIND" in static-all|static-oneshot|dynamic-volume|dynamic-bucket) ;; *) echo "cds-train.sh: unknown KIND '$KIND'" >&2; exit 2 ;; esac
rm -f "$OUT"
T=$(mktemp -d)
DST_PID=
cleanup() { [ -z "$DST_PID" ] || kill "$DST_PID" 2>/dev/null || true; rm -rf "$T"; }
trap cleanup EXIT
cd "$T"
# Every run's temporary files (Vert.x's cache, zstd's native library) go in $T, removed at the end:
# nothing but the archive is left in the image layer.
export JDK_JAVA_OPTIONS="-Djava.io.tmpdir=$T -XX:-UsePerfData"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)); }
# needed NAME: a static KIND uses every run's class list; a dynamic one only the first run of its path
# (volume or bucket), which dumps the archive at exit: the other runs are skipped.
needed() {
  case "$KIND" in dynamic-*) [ "$KIND" = "dynamic-${1%%-*}" ] && [ ! -f "$OUT" ] ;; *) true ;; esac
}
# run NAME ARGS...: a one-shot training run, where needed.
run() {
  needed "$1" || return 0
  local cds=-XX:DumpLoadedClassList="$T/$1.classlist"
  case "$KIND" in dynamic-*) cds=-XX:ArchiveClassesAtExit="$OUT" ;; esac
  java "$cds" -jar "$JAR" "${@:2}" > "$T/$1.log" 2>&1 || { echo "cds-train.sh: training run '$1' failed:" >&2; tail -20 "$T/$1.log" >&2; exit 1; }
}

# Sample data: a bucket of small files (local remotes) and a volume.
mkdir -p a/bucket/dir b vol/src/sub vol/dst
for i in $(seq 1 200); do head -c 3072 /dev/urandom > "a/bucket/dir/f$i"; cp "a/bucket/dir/f$i" "vol/src/sub/f$i"; done
java -jar "$JAR" keygen --identity train > psk.txt
chmod 600 psk.txt
PORT=$(free_port)
cat > c.properties <<EOF
camel.management.port = $(free_port)
replicator.remotes.a.type = local
replicator.remotes.a.path = $T/a
replicator.remotes.b.type = local
replicator.remotes.b.path = $T/b
replicator.bucket-sync.files.source = a
replicator.bucket-sync.files.destination = b
replicator.bucket-sync.files.buckets = bucket
replicator.bucket-sync.files.create-destination-bucket = true
replicator.volume-destination.train.path = $T/vol/dst
replicator.volume-destination.train.bind-address = 127.0.0.1
replicator.volume-destination.train.port = $PORT
replicator.volume-destination.train.key-file = $T/psk.txt
replicator.volume-source.train.path = $T/vol/src
replicator.volume-source.train.address = 127.0.0.1
replicator.volume-source.train.port = $PORT
replicator.volume-source.train.key-file = $T/psk.txt
EOF
# The service runs no job of its own: with the volume source in its configuration, that job's default
# schedule (every 5 minutes) fired once during a training run, and the run found the volume busy.
grep -v -e '^replicator.volume-source' -e '^replicator.bucket-sync' c.properties > service.properties

# 1. the service: boots, listens, stops on SIGTERM (its classes also serve one-shot runs); the volume
# runs' destination. A bucket-trained dynamic archive needs neither.
if [ "$KIND" != dynamic-bucket ]; then
  java -XX:DumpLoadedClassList="$T/service.classlist" -jar "$JAR" --config service.properties > service.log 2>&1 &
  DST_PID=$!
  for _ in $(seq 1 600); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; kill -0 "$DST_PID" 2>/dev/null || { echo "cds-train.sh: the service stopped:" >&2; tail -20 service.log >&2; exit 1; }; sleep 0.1; done
fi
# 2. a bucket sync, its no-change rerun and a dry run; 3. a volume sync into the service, twice
run bucket-sync --config c.properties --once files
run bucket-rerun --config c.properties --once files
run bucket-dry --config c.properties --once files --dry-run
rm -rf b/bucket
run volume --config c.properties --once train
run volume-rerun --config c.properties --once train
if [ -n "$DST_PID" ]; then kill "$DST_PID"; wait "$DST_PID" || true; DST_PID=; fi

case "$KIND" in
  dynamic-*) [ -s "$OUT" ] || { echo "cds-train.sh: no dynamic archive was written to $OUT" >&2; exit 1; }
             echo "cds-train.sh: $OUT ($(du -h "$OUT" | cut -f1), $KIND)"; exit 0 ;;
  static-oneshot) rm -f service.classlist ;;
esac
# Union of the class lists, first-seen order; then one static archive (JDK and application classes).
cat ./*.classlist | awk '!seen[$0]++' > all.classlist
java -Xshare:dump -XX:SharedClassListFile=all.classlist -XX:SharedArchiveFile="$OUT" -jar "$JAR" > dump.log 2>&1 \
  || { echo "cds-train.sh: dump failed:" >&2; tail -20 dump.log >&2; exit 1; }
echo "cds-train.sh: $OUT ($(du -h "$OUT" | cut -f1), $KIND, $(wc -l < all.classlist) classes listed)"
