package io.replicator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service image (Dockerfile, built by k8s/image/build.sh with podman) run as
 * k8s/base/manager/deployment.yaml runs it: read-only root, user 65532, tmpfs /tmp, 1 GiB, all
 * capabilities dropped, the configuration mounted read-only.
 */
class ImageSmokeIT {
    private static final String IMAGE = "localhost/camel-replicator:smoke-test";
    private static final String BASE = "localhost/camel-replicator-jre:17-zstd";
    private static final String CONFIG = "/etc/camel-replicator/replicator.properties";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final String NON_ASCII = "Årsrapport 2026 – ñ.txt";
    private static final String SHARE_ON_CLASS_LOG = "-Xshare:on -Xlog:class+load=info:stdout";
    private static final String MAIN_FROM_THE_ARCHIVE = "io.replicator.ReplicatorMain source: shared objects file (top)";

    @TempDir
    Path dir;

    @BeforeAll
    static void buildImage() throws Exception {
        Podman.requireAvailable();
        if (Podman.podman("image", "exists", BASE).exitCode() != 0 && Podman.run(Map.of(), "debootstrap", "--version").exitCode() == 127) {
            Podman.missing("no base image " + BASE + " and no debootstrap to make one (k8s/image/base.sh)");
        }
        Podman.Result built = Podman.run(Map.of(), "k8s/image/build.sh", IMAGE);
        assertThat(built.exitCode()).as("k8s/image/build.sh:\n%s", built.output()).isZero();
    }

    @Test
    void helpWorksOnAReadOnlyRoot() throws Exception {
        Podman.Result help = container(List.of(), "--help");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage:", "--once JOB", "Profile: local", "demo-mirror (bucket-sync)");
    }

    @Test
    void coldStartsReadTheApplicationsClassesFromTheImagesCdsArchive() throws Exception {
        // -Xshare:on: the JVM refuses to start when an archive cannot be used (with the default
        // "auto" a stale archive is skipped silently); the class log says where each class came from.
        // The image ships the archive as app.jsa.zst only (below): this is start.sh's zstd path.
        Podman.Result help = container(List.of("-e", "JDK_JAVA_OPTIONS=" + SHARE_ON_CLASS_LOG), "--help");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains(MAIN_FROM_THE_ARCHIVE, "io.replicator.cli.CliArgs source: shared objects file (top)");
    }

    @Test
    void theImageShipsTheCdsArchiveZstdCompressedOnly() throws Exception {
        Podman.Result archives = Podman.podman("run", "--rm", "--entrypoint", "find", IMAGE, "/opt/camel-replicator",
                "-maxdepth", "1", "-name", "app.jsa*", "-printf", "%f %s\n");
        assertThat(archives.exitCode()).as(archives.output()).isZero();
        System.out.printf("ImageSmokeIT: the image's archive: %s%n", archives.output().trim());
        assertThat(archives.lines()).singleElement().asString().startsWith("app.jsa.zst ");
    }

    @Test
    void startShInflatesAGzipArchiveWhereThereIsNoZstdOne() throws Exception {
        // The path of a BASE without zstd: the image's archive recompressed with gzip is mounted
        // beside start.sh, and /dev/null (not a regular file) hides app.jsa.zst.
        Path gz = dir.resolve("app.jsa.gz");
        Podman.Result made = Podman.podman("run", "--rm", "--user", "0:0", "-v", dir + ":/out", "--entrypoint", "/bin/sh", IMAGE,
                "-c", "zstd -q -d -c /opt/camel-replicator/app.jsa.zst | gzip -1 > /out/app.jsa.gz");
        assertThat(made.exitCode()).as(made.output()).isZero();
        Podman.Result help = container(List.of("-v", gz + ":/opt/camel-replicator/app.jsa.gz:ro",
                "-v", "/dev/null:/opt/camel-replicator/app.jsa.zst:ro", "-e", "JDK_JAVA_OPTIONS=" + SHARE_ON_CLASS_LOG), "--help");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains(MAIN_FROM_THE_ARCHIVE);
    }

    @Test
    void withoutAWritableTmpTheApplicationStartsWithoutTheArchive() throws Exception {
        // start.sh cannot inflate the archive: java runs without it rather than not at all.
        Podman.Result help = Podman.podman("run", "--rm", "--read-only", "--read-only-tmpfs=false", "--user", "65532:65532",
                "-e", "JDK_JAVA_OPTIONS=-Xlog:class+load=info:stdout", IMAGE, "--help");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage:", "io.replicator.ReplicatorMain source: file:/opt/camel-replicator/camel-replicator.jar");
    }

    @Test
    void restartsOnTheSameTmpKeepOneInflatedArchive() throws Exception {
        // Kubernetes keeps a pod's emptyDir /tmp across container restarts.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.setAttribute(tmp, "unix:uid", 65532);
        for (int start = 0; start < 3; start++) {
            Podman.Result help = Podman.podman("run", "--rm", "--read-only", "--user", "65532:65532", "-v", tmp + ":/tmp",
                    IMAGE, "--help");
            assertThat(help.exitCode()).as(help.output()).isZero();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("camel-replicator-cds.")))
                    .as("archive folders left in /tmp after 3 starts").hasSize(1);
        }
    }

    @Test
    void theImageAddsAtMost70MbToItsBase() throws Exception {
        long added = imageBytes(IMAGE) - imageBytes(BASE);
        System.out.printf("ImageSmokeIT: the image adds %.2f MB to its base%n", added / 1e6);
        assertThat(added).as("bytes the image adds to " + BASE + " (jar, lib/, CDS archive)").isLessThanOrEqualTo(70_000_000L);
    }

    @Test
    void theDemoWithNothingWritableStopsWithOneErrorLine() throws Exception {
        Podman.Result demo = container(List.of());
        assertThat(demo.exitCode()).as(demo.output()).isEqualTo(1);
        assertThat(demo.lines()).filteredOn(l -> l.startsWith("error: ")).singleElement().asString()
                .contains("the local demo cannot write its files under /opt/camel-replicator/data", "Read-only file system");
        assertThat(demo.lines()).noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by") || l.contains("Exception in thread"));
    }

    @Test
    void onceRunsAJobFromAMountedConfigKeepingNonAsciiNames() throws Exception {
        Path data = localRemotes();
        Podman.Result once = container(mounts(data), "--config", CONFIG, "--once", "copy");
        assertThat(once.exitCode()).as(once.output()).isZero();
        assertThat(once.output()).contains("bucket-sync copy [sync] SUCCEEDED");
        // Without LANG=C.UTF-8 in the image, JDK 17 would list and write this name as '?'s.
        assertThat(data.resolve("dst/photos").resolve(NON_ASCII)).hasContent("report\n");
    }

    @Test
    void theServiceBecomesReadyAndStopsOnSigtermWithExitCode0() throws Exception {
        Path data = localRemotes();
        int port = RunningJar.freePort();
        String name = "camel-replicator-smoke-" + ProcessHandle.current().pid();
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--name", name, "-p", "127.0.0.1:" + port + ":9876"));
        args.addAll(Podman.AS_KUBERNETES_DOES);
        args.addAll(mounts(data));
        args.addAll(List.of(IMAGE, "--config", CONFIG));
        long start = System.nanoTime();
        try (RunningJar service = new RunningJar(Podman.start(args))) {
            service.awaitLine(l -> l.contains("Routes startup (total:"), STARTUP);
            assertThat(RunningJar.get("http://127.0.0.1:" + port + "/observe/health/ready").statusCode()).isEqualTo(200);
            System.out.printf("ImageSmokeIT: the service in the container answered ready after %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(RunningJar.get("http://127.0.0.1:" + port + "/observe/metrics").body())
                    .contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_buffer_memory_used_bytes{id=\"direct\"}");

            // podman stop: SIGTERM, then SIGKILL (exit 137) if the container still runs after 30 s.
            Podman.Result stop = Podman.podman("stop", "-t", "30", name);
            assertThat(stop.exitCode()).as(stop.output()).isZero();
            assertThat(service.waitForExit(Duration.ofSeconds(60))).as(String.join("\n", service.output())).isZero();
            assertThat(service.output()).anyMatch(l -> l.contains("Apache Camel (Main) 4.18.0 shutdown"));
        } finally {
            Podman.podman("rm", "-f", "-i", name);
        }
    }

    private static long imageBytes(String image) throws Exception {
        Podman.Result size = Podman.podman("image", "inspect", "--format", "{{.Size}}", image);
        assertThat(size.exitCode()).as(size.output()).isZero();
        return Long.parseLong(size.lines().get(size.lines().size() - 1).trim());
    }

    /** @param runOptions podman run options beside the Kubernetes-like ones (mounts, env) */
    private static Podman.Result container(List<String> runOptions, String... appArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--rm"));
        args.addAll(Podman.AS_KUBERNETES_DOES);
        args.addAll(runOptions);
        args.add(IMAGE);
        args.addAll(List.of(appArgs));
        return Podman.podman(args.toArray(String[]::new));
    }

    /** The config mounted read-only where the Deployment mounts it, and the data folder the job works in. */
    private List<String> mounts(Path data) {
        return List.of("-v", dir.resolve("replicator.properties") + ":" + CONFIG + ":ro", "-v", data + ":/data");
    }

    /** A local-to-local bucket job over a folder the container's user owns; the source holds a non-ASCII name. */
    private Path localRemotes() throws Exception {
        Files.writeString(dir.resolve("replicator.properties"), String.join("\n",
                "replicator.remotes.src.type = local", "replicator.remotes.src.path = /data/src",
                "replicator.remotes.dst.type = local", "replicator.remotes.dst.path = /data/dst",
                "replicator.bucket-sync.copy.source = src", "replicator.bucket-sync.copy.destination = dst",
                "replicator.bucket-sync.copy.buckets = photos", "replicator.bucket-sync.copy.create-destination-bucket = true", ""));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(Files.createDirectories(data.resolve("src/photos")).resolve(NON_ASCII), "report\n", StandardCharsets.UTF_8);
        Files.createDirectories(data.resolve("dst"));
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                Files.setAttribute(p, "unix:uid", 65532);
                Files.setAttribute(p, "unix:gid", 65532);
            }
        }
        return data;
    }
}
