#!/usr/bin/env bash
# Bucket sync on Ceph RGW: ours (the jar, `--once`, a cold process per run; and warm, in the bench's
# JVM after a warm-up) vs `rclone sync` (defaults) against one single-node Ceph RGW (Debian's 16.2
# packages, memstore OSD) in the same run: streamed between two users, server-side within one user,
# first sync and no-change rerun; requests by type counted from radosgw's log. Prints a table.
# Env: BENCH_WARM=0 skips the warm runs. Builds the jar first (mvn -o package -DskipTests).
set -euo pipefail
command -v rclone >/dev/null 2>&1 || { echo "rclone not found on PATH (Debian package rclone 1.60)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian package time), needed for peak RSS" >&2; exit 1; }
for bin in ceph-mon ceph-osd radosgw radosgw-admin ceph; do
  command -v "$bin" >/dev/null 2>&1 || { echo "$bin not found: apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common" >&2; exit 1; }
done
cd "$(dirname "$0")/.."
mvn -B -o -q -DskipTests package
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
echo "rclone: $(rclone version 2>/dev/null | head -1), java: $(java -version 2>&1 | head -1), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx1g -cp "$CP" io.replicator.bench.RgwSyncBench target/camel-replicator.jar
