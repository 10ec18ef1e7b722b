package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pure parts: ETag formats, part layouts, filters, guards, the merge. */
class EngineUnitTest {
    private static final long MIB = PartLayout.MIB;

    @Test
    void etagFormatsAndComparability() {
        String plain = "d41d8cd98f00b204e9800998ecf8427e";
        assertThat(Etags.normalize("\"D41D8CD98F00B204E9800998ECF8427E\"")).isEqualTo(plain);
        assertThat(Etags.partCount(plain + "-12")).isEqualTo(12);
        assertThat(Etags.partCount(plain)).isZero();
        assertThat(Etags.comparable(plain, plain)).isTrue();
        assertThat(Etags.comparable(plain + "-3", plain + "-3")).isTrue();
        assertThat(Etags.comparable(plain + "-3", plain + "-4")).isFalse();
        assertThat(Etags.comparable(plain, plain + "-1")).isFalse();
        assertThat(Etags.comparable("opaque-etag", "opaque-etag")).isFalse();
    }

    @Test
    void partLayoutCandidatesSplitIntoExactlyTheSourcePartCount() {
        long size = 11 * MIB + 123;
        List<PartLayout> c = PartLayout.candidates(size, 3, 16 * MIB);
        assertThat(c.get(0).partSize()).isEqualTo(5 * MIB);
        assertThat(c).allSatisfy(l -> {
            assertThat(l.partCount()).isEqualTo(3);
            assertThat(PartLayout.ceilDiv(size, l.partSize())).isEqualTo(3);
        });
        assertThat(PartLayout.candidates(100 * MIB, 7, 16 * MIB).get(0).partSize()).isEqualTo(16 * MIB);
        assertThat(PartLayout.candidates(3, 1, 16 * MIB)).singleElement()
                .satisfies(l -> assertThat(l.isMultipart()).isTrue());
        PartLayout other = PartLayout.incomparableWith(12 * MIB, 2);
        assertThat(other.isMultipart()).isFalse();
    }

    @Test
    void cutoffLayoutStaysWithinTheTenThousandPartLimit() {
        assertThat(PartLayout.byCutoff(10 * MIB, 64 * MIB, 16 * MIB).isMultipart()).isFalse();
        PartLayout big = PartLayout.byCutoff(1000L * 1024 * MIB, 64 * MIB, 16 * MIB); // 1000 GiB
        assertThat(big.partCount()).isLessThanOrEqualTo(10_000);
        assertThat(big.partOffset(big.partCount()) + big.partLength(big.partCount())).isEqualTo(big.size());
    }

    @Test
    void globsMatchLikeRclone() {
        KeyFilter f = new KeyFilter(List.of("logs/**", "*.{txt,md}"), List.of("**/*.tmp", "secret?"));
        assertThat(f.accepts("logs/2024/a.gz")).isTrue();
        assertThat(f.accepts("readme.md")).isTrue();
        assertThat(f.accepts("dir/readme.md")).isFalse(); // '*' stays within one segment
        assertThat(f.accepts("logs/x/y.tmp")).isFalse();
        assertThat(f.accepts("secret1")).isFalse();
        assertThat(new KeyFilter(List.of(), List.of("[ab]*")).accepts("c.txt")).isTrue();
        assertThat(new KeyFilter(List.of(), List.of("[ab]*")).accepts("b.txt")).isFalse();
        assertThatThrownBy(() -> new KeyFilter(List.of("{a,b"), List.of())).hasMessageContaining("unclosed '{'");
    }

    @Test
    void guardsNameTheLimitAndTheNumbers() {
        DeleteGuard g = new DeleteGuard(new DeleteLimits(10L, 50.0, null));
        assertThat(g.refusal(0, 0, 100)).isEmpty();
        assertThat(g.refusal(5, 95, 100)).isEmpty();
        assertThat(g.refusal(11, 89, 100)).get().asString().contains("11 deletes exceed max-delete count 10");
        assertThat(new DeleteGuard(new DeleteLimits(null, 5.0, null)).refusal(6, 94, 100)).get().asString()
                .contains("6.0% of the destination's 100 objects");
        assertThat(g.refusal(3, 0, 3)).get().asString().contains("source listed 0 objects");
        assertThatThrownBy(() -> new DeleteLimits(null, 101.0, null)).hasMessageContaining("within 0..100");
    }

    private static Iterator<ObjectEntry> entries(String... keys) {
        return Stream.of(keys).map(k -> new ObjectEntry(k, 1, "d41d8cd98f00b204e9800998ecf8427e", Instant.EPOCH))
                .iterator();
    }

    @Test
    void mergerPairsKeysInLockstep() {
        ListingMerger m = new ListingMerger(entries("a", "b", "d"), entries("b", "c", "d", "e"), KeyOrder.UTF8_BINARY,
                KeyFilter.ALL, "src", "dst");
        List<String> out = new ArrayList<>();
        m.forEachRemaining(p -> out.add(p.key() + ":" + (p.source() != null ? "s" : "") + (p.destination() != null ? "d" : "")));
        assertThat(out).containsExactly("a:s", "b:sd", "c:d", "d:sd", "e:d");
        assertThat(m.sourceCount()).isEqualTo(3);
        assertThat(m.destinationCount()).isEqualTo(4);
    }

    @Test
    void mergerStopsOnAListingOutOfOrder() {
        ListingMerger m = new ListingMerger(entries("a", "c", "b"), entries(), KeyOrder.UTF8_BINARY, KeyFilter.ALL,
                "source s3:bkt", "dst");
        assertThatThrownBy(() -> m.forEachRemaining(p -> { }))
                .hasMessageContaining("listing of source s3:bkt is not in UTF8_BINARY key order: 'b' came after 'c'");
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> SyncOptions.defaults().withParallelism(0)).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> SyncOptions.defaults().withMultipart(64 * MIB, MIB)).hasMessageContaining("part size");
        assertThatThrownBy(() -> SyncOptions.defaults().withListPageSize(5000)).hasMessageContaining("page size");
        assertThatThrownBy(() -> new BucketRef(new LocalRemote("l", java.nio.file.Path.of("/tmp")), "a/b"))
                .hasMessageContaining("invalid bucket name 'a/b'");
        assertThat(new BucketRef(new LocalRemote("l", java.nio.file.Path.of("/tmp")), "b", "p").prefix()).isEqualTo("p/");
    }
}
