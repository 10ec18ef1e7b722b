package io.replicator.config;

import io.replicator.psk.PskKeyFile;
import io.replicator.volume.ChecksumMode;
import io.replicator.volume.XattrMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds replicator.volume-source.* and replicator.volume-destination.* (VolSync's defaults). */
final class VolumeSections {
    static final String VOLUME_SOURCE = JobKind.VOLUME_SOURCE.spelling();
    static final String VOLUME_DESTINATION = JobKind.VOLUME_DESTINATION.spelling();
    static final String DEFAULT_VOLUME_SCHEDULE = "*/5 * * * *";
    static final int DEFAULT_VOLUME_PORT = 8000;
    private static final String PREFIX = ConfigBinder.PREFIX;
    private final PropertyReader in;
    private final boolean kubernetes;

    VolumeSections(PropertyReader in, Settings.Kubernetes kubernetes) {
        this.in = in;
        this.kubernetes = kubernetes.enabled();
    }

    VolumeSourceJobConfig volumeSource(String name, ZoneId defaultZone) {
        String p = PREFIX + VOLUME_SOURCE + "." + name + ".";
        VolumeSourceJobConfig.CopyMethod copyMethod = sourceCopyMethod(p + "copy-method");
        boolean direct = copyMethod == VolumeSourceJobConfig.CopyMethod.DIRECT;
        // Clone and Snapshot sync a copy of the source PVC from a mover Job, which sets its own path.
        Path path = direct ? directory(p + "path", in.required(p + "path", "the mounted source volume"))
                : in.optional(p + "path").map(Path::of).orElse(null);
        String address = in.required(p + "address", "the destination's host name or address");
        int port = in.integer(p + "port", DEFAULT_VOLUME_PORT, 1, 65535);
        KeySource key = key(p, null);
        String zoneText = in.optional(p + "time-zone").orElse(null);
        ZoneId zone = zoneText == null ? defaultZone : in.zone(p + "time-zone", zoneText);
        CronSchedule schedule = in.schedule(p + "schedule", in.string(p + "schedule", DEFAULT_VOLUME_SCHEDULE), zone);
        VolumeSourceJobConfig.Transfer transfer = new VolumeSourceJobConfig.Transfer(
                in.integer(p + "streams", 4, 1, 64),
                in.integer(p + "compression-level", 0, 0, 19),
                in.bytes(p + "bandwidth-limit", 0, 0),
                in.bool(p + "checksum", false) ? ChecksumMode.FULL : ChecksumMode.QUICK,
                in.bool(p + "xattrs", false) ? XattrMode.USER : XattrMode.OFF);
        List<String> exclude = new ArrayList<>(List.of("lost+found"));
        exclude.addAll(in.list(p + "exclude"));
        String destinationJob = in.string(p + "destination-job", name);
        VolumeSourceJobConfig.Deletes deletes = new VolumeSourceJobConfig.Deletes(maxDelete(p + "max-delete"),
                in.bool(p + "allow-empty-source", false));
        return new VolumeSourceJobConfig(name, destinationJob, path, address, port, key, schedule, copyMethod, transfer,
                List.copyOf(exclude), timeouts(p), pointInTime(p, direct), deletes, VolumeSourceJobConfig.Mode.SYNC);
    }

    private VolumeSourceJobConfig.CopyMethod sourceCopyMethod(String key) {
        String method = in.string(key, "Direct");
        VolumeSourceJobConfig.CopyMethod m = switch (method) {
            case "Direct" -> VolumeSourceJobConfig.CopyMethod.DIRECT;
            case "Clone" -> VolumeSourceJobConfig.CopyMethod.CLONE;
            case "Snapshot" -> VolumeSourceJobConfig.CopyMethod.SNAPSHOT;
            default -> {
                in.problem(key, method, "must be Direct, Clone or Snapshot");
                yield VolumeSourceJobConfig.CopyMethod.DIRECT;
            }
        };
        if (m != VolumeSourceJobConfig.CopyMethod.DIRECT) {
            requireKubernetes(key, method);
        }
        return m;
    }

    private VolumeSourceJobConfig.PointInTime pointInTime(String p, boolean direct) {
        String pvc = direct ? in.optional(p + "source-pvc").orElse(null)
                : in.required(p + "source-pvc", "the PVC to clone or snapshot");
        return new VolumeSourceJobConfig.PointInTime(pvc, in.optional(p + "storage-class-name").orElse(null),
                in.optional(p + "volume-snapshot-class-name").orElse(null), in.optional(p + "capacity").orElse(null),
                in.list(p + "access-modes"));
    }

    VolumeDestinationJobConfig volumeDestination(String name) {
        String p = PREFIX + VOLUME_DESTINATION + "." + name + ".";
        Path path = directory(p + "path", in.required(p + "path", "the mounted destination volume"));
        return new VolumeDestinationJobConfig(name, path, in.string(p + "bind-address", "0.0.0.0"),
                in.integer(p + "port", DEFAULT_VOLUME_PORT, 1, 65535), key(p, name), timeouts(p), image(p),
                in.optional(p + "service-address").orElse(null), maxDelete(p + "max-delete"));
    }

    /** max-delete: 1000, 10% or 1000,10%; none when unset. */
    private DeleteLimit maxDelete(String key) {
        String spec = in.optional(key).orElse(null);
        if (spec == null) {
            return DeleteLimit.NONE;
        }
        try {
            return DeleteLimit.parse(spec);
        } catch (IllegalArgumentException e) {
            in.problem(key, spec, e.getMessage());
            return DeleteLimit.NONE;
        }
    }

    private VolumeDestinationJobConfig.Image image(String p) {
        String method = in.string(p + "copy-method", "Direct");
        String pvc = in.optional(p + "destination-pvc").orElse(null);
        int retain = in.integer(p + "snapshot-retain", 1, 1, 1000);
        String snapshotClass = in.optional(p + "volume-snapshot-class-name").orElse(null);
        switch (method) {
            case "Direct" -> {
                return new VolumeDestinationJobConfig.Image(VolumeDestinationJobConfig.CopyMethod.DIRECT, pvc, retain, snapshotClass);
            }
            case "Snapshot" -> {
                requireKubernetes(p + "copy-method", method);
                if (pvc == null) {
                    in.problem(p + "destination-pvc", null, in.missing(p + "destination-pvc",
                            "copy-method Snapshot snapshots this PVC (the one mounted at path)"));
                }
                return new VolumeDestinationJobConfig.Image(VolumeDestinationJobConfig.CopyMethod.SNAPSHOT, pvc, retain, snapshotClass);
            }
            default -> {
                in.problem(p + "copy-method", method, "must be Direct or Snapshot");
                return VolumeDestinationJobConfig.Image.DIRECT;
            }
        }
    }

    private void requireKubernetes(String key, String value) {
        if (!kubernetes) {
            in.problem(key, value, "needs replicator.kubernetes.enabled=true (it creates PVCs, VolumeSnapshots and Jobs)");
        }
    }

    /**
     * key-file or key-secret; a destination on Kubernetes without either gets a generated Secret.
     *
     * @param destination the destination job's name, null for a source
     */
    private KeySource key(String p, String destination) {
        String file = in.optional(p + "key-file").orElse(null);
        String secret = in.optional(p + "key-secret").orElse(null);
        if (file != null && secret != null) {
            in.problem(p + "key-secret", secret, "cannot be combined with " + p + "key-file: set one of them");
        }
        if (secret != null) {
            requireKubernetes(p + "key-secret", secret);
            return KeySource.secret(secret);
        }
        if (file != null) {
            return KeySource.file(keyFile(p + "key-file", file));
        }
        if (destination != null && kubernetes) {
            return KeySource.generated(destination);
        }
        in.problem(p + "key-file", null, in.missing(p + "key-file", "a PSK file in stunnel's format (identity:hexkey), e.g. "
                + "from 'keygen'" + (kubernetes ? ", or key-secret: a Secret with psk.txt" : "")));
        return null;
    }

    private VolumeSourceJobConfig.Timeouts timeouts(String p) {
        return new VolumeSourceJobConfig.Timeouts(
                in.duration(p + "handshake-timeout", Duration.ofSeconds(10)),
                in.duration(p + "idle-timeout", Duration.ofSeconds(180)),
                in.duration(p + "sync-timeout", Duration.ofHours(6)));
    }

    private Path directory(String key, String text) {
        if (text.isEmpty()) {
            return null;
        }
        Path p = Path.of(text);
        if (!Files.isDirectory(p)) {
            in.problem(key, text, "is not an existing directory");
        }
        return p;
    }

    private Path keyFile(String key, String text) {
        Path p = Path.of(text);
        try {
            PskKeyFile.parse(p);
        } catch (IOException e) {
            // PskKeyFile's messages name the file and line, never the key.
            in.problem(key, text, Files.isReadable(p) ? "is not a valid PSK file: " + e.getMessage()
                    : "cannot be read");
        }
        return p;
    }

    void uniquePorts(Map<String, VolumeDestinationJobConfig> destinations) {
        Map<Integer, String> byPort = new HashMap<>();
        for (VolumeDestinationJobConfig d : destinations.values()) {
            String other = byPort.putIfAbsent(d.port(), d.name());
            if (other != null) {
                in.problem(PREFIX + VOLUME_DESTINATION + "." + d.name() + ".port", String.valueOf(d.port()),
                        "is already the port of volume destination " + other);
            }
        }
    }

}
