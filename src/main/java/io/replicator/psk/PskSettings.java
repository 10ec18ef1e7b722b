package io.replicator.psk;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and metrics of the TLS-PSK handlers.
 *
 * @param handshakeTimeout a connection that has not completed its handshake by then is closed.
 *        10 s: a PSK handshake is one round trip plus an X25519 operation, so even a slow WAN
 *        link finishes in well under a second; the bound stops port scanners and silent clients
 *        from holding connections (stunnel has no such bound).
 * @param idleTimeout an established connection with no traffic in either direction for this
 *        long is closed. 180 s, the keepalive idle time VolSync gives stunnel: a peer that has
 *        gone silent that long is treated as gone. Protocols that may legitimately stay silent
 *        longer must send keepalive frames or raise this.
 * @param meterRegistry where {@code replicator_psk_failures_total{reason}} is counted.
 */
public record PskSettings(Duration handshakeTimeout, Duration idleTimeout, MeterRegistry meterRegistry) {
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(180);

    public PskSettings {
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        requirePositive(handshakeTimeout, "handshakeTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    /** 10 s handshake, 180 s idle, Micrometer's global registry. */
    public static PskSettings defaults() {
        return new PskSettings(DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_IDLE_TIMEOUT, Metrics.globalRegistry);
    }

    public PskSettings withHandshakeTimeout(Duration timeout) {
        return new PskSettings(timeout, idleTimeout, meterRegistry);
    }

    public PskSettings withIdleTimeout(Duration timeout) {
        return new PskSettings(handshakeTimeout, timeout, meterRegistry);
    }

    public PskSettings withMeterRegistry(MeterRegistry registry) {
        return new PskSettings(handshakeTimeout, idleTimeout, registry);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
