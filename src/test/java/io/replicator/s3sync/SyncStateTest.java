package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sync state's text form and how a run's record is built from the previous one. */
class SyncStateTest {
    private static final String E1 = "0123456789abcdef0123456789abcdef-3";
    private static final String E2 = "fedcba9876543210fedcba9876543210-2";

    @Test
    void awkwardKeysAndEtagsSurviveTheTextForm() {
        Map<String, SyncState.Entry> m = Map.of(
                "with space\nand newline", new SyncState.Entry(E1, E2),
                "日本語/ファイル+%20 \u0001", new SyncState.Entry(E2, ""),
                "plain", new SyncState.Entry("\"quoted\"", E1));
        SyncState back = SyncState.decode(new SyncState(m).encode());
        assertThat(back.entries()).isEqualTo(m);
        assertThat(new String(new SyncState(m).encode(), StandardCharsets.UTF_8)).startsWith(SyncState.HEADER + "\n")
                .hasLineCount(4);
    }

    @Test
    void anythingButThisVersionIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> SyncState.decode("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> SyncState.decode((SyncState.HEADER + "\nk a\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("line 2 has 2 fields");
    }

    @Test
    void anEntryProvesEqualityOnlyWhileBothEtagsMatch() {
        SyncState.Entry e = new SyncState.Entry(E1, E2);
        assertThat(e.proves(entry("k", E1), entry("k", E2))).isTrue();
        assertThat(e.proves(entry("k", E2), entry("k", E2))).isFalse(); // the source changed
        assertThat(e.proves(entry("k", E1), entry("k", E1))).isFalse(); // the destination changed
    }

    @Test
    void aCompleteRunKeepsWhatItConfirmedOrEstablishedAndWhatItsFiltersHide() {
        SyncState old = new SyncState(Map.of("kept", new SyncState.Entry(E1, E2), "gone", new SyncState.Entry(E1, E2),
                "hidden/x", new SyncState.Entry(E1, E2), "recopied", new SyncState.Entry(E1, E2)));
        StateRecorder r = new StateRecorder(old);
        r.confirmed("kept");
        r.established("recopied", E2, E1);
        r.established("new", E1, E2);
        KeyFilter filter = new KeyFilter(List.of(), List.of("hidden/**"));

        assertThat(r.result(true, filter).entries()).containsOnlyKeys("kept", "hidden/x", "recopied", "new")
                .containsEntry("recopied", new SyncState.Entry(E2, E1));
        // a listing that stopped early drops nothing: every old entry is still a fact
        assertThat(r.result(false, filter).entries()).containsOnlyKeys("kept", "gone", "hidden/x", "recopied", "new");
    }

    private static ObjectEntry entry(String key, String etag) {
        return new ObjectEntry(key, 1, etag, null);
    }
}
