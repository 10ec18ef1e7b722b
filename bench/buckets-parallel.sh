#!/usr/bin/env bash
# The four-bucket job's no-change run, cold (a fresh `--once` process per run): bucket-parallelism 4
# against 1, interleaved in the same run, against two S3Proxy processes and (BENCH_RGW=1, needs
# Debian's Ceph packages) one Ceph RGW. Env: BENCH_OBJECTS per bucket (2000 x 1 KiB), BENCH_ROUNDS (5).
set -euo pipefail
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian package time), needed for peak RSS" >&2; exit 1; }
cd "$(dirname "$0")/.."
mvn -B -o -q -DskipTests package
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
OURS="${JAVA:-java} -jar $(realpath target/camel-replicator.jar)"
echo "java: $(${JAVA:-java} -version 2>&1 | head -1), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$CP" io.replicator.bench.BucketsParallelBench s3proxy "$OURS"
if [ "${BENCH_RGW:-1}" = 1 ]; then
  java -Xmx512m -cp "$CP" io.replicator.bench.BucketsParallelBench rgw "$OURS"
fi
