#!/usr/bin/env bash
# Volume replication vs VolSync's data path (rsync -aAhHSxz through stunnel with a PSK), side by side
# in one run. First COLD (VolumeColdBench.java, as a mover pod runs): a fresh source process of the
# README's jar (--once JOB --from-path DIR) per sync into a warm destination service, 25,000 x 3 KiB,
# COLD_ROUNDS interleaved rounds (default 5), medians; then WARM (VolumeBench.java, ours in a warmed-up
# JVM as in the service) unless BENCH_WARM=0. Creates its data under a temp dir (default /var/tmp,
# BENCH_DIR=... to change; about 5.5 GB), builds offline, prints tables with ratios.
# Usage: bench/volume.sh [small]      (small: 2,000 files, 2 x 64 MiB)   KEEP=1 keeps the data.
#        STREAMS=n sets our parallel streams (default 4); WARMUPS=n our JIT warm-up sessions (default 12).
#        REPLICATOR_JAR runs another jar as ours in the cold part (default: the one built here; several,
#        space-separated, run in turn every round, the destination service runs the last); JAVA
#        picks its JVM, JAVA_OPTS adds flags.
set -euo pipefail
cd "$(dirname "$0")/.."

for bin in rsync stunnel4 sync java mvn; do
  command -v "$bin" >/dev/null || { echo "volume.sh: '$bin' is required but not installed" >&2; exit 1; }
done

echo "== build" >&2
if [ -z "${REPLICATOR_JAR:-}" ]; then
  mvn -B -o -q package -DskipTests
fi
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.cp)"

# /var/tmp by default: on this machine /tmp sits in an ext4 block group where every file creation
# costs ~0.9 ms of inode search (both tools alike), which would hide everything else.
WORK=$(mktemp -d "${BENCH_DIR:-/var/tmp}/volume-bench.XXXXXX")
cleanup() {
  if mountpoint -q "$WORK/fs" 2>/dev/null; then umount "$WORK/fs"; fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
# As root (and unless FRESH_FS=0), the data lives on a new ext4 filesystem in a loop-mounted image,
# like a freshly provisioned volume: on a long-used filesystem, ext4's inode allocator slows file
# creation several-fold for minutes after mass deletes (other jobs, earlier runs), which moves
# single runs by 2-3x for both tools alike.
DATA="$WORK"
if [ "$(id -u)" = 0 ] && [ "${FRESH_FS:-1}" = 1 ] && command -v mkfs.ext4 >/dev/null; then
  truncate -s 12G "$WORK/fs.img"
  mkfs.ext4 -q -F "$WORK/fs.img"
  mkdir -p "$WORK/fs"
  mount -o loop "$WORK/fs.img" "$WORK/fs"
  DATA="$WORK/fs"
  echo "== data on a fresh ext4 filesystem ($WORK/fs.img, loop-mounted)" >&2
fi

echo "== run ($(rsync --version | head -1); $(stunnel4 -version 2>&1 | head -1); $(${JAVA:-java} -version 2>&1 | head -1); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
BENCH_OURS=""  # several jars (REPLICATOR_JAR="before.jar after.jar") run in turn every round
for jar in ${REPLICATOR_JAR:-target/camel-replicator.jar}; do
  BENCH_OURS="${BENCH_OURS:+$BENCH_OURS|}${JAVA:-java} ${JAVA_OPTS:-} -jar $(realpath "$jar")"
done
# OURS_CMDS='cmd 1|cmd 2' gives the commands as they are (e.g. one build with and without JVM flags)
BENCH_OURS=${OURS_CMDS:-$BENCH_OURS}
BENCH_OURS=$(echo "$BENCH_OURS" | tr -s ' ')
BENCH_OURS="$BENCH_OURS" java -Xmx1g -Drounds="${COLD_ROUNDS:-5}" -cp "$CP" io.replicator.bench.VolumeColdBench "$DATA"
if [ "${BENCH_WARM:-1}" = 0 ]; then exit 0; fi
echo; echo "WARM (ours in a warmed-up JVM, as in the service):"
java -Xmx2g -Dstreams="${STREAMS:-4}" -Dwarmups="${WARMUPS:-12}" ${BENCH_OPTS:-} -cp "$CP" io.replicator.bench.VolumeBench "$DATA" "${1:-full}"
