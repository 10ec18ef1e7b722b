package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class KeyOrderProperties {

    private static String fromCodePoints(List<Integer> cps) {
        StringBuilder sb = new StringBuilder();
        for (int cp : cps) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    @Property(tries = 2000)
    void utf8OrderEqualsS3ByteOrder(@ForAll @Size(max = 6) List<@IntRange(min = 0, max = 0x10FFFF) Integer> a,
                                    @ForAll @Size(max = 6) List<@IntRange(min = 0xD000, max = 0x1F000) Integer> b) {
        String x = fromCodePoints(a);
        String y = fromCodePoints(b);
        int expected = Integer.signum(Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.signum(KeyOrder.UTF8_BINARY.compare(x, y))).isEqualTo(expected);
        assertThat(Integer.signum(KeyOrder.UTF8_BINARY.compare(y, x))).isEqualTo(-expected);
    }

    @Property(tries = 500)
    void utf8OrderOnSharedPrefixes(@ForAll @Size(max = 4) List<@IntRange(min = 0xDFF0, max = 0x10010) Integer> a,
                                   @ForAll @Size(max = 4) List<@IntRange(min = 0xDFF0, max = 0x10010) Integer> b) {
        String x = "p/" + fromCodePoints(a);
        String y = "p/" + fromCodePoints(b);
        int expected = Integer.signum(Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        assertThat(Integer.signum(KeyOrder.UTF8_BINARY.compare(x, y))).isEqualTo(expected);
    }
}
