package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.psk.PskKeyFile;
import io.replicator.psk.PskKeyGenerator;
import io.replicator.psk.PskKeyRing;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over the real TLS-PSK handlers: the identity that authenticated is bound to the job. */
class VolumePskTest {
    @TempDir
    Path tmp;

    private static PskKeyRing ring(String... lines) throws Exception {
        return PskKeyFile.parse("test", String.join("\n", lines).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void syncsOverTlsPskAndRefusesAnotherIdentityOfTheSameServer() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        new TreeGenerator(5).build(src);
        String alice = PskKeyGenerator.generate("alice");
        String mallory = PskKeyGenerator.generate("mallory");
        PskKeyRing server = ring(alice, mallory);
        PskSettings settings = PskSettings.defaults();
        List<DestinationJob> jobs = List.of(DestinationJob.of(Harness.JOB, dst, "alice"));
        try (Harness h = new Harness(jobs, ch -> PskPipeline.addServerHandlers(ch.pipeline(), server, settings),
                Duration.ofSeconds(60))) {
            io.replicator.psk.PskKey aliceKey = ring(alice).first();
            SourceSettings asAlice = h.settings(src).withTransport(
                    p -> PskPipeline.addClientHandlers(p, aliceKey, settings));
            SourceReport ok = h.sync(asAlice);
            assertThat(ok.error()).isNull();
            assertThat(ok.result()).isEqualTo(SessionResult.OK);
            SessionReport d = h.nextReport();
            assertThat(d.identity()).isEqualTo("alice");
            assertThat(d.result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();
            // TLS adds records on top of the protocol bytes
            assertThat(ok.wireBytesSent()).isGreaterThan(ok.bytesSent());

            Map<String, String> before = TreeSnapshot.of(dst);
            new TreeGenerator(6).write(src.resolve("f0.bin"), 5000);
            io.replicator.psk.PskKey malloryKey = ring(mallory).first();
            SourceSettings asMallory = h.settings(src).withTransport(
                    p -> PskPipeline.addClientHandlers(p, malloryKey, settings));
            SourceReport refused = h.sync(asMallory);
            assertThat(refused.result()).isEqualTo(SessionResult.REFUSED);
            assertThat(refused.error()).contains("PSK identity \"mallory\" is not allowed for job \"vol\"");
            SessionReport r = h.nextReport();
            assertThat(r.result()).isEqualTo(SessionResult.REFUSED);
            assertThat(r.identity()).isEqualTo("mallory");
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);
        }
    }

    @Test
    void wrongKeyFailsWithTheTlsReason() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        PskKeyRing server = ring(PskKeyGenerator.generate("alice"));
        PskKeyRing forged = ring(PskKeyGenerator.generate("alice"));
        PskSettings settings = PskSettings.defaults();
        try (Harness h = new Harness(List.of(DestinationJob.of(Harness.JOB, dst, "alice")),
                ch -> PskPipeline.addServerHandlers(ch.pipeline(), server, settings), Duration.ofSeconds(60))) {
            SourceReport r = h.sync(h.settings(src).withTransport(
                    p -> PskPipeline.addClientHandlers(p, forged.first(), settings)));
            assertThat(r.result()).isEqualTo(SessionResult.FAILED);
            assertThat(r.error()).contains("TLS-PSK connection failed");
            assertThat(h.reports).isEmpty();
        }
    }
}
