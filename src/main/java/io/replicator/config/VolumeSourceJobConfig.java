package io.replicator.config;

import io.replicator.volume.ChecksumMode;
import io.replicator.volume.XattrMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One configured volume source ({@code replicator.volume-source.<name>.*}): pushes a directory to
 * the destination job named {@code destinationJob} (by default the same name) at address:port.
 */
public record VolumeSourceJobConfig(String name, String destinationJob, Path path, String address, int port, KeySource key,
                                    CronSchedule schedule, CopyMethod copyMethod, Transfer transfer,
                                    List<String> exclude, Timeouts timeouts, PointInTime pointInTime, Deletes deletes,
                                    Mode mode) {

    /** SYNC writes; DRY_RUN prints the destination's plan; CHECK compares (exit 3 on differences). Neither writes. */
    public enum Mode { SYNC, DRY_RUN, CHECK }

    /**
     * Delete guards carried to the destination, which enforces them before its first delete.
     *
     * @param maxDelete        at most this many deletes and/or this percentage of the destination's entries
     * @param allowEmptySource whether a source that lists nothing may empty a non-empty destination
     */
    public record Deletes(DeleteLimit maxDelete, boolean allowEmptySource) {
        public static final Deletes DEFAULT = new Deletes(DeleteLimit.NONE, false);
    }

    /** sync, dry-run or check, as job reports name it. */
    public String modeName() {
        return mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** This job run in another mode (--once JOB --dry-run / --check). */
    public VolumeSourceJobConfig withMode(Mode m) {
        return new VolumeSourceJobConfig(name, destinationJob, path, address, port, key, schedule, copyMethod, transfer,
                exclude, timeouts, pointInTime, deletes, m);
    }

    /**
     * How the source gets a point-in-time copy: Direct uses the mounted path as it is; Clone and
     * Snapshot copy the source PVC and sync the copy from a mover Job (Kubernetes).
     */
    public enum CopyMethod { DIRECT, CLONE, SNAPSHOT }

    /**
     * The Clone/Snapshot copy's settings (VolSync's names); unused with Direct.
     *
     * @param capacity    null: the source PVC's size
     * @param accessModes empty: the source PVC's
     */
    public record PointInTime(String sourcePvc, String storageClassName, String volumeSnapshotClassName, String capacity,
                              List<String> accessModes) {
        public static final PointInTime NONE = new PointInTime(null, null, null, null, List.of());
    }

    /**
     * @param streams          parallel connections
     * @param compressionLevel zstd level for literal data, 0 = off
     * @param bandwidthLimit   bytes per second over all streams, 0 = unlimited
     * @param checksum         FULL: compare whole-file checksums instead of size+mtime (QUICK)
     * @param xattrs           USER: replicate user.* extended attributes
     */
    public record Transfer(int streams, int compressionLevel, long bandwidthLimit, ChecksumMode checksum,
                           XattrMode xattrs) { }

    /** Handshake, idle (no frame for this long) and whole-sync limits. */
    public record Timeouts(Duration handshake, Duration idle, Duration sync) { }

    /** This job run Direct from another directory: what a Clone/Snapshot mover Job does with its copy. */
    public VolumeSourceJobConfig fromPath(Path directory) {
        return new VolumeSourceJobConfig(name, destinationJob, directory, address, port, key, schedule, CopyMethod.DIRECT,
                transfer, exclude, timeouts, pointInTime, deletes, mode);
    }
}
