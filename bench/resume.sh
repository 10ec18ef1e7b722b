#!/usr/bin/env bash
# A resumed 200 MiB multipart copy on Ceph RGW (Debian's 16.2 packages, memstore OSD): the first run
# fails after 6 of 13 parts, the second resumes; prints the bytes each run sent (io.replicator.bench.ResumeBench).
set -euo pipefail
for bin in ceph-mon ceph-osd radosgw radosgw-admin ceph; do
  command -v "$bin" >/dev/null 2>&1 || { echo "$bin not found: apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common" >&2; exit 1; }
done
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-test-classpath.txt)"
echo "java: $(java -version 2>&1 | head -1), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx1500m -cp "$CP" io.replicator.bench.ResumeBench
