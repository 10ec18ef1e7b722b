package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-file verification on the destination, driven by a hand-written source: a file whose SHA-256
 * does not match is asked for again (NEED RESEND) and then accepted; failing twice fails the
 * session without writing the file.
 */
class ResendTest {
    @TempDir
    Path tmp;

    private static ByteBuf wholeFile(int index, byte[] content, byte[] sha) {
        ByteBuf b = Wire.start(ByteBufAllocator.DEFAULT, FrameType.WHOLE_FILE, 64);
        b.writeInt(index);
        b.writeByte(0);
        b.writeInt(content.length);
        b.writeInt(content.length);
        b.writeBytes(content);
        b.writeBytes(sha);
        return Wire.finish(b);
    }

    private static Need need(RawClient c) throws Exception {
        Frame f = c.read();
        assertThat(f.type()).isEqualTo(FrameType.NEED);
        return Need.decode(f.payload(), 2);
    }

    @Test
    void mismatchIsResentOnceThenCommitted() throws Exception {
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        byte[] content = "hello, volume".getBytes();
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(content);
        try (Harness h = new Harness(dst); RawClient c = new RawClient(h.server.port())) {
            c.open(Harness.JOB);
            c.list(List.of(RawClient.dir("."), RawClient.file("f", content.length)));
            assertThat(need(c)).isEqualTo(new Need(1, Need.Kind.WHOLE));
            c.send(wholeFile(1, content, new byte[32]));
            assertThat(need(c)).isEqualTo(new Need(1, Need.Kind.RESEND));
            assertThat(dst.resolve("f")).doesNotExist();
            c.send(wholeFile(1, content, sha));
            assertThat(c.read().type()).isEqualTo(FrameType.STREAM_END);
            c.send(Wire.empty(ByteBufAllocator.DEFAULT, FrameType.COMMIT));
            assertThat(c.read().type()).isEqualTo(FrameType.COMMITTED);
            SessionReport r = h.nextReport();
            assertThat(r.result()).isEqualTo(SessionResult.OK);
            assertThat(r.resends()).isEqualTo(1);
            assertThat(Files.readAllBytes(dst.resolve("f"))).isEqualTo(content);
        }
    }

    @Test
    void secondMismatchFailsTheSession() throws Exception {
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        byte[] content = "hello, volume".getBytes();
        try (Harness h = new Harness(dst); RawClient c = new RawClient(h.server.port())) {
            c.open(Harness.JOB);
            c.list(List.of(RawClient.dir("."), RawClient.file("f", content.length)));
            need(c);
            c.send(wholeFile(1, content, new byte[32]));
            assertThat(need(c).kind()).isEqualTo(Need.Kind.RESEND);
            c.send(wholeFile(1, content, new byte[32]));
            Frame abort = c.read();
            assertThat(abort.type()).isEqualTo(FrameType.ABORT);
            assertThat(RawClient.reason(abort)).contains("failed SHA-256 verification even when sent whole");
            SessionReport r = h.nextReport();
            assertThat(r.result()).isEqualTo(SessionResult.FAILED);
            h.awaitIdle();
            try (var files = Files.list(dst)) {
                assertThat(files).isEmpty(); // neither the file nor a temporary
            }
        }
    }
}
