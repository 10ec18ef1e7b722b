package io.replicator;

import io.replicator.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.S3ProxyFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --once through the real camel-main, against two embedded S3 servers with different credentials. */
class OnceModeTest {
    private static S3ProxyFixture src;
    private static S3ProxyFixture dst;
    @TempDir
    Path dir;

    @BeforeAll
    static void servers() throws Exception {
        src = S3ProxyFixture.startTransient();
        dst = S3ProxyFixture.startTransient();
    }

    @AfterAll
    static void stop() {
        src.close();
        dst.close();
    }

    private Path config(String bucket, String extra) throws Exception {
        return config(src.endpoint().toString(), bucket, extra);
    }

    private Path config(String srcEndpoint, String bucket, String extra) throws Exception {
        return Files.writeString(dir.resolve("c.properties"), String.join("\n",
                "replicator.remotes.src.endpoint = " + srcEndpoint,
                "replicator.remotes.src.access-key = " + src.accessKey(),
                "replicator.remotes.src.secret-key = " + src.secretKey(),
                "replicator.remotes.dst.endpoint = " + dst.endpoint(),
                "replicator.remotes.dst.access-key = " + dst.accessKey(),
                "replicator.remotes.dst.secret-key = " + dst.secretKey(),
                "replicator.bucket-sync.nightly.source = src",
                "replicator.bucket-sync.nightly.destination = dst",
                "replicator.bucket-sync.nightly.buckets = " + bucket,
                extra, ""));
    }

    private static int once(Path cfg, String... more) throws Exception {
        String[] args = new String[3 + more.length];
        args[0] = "--config";
        args[1] = cfg.toString();
        args[2] = "--once";
        System.arraycopy(more, 0, args, 3, more.length);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return ReplicatorMain.run(args, Map.of(), new PrintStream(sink, true, StandardCharsets.UTF_8), System.err);
    }

    @Test
    void syncDryRunAndCheckMapToExitCodes() throws Exception {
        src.createBucket("photos");
        dst.createBucket("photos");
        src.put("photos", "a.jpg", "aaa".getBytes(StandardCharsets.UTF_8));
        src.put("photos", "b/c.jpg", "ccc".getBytes(StandardCharsets.UTF_8));
        dst.put("photos", "stale.jpg", "old".getBytes(StandardCharsets.UTF_8));
        Path cfg = config("photos", "");

        assertThat(once(cfg, "nightly", "--check")).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(once(cfg, "nightly", "--dry-run")).isEqualTo(ExitCodes.OK);
        assertThat(dst.list("photos").keySet()).containsExactly("stale.jpg");

        assertThat(once(cfg, "nightly")).isEqualTo(ExitCodes.OK);
        assertThat(dst.list("photos").keySet()).containsExactlyInAnyOrder("a.jpg", "b/c.jpg");
        assertThat(once(cfg, "nightly", "--check")).isEqualTo(ExitCodes.OK);
    }

    /** Equal bytes in two multipart layouts (another tool filled the destination): ETags cannot show it. */
    @Test
    void checkExitsThreeForWhatItCouldNotVerifyAndVerifyUnprovenReadsBothSides() throws Exception {
        byte[] data = new byte[6 << 20];
        new java.util.Random(7).nextBytes(data);
        src.createBucket("media");
        dst.createBucket("media");
        src.putMultipart("media", "film.bin", data, 5 << 20);
        dst.putMultipart("media", "film.bin", data, 6 << 20);

        assertThat(once(config("media", ""), "nightly", "--check")).isEqualTo(ExitCodes.DIFFERENCES);
        Path verifying = config("media", "replicator.bucket-sync.nightly.verify-unproven = true");
        assertThat(once(verifying, "nightly", "--check")).isEqualTo(ExitCodes.OK);
        assertThat(once(verifying, "nightly")).isEqualTo(ExitCodes.OK); // records both ETags
        assertThat(once(config("media", ""), "nightly", "--check")).isEqualTo(ExitCodes.OK); // proven by the state
    }

    @Test
    void aFailedRunExitsNonZeroAndDeletesNothing() throws Exception {
        dst.createBucket("missing-src");
        dst.put("missing-src", "keep.txt", "keep".getBytes(StandardCharsets.UTF_8));
        Path cfg = config("missing-src", "");
        assertThat(once(cfg, "nightly")).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(dst.list("missing-src").keySet()).containsExactly("keep.txt");
    }

    /** Issue 12: the refusal named "empty-source ALLOW", which no setting or flag offered. */
    @Test
    void anEmptySourceIsRefusedUnlessTheJobOrTheRunAllowsIt() throws Exception {
        for (String bucket : new String[] {"emptied-a", "emptied-b"}) {
            src.createBucket(bucket);
            dst.createBucket(bucket);
            dst.put(bucket, "old-1", "x".getBytes(StandardCharsets.UTF_8));
            dst.put(bucket, "old-2", "y".getBytes(StandardCharsets.UTF_8));
        }
        Path cfg = config("emptied-a", "");
        assertThat(once(cfg, "nightly")).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(dst.list("emptied-a")).hasSize(2);
        assertThat(once(cfg, "nightly", "--allow-empty-source")).isEqualTo(ExitCodes.OK);
        assertThat(dst.list("emptied-a")).isEmpty();

        Path allowed = config("emptied-b", "replicator.bucket-sync.nightly.allow-empty-source = true");
        assertThat(once(allowed, "nightly")).isEqualTo(ExitCodes.OK);
        assertThat(dst.list("emptied-b")).isEmpty();
    }

    /** Issue 12: http://AK:SECRET@host passed, and the secret showed up in errors and status.json. */
    @Test
    void credentialsInAnEndpointUrlAreRefusedWithoutEchoingThem() throws Exception {
        Path cfg = config("http://AKINURL:SECRETINURL@127.0.0.1:" + src.endpoint().getPort(), "photos", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReplicatorMain.run(new String[] {"--config", cfg.toString(), "--once", "nightly"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(printed).contains("replicator.remotes.src.endpoint").contains("must not carry credentials")
                .doesNotContain("SECRETINURL");
    }
}
