package io.replicator.cli;

import io.replicator.demo.LocalDemoFiles;
import io.replicator.config.ConfigBinder;
import io.replicator.config.JobKind;
import io.replicator.config.ReplicatorConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Reads the same property sources camel-main will use (packaged defaults, the profile's file, the
 * --config file, environment variables) so the replicator.* section is validated before Camel
 * starts: a bad property then ends the process with one clear message instead of a stack trace.
 */
public final class ConfigLoader {
    /** The profile used when nothing else is configured: the embedded demo. */
    public static final String LOCAL_PROFILE = "local";

    private ConfigLoader() {
    }

    /** What was loaded: the profile in effect (empty for none), the --config properties and the binding. */
    public record Loaded(Optional<String> profile, Properties overrides, ReplicatorConfig config,
                         String routesIncludePattern) {
        public Loaded withConfig(ReplicatorConfig other) {
            return new Loaded(profile, overrides, other, routesIncludePattern);
        }
    }

    /** Under the local profile, first creates the files its configuration points at (under ./data). */
    public static Loaded load(Optional<Path> configFile, Map<String, String> env) {
        Properties overrides = configFile.map(ConfigLoader::read).orElseGet(Properties::new);
        Optional<String> profile = profile(configFile.isPresent(), overrides, env);
        if (isDemo(profile)) {
            LocalDemoFiles.prepare();
        }
        // A context that is never started: only its properties component is used.
        PropertiesComponent pc = properties(profile, overrides);
        var keys = pc.loadProperties(k -> k.startsWith("replicator.")).stringPropertyNames();
        ReplicatorConfig config = new ConfigBinder(keys, pc::resolveProperty).bind();
        String routes = pc.resolveProperty("camel.main.routes-include-pattern").orElse("classpath:routes/*.camel.yaml");
        return new Loaded(profile, overrides, config, routes);
    }

    /**
     * What --help shows of the configuration: the bound configuration, or under the local profile
     * only the demo's job names (its files are created when it starts, never for --help: the working
     * directory may be read-only, as in a container).
     */
    public static Described describe(Optional<Path> configFile, Map<String, String> env) {
        Properties overrides = configFile.map(ConfigLoader::read).orElseGet(Properties::new);
        Optional<String> profile = profile(configFile.isPresent(), overrides, env);
        if (!isDemo(profile)) {
            return new Described(profile, Optional.of(load(configFile, env).config()), List.of());
        }
        var keys = properties(profile, overrides).loadProperties(k -> k.startsWith("replicator.")).stringPropertyNames();
        List<String> jobs = keys.stream().map(DEMO_JOB::matcher).filter(Matcher::matches)
                .map(m -> m.group(2) + " (" + m.group(1) + ")").distinct().sorted().toList();
        return new Described(profile, Optional.empty(), jobs);
    }

    /** --help's view: the profile, the validated configuration unless it is the demo's, the demo's jobs. */
    record Described(Optional<String> profile, Optional<ReplicatorConfig> config, List<String> demoJobs) {
    }

    private static final Pattern DEMO_JOB =
            Pattern.compile("replicator\\.(" + Arrays.stream(JobKind.values()).map(JobKind::spelling)
                    .collect(Collectors.joining("|")) + ")\\.([a-z0-9-]+)\\..*");

    private static boolean isDemo(Optional<String> profile) {
        return profile.filter(LOCAL_PROFILE::equals).isPresent();
    }

    private static PropertiesComponent properties(Optional<String> profile, Properties overrides) {
        DefaultCamelContext ctx = new DefaultCamelContext();
        PropertiesComponent pc = ctx.getPropertiesComponent();
        // The first location that has a key wins: the profile's file before the packaged defaults.
        pc.setLocation(profile.map(p -> "classpath:application-" + p + ".properties;optional=true,").orElse("")
                + "classpath:application.properties;optional=true");
        pc.setOverrideProperties(overrides);
        ctx.build();
        return pc;
    }

    /** CAMEL_MAIN_PROFILE wins; then camel.main.profile in --config; with neither and no --config: local. */
    static Optional<String> profile(boolean hasConfigFile, Properties overrides, Map<String, String> env) {
        String fromEnv = env.get("CAMEL_MAIN_PROFILE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.trim());
        }
        String fromFile = overrides.getProperty("camel.main.profile");
        if (fromFile != null && !fromFile.isBlank()) {
            return Optional.of(fromFile.trim());
        }
        return hasConfigFile ? Optional.empty() : Optional.of(LOCAL_PROFILE);
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CliException("--config " + file + ": cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return p;
    }
}
