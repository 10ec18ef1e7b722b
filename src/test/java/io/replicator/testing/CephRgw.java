package io.replicator.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-node Ceph cluster from Debian's packages as a real S3 peer: one mon, one memstore OSD and
 * radosgw with the beast frontend (no mgr), in a temp dir on free ports, with two users. Started once
 * per JVM ({@link #shared()}), stopped by a shutdown hook that kills its daemons by PID.
 *
 * <p>All messenger modes are {@code crc}: with auth {@code none} the daemons still default to the
 * "secure" mode, which needs cephx, and radosgw would hang for 300 s. {@code debug rgw = 1} makes
 * radosgw log one "beast:" line per request ({@link RgwRequestLog} counts them).
 */
public final class CephRgw {
    /** The Debian packages that provide the binaries below. */
    /** The storage class the fixture adds besides STANDARD. */
    public static final String COLD_STORAGE_CLASS = "COLD";
    /** The SSE-KMS key id RGW's testing KMS backend knows. */
    public static final String KMS_KEY_ID = "testkey-1";
    public static final String PACKAGES = "ceph-mon ceph-osd radosgw ceph-common";
    private static final List<String> BINARIES = List.of("ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "ceph",
            "monmaptool", "ceph-authtool");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORTS = 24; // mon, OSD messengers (ms bind port min..max), radosgw

    private static CephRgw shared;
    private static IllegalStateException failure;

    private final Path dir;
    private final Path conf;
    private final int basePort;
    private final List<Process> daemons = new ArrayList<>();
    private final List<String> daemonNames = new ArrayList<>();
    /** radosgw-admin prints the keys it created: redacted from every log tail this class shows. */
    private final List<String> secrets = new ArrayList<>();
    private RgwUser user;
    private RgwUser otherUser;

    private CephRgw(Path dir, int basePort) {
        this.dir = dir;
        this.conf = dir.resolve("ceph.conf");
        this.basePort = basePort;
    }

    /** The cluster shared by all tests of this JVM, started on first use. */
    public static synchronized CephRgw shared() throws Exception {
        if (failure != null) {
            throw failure; // started once and failed: do not retry for every test
        }
        if (shared == null) {
            requireInstalled();
            CephRgw c = new CephRgw(Files.createTempDirectory("ceph-rgw"), freePortBlock());
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "ceph-rgw-stop"));
            try {
                c.start();
            } catch (IllegalStateException e) {
                failure = e;
                throw e;
            }
            shared = c;
        }
        return shared;
    }

    /** The first user of the shared cluster (tests use unique bucket names). */
    public static RgwUser sharedUser() throws Exception {
        return shared().user();
    }

    /** The second user of the shared cluster: same endpoint, other credentials and buckets. */
    public static RgwUser sharedOtherUser() throws Exception {
        return shared().otherUser();
    }

    /**
     * Fails the test when Ceph is missing and CI=true (CI installs it), skips it otherwise, like a
     * peer a developer may not have installed.
     */
    public static void requireInstalled() {
        List<String> missing = BINARIES.stream().filter(b -> !Files.isExecutable(Path.of("/usr/bin", b))).toList();
        if (missing.isEmpty()) {
            return;
        }
        String msg = "Ceph RGW is not installed (missing " + String.join(", ", missing)
                + "): apt-get install -y --no-install-recommends " + PACKAGES;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(msg);
        }
        Assumptions.abort(msg);
    }

    public RgwUser user() {
        return user;
    }

    public RgwUser otherUser() {
        return otherUser;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + rgwPort());
    }

    /** radosgw's log: one "beast:" line per request. */
    public Path rgwLog() {
        return dir.resolve("log/client.rgw.log");
    }

    /** Counts the requests radosgw served, by operation. */
    public RgwRequestLog requestLog() {
        return new RgwRequestLog(rgwLog(), dir.resolve("run/client.rgw.asok"));
    }

    private int rgwPort() {
        return basePort + PORTS - 1;
    }

    private void start() {
        long t0 = System.nanoTime();
        try {
            for (String d : new String[] {"run", "log", "mon", "osd", "rgw"}) {
                Files.createDirectories(dir.resolve(d));
            }
            String fsid = UUID.randomUUID().toString();
            Files.writeString(conf, CephConf.text(dir, fsid, basePort, basePort + 1, basePort + PORTS - 2, rgwPort()));
            run("ceph-authtool", "--create-keyring", dir.resolve("keyring").toString(), "--gen-key", "-n", "mon.",
                    "--cap", "mon", "allow *");
            run("monmaptool", "--create", "--fsid", fsid, "--addv", "a", "[v2:127.0.0.1:" + basePort + "]",
                    dir.resolve("monmap").toString());
            run("ceph-mon", "-c", conf.toString(), "--mkfs", "-i", "a", "--monmap", dir.resolve("monmap").toString(),
                    "--keyring", dir.resolve("keyring").toString());
            daemon("mon.a", "ceph-mon", "-c", conf.toString(), "-i", "a", "-f");
            run("ceph", "-c", conf.toString(), "osd", "create");
            run("ceph-osd", "-c", conf.toString(), "-i", "0", "--mkfs");
            daemon("osd.0", "ceph-osd", "-c", conf.toString(), "-i", "0", "-f");
            // Creates the zone and its pools, which waits for the OSD to serve.
            user = createUser("replicator-a");
            otherUser = createUser("replicator-b");
            addStorageClass(COLD_STORAGE_CLASS);
            daemon("client.rgw", "radosgw", "-c", conf.toString(), "-n", "client.rgw", "-f");
            awaitSignedRequest();
        } catch (Exception | AssertionError e) {
            String tails = logTails();
            stop();
            throw new IllegalStateException("Ceph RGW did not start in " + dir + ": " + e.getMessage() + "\n" + tails, e);
        }
        System.err.printf("Ceph RGW up at %s in %.1f s (%s)%n", endpoint(), (System.nanoTime() - t0) / 1e9, dir);
    }

    /** A second storage class of the default placement (RGW knows only STANDARD until one is added). */
    private void addStorageClass(String name) throws Exception {
        run("radosgw-admin", "-c", conf.toString(), "zonegroup", "placement", "add", "--rgw-zonegroup", "default",
                "--placement-id", "default-placement", "--storage-class", name);
        run("radosgw-admin", "-c", conf.toString(), "zone", "placement", "add", "--rgw-zone", "default",
                "--placement-id", "default-placement", "--storage-class", name, "--data-pool",
                "default.rgw." + name.toLowerCase(java.util.Locale.ROOT) + ".data");
    }

    private RgwUser createUser(String uid) throws Exception {
        // Fixed per uid, unique per cluster: never the same across runs, never printed.
        String ak = uid.toUpperCase().replace("-", "") + "AK";
        String sk = "sk-" + uid + "-" + UUID.randomUUID();
        secrets.add(sk);
        run("radosgw-admin", "-c", conf.toString(), "user", "create", "--uid", uid, "--display-name", uid,
                "--access-key", ak, "--secret-key", sk);
        return new RgwUser(this, uid, ak, sk);
    }

    private void awaitSignedRequest() throws Exception {
        long deadline = System.nanoTime() + HTTP_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            checkDaemonsAlive();
            try {
                user.client().listBuckets();
                return;
            } catch (RuntimeException e) {
                last = e;
                TimeUnit.MILLISECONDS.sleep(200); // polling a starting server: nothing to wait on
            }
        }
        throw new IllegalStateException("radosgw did not answer a signed ListBuckets at " + endpoint() + " within "
                + HTTP_TIMEOUT.toSeconds() + " s: " + (last == null ? "" : last.getMessage()));
    }

    private void checkDaemonsAlive() {
        for (int i = 0; i < daemons.size(); i++) {
            if (!daemons.get(i).isAlive()) {
                throw new IllegalStateException(daemonNames.get(i) + " exited with " + daemons.get(i).exitValue()
                        + " (its output: log/" + daemonNames.get(i) + ".out)");
            }
        }
    }

    private void daemon(String name, String... cmd) throws IOException {
        daemonNames.add(name);
        daemons.add(new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/" + name + ".out").toFile()).start());
    }

    private void run(String... cmd) throws Exception {
        Path out = dir.resolve("log/" + cmd[0] + ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        pb.environment().remove("CEPH_ARGS");
        pb.environment().remove("CEPH_CONF");
        Process p = pb.start();
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!p.waitFor(1, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
            if (daemons.stream().anyMatch(d -> !d.isAlive())) {
                p.destroyForcibly(); // a daemon died: the step would only wait for it
                checkDaemonsAlive();
            }
        }
        if (p.isAlive()) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd[0] + " " + cmd[cmd.length > 3 ? 3 : 1] + " did not finish within "
                    + STEP_TIMEOUT.toSeconds() + " s");
        }
        checkDaemonsAlive();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", List.of(cmd).subList(0, Math.min(cmd.length, 4)))
                    + "... exited with " + p.exitValue() + ": " + tail(out, 10));
        }
    }

    private String logTails() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir.resolve("log"))) {
            for (Path log : logs.sorted().toList()) {
                sb.append("--- ").append(log.getFileName()).append('\n').append(tail(log, 15)).append('\n');
            }
        } catch (IOException e) {
            sb.append("(no logs: ").append(e.getMessage()).append(')');
        }
        return sb.toString();
    }

    private String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            String text = String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            for (String secret : secrets) {
                text = text.replace(secret, "<redacted>");
            }
            return text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the daemons by PID (radosgw first), then removes the temp dir. */
    private synchronized void stop() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).destroy();
        }
        for (Process p : daemons) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        daemons.clear();
        daemonNames.clear();
        for (RgwUser u : new RgwUser[] {user, otherUser}) {
            if (u != null) {
                u.close();
            }
        }
        try (Stream<Path> w = Files.walk(dir)) {
            w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir cleanup is best effort
        }
    }

    /**
     * A block of PORTS consecutive free ports on 127.0.0.1 (mon, OSD messengers, radosgw), below the
     * kernel's ephemeral range: the daemons bind them seconds after this check, and an outgoing
     * connection of any process took one meanwhile in a CI run (radosgw exited with 98, EADDRINUSE).
     */
    private static int freePortBlock() throws IOException {
        int top = Math.min(60000, ephemeralLow()) - PORTS;
        int bottom = top > 20000 + 100 * PORTS ? 20000 : Math.min(1024, top - 1);
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(bottom, top);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IOException("no block of " + PORTS + " free ports found on 127.0.0.1");
    }

    /** The first port of /proc/sys/net/ipv4/ip_local_port_range (32768 where it cannot be read). */
    private static int ephemeralLow() {
        try {
            // readAllLines: Files.readString of this procfs file answered "3" (its size reads as 0)
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                    .trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    private static boolean allFree(int base) {
        for (int p = base; p < base + PORTS; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
