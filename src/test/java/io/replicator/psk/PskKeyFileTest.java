package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PskKeyFileTest {
    @TempDir
    Path dir;

    static Iterable<KeyFileCases.Case> cases() {
        return KeyFileCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesLikeStunnel(KeyFileCases.Case c) throws Exception {
        if (c.error() != null) {
            assertThatThrownBy(() -> PskKeyFile.parse("psk.txt", c.content()))
                    .isInstanceOfSatisfying(PskKeyFileException.class, e -> {
                        assertThat(e.line()).isEqualTo(c.errorLine());
                        assertThat(e.getMessage()).startsWith(c.errorLine() > 0 ? "psk.txt line " + c.errorLine() + ": " : "psk.txt: ")
                                .contains(c.error())
                                .doesNotContain(KeyFileCases.HEX32.substring(0, 16));
                    });
        } else {
            PskKeyRing ring = PskKeyFile.parse("psk.txt", c.content());
            assertThat(ring.keys()).extracting(k -> k.identity() + "=" + k.secretLength()).containsExactlyElementsOf(c.keys());
        }
    }

    @Test
    void hexKeyIsDecodedAndRawKeyIsTheTextItself() throws Exception {
        PskKeyRing ring = PskKeyFile.parse("psk.txt",
                ("hex:" + KeyFileCases.HEX32 + "\nraw:" + KeyFileCases.HEX32 + " \n").getBytes(StandardCharsets.US_ASCII));
        assertThat(ring.first().secretCopy()).isEqualTo(HexFormat.of().parseHex(KeyFileCases.HEX32));
        assertThat(ring.keys().get(1).secretCopy()).isEqualTo((KeyFileCases.HEX32 + " ").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void shortKeyErrorNamesFileAndLineButNotTheKey() throws Exception {
        Path file = TestKeys.writeKeyFile(dir, "psk.txt", "a:" + KeyFileCases.HEX32, "b:00112233445566778899aabbccddee");
        assertThatThrownBy(() -> PskKeyFile.parse(file))
                .isInstanceOf(PskKeyFileException.class)
                .hasMessage(file + " line 2: key for identity 'b' is 15 bytes, hexadecimal, shorter than 16")
                .hasMessageNotContaining("00112233");
    }

    @Test
    void oversizedFileIsRefusedWithoutReadingItAll() throws Exception {
        Path file = dir.resolve("huge.txt");
        Files.write(file, new byte[PskKeyFile.MAX_FILE_BYTES + 10]);
        assertThatThrownBy(() -> PskKeyFile.parse(file)).isInstanceOf(PskKeyFileException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void keyToStringHidesTheSecret() throws Exception {
        PskKey key = PskKeyFile.parse("psk.txt", ("volsync:" + KeyFileCases.HEX32).getBytes(StandardCharsets.US_ASCII)).first();
        assertThat(key.toString()).contains("volsync").doesNotContain(KeyFileCases.HEX32.substring(0, 8).toLowerCase())
                .contains("32 bytes hidden");
    }

    @Test
    void generatedLineParsesToA64ByteKey() throws Exception {
        String line = PskKeyGenerator.generate("volsync");
        assertThat(line).matches("volsync:[0-9a-f]{128}");
        PskKey key = PskKeyFile.parse(TestKeys.writeKeyFile(dir, "psk.txt", line)).first();
        assertThat(key.identity()).isEqualTo("volsync");
        assertThat(key.secretLength()).isEqualTo(64);
        assertThat(PskKeyGenerator.generate("volsync")).isNotEqualTo(line);
    }

    @Test
    void generatorRefusesIdentitiesTheFileCannotHold() {
        assertThatThrownBy(() -> PskKeyGenerator.generate("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PskKeyGenerator.generate("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PskKeyGenerator.generate("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }
}
