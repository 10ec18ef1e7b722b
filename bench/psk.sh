#!/usr/bin/env bash
# TLS-PSK throughput: ours vs stunnel <-> stunnel vs JDK TLS 1.3 vs plain TCP, 1 GiB over loopback.
# First COLD (PskColdBench: ours in a fresh JVM per round vs a fresh stunnel pair, process start
# included), then WARM (PskBench: after a JIT warm-up, as in the service). BENCH_WARM=0 skips WARM.
# Usage: bench/psk.sh [MiB] [rounds]   (default 1024 MiB, 3 interleaved rounds; medians are reported)
set -euo pipefail
cd "$(dirname "$0")/.."

STUNNEL=""
for candidate in /usr/bin/stunnel4 /usr/bin/stunnel; do
  if [[ -x "$candidate" ]]; then STUNNEL="$candidate"; break; fi
done
if [[ -z "$STUNNEL" ]]; then
  echo "stunnel not found (apt-get install stunnel4): cannot run the peer side" >&2
  exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"

echo "== $(java -version 2>&1 | head -1); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m -cp "$CP" io.replicator.bench.PskColdBench "$WORK" "$STUNNEL" "${1:-1024}" "${2:-3}"
if [ "${BENCH_WARM:-1}" = 0 ]; then exit 0; fi
echo; echo "WARM (after a JIT warm-up, as in the service):"
java -Xms512m -Xmx1g -cp "$CP" io.replicator.bench.PskBench "$WORK" "$STUNNEL" "${1:-1024}" "${2:-3}"
