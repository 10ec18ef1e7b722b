package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 12: plan and check lines printed keys raw; NFC/NFD twins looked alike, control characters vanished. */
class KeyTextTest {

    @Test
    void printableKeysStayAsTheyAre() {
        for (String k : List.of("a/b.txt", "with space.txt", "日本語/ファイル.txt", "emoji 😀.txt", "é", "x\uFFFD")) {
            assertThat(KeyText.escape(k)).isEqualTo(k);
        }
    }

    @Test
    void invisibleAndLookAlikeCharactersAreEscaped() {
        assertThat(KeyText.escape("a\u0001b")).isEqualTo("a\\u{0001}b");
        assertThat(KeyText.escape("line\nbreak\rtab\t")).isEqualTo("line\\u{000A}break\\u{000D}tab\\u{0009}");
        assertThat(KeyText.escape("back\\slash")).isEqualTo("back\\\\slash");
        assertThat(KeyText.escape(" edge ")).isEqualTo("\\u{0020}edge\\u{0020}");
        assertThat(KeyText.escape("zero\u200Bwidth\u00A0nbsp\u2028")).isEqualTo("zero\\u{200B}width\\u{00A0}nbsp\\u{2028}");
        assertThat(KeyText.escape("lone\uD800")).isEqualTo("lone\\u{D800}");
    }

    @Test
    void nfcAndNfdTwinsPrintDifferently() {
        String nfc = Normalizer.normalize("Café/Ångström", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(KeyText.escape(nfc)).isEqualTo(nfc);
        assertThat(KeyText.escape(nfd)).isNotEqualTo(KeyText.escape(nfc)).contains("\\u{0301}").contains("\\u{030A}");
    }

    @Test
    void escapingIsOneToOne() {
        List<String> keys = List.of("a\\u{0001}", "a\u0001", "a\\\\", "a\\", " a", "\\u{0020}a", "e\u0301", "\u00e9");
        assertThat(keys.stream().map(KeyText::escape).collect(Collectors.toSet())).hasSize(keys.size());
    }

    @Test
    void planLinesNameEachKeyEscaped() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keytext");
        java.nio.file.Path b = java.nio.file.Files.createDirectories(dir.resolve("src"));
        String nfc = "caf\u00e9";
        String nfd = "cafe\u0301";
        java.nio.file.Files.writeString(b.resolve(nfc), "1");
        java.nio.file.Files.writeString(b.resolve(nfd), "2");
        java.nio.file.Files.writeString(b.resolve("tab\there"), "3");
        LocalRemote r = new LocalRemote("vol", dir);
        SyncReport rep = BucketSync.run(new BucketJob("k", new BucketRef(r, "src"), new BucketRef(r, "dst")),
                SyncOptions.defaults().withMode(SyncMode.DRY_RUN).withDestinationBucket(SyncOptions.BucketCreation.CREATE));
        assertThat(rep.plan()).contains("copy caf\u00e9 (size 1)", "copy cafe\\u{0301} (size 1)",
                "copy tab\\u{0009}here (size 1)");
    }
}
