#!/usr/bin/env bash
# Camel's own boot, version against version, in one run: a bare camel-main process (camel-main,
# camel-yaml-dsl, camel-quartz, camel-direct, camel-log, camel-timer; one YAML route fired once by a
# timer, then stop) built for each Camel version given, run alternately ROUNDS times, as a whole
# process. Used to decide whether a Camel upgrade pays cold, where the full application cannot be
# built on the newer version (its other modules not in the Maven mirror). Not part of `mvn verify`.
#   bench/camel-boot/run.sh [VERSION...]     default: 4.18.0 4.22.0   Env: ROUNDS (7), JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-7}
VERSIONS=("$@"); [ ${#VERSIONS[@]} -gt 0 ] || VERSIONS=(4.18.0 4.22.0)
JAVA_OPTS=${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
W=$(mktemp -d /var/tmp/camel-boot.XXXXXX)
trap 'rm -rf "$W"' EXIT
for v in "${VERSIONS[@]}"; do
  mvn -B -q package dependency:copy-dependencies -Dcamel.version="$v" -DoutputDirectory="$W/lib-$v" -DincludeScope=runtime > "$W/mvn-$v.log" 2>&1 || { tail -20 "$W/mvn-$v.log" >&2; exit 1; }
  cp target/mini-1.jar "$W/mini-$v.jar"
  echo "camel $v: $(ls "$W/lib-$v" | wc -l) jars, $(du -sb "$W/lib-$v" | cut -f1) bytes" >&2
done
echo "== $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=$JAVA_OPTS"
for r in $(seq 1 "$ROUNDS"); do
  for v in "${VERSIONS[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S %M" -a -o "$W/t-$v" java $JAVA_OPTS -cp "$W/mini-$v.jar:$W/lib-$v/*" m.Mini > /dev/null
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); medians of $ROUNDS [min-max]"
for v in "${VERSIONS[@]}"; do
  python3 - "$v" "$W/t-$v" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[2]) if l[0].isdigit()]
wall = [float(r[0]) for r in rows]; cpu = [float(r[1]) + float(r[2]) for r in rows]; rss = [int(r[3]) // 1024 for r in rows]
print("camel %-7s wall %.2f s [%.2f-%.2f]  cpu %.2f s [%.2f-%.2f]  peak RSS %d MiB" % (sys.argv[1], st.median(wall), min(wall), max(wall), st.median(cpu), min(cpu), max(cpu), st.median(rss)))
PY
done
