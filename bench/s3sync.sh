#!/usr/bin/env bash
# Bucket sync benchmark: camel-replicator's engine vs `rclone sync` (defaults) against the same two
# S3Proxy processes, with counting proxies in front. Prints a table of ratios.
# Env: BENCH_ROUNDS (default 3), BENCH_WARMUPS (default 6 runs of (a) by both tools first), BENCH_HUGE=0 skips the 100,000-object listing (it takes minutes).
set -euo pipefail
command -v rclone >/dev/null 2>&1 || { echo "rclone not found on PATH (Debian package rclone 1.60)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian package time), needed for peak RSS" >&2; exit 1; }
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
echo "rclone: $(rclone version 2>/dev/null | head -1), java: $(java -version 2>&1 | head -1), cores: $(nproc)"
exec java -Xmx1g -cp "$CP" io.replicator.bench.S3SyncBench "$@"
