package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile case is refused with a clear reason, the connection is closed, a REFUSED report is
 * fired, and the destination tree (contents and metadata, the root's mtime included) is unchanged.
 */
class HostileFramesTest {
    @TempDir
    Path tmp;
    Path dst;
    Path outside;
    Harness h;
    Map<String, String> before;

    @BeforeEach
    void setUp() throws Exception {
        dst = Files.createDirectories(tmp.resolve("dst"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        new TreeGenerator(7).write(dst.resolve("keep.txt"), 1000);
        Files.createDirectories(dst.resolve("sub"));
        Files.createSymbolicLink(dst.resolve("ln"), outside);
        List<DestinationJob> jobs = List.of(
                DestinationJob.of(Harness.JOB, dst, null).withLimits(EntryLimits.DEFAULTS.withMaxEntries(5)),
                DestinationJob.of("needs-alice", dst, "alice"));
        // The transport announces an authenticated identity the way the TLS-PSK handler does.
        h = new Harness(jobs, ch -> ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                super.channelActive(ctx);
                ctx.pipeline().fireUserEventTriggered(new PeerIdentity.Authenticated("mallory"));
            }
        }), Duration.ofSeconds(30));
        before = TreeSnapshot.of(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            h.awaitIdle();
            assertThat(h.reports).as("one report per connection, no more").isEmpty();
        } finally {
            h.close();
        }
    }

    private void assertRefusedAndUnchanged(String reason, String expected) throws Exception {
        assertThat(reason).contains(expected);
        SessionReport r = h.nextReport();
        assertThat(r.result()).isEqualTo(SessionResult.REFUSED);
        assertThat(r.error()).contains(expected);
        assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
    }

    private String refusedList(FileEntry... entries) throws Exception {
        try (RawClient c = new RawClient(h.server.port())) {
            c.open(Harness.JOB);
            c.list(List.of(entries));
            String reason = c.refusal();
            assertThat(c.closedByServer()).isTrue();
            return reason;
        }
    }

    @Test
    void dotDotPath() throws Exception {
        assertRefusedAndUnchanged(refusedList(RawClient.dir("."), RawClient.dir("sub"), RawClient.file("sub/../../x", 1)),
                "has a \"..\" segment");
    }

    @Test
    void absolutePath() throws Exception {
        assertRefusedAndUnchanged(refusedList(RawClient.dir("."), RawClient.file("/etc/passwd", 1)), "is absolute");
    }

    @Test
    void pathThroughSymlinkedParentOnDisk() throws Exception {
        // "ln" is a symlink on the destination; the list does not make it a directory
        assertRefusedAndUnchanged(refusedList(RawClient.dir("."), RawClient.file("ln/evil", 1)),
                "its parent \"ln\" is not a directory listed before it");
    }

    @Test
    void pathThroughSymlinkInTheList() throws Exception {
        assertRefusedAndUnchanged(refusedList(RawClient.dir("."), RawClient.symlink("evil", outside.toString()),
                RawClient.file("evil/x", 1)), "is a SYMLINK in the file list, not a directory");
    }

    @Test
    void nulInPath() throws Exception {
        assertRefusedAndUnchanged(refusedList(RawClient.dir("."), RawClient.file("a\0b", 1)), "contains a NUL byte");
    }

    @Test
    void emptySegment() throws Exception {
        assertRefusedAndUnchanged(refusedList(RawClient.dir("."), RawClient.dir("sub"), RawClient.file("sub//x", 1)),
                "empty segment");
    }

    @Test
    void tooManyEntries() throws Exception {
        List<FileEntry> list = new ArrayList<>(List.of(RawClient.dir(".")));
        for (int i = 0; i < 5; i++) {
            list.add(RawClient.file("f" + i, 1));
        }
        assertRefusedAndUnchanged(refusedList(list.toArray(FileEntry[]::new)), "more than 5 entries");
    }

    @Test
    void oversizeFrame() throws Exception {
        try (RawClient c = new RawClient(h.server.port())) {
            c.open(Harness.JOB);
            // length 2 MiB + 1, type LIST: refused as soon as the length is read, nothing buffered
            c.sendRaw(new byte[]{0x00, 0x20, 0x00, 0x01, 0x10, 0, 0, 0});
            String reason = c.refusal();
            assertThat(c.closedByServer()).isTrue();
            assertRefusedAndUnchanged(reason, "frame too large");
        }
    }

    @Test
    void unknownFrameType() throws Exception {
        try (RawClient c = new RawClient(h.server.port())) {
            c.open(Harness.JOB);
            c.sendRaw(new byte[]{0, 0, 0, 1, 0x7E});
            assertRefusedAndUnchanged(c.refusal(), "unknown frame type 0x7e");
        }
    }

    @Test
    void unknownFrameTypeAsFirstFrame() throws Exception {
        try (RawClient c = new RawClient(h.server.port())) {
            c.sendRaw(new byte[]{0, 0, 0, 1, (byte) 0xEE});
            assertRefusedAndUnchanged(c.refusal(), "unknown frame type 0xee");
        }
    }

    @Test
    void unknownVersion() throws Exception {
        try (RawClient c = new RawClient(h.server.port())) {
            ByteBuf b = Wire.start(ByteBufAllocator.DEFAULT, FrameType.HELLO, 16);
            b.writeInt(Wire.MAGIC);
            b.writeShort(99);
            Wire.writeString(b, Harness.JOB);
            c.send(Wire.finish(b));
            assertRefusedAndUnchanged(c.refusal(), "protocol version 99 is not supported (this side accepts 1 to 2)");
        }
    }

    @Test
    void wrongIdentity() throws Exception {
        try (RawClient c = new RawClient(h.server.port())) {
            c.hello("needs-alice");
            assertRefusedAndUnchanged(c.refusal(), "PSK identity \"mallory\" is not allowed for job \"needs-alice\"");
        }
    }

    @Test
    void unknownJob() throws Exception {
        try (RawClient c = new RawClient(h.server.port())) {
            c.hello("nope");
            assertRefusedAndUnchanged(c.refusal(), "no volume-destination job named \"nope\"");
        }
    }

    @Test
    void concurrentSessionForTheSameVolume() throws Exception {
        try (RawClient first = new RawClient(h.server.port()); RawClient second = new RawClient(h.server.port())) {
            first.open(Harness.JOB); // holds the volume: HELLO answered, list not sent
            second.hello(Harness.JOB);
            assertRefusedAndUnchanged(second.refusal(), "is busy: another session is already syncing it");
        }
        SessionReport firstReport = h.nextReport();
        assertThat(firstReport.result()).isEqualTo(SessionResult.REFUSED);
        assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
    }
}
