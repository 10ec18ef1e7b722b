package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/** The pure parts of versioned buckets: merging a page's two lists, picking a point in time, the version map text. */
class VersionHistoryUnitTest {
    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    private static ObjectVersion version(String key, String id, Instant t, boolean latest) {
        return ObjectVersion.builder().key(key).versionId(id).lastModified(t).size(1L).eTag("\"e\"").isLatest(latest).build();
    }

    private static DeleteMarkerEntry marker(String key, String id, Instant t, boolean latest) {
        return DeleteMarkerEntry.builder().key(key).versionId(id).lastModified(t).isLatest(latest).build();
    }

    private static List<String> ids(ListObjectVersionsResponse r) {
        return VersionListing.merged(r).stream().map(k -> k.fullKey() + ":" + k.version().versionId()).toList();
    }

    @Test
    void aPageIsMergedByKeyThenNewestFirst() {
        ListObjectVersionsResponse r = ListObjectVersionsResponse.builder()
                .versions(version("a", "a3", T.plusSeconds(3), true), version("a", "a1", T.plusSeconds(1), false),
                        version("b", "b1", T, false))
                .deleteMarkers(marker("a", "m2", T.plusSeconds(2), false), marker("b", "m1", T.plusSeconds(5), true))
                .build();
        assertThat(ids(r)).containsExactly("a:a3", "a:m2", "a:a1", "b:m1", "b:b1");
    }

    @Test
    void onATieTheLatestFlagDecidesElseTheVersionComesFirst() {
        ListObjectVersionsResponse markerLatest = ListObjectVersionsResponse.builder()
                .versions(version("a", "v", T, false)).deleteMarkers(marker("a", "m", T, true)).build();
        ListObjectVersionsResponse versionLatest = ListObjectVersionsResponse.builder()
                .versions(version("a", "v", T, true)).deleteMarkers(marker("a", "m", T, false)).build();
        assertThat(ids(markerLatest)).containsExactly("a:m", "a:v");
        assertThat(ids(versionLatest)).containsExactly("a:v", "a:m");
    }

    @Test
    void theVersionVisibleAtAnInstant() {
        VersionListing.Version v2 = new VersionListing.Version("v2", false, 2, "e2", T.plusSeconds(20), true);
        VersionListing.Version m = new VersionListing.Version("m", true, 0, null, T.plusSeconds(10), false);
        VersionListing.Version v1 = new VersionListing.Version("v1", false, 1, "e1", T, false);
        VersionListing.KeyHistory h = new VersionListing.KeyHistory("k", List.of(v2, m, v1));

        assertThat(PointInTimeLister.visibleAt(h, T.minusSeconds(1))).isNull(); // not written yet
        assertThat(PointInTimeLister.visibleAt(h, T)).isEqualTo(v1); // at or before: inclusive
        assertThat(PointInTimeLister.visibleAt(h, T.plusSeconds(15))).isNull(); // deleted then
        assertThat(PointInTimeLister.visibleAt(h, T.plusSeconds(20))).isEqualTo(v2);
    }

    @Test
    void theVersionMapRoundTripsAwkwardKeysAndForgetsOnlyUnlistedVersions() {
        VersionMap m = new VersionMap();
        m.replicated("a b/\n%x", "s1", "d1");
        m.replicated("a b/\n%x", "s2", null);
        m.replicated("k", "null", "d3");

        VersionMap back = VersionMap.decode(m.encode());
        assertThat(back.isReplicated("a b/\n%x", "s1")).isTrue();
        assertThat(back.destinationVersion("a b/\n%x", "s2")).isEqualTo("-");
        assertThat(back.destinationVersion("k", "null")).isEqualTo("d3");
        assertThat(back.size()).isEqualTo(3);
        assertThat(back.changed()).isFalse();

        assertThat(back.forgetUnlisted("a b/\n%x", Set.of("s2"))).isEqualTo(1);
        assertThat(back.sourceVersions("a b/\n%x")).containsExactly("s2");
        assertThat(back.changed()).isTrue();
    }

    @Test
    void anUnreadableMapIsRefused() {
        assertThatThrownBy(() -> VersionMap.decode("something else\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a version map");
        assertThatThrownBy(() -> VersionMap.decode((VersionMap.HEADER + "\na b\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("line 2 of the version map has 2 fields");
    }
}
