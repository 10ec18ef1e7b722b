package io.replicator;

import io.replicator.cli.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --point-in-time/--to and versions= usage errors (exit 2), each naming the flag or property; nothing runs. */
class PointInTimeCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String CONFIG = """
            replicator.remotes.sto2.endpoint = http://127.0.0.1:9
            replicator.remotes.sto2.access-key = AK1
            replicator.remotes.sto2.secret-key = s3cr3t-sto2
            replicator.remotes.osl1.endpoint = http://127.0.0.1:9
            replicator.remotes.osl1.access-key = AK2
            replicator.remotes.osl1.secret-key = s3cr3t-osl1
            replicator.bucket-sync.daily.source = sto2
            replicator.bucket-sync.daily.destination = osl1
            replicator.bucket-sync.daily.buckets = alpha,beta
            replicator.bucket-sync.single.source = sto2
            replicator.bucket-sync.single.destination = osl1
            replicator.bucket-sync.single.buckets = alpha
            """;

    private int run(String config, String... args) throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.properties"), config);
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = cfg.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return ReplicatorMain.run(all, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadTimestampNamesTheFlag() throws Exception {
        assertThat(run(CONFIG, "--once", "single", "--point-in-time", "yesterday", "--to", "osl1:drill"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--point-in-time 'yesterday' is not an RFC 3339 time");
    }

    @Test
    void aTimestampWithoutOffsetIsRefused() throws Exception {
        assertThat(run(CONFIG, "--once", "single", "--point-in-time", "2026-12-03T10:15:30", "--to", "osl1:drill"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--point-in-time '2026-12-03T10:15:30'");
    }

    @Test
    void aMissingToNamesIt() throws Exception {
        assertThat(run(CONFIG, "--once", "single", "--point-in-time", "2026-12-03T10:15:30Z")).isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--point-in-time needs --to <remote>:<bucket>");
    }

    @Test
    void toWithoutPointInTimeIsRefused() throws Exception {
        assertThat(run(CONFIG, "--once", "single", "--to", "osl1:drill")).isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--to only applies with --point-in-time");
    }

    @Test
    void aMalformedOrUnknownTargetIsRefused() throws Exception {
        assertThat(run(CONFIG, "--once", "single", "--point-in-time", "2026-12-03T10:15:30Z", "--to", "drill"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--to 'drill' is not <remote>:<bucket>[/prefix]");
        assertThat(run(CONFIG, "--once", "single", "--point-in-time", "2026-12-03T10:15:30Z", "--to", "nowhere:drill"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--to nowhere:drill: no remote named 'nowhere' (configured: sto2, osl1)");
    }

    @Test
    void aMultiBucketJobIsRefused() throws Exception {
        assertThat(run(CONFIG, "--once", "daily", "--point-in-time", "2026-12-03T10:15:30+01:00", "--to", "osl1:drill"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--point-in-time restores one bucket, and job daily syncs 2");
    }

    @Test
    void theSourceBucketItselfIsRefused() throws Exception {
        assertThat(run(CONFIG, "--once", "single", "--point-in-time", "2026-12-03T10:15:30Z", "--to", "sto2:alpha"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--to sto2:alpha is the job's source bucket");
    }

    @Test
    void pointInTimeOnlyWithOnce() throws Exception {
        assertThat(run(CONFIG, "--point-in-time", "2026-12-03T10:15:30Z", "--to", "osl1:drill")).isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("--point-in-time only applies to --once JOB");
    }

    @Test
    void anUnknownVersionsValueNamesTheProperty() throws Exception {
        assertThat(run(CONFIG + "replicator.bucket-sync.single.versions = some\n", "--once", "single"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("replicator.bucket-sync.single.versions='some' must be current");
    }
}
