#!/bin/sh
# The image's entrypoint: java -jar camel-replicator.jar with the image's AppCDS archive.
# The archive (app.jsa, made by cds-train.sh at image build, 26 MB) is stored compressed to keep the
# image within its budget: app.jsa.zst (zstd, inflated in ~0.04 s), or app.jsa.gz where the base had
# no zstd (~0.15 s). It is inflated into a private folder under the temporary directory (which must
# be writable anyway: Vert.x and zstd-jni use it). Where that fails, java starts without it, slower.
app=/opt/camel-replicator
tmp=${TMPDIR:-/tmp}
# A pod's emptyDir outlives container restarts: the copies of earlier starts go first, or a crash
# loop would fill it 26 MB at a time. (A running JVM keeps its mapping of a removed file.)
rm -rf "$tmp"/camel-replicator-cds.* 2>/dev/null
archive=$app/app.jsa.zst inflate="zstd -q -d -c"
if [ ! -f "$archive" ] || ! command -v zstd >/dev/null 2>&1; then
  archive=$app/app.jsa.gz inflate="gzip -dc"
fi
if [ -f "$archive" ] && dir=$(mktemp -d "$tmp/camel-replicator-cds.XXXXXX" 2>/dev/null) \
    && $inflate "$archive" > "$dir/app.jsa" 2>/dev/null; then
  exec java -XX:SharedArchiveFile="$dir/app.jsa" -jar "$app/camel-replicator.jar" "$@"
fi
exec java -jar "$app/camel-replicator.jar" "$@"
