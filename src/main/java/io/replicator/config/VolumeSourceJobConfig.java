package io.replicator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One configured volume source ({@code replicator.volume-source.<name>.*}): pushes a directory to
 * the destination job named {@code destinationJob} (by default the same name) at address:port.
 */
public record VolumeSourceJobConfig(String name, String destinationJob, Path path, String address, int port, Path keyFile,
                                    CronSchedule schedule, CopyMethod copyMethod, Transfer transfer,
                                    List<String> exclude, Timeouts timeouts) {

    /** How the source gets a point-in-time copy: Direct uses the mounted path as it is. */
    public enum CopyMethod { DIRECT, CLONE, SNAPSHOT }

    /**
     * @param streams          parallel connections
     * @param compressionLevel zstd level for literal data, 0 = off
     * @param bandwidthLimit   bytes per second over all streams, 0 = unlimited
     * @param checksum         compare whole-file checksums instead of size+mtime
     * @param xattrs           replicate user.* extended attributes
     */
    public record Transfer(int streams, int compressionLevel, long bandwidthLimit, boolean checksum, boolean xattrs) { }

    /** Handshake, idle (no frame for this long) and whole-sync limits. */
    public record Timeouts(Duration handshake, Duration idle, Duration sync) { }
}
