#!/usr/bin/env bash
# Bucket sync benchmark: camel-replicator vs `rclone sync` (defaults) against the same two S3Proxy
# processes (transient backend), with counting proxies in front. Prints the COLD table first (a fresh
# process per run, ours as the README's run command with --once, as a sync-now Job runs), then the
# WARM one (ours in a warmed-up JVM, as in the service). Ratios against rclone measured in the same run.
# Env: BENCH_COLD_ROUNDS (3), BENCH_COLD_OBJECTS (20000 x 1 KiB), BENCH_WARM=0 skips the warm part,
#      BENCH_ROUNDS (3), BENCH_WARMUPS (6 runs of (a) by both tools first), BENCH_HUGE=0 skips the
#      100,000-object listing (it takes minutes). REPLICATOR_JAR runs another jar as ours (default: the
#      one built here, target/camel-replicator.jar; several, space-separated, run in turn every round);
#      JAVA picks the JVM, JAVA_OPTS adds flags; OURS_CMDS="cmd1|cmd2" gives whole commands instead.
set -euo pipefail
command -v rclone >/dev/null 2>&1 || { echo "rclone not found on PATH (Debian package rclone 1.60)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian package time), needed for peak RSS" >&2; exit 1; }
cd "$(dirname "$0")/.."
if [ -z "${REPLICATOR_JAR:-}" ]; then
  mvn -B -o -q package -DskipTests
fi
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# several jars (REPLICATOR_JAR="before.jar after.jar") run in turn every round: "ours 1", "ours 2"
BENCH_OURS=""
for jar in ${REPLICATOR_JAR:-target/camel-replicator.jar}; do
  BENCH_OURS="${BENCH_OURS:+$BENCH_OURS|}${JAVA:-java} ${JAVA_OPTS:-} -jar $(realpath "$jar")"
done
# OURS_CMDS='cmd 1|cmd 2' gives the commands as they are (e.g. one build with and without JVM flags)
BENCH_OURS=${OURS_CMDS:-$BENCH_OURS}
export BENCH_OURS=$(echo "$BENCH_OURS" | tr -s ' ')
echo "rclone: $(rclone version 2>/dev/null | head -1), java: $(${JAVA:-java} -version 2>&1 | head -1), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx1g -cp "$CP" io.replicator.bench.S3SyncBench "$@"
