package io.replicator.config;

import io.replicator.s3sync.SyncMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Binds and validates {@code replicator.*}. Section names (remotes, jobs) are discovered from the
 * configured keys; every value is then looked up through the resolver, so environment variables
 * (REPLICATOR_REMOTES_SRC_SECRET_KEY) and placeholders apply. All problems are reported together.
 */
public final class ConfigBinder {
    static final String PREFIX = "replicator.";
    private static final String REMOTES = "remotes";
    private static final String BUCKET_SYNC = JobKind.BUCKET_SYNC.spelling();
    private static final String VOLUME_SOURCE = VolumeSections.VOLUME_SOURCE;
    private static final String VOLUME_DESTINATION = VolumeSections.VOLUME_DESTINATION;
    private static final Set<String> SECTIONS = Set.of(REMOTES, BUCKET_SYNC, VOLUME_SOURCE, VOLUME_DESTINATION);
    private static final String NAME = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    static final String DEFAULT_BUCKET_SCHEDULE = "0 5 * * *";

    private final Collection<String> keys;
    private final PropertyReader in;

    public ConfigBinder(Collection<String> keys, Function<String, Optional<String>> resolver) {
        this.keys = keys;
        this.in = new PropertyReader(resolver, keys::contains);
    }

    public ReplicatorConfig bind() {
        Settings settings = settings();
        Map<String, RemoteConfig> remotes = new LinkedHashMap<>();
        for (String name : sectionNames(REMOTES)) {
            remotes.put(name, remote(name));
        }
        Map<String, BucketSyncJobConfig> jobs = new LinkedHashMap<>();
        for (String name : sectionNames(BUCKET_SYNC)) {
            jobs.put(name, bucketSync(name, remotes, settings.timeZone()));
        }
        Map<String, VolumeSourceJobConfig> sources = new LinkedHashMap<>();
        VolumeSections volumes = new VolumeSections(in, settings.kubernetes());
        for (String name : sectionNames(VOLUME_SOURCE)) {
            sources.put(name, volumes.volumeSource(name, settings.timeZone()));
        }
        Map<String, VolumeDestinationJobConfig> destinations = new LinkedHashMap<>();
        for (String name : sectionNames(VOLUME_DESTINATION)) {
            destinations.put(name, volumes.volumeDestination(name));
        }
        uniqueJobNames(jobs.keySet(), sources.keySet());
        volumes.uniquePorts(destinations);
        reportUnknownKeys();
        if (!in.problems().isEmpty()) {
            throw new ConfigException(in.problems());
        }
        return new ReplicatorConfig(settings, remotes, jobs, sources, destinations);
    }

    private Settings settings() {
        String zoneKey = PREFIX + "time-zone";
        ZoneId zone = in.zone(zoneKey, in.string(zoneKey, "UTC"));
        String e = PREFIX + "embedded-s3.";
        boolean embedded = in.bool(e + "enabled", false);
        Settings.EmbeddedS3 s3 = new Settings.EmbeddedS3(embedded,
                Path.of(in.string(e + "data-dir", "data/s3")),
                in.string(e + "host", "127.0.0.1"),
                in.integer(e + "port", 0, 0, 65535),
                in.secret(e + "access-key").orElse(new Secret("local-access-key")),
                in.secret(e + "secret-key").orElse(new Secret("local-secret-key")));
        return new Settings(in.duration(PREFIX + "progress-interval", Duration.ofSeconds(30)), zone, s3,
                in.bool(PREFIX + "demo.enabled", false),
                in.optional(PREFIX + "status-file").map(Path::of).orElse(null),
                in.optional(PREFIX + "routes-dir").map(Path::of).orElse(null),
                kubernetes());
    }

    private Settings.Kubernetes kubernetes() {
        String k = PREFIX + "kubernetes.";
        boolean enabled = in.bool(k + "enabled", false);
        String namespace = in.optional(k + "namespace").orElse(null);
        boolean leaders = in.bool(k + "leader-election", enabled);
        if (leaders && !enabled) {
            in.problem(k + "leader-election", "true", "needs " + k + "enabled=true");
        }
        return new Settings.Kubernetes(enabled, namespace, leaders);
    }

    private RemoteConfig remote(String name) {
        String p = PREFIX + REMOTES + "." + name + ".";
        String typeText = in.string(p + "type", "s3");
        if (typeText.equals("local")) {
            String path = in.required(p + "path", "the directory that holds this remote's buckets");
            return new RemoteConfig(name, RemoteConfig.Type.LOCAL, null, null, false, null, null, Path.of(path));
        }
        if (!typeText.equals("s3")) {
            in.problem(p + "type", typeText, "must be s3 or local");
        }
        URI endpoint = endpoint(p + "endpoint", in.required(p + "endpoint", "the S3 service URL, e.g. https://s3.example.com"));
        String envName = (p).toUpperCase().replace('.', '_').replace('-', '_');
        Secret access = in.secret(p + "access-key").orElse(null);
        Secret secret = in.secret(p + "secret-key").orElse(null);
        if (access == null) {
            in.problem(p + "access-key", null, in.missing(p + "access-key", "set it (e.g. {{env:MY_ACCESS_KEY}}), set "
                    + "access-key-file to a mounted secret file, or set the environment variable " + envName + "ACCESS_KEY"));
        }
        if (secret == null) {
            in.problem(p + "secret-key", null, in.missing(p + "secret-key", "set it (e.g. {{env:MY_SECRET_KEY}}), set "
                    + "secret-key-file to a mounted secret file, or set the environment variable " + envName + "SECRET_KEY"));
        }
        return new RemoteConfig(name, RemoteConfig.Type.S3, endpoint, in.string(p + "region", "us-east-1"),
                in.bool(p + "path-style", true), access, secret, null);
    }

    private BucketSyncJobConfig bucketSync(String name, Map<String, RemoteConfig> remotes, ZoneId defaultZone) {
        String p = PREFIX + BUCKET_SYNC + "." + name + ".";
        RemoteConfig src = remoteRef(p + "source", remotes);
        RemoteConfig dst = remoteRef(p + "destination", remotes);
        List<BucketMapping> buckets = new ArrayList<>();
        for (String spec : in.list(p + "buckets")) {
            try {
                buckets.add(BucketMapping.parse(spec));
            } catch (IllegalArgumentException e) {
                in.problem(p + "buckets", spec, e.getMessage());
            }
        }
        if (buckets.isEmpty() && in.problems().stream().noneMatch(s -> s.startsWith(p + "buckets"))) {
            in.problem(p + "buckets", null, "is required: a comma-separated list such as a,b,c or src:dst");
        }
        String zoneText = in.optional(p + "time-zone").orElse(null);
        ZoneId zone = zoneText == null ? defaultZone : in.zone(p + "time-zone", zoneText);
        CronSchedule schedule = in.schedule(p + "schedule", in.string(p + "schedule", DEFAULT_BUCKET_SCHEDULE), zone);
        boolean dryRun = in.bool(p + "dry-run", false);
        DeleteLimit limit = DeleteLimit.NONE;
        Optional<String> maxDelete = in.optional(p + "max-delete");
        if (maxDelete.isPresent()) {
            try {
                limit = DeleteLimit.parse(maxDelete.get());
            } catch (IllegalArgumentException e) {
                in.problem(p + "max-delete", maxDelete.get(), e.getMessage());
            }
        }
        BucketSyncJobConfig.Tuning tuning = new BucketSyncJobConfig.Tuning(
                in.integer(p + "transfers", 16, 1, 256),
                in.bytes(p + "multipart-cutoff", 64L << 20, 5L << 20),
                in.bytes(p + "part-size", 16L << 20, 5L << 20),
                in.integer(p + "retries", 5, 0, 50),
                in.integer(p + "list-page-size", 1000, 1, 1000),
                in.integer(p + "bucket-parallelism", 4, 1, 64));
        BucketSyncJobConfig.Protection protection = new ProtectionBinder(in).protection(p, dst);
        return new BucketSyncJobConfig(name, src, dst, List.copyOf(buckets), schedule,
                dryRun ? SyncMode.DRY_RUN : SyncMode.SYNC, limit, tuning,
                in.list(p + "include"), in.list(p + "exclude"), in.bool(p + "create-destination-bucket", false),
                in.bool(p + "allow-empty-source", false),
                new BucketSyncJobConfig.StateSettings(stateBucket(p + "state-bucket"), in.bool(p + "verify-unproven", false)),
                keep(p, src, dst, buckets, protection),
                versions(p + "versions"),
                protection);
    }

    /**
     * A keep copy is a server-side CopyObject without the SSE-C copy-source key, so with sse-c every
     * keep would fail and every overwrite or delete with it: refused at startup instead.
     */
    private KeepSettings keep(String p, RemoteConfig src, RemoteConfig dst, List<BucketMapping> buckets,
                              BucketSyncJobConfig.Protection protection) {
        KeepSettings keep = new KeepSection(in).bind(p, src, dst, buckets);
        if (keep != null && protection.encryption() == BucketSyncJobConfig.Protection.Encryption.SSE_C) {
            in.problem(p + "keep-replaced", in.string(p + "keep-replaced", null),
                    "cannot be combined with encryption=sse-c (a keep copy cannot send the SSE-C key of its source)");
        }
        return keep;
    }

    private BucketSyncJobConfig.Versions versions(String key) {
        String v = in.string(key, "current");
        return switch (v) {
            case "current" -> BucketSyncJobConfig.Versions.CURRENT;
            case "all" -> BucketSyncJobConfig.Versions.ALL;
            default -> {
                in.problem(key, v, "must be current (the current objects) or all (every version, into a versioned "
                        + "destination)");
                yield BucketSyncJobConfig.Versions.CURRENT;
            }
        };
    }

    private String stateBucket(String key) {
        String b = in.optional(key).orElse(null);
        if (b != null && (b.isBlank() || b.contains("/"))) {
            in.problem(key, b, "must be a bucket name on the destination remote (no '/')");
        }
        return b;
    }

    /** --once JOB must name one job: bucket syncs and volume sources share one namespace. */
    private void uniqueJobNames(Set<String> buckets, Set<String> sources) {
        for (String n : sources) {
            if (buckets.contains(n)) {
                in.problem(PREFIX + VOLUME_SOURCE + "." + n, null, "reuses the name of a bucket-sync job: names must differ");
            }
        }
    }

    private RemoteConfig remoteRef(String key, Map<String, RemoteConfig> remotes) {
        String ref = in.required(key, "the name of a remote configured under replicator.remotes.<name>");
        if (ref.isEmpty()) {
            return null;
        }
        RemoteConfig r = remotes.get(ref);
        if (r == null) {
            in.problem(key, ref, "names no configured remote (configured: "
                    + (remotes.isEmpty() ? "none" : String.join(", ", remotes.keySet())) + ")");
        }
        return r;
    }

    private URI endpoint(String key, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI u = URI.create(text);
            if (u.getRawUserInfo() != null) {
                in.problem(key, u.getScheme() + "://***@" + u.getRawAuthority().substring(u.getRawAuthority().lastIndexOf('@') + 1)
                        + "...", "must not carry credentials (user:secret@): set access-key and secret-key (or their "
                        + "-file variants) instead");
                return null;
            }
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        in.problem(key, text, "must be an http:// or https:// URL with a host");
        return null;
    }

    /** Names under replicator.<section>.<name>.<property>, in first-seen order. */
    private List<String> sectionNames(String section) {
        String p = PREFIX + section + ".";
        Set<String> names = new java.util.LinkedHashSet<>();
        for (String k : keys) {
            if (k.startsWith(p)) {
                String rest = k.substring(p.length());
                int dot = rest.indexOf('.');
                String name = dot < 0 ? rest : rest.substring(0, dot);
                if (dot < 0 || !name.matches(NAME)) {
                    in.problem(k, null, "is not of the form " + p + "<name>.<property> with a lower-case name (a-z, 0-9, -)");
                } else {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private void reportUnknownKeys() {
        Set<String> unknown = new TreeSet<>();
        for (String k : keys) {
            if (!k.startsWith(PREFIX) || in.wasRead(k)) {
                continue;
            }
            String rest = k.substring(PREFIX.length());
            String section = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            boolean malformedSectionKey = SECTIONS.contains(section) && in.problems().stream().anyMatch(s -> s.startsWith(k + " "));
            if (!malformedSectionKey) {
                unknown.add(k);
            }
        }
        for (String k : unknown) {
            in.problem(k, null, "is not a known property (check the spelling; see README, Configuration)");
        }
    }
}
