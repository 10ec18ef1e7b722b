#!/usr/bin/env bash
# Builds the runtime base image without a registry: Debian bookworm (minbase) with the headless
# OpenJDK 17 JRE, CA certificates and zstd (start.sh inflates the image's CDS archive with it), made
# by debootstrap and imported into podman (as root).
#   k8s/image/base.sh [CACHE_DIR]
# The image is tagged $BASE_IMAGE (default localhost/camel-replicator-jre:17-zstd, the Dockerfile's
# FROM; the tag names what the base holds, so a cached base without zstd is never reused). Nothing
# is done when podman already has it. With CACHE_DIR, a saved copy there is loaded instead of
# running debootstrap, and a fresh build is saved there for the next run.
set -euo pipefail
BASE_IMAGE=${BASE_IMAGE:-localhost/camel-replicator-jre:17-zstd}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${1:-}
saved=$(echo "$BASE_IMAGE" | tr '/:' '__').tar

if podman image exists "$BASE_IMAGE"; then
  echo "base.sh: $BASE_IMAGE exists"
  exit 0
fi
if [ -n "$cache" ] && [ -s "$cache/$saved" ]; then
  podman load -q -i "$cache/$saved"
  podman image exists "$BASE_IMAGE" && { echo "base.sh: $BASE_IMAGE loaded from $cache"; exit 0; }
fi
command -v debootstrap >/dev/null || { echo "base.sh: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }

root=$(mktemp -d /var/tmp/camel-replicator-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,zstd bookworm "$root" "$MIRROR" >"$root.log" 2>&1 \
  || { tail -20 "$root.log" >&2; echo "base.sh: debootstrap failed (log: $root.log)" >&2; exit 1; }
rm -f "$root.log"
# What a runtime never needs: package caches and lists, docs, man pages, locales (C.UTF-8 is built in).
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/usr/share/info/*
# LANG: without a UTF-8 locale JDK 17 maps non-ASCII file names to '?' (sun.jnu.encoding).
tar --numeric-owner -C "$root" -c . | podman import -q \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["/bin/bash"]' - "$BASE_IMAGE" >/dev/null
echo "base.sh: built $BASE_IMAGE"
if [ -n "$cache" ]; then
  mkdir -p "$cache"
  podman save -q --format docker-archive -o "$cache/$saved.tmp" "$BASE_IMAGE"
  mv "$cache/$saved.tmp" "$cache/$saved"
fi
