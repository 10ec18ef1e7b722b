package io.replicator.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.main.Main;

/**
 * Adds replicator.routes-dir to the routes include pattern when the folder exists: Camel fails
 * on a missing folder, and a ConfigMap of extra routes is optional.
 */
final class RoutesDir {
    private RoutesDir() {
    }

    static void addTo(Main main, ConfigLoader.Loaded loaded) {
        Path dir = loaded.config().settings().routesDir();
        if (dir != null && Files.isDirectory(dir)) {
            main.addOverrideProperty("camel.main.routes-include-pattern",
                    loaded.routesIncludePattern() + ",file:" + dir.toAbsolutePath() + "/*.camel.yaml");
        }
    }
}
