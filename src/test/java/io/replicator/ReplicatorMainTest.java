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

/** The command line and startup validation, through the real entry point. */
class ReplicatorMainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) throws Exception {
        return ReplicatorMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path config(String text) throws Exception {
        return Files.writeString(dir.resolve("replicator.properties"), text);
    }

    private static final String TWO_REMOTES = """
            replicator.remotes.sto2.endpoint = https://s3.sto2.example.com
            replicator.remotes.sto2.access-key = AK1
            replicator.remotes.sto2.secret-key = s3cr3t-sto2
            replicator.remotes.osl1.endpoint = https://s3.osl1.example.com
            replicator.remotes.osl1.access-key = AK2
            replicator.remotes.osl1.secret-key = s3cr3t-osl1
            replicator.bucket-sync.daily.source = sto2
            replicator.bucket-sync.daily.destination = osl1
            replicator.bucket-sync.daily.buckets = alpha,beta
            """;

    @Test
    void helpListsModesAndTheConfiguredJobs() throws Exception {
        Path cfg = config(TWO_REMOTES);
        assertThat(run(Map.of(), "--config", cfg.toString(), "--help")).isEqualTo(ExitCodes.OK);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("--once JOB", "--dry-run", "Exit codes", "Profile: (none)")
                .contains("daily", "sto2 -> osl1", "schedule '0 5 * * *' UTC");
        assertThat(text).doesNotContain("s3cr3t");
    }

    @Test
    void withoutConfigurationTheLocalDemoProfileIsUsed() throws Exception {
        assertThat(run(Map.of(), "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Profile: local", "demo-mirror", "demo-backup");
    }

    @Test
    void anEnvironmentProfileTurnsTheDemoOff() throws Exception {
        assertThat(run(Map.of("CAMEL_MAIN_PROFILE", "nosuchenv"), "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Profile: nosuchenv").doesNotContain("demo-mirror");
    }

    @Test
    void anUnknownRemoteFailsStartupNamingTheProperty() throws Exception {
        Path cfg = config(TWO_REMOTES + "replicator.bucket-sync.daily.destination = osl9\n");
        assertThat(run(Map.of(), "--config", cfg.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("replicator.bucket-sync.daily.destination='osl9' names no configured remote");
    }

    @Test
    void aMalformedCronFailsStartupNamingTheProperty() throws Exception {
        Path cfg = config(TWO_REMOTES + "replicator.bucket-sync.daily.schedule = every day\n");
        assertThat(run(Map.of(), "--config", cfg.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("replicator.bucket-sync.daily.schedule='every day' is not a schedule");
    }

    @Test
    void aMissingCredentialFailsStartupNamingTheProperty() throws Exception {
        Path cfg = config(TWO_REMOTES.replace("replicator.remotes.osl1.access-key = AK2\n", ""));
        assertThat(run(Map.of(), "--config", cfg.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replicator.remotes.osl1.access-key is required")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aCredentialFromAnUnsetEnvironmentVariableNamesTheProperty() throws Exception {
        Path cfg = config(TWO_REMOTES.replace("s3cr3t-osl1", "{{env:REPLICATOR_TEST_UNSET_VARIABLE}}"));
        assertThat(run(Map.of(), "--config", cfg.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replicator.remotes.osl1.secret-key is set but resolves to nothing (an unset environment variable")
                .doesNotContain("s3cr3t-sto2");
    }

    @Test
    void badCommandLinesAreUsageErrors() throws Exception {
        assertThat(run(Map.of(), "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--bogus'", "usage:");
        assertThat(run(Map.of(), "--dry-run")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(Map.of(), "--config", dir.resolve("missing.properties").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the file");
        Path cfg = config(TWO_REMOTES);
        assertThat(run(Map.of(), "--config", cfg.toString(), "--once", "weekly")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--once weekly: no such bucket-sync or volume-source job (configured: daily)");
    }

    @Test
    void keygenPrintsAStunnelPskLine() throws Exception {
        assertThat(run(Map.of(), "keygen", "--identity", "site-a")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).matches("site-a:[0-9a-f]{128}");
    }
}
