package io.replicator.volume;

import io.replicator.psk.PskKey;
import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskKeyGenerator;
import io.replicator.psk.PskKeyRing;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A {@link Harness} whose server and source speak the real TLS-PSK (identity "site-a"). */
record PskHarness(Harness h, PskKey key) implements AutoCloseable {
    static final String IDENTITY = "site-a";

    static PskHarness start(DestinationJob job) throws Exception {
        PskKeyRing ring = PskKeyFile.parse("test",
                PskKeyGenerator.generate(IDENTITY).getBytes(StandardCharsets.US_ASCII));
        PskSettings settings = PskSettings.defaults();
        return new PskHarness(new Harness(List.of(job),
                ch -> PskPipeline.addServerHandlers(ch.pipeline(), ring, settings), Duration.ofSeconds(60)), ring.first());
    }

    static PskHarness start(Path dst) throws Exception {
        return start(DestinationJob.of(Harness.JOB, dst, IDENTITY));
    }

    /** Source settings over TLS-PSK. */
    SourceSettings settings(Path src) {
        PskSettings settings = PskSettings.defaults();
        return h.settings(src).withTransport(p -> PskPipeline.addClientHandlers(p, key, settings));
    }

    SourceReport sync(SourceSettings s) {
        return h.sync(s);
    }

    @Override
    public void close() {
        h.close();
    }
}
