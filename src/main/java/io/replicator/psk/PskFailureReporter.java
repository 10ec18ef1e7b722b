package io.replicator.psk;

import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one log line (and metric) per failed connection; names the peer and the reason, never a key. */
final class PskFailureReporter {
    private static final Logger LOG = LoggerFactory.getLogger(PskHandler.class);

    private final String role;
    private final PskFailureMetrics metrics;

    PskFailureReporter(String role, PskFailureMetrics metrics) {
        this.role = role;
        this.metrics = metrics;
    }

    void failed(ChannelHandlerContext ctx, PskFailureReason reason, String detail) {
        metrics.increment(reason);
        LOG.warn("TLS-PSK {}: connection {} {} failed: {} ({})", role, direction(), peer(ctx), reason.tag(), detail);
    }

    void completed(ChannelHandlerContext ctx, String identity) {
        LOG.debug("TLS-PSK {}: handshake {} {} completed, identity '{}'", role, direction(), peer(ctx), identity);
    }

    void debug(ChannelHandlerContext ctx, String message) {
        LOG.debug("TLS-PSK {}: connection {} {}: {}", role, direction(), peer(ctx), message);
    }

    private String direction() {
        return "server".equals(role) ? "from" : "to";
    }

    private static Object peer(ChannelHandlerContext ctx) {
        Object remote = ctx.channel().remoteAddress();
        return remote != null ? remote : "unknown peer";
    }
}
