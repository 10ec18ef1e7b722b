package io.replicator.camel;

import io.replicator.cli.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.main.Main;

/**
 * Adds replicator.routes-dir (e.g. a mounted ConfigMap) to the routes camel-main loads, when the
 * folder exists (Camel fails on a missing one). A file there named like a packaged route file
 * replaces it: Camel keeps the first definition of an id, so the packaged file is left out of the
 * include pattern rather than loaded twice.
 */
public final class RoutesDir {
    private static final String SUFFIX = ".camel.yaml";

    private RoutesDir() {
    }

    public static void addTo(Main main, ConfigLoader.Loaded loaded) {
        Path dir = loaded.config().settings().routesDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        Set<String> external;
        try (Stream<Path> files = Files.list(dir)) {
            external = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list replicator.routes-dir " + dir, e);
        }
        List<String> include = new ArrayList<>();
        for (String location : packaged(loaded.routesIncludePattern())) {
            if (!external.contains(location.substring(location.lastIndexOf('/') + 1))) {
                include.add(location);
            }
        }
        include.add("file:" + dir.toAbsolutePath() + "/*" + SUFFIX);
        main.addOverrideProperty("camel.main.routes-include-pattern", String.join(",", include));
    }

    /**
     * The packaged route files the configured pattern names, one location each. Named files are
     * taken as they are; only a wildcard location is resolved (which reads every jar on the class path).
     */
    static List<String> packaged(String pattern) {
        List<String> out = new ArrayList<>();
        for (String p : pattern.split(",")) {
            String location = p.trim();
            if (location.isEmpty()) {
                continue;
            }
            if (!location.contains("*")) {
                out.add(location);
                continue;
            }
            String folder = location.substring(0, location.lastIndexOf('/') + 1); // e.g. classpath:routes/
            try (DefaultCamelContext ctx = new DefaultCamelContext()) {
                for (Resource r : PluginHelper.getPackageScanResourceResolver(ctx).findResources(location)) {
                    out.add(folder + r.getLocation().substring(r.getLocation().lastIndexOf('/') + 1));
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot list the packaged routes of " + location, e);
            }
        }
        return out;
    }
}
