# camel-replicator runtime image. Build the jar first, then the image:
#   mvn -B package -DskipTests && docker build -t camel-replicator .
# The application is pure Java (TLS-PSK, delta engine and S3 client included): a JRE is all it needs.
FROM eclipse-temurin:17-jre

LABEL org.opencontainers.image.title="camel-replicator" \
      org.opencontainers.image.description="S3 bucket sync and TLS-PSK volume replication (Apache Camel)"

# A writable working directory for the no-config local demo (./data); in Kubernetes the root
# filesystem is read-only and the configuration comes from --config.
RUN mkdir -p /opt/camel-replicator /var/lib/camel-replicator \
    && chown 65532:65532 /var/lib/camel-replicator
WORKDIR /var/lib/camel-replicator
COPY target/lib /opt/camel-replicator/lib
COPY target/camel-replicator.jar /opt/camel-replicator/camel-replicator.jar

# Non-root, numeric so runAsNonRoot can verify it without a passwd entry.
USER 65532:65532
# Health and metrics must be reachable from outside the container (the default is loopback).
ENV MANAGEMENT_HOST=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# 9876: management (/observe/health/*, /observe/metrics); 8000: volume destination listener.
EXPOSE 9876 8000
ENTRYPOINT ["java", "-jar", "/opt/camel-replicator/camel-replicator.jar"]
