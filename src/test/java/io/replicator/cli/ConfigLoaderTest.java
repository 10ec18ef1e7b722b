package io.replicator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence of the property sources, as camel-main applies them. */
class ConfigLoaderTest {

    @Test
    void theProfileOverridesThePackagedDefaults() {
        ConfigLoader.Loaded local = ConfigLoader.load(Optional.empty(), Map.of());
        assertThat(local.profile()).contains("local");
        // application.properties says 30s and /etc/camel-replicator/routes; application-local.properties says otherwise.
        assertThat(local.config().settings().progressInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(local.config().settings().routesDir()).isEqualTo(Path.of("routes.d"));
    }

    @Test
    void theConfigFileOverridesTheProfile(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.properties"), "camel.main.profile = local\n"
                + "replicator.progress-interval = 1m\n");
        ConfigLoader.Loaded loaded = ConfigLoader.load(Optional.of(cfg), Map.of());
        assertThat(loaded.profile()).contains("local");
        assertThat(loaded.config().settings().progressInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(loaded.config().settings().routesDir()).isEqualTo(Path.of("routes.d"));
    }

    @Test
    void withoutAProfileThePackagedDefaultsApply(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.properties"), "");
        ConfigLoader.Loaded loaded = ConfigLoader.load(Optional.of(cfg), Map.of());
        assertThat(loaded.profile()).isEmpty();
        assertThat(loaded.config().settings().progressInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(loaded.config().bucketSyncJobs()).isEmpty();
    }
}
