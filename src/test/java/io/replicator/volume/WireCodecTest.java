package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.replicator.delta.LiteralCompression;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame and file-list codecs: round trips, and hostile encodings refused with the field named. */
class WireCodecTest {
    private static ByteBuf payloadOf(ByteBuf frame) {
        frame.skipBytes(5); // length + type
        return frame;
    }

    @Test
    void helloRoundTrips() throws Exception {
        Hello h = new Hello(Wire.VERSION, "job-1", LiteralCompression.zstd(5), ChecksumMode.FULL, 4, XattrMode.USER,
                List.of("*.tmp", "/cache"));
        ByteBuf f = h.encode(ByteBufAllocator.DEFAULT);
        try {
            assertThat(Hello.decode(payloadOf(f))).isEqualTo(h);
        } finally {
            f.release();
        }
    }

    @Test
    void fileListRoundTripsCompressed() throws Exception {
        List<FileEntry> in = new ArrayList<>();
        in.add(new FileEntry(".", EntryType.DIR, 0755, 0, 0, 0, 1L, null, -1, null));
        for (int i = 0; i < 1000; i++) {
            in.add(new FileEntry("dir/file-" + i, EntryType.FILE, 0644, 1000, 1000, i, 1_700_000_000_123_456_789L + i,
                    null, -1, null));
        }
        in.add(new FileEntry("link", EntryType.SYMLINK, 0777, 0, 0, 0, 5L, "/abs/target", -1, null));
        in.add(new FileEntry("hard", EntryType.HARDLINK, 0644, 0, 0, 1, 5L, null, 1, null));
        ByteBuf body = Unpooled.buffer();
        in.forEach(e -> FileListCodec.writeEntry(body, e, Wire.VERSION));
        int rawSize = body.readableBytes();
        ByteBuf f = FileListCodec.frame(ByteBufAllocator.DEFAULT, body, in.size());
        assertThat(f.readableBytes()).isLessThan(rawSize / 4);
        List<FileEntry> out = new ArrayList<>();
        FileListCodec.decode(payloadOf(f), EntryLimits.DEFAULTS, Wire.VERSION, out::add);
        f.release();
        assertThat(out).hasSize(in.size());
        assertThat(out.get(500).path()).isEqualTo("dir/file-499");
        assertThat(out.get(500).mtimeNanos()).isEqualTo(1_700_000_000_123_456_789L + 499);
        assertThat(out.get(1001).linkTarget()).isEqualTo("/abs/target");
        assertThat(out.get(1002).primary()).isEqualTo(1);
    }

    @Test
    void listThatInflatesBeyondItsDeclaredSizeIsRefused() {
        byte[] bomb = Zstd.compress(new byte[FileListCodec.MAX_RAW], 3); // 512 KiB of zeros, tiny compressed
        ByteBuf p = Unpooled.buffer();
        p.writeByte(1);
        p.writeInt(100);      // claims 100 raw bytes
        p.writeInt(1);
        p.writeBytes(bomb);
        assertThatThrownBy(() -> FileListCodec.decode(p, EntryLimits.DEFAULTS, Wire.VERSION, e -> { }))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("LIST body");
    }

    @Test
    void listRawLengthAboveTheCapIsRefusedBeforeAllocating() {
        ByteBuf p = Unpooled.buffer();
        p.writeByte(1);
        p.writeInt(Integer.MAX_VALUE);
        p.writeInt(1);
        assertThatThrownBy(() -> FileListCodec.decode(p, EntryLimits.DEFAULTS, Wire.VERSION, e -> { }))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("LIST raw length = 2147483647 is outside");
    }

    @Test
    void truncatedFieldIsNamed() {
        ByteBuf p = Unpooled.buffer();
        p.writeInt(Wire.MAGIC);
        assertThatThrownBy(() -> Hello.decode(p)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("truncated frame while reading HELLO protocol version");
    }

    @Test
    void malformedUtf8IsRefused() {
        ByteBuf p = Unpooled.buffer();
        p.writeShort(2);
        p.writeByte(0xC3);
        p.writeByte(0x28);
        assertThatThrownBy(() -> Wire.readString(p, "entry path", 100)).hasMessageContaining("entry path: not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "#x", "with space/ü", ".hidden", "..dots", "a/...", "."})
    void acceptsNormalisedRelativePaths(String path) throws Exception {
        PathGuard.check(path, EntryLimits.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "a//b", "./a", "a/./b", "..", "a/../b", "a/..", "nul\0x"})
    void refusesPathsThatAreNotNormalisedOrEscape(String path) {
        assertThatThrownBy(() -> PathGuard.check(path, EntryLimits.DEFAULTS)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void refusesOverlongNames() {
        assertThatThrownBy(() -> PathGuard.check("x".repeat(256), EntryLimits.DEFAULTS))
                .hasMessageContaining("longer than 255 bytes");
        assertThatThrownBy(() -> PathGuard.check(("y".repeat(200) + "/").repeat(21) + "z", EntryLimits.DEFAULTS))
                .hasMessageContaining("longer than 4095 bytes");
    }

    @Test
    void streamSharesKeepSmallFilesContiguousAndSpreadLargeOnes() {
        List<Transfer> t = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            t.add(new Transfer(i, 4096, false, false));
        }
        t.add(new Transfer(100, 512L << 20, false, false));
        t.add(new Transfer(101, 512L << 20, false, false));
        List<List<Transfer>> shares = StreamShares.split(t, 4);
        assertThat(shares.stream().mapToInt(List::size).sum()).isEqualTo(102);
        assertThat(shares.get(0)).extracting(Transfer::index).containsExactly(100);
        assertThat(shares.get(1)).extracting(Transfer::index).containsExactly(101);
        assertThat(shares.get(2)).extracting(Transfer::index).isSorted().hasSizeGreaterThan(40);
        assertThat(shares.get(3)).extracting(Transfer::index).isSorted().hasSizeGreaterThan(40);
    }
}
