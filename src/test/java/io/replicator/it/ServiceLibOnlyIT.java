package io.replicator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service image holds: camel-replicator.jar with lib/ beside it and no demo-lib/. The
 * service and --once run from it; the demo, which needs S3Proxy from demo-lib/, stops with one line.
 */
class ServiceLibOnlyIT {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    /** An app folder like the image's: a copy of the jar and lib/ (a link to target/lib). */
    private static Path imageLayout(Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.copy(RunningJar.JAR, app.resolve("camel-replicator.jar"));
        Files.createSymbolicLink(app.resolve("lib"), RunningJar.JAR.resolveSibling("lib"));
        return app.resolve("camel-replicator.jar");
    }

    private static String localSync(Path dir, int mgmt) throws Exception {
        Files.createDirectories(dir.resolve("a/bucket"));
        Files.writeString(dir.resolve("a/bucket/hello.txt"), "hello\n");
        return String.join("\n",
                "camel.management.port = " + mgmt,
                "replicator.remotes.a.type = local",
                "replicator.remotes.a.path = " + dir.resolve("a"),
                "replicator.remotes.b.type = local",
                "replicator.remotes.b.path = " + dir.resolve("b"),
                "replicator.bucket-sync.copy.source = a",
                "replicator.bucket-sync.copy.destination = b",
                "replicator.bucket-sync.copy.buckets = bucket",
                "replicator.bucket-sync.copy.create-destination-bucket = true", "");
    }

    /** A signed jar costs a signature check at every cold start, and CDS never archives its classes. */
    @Test
    void noJarInLibIsSigned() throws Exception {
        List<String> signed = new ArrayList<>();
        try (DirectoryStream<Path> lib = Files.newDirectoryStream(RunningJar.JAR.resolveSibling("lib"), "*.jar")) {
            for (Path jar : lib) {
                try (JarFile j = new JarFile(jar.toFile())) {
                    if (j.stream().anyMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))) {
                        signed.add(jar.getFileName().toString());
                    }
                }
            }
        }
        assertThat(signed).as("signed jars in target/lib").isEmpty();
    }

    /** volume.StatReader reads lstat's fields from the JDK's object only where java.base opens them (2x cheaper). */
    @Test
    void theJarOpensTheJdksFileAttributesToTheApplication() throws Exception {
        try (JarFile j = new JarFile(RunningJar.JAR.toFile())) {
            assertThat(j.getManifest().getMainAttributes().getValue("Add-Opens")).isEqualTo("java.base/sun.nio.fs");
        }
    }

    @Test
    void theDemoWithoutDemoLibStopsWithOneLineNamingTheProperty(@TempDir Path dir) throws Exception {
        Path jar = imageLayout(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        try (RunningJar app = new RunningJar(jar, work, Map.of())) {
            assertThat(app.waitForExit(STARTUP)).isEqualTo(2);
            assertThat(app.output()).filteredOn(l -> !l.startsWith("Picked up ")).singleElement().asString()
                    .startsWith("error: ").contains("replicator.embedded-s3.enabled=true", "S3Proxy", "demo-lib/");
        }
    }

    @Test
    void theServiceAndOnceRunWithoutDemoLib(@TempDir Path dir) throws Exception {
        Path jar = imageLayout(dir);
        int mgmt = RunningJar.freePort();
        Path config = Files.writeString(dir.resolve("replicator.properties"), localSync(dir, mgmt));
        try (RunningJar once = new RunningJar(jar, dir, Map.of(), "--config", config.toString(), "--once", "copy")) {
            assertThat(once.waitForExit(STARTUP)).as(String.join("\n", once.output())).isZero();
        }
        assertThat(dir.resolve("b/bucket/hello.txt")).hasContent("hello");

        try (RunningJar service = new RunningJar(jar, dir, Map.of(), "--config", config.toString())) {
            service.awaitLine(l -> l.contains("Apache Camel") && l.contains("started in"), STARTUP);
            assertThat(RunningJar.get("http://127.0.0.1:" + mgmt + "/observe/health/ready").statusCode()).isEqualTo(200);
            var metrics = RunningJar.get("http://127.0.0.1:" + mgmt + "/observe/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("# TYPE ");
        }
    }
}
