#!/bin/sh
# The image's entrypoint: java -jar camel-replicator.jar with the image's AppCDS archive.
# The archive (app.jsa, made by cds-train.sh at image build) is stored gzip-compressed, 6.5 MB
# instead of 26 MB, to keep the image within its budget; it is inflated into a private folder
# under the temporary directory (which must be writable anyway: Vert.x and zstd use it), ~0.15 s.
# Where that fails, the application starts without the archive, only slower.
app=/opt/camel-replicator
tmp=${TMPDIR:-/tmp}
# A pod's emptyDir outlives container restarts: the copies of earlier starts go first, or a crash
# loop would fill it 26 MB at a time. (A running JVM keeps its mapping of a removed file.)
rm -rf "$tmp"/camel-replicator-cds.* 2>/dev/null
if [ -f "$app/app.jsa.gz" ] && dir=$(mktemp -d "$tmp/camel-replicator-cds.XXXXXX" 2>/dev/null) \
    && gzip -dc "$app/app.jsa.gz" > "$dir/app.jsa" 2>/dev/null; then
  exec java -XX:SharedArchiveFile="$dir/app.jsa" -jar "$app/camel-replicator.jar" "$@"
fi
exec java -jar "$app/camel-replicator.jar" "$@"
