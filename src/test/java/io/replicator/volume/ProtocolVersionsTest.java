package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.replicator.delta.LiteralCompression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites upgrade at different times: an upgraded destination still accepts a source of the previous
 * protocol version (its whole session in the old format), over the real TLS-PSK path, and refuses an
 * unknown version with the versions it accepts.
 */
class ProtocolVersionsTest {
    @TempDir
    Path tmp;

    @Test
    void aVersion1SourceStillSyncsIntoAnUpgradedDestination() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(3);
        gen.build(src);
        try (Harness h = Harness.overTlsPsk(dst);
             VolumeSource v1 = new VolumeSource(1)) {
            SourceSettings s = h.settings(src);
            SourceReport first = v1.sync(s, SyncProgress.NONE);
            assertThat(first.error()).isNull();
            assertThat(first.result()).isEqualTo(SessionResult.OK);
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();

            gen.patch(src.resolve("a/large.bin"), 1_000_000, 100); // a delta in the old format
            SourceReport second = v1.sync(s, SyncProgress.NONE);
            assertThat(second.result()).isEqualTo(SessionResult.OK);
            assertThat(second.matchedBytes()).isGreaterThan(4_000_000);
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();

            gen.patch(src.resolve("a/large.bin"), 2_000_000, 100); // and the current version after it
            SourceReport third = h.sync(s);
            assertThat(third.result()).isEqualTo(SessionResult.OK);
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();
        }
    }

    @Test
    void unknownVersionsAreRefusedWithTheAcceptedOnesAndNothingChanges() throws Exception {
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Files.writeString(dst.resolve("keep.txt"), "old");
        Map<String, String> before = TreeSnapshot.of(dst);
        try (Harness h = new Harness(dst)) {
            for (int version : new int[]{0, Wire.VERSION + 1}) {
                try (RawClient c = new RawClient(h.server.port())) {
                    c.send(new Hello(version, Harness.JOB, LiteralCompression.NONE, ChecksumMode.QUICK, 1, XattrMode.OFF,
                            List.of()).encode(ByteBufAllocator.DEFAULT));
                    assertThat(c.refusal()).isEqualTo("HELLO: protocol version " + version
                            + " is not supported (this side accepts 1 to 2)");
                    assertThat(c.closedByServer()).isTrue();
                }
                assertThat(h.nextReport().result()).isEqualTo(SessionResult.REFUSED);
            }
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);
        }
    }

    /** The version 1 HELLO, byte for byte as docs/protocol.md laid it out before version 2. */
    @Test
    void version1HelloKeepsItsLayout() throws Exception {
        Hello h = new Hello(1, "vol", LiteralCompression.zstd(3), ChecksumMode.FULL, 4, XattrMode.USER, List.of("*.tmp"));
        ByteBuf f = h.encode(ByteBufAllocator.DEFAULT);
        byte[] b = new byte[f.readableBytes()];
        f.readBytes(b);
        f.release();
        String expected = "0000001a" + "01" + "56524550" + "0001" + "0003" + "766f6c" + "01" + "03" + "01" + "04" + "01"
                + "0001" + "0005" + "2a2e746d70";
        assertThat(HexFormat.of().formatHex(b)).isEqualTo(expected);
        ByteBuf payload = io.netty.buffer.Unpooled.wrappedBuffer(b, 5, b.length - 5);
        assertThat(Hello.decode(payload)).isEqualTo(h);
    }

    @Test
    void aSourceOfAnOtherVersionCannotBeBuilt() {
        assertThatThrownBy(() -> new VolumeSource(Wire.VERSION + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not one of 1 to 2");
    }
}
