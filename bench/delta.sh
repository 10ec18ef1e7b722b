#!/usr/bin/env bash
# Delta engine vs real rsync, side by side in one run (see src/test/java/io/replicator/bench/DeltaBench.java).
# Creates its data under a temp dir on /tmp (about 3.5 GB), builds offline, prints two tables with ratios.
# First COLD (DeltaColdBench: ours in a fresh JVM per file vs a fresh rsync, COLD_ROUNDS interleaved
# rounds, default 3), then WARM (DeltaBench: after a JIT warm-up, as in the service) unless BENCH_WARM=0.
# Usage: bench/delta.sh            (KEEP=1 keeps the data directory)
set -euo pipefail
cd "$(dirname "$0")/.."

for bin in rsync java mvn head dd awk od; do
  command -v "$bin" >/dev/null || { echo "delta.sh: '$bin' is required but not installed" >&2; exit 1; }
done
[ -x /usr/bin/rsync ] || { echo "delta.sh: /usr/bin/rsync is required" >&2; exit 1; }

echo "== build" >&2
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.cp)"

WORK=$(mktemp -d /tmp/delta-bench.XXXXXX)
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; fi
MIB=$((1024 * 1024))

# Flip the byte at offset $2 of file $1 (so it surely changes).
flip_byte() {
  local orig
  orig=$(dd if="$1" bs=1 skip="$2" count=1 status=none | od -An -tu1 | tr -d ' ')
  printf "\\x$(printf %02x $(( (orig + 1) % 256 )))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

echo "== data in $WORK" >&2
head -c $((100 * MIB)) /dev/urandom > "$WORK/base100"
head -c $((10 * MIB)) /dev/urandom > "$WORK/extra10"

mkdir -p "$WORK/one-byte" && cp "$WORK/base100" "$WORK/one-byte/basis.bin"
cp "$WORK/base100" "$WORK/one-byte/target.bin"
flip_byte "$WORK/one-byte/target.bin" $((50 * MIB + 12345))

# 1 % of rsync's blocks (10240 bytes for 100 MiB: 10240 blocks) get one byte changed, seeded positions.
mkdir -p "$WORK/scattered-1pct" && cp "$WORK/base100" "$WORK/scattered-1pct/basis.bin"
cp "$WORK/base100" "$WORK/scattered-1pct/target.bin"
for block in $(awk 'BEGIN { srand(42); for (i = 0; i < 102; i++) print int(rand() * 10240) }'); do
  flip_byte "$WORK/scattered-1pct/target.bin" $((block * 10240 + 4321))
done

mkdir -p "$WORK/insert-10m-start" && cp "$WORK/base100" "$WORK/insert-10m-start/basis.bin"
cat "$WORK/extra10" "$WORK/base100" > "$WORK/insert-10m-start/target.bin"

mkdir -p "$WORK/append-10m" && cp "$WORK/base100" "$WORK/append-10m/basis.bin"
cat "$WORK/base100" "$WORK/extra10" > "$WORK/append-10m/target.bin"

mkdir -p "$WORK/truncate-half" && cp "$WORK/base100" "$WORK/truncate-half/basis.bin"
head -c $((50 * MIB)) "$WORK/base100" > "$WORK/truncate-half/target.bin"

mkdir -p "$WORK/unchanged-1g"
head -c $((1024 * MIB)) /dev/urandom > "$WORK/unchanged-1g/basis.bin"
cp "$WORK/unchanged-1g/basis.bin" "$WORK/unchanged-1g/target.bin"
rm -f "$WORK/base100" "$WORK/extra10"
sync # flush the 3.5 GB just written, or its writeback slows whichever tool runs first

echo "== run ($(rsync --version | head -1); $(java -version 2>&1 | head -1); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
java -Xmx256m -cp "$CP" io.replicator.bench.DeltaColdBench "$WORK" "${COLD_ROUNDS:-3}" \
  one-byte scattered-1pct insert-10m-start append-10m truncate-half unchanged-1g
if [ "${BENCH_WARM:-1}" = 0 ]; then exit 0; fi
echo; echo "WARM (after a JIT warm-up, as in the service):"
java -Xmx2g -cp "$CP" io.replicator.bench.DeltaBench "$WORK" \
  one-byte scattered-1pct insert-10m-start append-10m truncate-half unchanged-1g
