package io.replicator.psk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counter {@code replicator.psk.failures} (Prometheus: {@code replicator_psk_failures_total})
 * tagged {@code reason}. Every reason is registered up front so dashboards and alerts see zeros
 * rather than missing series.
 */
final class PskFailureMetrics {
    static final String NAME = "replicator.psk.failures";

    private final Map<PskFailureReason, Counter> counters = new EnumMap<>(PskFailureReason.class);

    PskFailureMetrics(MeterRegistry registry) {
        for (PskFailureReason reason : PskFailureReason.values()) {
            counters.put(reason, Counter.builder(NAME)
                    .description("TLS-PSK connections closed because of a failure, by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
    }

    void increment(PskFailureReason reason) {
        counters.get(reason).increment();
    }
}
