package io.replicator.volume;

import java.time.Duration;

/**
 * The destination's account of one session (or one refused connection), fired once down the
 * pipeline with {@code ctx.fireChannelRead(report)} when the session ends.
 *
 * @param job            job name from HELLO ("" when the connection never said one)
 * @param sessionId      hex session id ("" when refused before one was assigned)
 * @param peer           remote address
 * @param identity       TLS-PSK identity of the peer (null on plain TCP)
 * @param result         OK, FAILED or REFUSED
 * @param entries        file-list entries received
 * @param filesWritten   regular files written (new or changed), each verified then renamed into place
 * @param filesSkipped   files the source could not read this time (vanished); old content kept
 * @param resends        files resent whole after a failed verification
 * @param bytesReceived  protocol bytes received on all streams (before TLS)
 * @param literalBytes   file bytes that arrived as literal data
 * @param matchedBytes   file bytes copied from the destination's old version (delta matches)
 * @param filesDeleted   entries deleted at commit (files, symlinks, directories)
 * @param ownership      whether numeric uid/gid were applied, and why not
 * @param duration       from HELLO to the end
 * @param error          why it failed or was refused (null when OK)
 * @param mode           what the session asked for: a sync, or a dry run / check (which wrote nothing)
 */
public record SessionReport(String job, String sessionId, String peer, String identity, SessionResult result,
                            long entries, long filesWritten, long filesSkipped, long resends, long bytesReceived,
                            long literalBytes, long matchedBytes, long filesDeleted, String ownership,
                            Duration duration, String error, SessionMode mode) {
    public boolean ok() {
        return result == SessionResult.OK;
    }
}
