#!/usr/bin/env bash
# Builds the service image from the Dockerfile with podman (as root), without a registry or a
# Docker engine. Run after `mvn -B package -DskipTests` (target/camel-replicator.jar, target/lib/):
#   k8s/image/build.sh [TAG]          default tag: localhost/camel-replicator:latest
# CDS_KIND=none builds it without the application's CDS archive (benchmarks compare the two).
# The base image comes from base.sh (built once, then reused; IMAGE_CACHE names a folder to keep it in).
set -euo pipefail
cd "$(dirname "$0")/../.."
tag=${1:-localhost/camel-replicator:latest}
if [ ! -f target/camel-replicator.jar ] || [ ! -d target/lib ]; then
  echo "build.sh: target/camel-replicator.jar and target/lib/ are missing: run mvn -B package -DskipTests first" >&2
  exit 1
fi
k8s/image/base.sh ${IMAGE_CACHE:+"$IMAGE_CACHE"}
podman build --pull=never -q ${CDS_KIND:+--build-arg CDS_KIND="$CDS_KIND"} -t "$tag" . >/dev/null
echo "build.sh: built $tag"
