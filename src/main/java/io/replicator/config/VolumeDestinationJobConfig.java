package io.replicator.config;

import java.nio.file.Path;

/**
 * One configured volume destination ({@code replicator.volume-destination.<name>.*}): a TLS-PSK listener.
 *
 * @param serviceAddress what status reports as the address sources connect to (Kubernetes), or null
 * @param maxDelete      this side's max-delete; the stricter of it and the source job's applies
 */
public record VolumeDestinationJobConfig(String name, Path path, String bindAddress, int port, KeySource key,
                                         VolumeSourceJobConfig.Timeouts timeouts, Image image, String serviceAddress,
                                         DeleteLimit maxDelete) {

    /** What a successful sync leaves as the job's latest image. */
    public enum CopyMethod { DIRECT, SNAPSHOT }

    /**
     * @param pvc    the mounted destination PVC's name (Kubernetes), or null
     * @param retain snapshots kept (newest first) with copy-method Snapshot
     */
    public record Image(CopyMethod copyMethod, String pvc, int retain, String volumeSnapshotClassName) {
        public static final Image DIRECT = new Image(CopyMethod.DIRECT, null, 1, null);
    }
}
