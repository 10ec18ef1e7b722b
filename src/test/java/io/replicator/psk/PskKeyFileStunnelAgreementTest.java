package io.replicator.psk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key-file table checked against the real stunnel 5.68: it must accept exactly the files we
 * accept (save the documented stricter cases) and log the same identities and key lengths; and a
 * handshake with stunnel proves the key bytes themselves agree for the odd formats.
 */
class PskKeyFileStunnelAgreementTest {
    private static final Pattern CONFIGURED =
            Pattern.compile("PSKsecrets line (\\d+): (\\d+)-byte (?:hexadecimal|ASCII) key configured for identity \"(.*)\"");

    @TempDir
    Path dir;

    static Iterable<KeyFileCases.Case> cases() {
        return KeyFileCases.all();
    }

    private Path write(byte[] content) throws Exception {
        Path file = dir.resolve("psk-" + System.nanoTime() + ".txt");
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stunnelAgrees(KeyFileCases.Case c) throws Exception {
        Path keys = write(c.content());
        Stunnel stunnel = Stunnel.checkConfig(dir, PskStunnelInteropTest.destinationConfig(Stunnel.freePort(), 9, keys));

        assertThat(stunnel.configAccepted()).as(String.join("\n", stunnel.log())).isEqualTo(c.stunnelAccepts());
        if (c.error() == null) {
            LinkedHashSet<String> logged = new LinkedHashSet<>(); // stunnel lists a repeated identity twice
            for (String line : stunnel.log()) {
                Matcher m = CONFIGURED.matcher(line);
                if (m.find()) {
                    logged.add(m.group(3) + "=" + m.group(2));
                }
            }
            assertThat(new ArrayList<>(logged)).isEqualTo(c.keys());
        } else if (c.errorLine() > 0 && !c.stunnelAccepts()) {
            assertThat(stunnel.log()).as("stunnel refuses the same line")
                    .anyMatch(l -> l.contains("PSKsecrets line " + c.errorLine() + ":"));
        }
    }

    /** Odd but valid formats: our client and stunnel derive the same key bytes from the same line. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"upper", "crlf", "cr-inside", "trailing-space", "odd-digits", "colons", "nul"})
    void oddKeyFormatsHandshakeWithStunnel(String kind) throws Exception {
        String hex = TestKeys.hexOf(PskKeyGenerator.generate("volsync"));
        String key = switch (kind) {
            case "upper" -> hex.toUpperCase();
            case "crlf" -> hex + "\r";
            case "cr-inside" -> hex.substring(0, 7) + "\r" + hex.substring(7);
            case "trailing-space" -> hex + " ";
            case "odd-digits" -> hex.substring(1);
            case "colons" -> String.join(":", hex.substring(0, 64).split("(?<=\\G..)"));
            case "nul" -> hex.substring(0, 40) + "\0" + hex.substring(40);
            default -> throw new IllegalArgumentException(kind);
        };
        Path keys = write(("volsync:" + key + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        int accept = Stunnel.freePort();
        PskSettings settings = PskSettings.defaults().withMeterRegistry(new SimpleMeterRegistry());
        try (PlainDigest.Server backend = new PlainDigest.Server();
             Stunnel stunnel = Stunnel.start(dir, PskStunnelInteropTest.destinationConfig(accept, backend.port(), keys));
             PskClient client = new PskClient(PskKeyFile.parse(keys).first(), settings)) {
            DigestSenderHandler sender = new DigestSenderHandler(4096, 9);
            PskClient.Connection connection = client.connect(new InetSocketAddress("127.0.0.1", accept),
                    c -> c.pipeline().addLast(sender));
            assertThat(connection.handshake().get(10, TimeUnit.SECONDS)).isEqualTo("volsync");
            DigestSenderHandler.Result r = sender.result.get(20, TimeUnit.SECONDS);
            assertThat(r.echoed()).isEqualTo(r.sent());
        }
    }
}
