#!/usr/bin/env bash
# Volume replication vs VolSync's data path (rsync -aAhHSxz through stunnel with a PSK), side by side
# in one run (src/test/java/io/replicator/bench/VolumeBench.java). Creates its data under a temp dir
# (default /var/tmp, BENCH_DIR=... to change; about 3.5 GB: sources + two destinations), builds offline, prints a table with ratios.
# Usage: bench/volume.sh [small]      (small: 2,000 files, 2 x 64 MiB)   KEEP=1 keeps the data.
#        STREAMS=n sets our parallel streams (default 4).
set -euo pipefail
cd "$(dirname "$0")/.."

for bin in rsync stunnel4 sync java mvn; do
  command -v "$bin" >/dev/null || { echo "volume.sh: '$bin' is required but not installed" >&2; exit 1; }
done

echo "== build" >&2
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.cp)"

# /var/tmp by default: on this machine /tmp sits in an ext4 block group where every file creation
# costs ~0.9 ms of inode search (both tools alike), which would hide everything else.
WORK=$(mktemp -d "${BENCH_DIR:-/var/tmp}/volume-bench.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; fi

echo "== run ($(rsync --version | head -1); $(stunnel4 -version 2>&1 | head -1))" >&2
java -Xmx2g -Dstreams="${STREAMS:-4}" ${BENCH_OPTS:-} -cp "$CP" io.replicator.bench.VolumeBench "$WORK" "${1:-full}"
