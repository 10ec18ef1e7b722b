# camel-replicator service image: the thin jar and lib/ (the service's dependencies; not demo-lib/,
# the local demo's S3 server) on a headless JRE 17. Built without a registry or a Docker engine:
#   mvn -B package -DskipTests && k8s/image/build.sh
# (k8s/image/base.sh makes the base image with debootstrap when podman does not have it; where a
# registry is reachable, --build-arg BASE=eclipse-temurin:17-jre builds on Temurin instead.)
ARG BASE=localhost/camel-replicator-jre:17-zstd
FROM ${BASE}

LABEL org.opencontainers.image.title="camel-replicator" \
      org.opencontainers.image.description="S3 bucket sync and TLS-PSK volume replication (Apache Camel)"

# Dependencies first: their layer changes only when a dependency does; the jar layer is ~1 MB.
COPY target/lib /opt/camel-replicator/lib
COPY target/camel-replicator.jar /opt/camel-replicator/camel-replicator.jar
WORKDIR /opt/camel-replicator

# AppCDS: training runs on loopback record the classes a cold start loads, already parsed and
# verified, in app.jsa (docs/cold-start.md): every mover pod, sync-now Job and service start reads
# it. It is valid only for this JDK and these jar files, so it is made here, after them. Stored
# compressed, start.sh inflates it under /tmp at each start: app.jsa.zst with zstd (our base has
# it: faster to inflate and smaller than gzip), else app.jsa.gz (a BASE without a zstd binary).
# CDS_KIND=none (benchmarks only) makes no archive: start.sh then runs java without one.
ARG CDS_KIND=dynamic-volume
COPY k8s/image/cds-train.sh k8s/image/start.sh /opt/camel-replicator/
RUN if [ "$CDS_KIND" != none ]; then bash cds-train.sh /opt/camel-replicator /opt/camel-replicator/app.jsa "$CDS_KIND" \
      && if command -v zstd >/dev/null; then zstd -19 -q --rm app.jsa; else gzip -9 app.jsa; fi \
      && chmod 444 app.jsa.*; fi && rm cds-train.sh && chmod 555 start.sh

# Non-root, numeric so runAsNonRoot can verify it without a passwd entry. The root filesystem may be
# read-only; /tmp must be writable (Vert.x's cache and the zstd native library are unpacked there).
USER 65532:65532
# LANG: JDK 17 reads file names in the locale's charset; without UTF-8 non-ASCII names become '?'.
# Memory, for a 1 GiB limit (k8s/base/manager/deployment.yaml sets the same): heap 50% (512 MiB) +
# direct buffers 128 MiB (Netty, NIO) + metaspace 128 MiB + code cache 64 MiB = 832 MiB bounded by
# the JVM, leaving ~190 MiB for thread stacks, GC and JVM internals and malloc (2 arenas). The JVM's
# defaults (heap 25%, direct memory as large as the heap, metaspace and code cache unbounded) do not
# add up to any limit. Health and metrics must be reachable from outside the container.
ENV LANG=C.UTF-8 \
    MANAGEMENT_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:MaxDirectMemorySize=128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
# 9876: management (/observe/health/*, /observe/metrics); 8000: volume destination listener.
EXPOSE 9876 8000
# start.sh puts the archive on java's command line, not in JAVA_TOOL_OPTIONS (the manifests set it),
# and execs java, which stays PID 1 and gets the signals.
ENTRYPOINT ["/opt/camel-replicator/start.sh"]
