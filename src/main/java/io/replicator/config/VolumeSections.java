package io.replicator.config;

import io.replicator.psk.PskKeyFile;
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
    static final String VOLUME_SOURCE = "volume-source";
    static final String VOLUME_DESTINATION = "volume-destination";
    static final String DEFAULT_VOLUME_SCHEDULE = "*/5 * * * *";
    static final int DEFAULT_VOLUME_PORT = 8000;
    private static final String PREFIX = ConfigBinder.PREFIX;
    private final PropertyReader in;

    VolumeSections(PropertyReader in) {
        this.in = in;
    }

    VolumeSourceJobConfig volumeSource(String name, ZoneId defaultZone) {
        String p = PREFIX + VOLUME_SOURCE + "." + name + ".";
        Path path = directory(p + "path", in.required(p + "path", "the mounted source volume"));
        String address = in.required(p + "address", "the destination's host name or address");
        int port = in.integer(p + "port", DEFAULT_VOLUME_PORT, 1, 65535);
        Path keyFile = keyFile(p + "key-file");
        String zoneText = in.optional(p + "time-zone").orElse(null);
        ZoneId zone = zoneText == null ? defaultZone : in.zone(p + "time-zone", zoneText);
        CronSchedule schedule = in.schedule(p + "schedule", in.string(p + "schedule", DEFAULT_VOLUME_SCHEDULE), zone);
        String method = in.string(p + "copy-method", "Direct");
        VolumeSourceJobConfig.CopyMethod copyMethod = switch (method) {
            case "Direct" -> VolumeSourceJobConfig.CopyMethod.DIRECT;
            case "Clone" -> VolumeSourceJobConfig.CopyMethod.CLONE;
            case "Snapshot" -> VolumeSourceJobConfig.CopyMethod.SNAPSHOT;
            default -> {
                in.problem(p + "copy-method", method, "must be Direct, Clone or Snapshot");
                yield VolumeSourceJobConfig.CopyMethod.DIRECT;
            }
        };
        if (copyMethod != VolumeSourceJobConfig.CopyMethod.DIRECT) {
            in.problem(p + "copy-method", method, "needs the Kubernetes integration, which is not available yet: use Direct");
        }
        VolumeSourceJobConfig.Transfer transfer = new VolumeSourceJobConfig.Transfer(
                in.integer(p + "streams", 4, 1, 64),
                in.integer(p + "compression-level", 0, 0, 19),
                in.bytes(p + "bandwidth-limit", 0, 0),
                in.bool(p + "checksum", false),
                in.bool(p + "xattrs", false));
        List<String> exclude = new ArrayList<>(List.of("lost+found"));
        exclude.addAll(in.list(p + "exclude"));
        String destinationJob = in.string(p + "destination-job", name);
        return new VolumeSourceJobConfig(name, destinationJob, path, address, port, keyFile, schedule, copyMethod, transfer,
                List.copyOf(exclude), timeouts(p));
    }

    VolumeDestinationJobConfig volumeDestination(String name) {
        String p = PREFIX + VOLUME_DESTINATION + "." + name + ".";
        Path path = directory(p + "path", in.required(p + "path", "the mounted destination volume"));
        return new VolumeDestinationJobConfig(name, path, in.string(p + "bind-address", "0.0.0.0"),
                in.integer(p + "port", DEFAULT_VOLUME_PORT, 1, 65535), keyFile(p + "key-file"), timeouts(p));
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

    private Path keyFile(String key) {
        String text = in.required(key, "a PSK file in stunnel's format (identity:hexkey), e.g. from 'keygen'");
        if (text.isEmpty()) {
            return null;
        }
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
