package io.replicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Each case: the command line after --config, and what the error names. */
    static Stream<Arguments> usageErrors() {
        String t = "2026-12-03T10:15:30Z";
        return Stream.of(
                Arguments.of("a bad timestamp names the flag",
                        List.of("--once", "single", "--point-in-time", "yesterday", "--to", "osl1:drill"),
                        "--point-in-time 'yesterday' is not an RFC 3339 time"),
                Arguments.of("a timestamp without offset is refused",
                        List.of("--once", "single", "--point-in-time", "2026-12-03T10:15:30", "--to", "osl1:drill"),
                        "--point-in-time '2026-12-03T10:15:30'"),
                Arguments.of("a missing --to is named", List.of("--once", "single", "--point-in-time", t),
                        "--point-in-time needs --to <remote>:<bucket>"),
                Arguments.of("--to without --point-in-time is refused", List.of("--once", "single", "--to", "osl1:drill"),
                        "--to only applies with --point-in-time"),
                Arguments.of("a malformed target is refused",
                        List.of("--once", "single", "--point-in-time", t, "--to", "drill"),
                        "--to 'drill' is not <remote>:<bucket>[/prefix]"),
                Arguments.of("an unknown target remote is refused",
                        List.of("--once", "single", "--point-in-time", t, "--to", "nowhere:drill"),
                        "--to nowhere:drill: no remote named 'nowhere' (configured: sto2, osl1)"),
                Arguments.of("a multi-bucket job is refused",
                        List.of("--once", "daily", "--point-in-time", "2026-12-03T10:15:30+01:00", "--to", "osl1:drill"),
                        "--point-in-time restores one bucket, and job daily syncs 2"),
                Arguments.of("the source bucket itself is refused",
                        List.of("--once", "single", "--point-in-time", t, "--to", "sto2:alpha"),
                        "--to sto2:alpha is the job's source bucket"),
                Arguments.of("--point-in-time only with --once", List.of("--point-in-time", t, "--to", "osl1:drill"),
                        "--point-in-time only applies to --once JOB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExit2NamingTheFlag(String what, List<String> args, String named) throws Exception {
        assertThat(run(CONFIG, args.toArray(String[]::new))).isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains(named);
    }

    @Test
    void anUnknownVersionsValueNamesTheProperty() throws Exception {
        assertThat(run(CONFIG + "replicator.bucket-sync.single.versions = some\n", "--once", "single"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errors()).contains("replicator.bucket-sync.single.versions='some' must be current");
    }
}
