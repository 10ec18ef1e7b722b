package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The String form of names is a bijection with their bytes (PEP 383 escapes for bytes that are not UTF-8). */
class RawNamesTest {
    @Test
    void everyByteStringRoundTrips() {
        Random r = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(12)];
            for (int j = 0; j < b.length; j++) {
                // bias towards the bytes of UTF-8 sequences, so valid, truncated and overlong ones all occur
                b[j] = (byte) (r.nextBoolean() ? 0x80 + r.nextInt(0x80) : r.nextInt(256));
            }
            String s = RawNames.decode(b);
            assertThat(RawNames.encode(s)).isEqualTo(b);
        }
    }

    @Test
    void validUtf8IsItselfAndInvalidBytesAreEscaped() {
        assertThat(RawNames.decode("café-名前-😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("café-名前-😀");
        assertThat(RawNames.isUtf8("café-名前-😀")).isTrue();
        String latin1 = RawNames.decode(new byte[]{'c', 'a', 'f', (byte) 0xe9});
        assertThat(latin1).isEqualTo("caf\udce9");
        assertThat(RawNames.isUtf8(latin1)).isFalse();
        assertThat(RawNames.decode(new byte[]{'a', (byte) 0xff})).isNotEqualTo(RawNames.decode(new byte[]{'a', (byte) 0xfe}));
        assertThat(PathGuard.quote(latin1)).isEqualTo("\"caf\\xe9\"");
    }
}
