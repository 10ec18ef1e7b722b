package io.replicator.volume;

import io.netty.channel.ChannelPipeline;
import io.replicator.delta.LiteralCompression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One volume-source sync.
 *
 * @param job         job name, must match a destination job
 * @param root        the source volume directory
 * @param host        destination address
 * @param port        destination port
 * @param streams     parallel connections (1..16); files are spread over them by the destination
 * @param compression zstd level for literal data (LiteralCompression.NONE to switch it off)
 * @param checksum    QUICK (size + mtime) or FULL (SHA-256 of every file, both sides)
 * @param excludes    exclude patterns (see {@link Excludes}); lost+found is always excluded
 * @param ioTimeout   how long to wait for the destination's next frame or for room to send
 * @param xattrs      whether user.* extended attributes are replicated (OFF by default, like VolSync)
 * @param bandwidthLimit bytes per second the sync may send over all streams together (protocol
 *                    bytes, after compression, before TLS); 0 for no limit
 * @param transport   called for each new connection's pipeline before the volume handlers are
 *                    added: add the TLS-PSK client handler here (e.g. PskPipeline.addClientHandlers)
 * @param mode        SYNC, or DRY_RUN / CHECK: the destination sends its plan and nothing is written
 * @param deletes     max-delete and allow-empty-source, enforced by the destination (see {@link VolumeDeleteLimits})
 */
public record SourceSettings(String job, Path root, String host, int port, int streams, LiteralCompression compression,
                             ChecksumMode checksum, XattrMode xattrs, List<String> excludes, Duration ioTimeout,
                             long bandwidthLimit, Consumer<ChannelPipeline> transport, SessionMode mode,
                             VolumeDeleteLimits deletes) {
    public static final int DEFAULT_STREAMS = 4;
    public static final LiteralCompression DEFAULT_COMPRESSION = LiteralCompression.zstd(1);

    public SourceSettings {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(host, "host");
        if (streams < 1 || streams > Hello.MAX_STREAMS) {
            throw new IllegalArgumentException("streams = " + streams + " is outside [1, " + Hello.MAX_STREAMS + "]");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port = " + port + " is outside [1, 65535]");
        }
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(xattrs, "xattrs");
        Objects.requireNonNull(ioTimeout, "ioTimeout");
        if (bandwidthLimit < 0) {
            throw new IllegalArgumentException("bandwidthLimit = " + bandwidthLimit + " bytes/s is negative");
        }
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(deletes, "deletes");
    }

    /**
     * Plain TCP, 4 streams, zstd level 1 (same ratio as 3 on most data at 2.4x the speed), quick
     * check, no xattrs, 5 minute I/O timeout, no bandwidth limit, lost+found excluded.
     */
    public static SourceSettings of(String job, Path root, String host, int port) {
        return new SourceSettings(job, root, host, port, DEFAULT_STREAMS, DEFAULT_COMPRESSION, ChecksumMode.QUICK,
                XattrMode.OFF, List.of(), DestinationContext.DEFAULT_IO_TIMEOUT, 0, p -> { }, SessionMode.SYNC,
                VolumeDeleteLimits.NONE);
    }

    public SourceSettings withStreams(int n) {
        return new SourceSettings(job, root, host, port, n, compression, checksum, xattrs, excludes, ioTimeout,
                bandwidthLimit, transport, mode, deletes);
    }

    public SourceSettings withCompression(LiteralCompression c) {
        return new SourceSettings(job, root, host, port, streams, c, checksum, xattrs, excludes, ioTimeout,
                bandwidthLimit, transport, mode, deletes);
    }

    public SourceSettings withChecksum(ChecksumMode c) {
        return new SourceSettings(job, root, host, port, streams, compression, c, xattrs, excludes, ioTimeout,
                bandwidthLimit, transport, mode, deletes);
    }

    public SourceSettings withExcludes(List<String> e) {
        return new SourceSettings(job, root, host, port, streams, compression, checksum, xattrs, e, ioTimeout,
                bandwidthLimit, transport, mode, deletes);
    }

    public SourceSettings withIoTimeout(Duration t) {
        return new SourceSettings(job, root, host, port, streams, compression, checksum, xattrs, excludes, t,
                bandwidthLimit, transport, mode, deletes);
    }

    public SourceSettings withXattrs(XattrMode x) {
        return new SourceSettings(job, root, host, port, streams, compression, checksum, x, excludes, ioTimeout,
                bandwidthLimit, transport, mode, deletes);
    }

    public SourceSettings withBandwidthLimit(long bytesPerSecond) {
        return new SourceSettings(job, root, host, port, streams, compression, checksum, xattrs, excludes, ioTimeout,
                bytesPerSecond, transport, mode, deletes);
    }

    public SourceSettings withTransport(Consumer<ChannelPipeline> t) {
        return new SourceSettings(job, root, host, port, streams, compression, checksum, xattrs, excludes, ioTimeout,
                bandwidthLimit, t, mode, deletes);
    }

    public SourceSettings withMode(SessionMode m) {
        return new SourceSettings(job, root, host, port, streams, compression, checksum, xattrs, excludes, ioTimeout,
                bandwidthLimit, transport, m, deletes);
    }

    public SourceSettings withDeleteLimits(VolumeDeleteLimits d) {
        return new SourceSettings(job, root, host, port, streams, compression, checksum, xattrs, excludes, ioTimeout,
                bandwidthLimit, transport, mode, d);
    }
}
