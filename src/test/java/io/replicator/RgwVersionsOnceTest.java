package io.replicator;

import io.replicator.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.CephRgw;
import io.replicator.testing.RgwUser;
import io.replicator.testing.ServerClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * versions=all and --point-in-time through the real command line and camel-main, against Ceph RGW:
 * the job's configured history copy, then a restore drill into a bucket only --to names.
 */
class RgwVersionsOnceTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int once(Path cfg, String... more) throws Exception {
        String[] args = new String[3 + more.length];
        args[0] = "--config";
        args[1] = cfg.toString();
        args[2] = "--once";
        System.arraycopy(more, 0, args, 3, more.length);
        return ReplicatorMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Versions outside the replicator's own state folder (the version map lives in the destination bucket). */
    private static long dataVersions(RgwUser server, String bucket) {
        return server.client().listObjectVersions(b -> b.bucket(bucket)).versions().stream()
                .filter(v -> !v.key().startsWith(".camel-replicator/")).count();
    }

    @Test
    void historyJobAndRestoreDrill() throws Exception {
        RgwUser rgw = CephRgw.sharedUser();
        RgwUser other = CephRgw.sharedOtherUser();
        String suffix = Long.toHexString(System.nanoTime() & 0xffffff);
        String src = "once-src-" + suffix;
        String dst = "once-dst-" + suffix;
        String drill = "once-drill-" + suffix;
        rgw.createBucket(src);
        ServerClock.enableVersioning(rgw, src);
        other.createBucket(dst);
        ServerClock.enableVersioning(other, dst);
        other.createBucket(drill);
        rgw.put(src, "report.txt", text("monday"));
        Instant monday = ServerClock.listedTime(rgw, src, "report.txt");
        ServerClock.after(rgw, monday);
        rgw.put(src, "report.txt", text("tuesday!"));
        rgw.put(src, "new.txt", text("new"));
        Path cfg = Files.writeString(dir.resolve("c.properties"), String.join("\n",
                "replicator.remotes.main.endpoint = " + rgw.endpoint(),
                "replicator.remotes.main.access-key = " + rgw.accessKey(),
                "replicator.remotes.main.secret-key = " + rgw.secretKey(),
                "replicator.remotes.dr.endpoint = " + other.endpoint(),
                "replicator.remotes.dr.access-key = " + other.accessKey(),
                "replicator.remotes.dr.secret-key = " + other.secretKey(),
                "replicator.bucket-sync.hist.source = main",
                "replicator.bucket-sync.hist.destination = dr",
                "replicator.bucket-sync.hist.buckets = " + src + ":" + dst,
                "replicator.bucket-sync.hist.versions = all", ""));

        assertThat(once(cfg, "hist")).isEqualTo(ExitCodes.OK);
        assertThat(dataVersions(other, dst)).isEqualTo(3);

        String at = monday.toString();
        assertThat(once(cfg, "hist", "--point-in-time", at, "--to", "dr:" + drill, "--dry-run")).isEqualTo(ExitCodes.OK);
        assertThat(other.list(drill)).isEmpty();
        assertThat(once(cfg, "hist", "--point-in-time", at, "--to", "dr:" + drill)).isEqualTo(ExitCodes.OK);
        assertThat(other.list(drill)).containsOnlyKeys("report.txt");
        assertThat(new String(other.get(drill, "report.txt"), StandardCharsets.UTF_8)).isEqualTo("monday");
        assertThat(once(cfg, "hist", "--point-in-time", at, "--to", "dr:" + drill, "--check")).isEqualTo(ExitCodes.OK);
        assertThat(dataVersions(other, dst)).isEqualTo(3); // the job's destination is untouched
    }
}
