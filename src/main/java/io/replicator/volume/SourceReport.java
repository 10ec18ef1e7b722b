package io.replicator.volume;

import java.time.Duration;
import java.util.List;

/**
 * The source's account of one sync. {@code result} is OK only when the destination answered
 * COMMITTED (data and metadata on disk, deletes applied).
 *
 * @param entries            file-list entries sent
 * @param unsupported        entries not replicated because of their type (sockets, FIFOs, devices)
 * @param filesSent          files whose data was sent (new, changed, resent)
 * @param filesSkipped       files that vanished or shrank while being read (kept old on the destination)
 * @param literalBytes       file bytes sent as literal data (before compression)
 * @param matchedBytes       file bytes the destination copied from its old version
 * @param bytesSent          protocol bytes sent on all streams (after compression, before TLS)
 * @param bytesReceived      protocol bytes received
 * @param wireBytesSent      bytes written to the sockets (with TLS when the transport adds it)
 * @param wireBytesReceived  bytes read from the sockets
 * @param filesDeleted       entries the destination deleted at commit
 * @param ownership          the destination's note on uid/gid
 * @param error              why it failed or was refused (null when OK)
 * @param plan               what a dry run or check found (null for a sync)
 * @param changedWhileRead   files that kept changing while they were read (not copied: the
 *                           destination kept its previous version); a sync with any is not a success
 */
public record SourceReport(String job, SessionResult result, long entries, long unsupported, long filesSent,
                           long filesSkipped, long literalBytes, long matchedBytes, long bytesSent, long bytesReceived,
                           long wireBytesSent, long wireBytesReceived, long filesDeleted, String ownership,
                           Duration duration, String error, VolumePlan plan, List<String> changedWhileRead) {
    public SourceReport {
        changedWhileRead = List.copyOf(changedWhileRead);
    }

    /** The session ended as asked: committed, or (dry run, check) the plan arrived. */
    public boolean ok() {
        return result == SessionResult.OK;
    }
}
