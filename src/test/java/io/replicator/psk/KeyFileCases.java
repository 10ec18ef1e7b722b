package io.replicator.psk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Key-file inputs with the outcome stunnel 5.68 gives them (checked against the binary by
 * PskKeyFileStunnelAgreementTest). {@code keys} lists "identity=length" in file order; an error
 * names its line and a fragment of our message.
 */
final class KeyFileCases {
    static final String HEX32 = "5d44ef3e0944bb67dd004cd1b5d5270351df80d13fe32cbe3ed255cf52e0ab12";

    record Case(String name, byte[] content, List<String> keys, int errorLine, String error, boolean stunnelAccepts) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case ok(String name, String content, String... keys) {
        return new Case(name, content.getBytes(StandardCharsets.UTF_8), List.of(keys), 0, null, true);
    }

    private static Case error(String name, String content, int line, String error) {
        return new Case(name, content.getBytes(StandardCharsets.UTF_8), List.of(), line, error, false);
    }

    /** Refused by us, accepted by stunnel: the documented deviations. */
    private static Case stricter(String name, String content, int line, String error) {
        return new Case(name, content.getBytes(StandardCharsets.UTF_8), List.of(), line, error, true);
    }

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        c.add(ok("64-byte hex (generated format)", "volsync:" + HEX32 + HEX32 + "\n", "volsync=64"));
        c.add(ok("upper-case hex", "id:" + HEX32.toUpperCase() + "\n", "id=32"));
        c.add(ok("CRLF line end", "id:" + HEX32 + "\r\n", "id=32"));
        c.add(ok("CR inside the key is dropped", "id:" + HEX32.substring(0, 10) + "\r" + HEX32.substring(10) + "\n", "id=32"));
        c.add(ok("trailing space: raw text key", "id:" + HEX32 + " \n", "id=65"));
        c.add(ok("trailing tab: raw text key", "id:" + HEX32 + "\t\n", "id=65"));
        c.add(ok("odd digit count: raw text key", "id:" + HEX32.substring(1) + "\n", "id=63"));
        c.add(ok("non-hex character: raw text key", "id:" + HEX32.substring(1) + "g\n", "id=64"));
        c.add(ok("0x prefix: raw text key", "id:0x" + HEX32 + "\n", "id=66"));
        c.add(ok("colon-separated hex bytes", "id:5d:44:ef:3e:09:44:bb:67:dd:00:4c:d1:b5:d5:27:03\n", "id=16"));
        c.add(ok("leading colon skipped", "id::" + HEX32 + "\n", "id=32"));
        c.add(ok("colon inside a byte: raw text key", "id:a:" + HEX32.substring(1) + "\n", "id=65"));
        c.add(ok("16 ASCII characters: raw text key", "id:0123456789abcdeZ\n", "id=16"));
        c.add(ok("512-byte key", "id:" + "ab".repeat(512) + "\n", "id=512"));
        c.add(ok("255-character identity", "i".repeat(255) + ":" + HEX32 + "\n", "i".repeat(255) + "=32"));
        c.add(ok("empty lines skipped", "\n\r\nid:" + HEX32 + "\n\n", "id=32"));
        c.add(ok("no newline at the end", "id:" + HEX32, "id=32"));
        c.add(ok("'#' is part of the identity", "#id:" + HEX32 + "\n", "#id=32"));
        c.add(ok("spaces are part of the identity", " id :" + HEX32 + "\n", " id =32"));
        c.add(ok("NUL ends the line", "id:" + HEX32.substring(0, 32) + "\0" + HEX32.substring(32) + "\n", "id=16"));
        c.add(ok("several identities in file order", "new:" + HEX32 + "\nold:" + HEX32.substring(0, 40) + "\n",
                "new=32", "old=20"));
        c.add(ok("same identity twice with the same key", "id:" + HEX32 + "\nid:" + HEX32.toUpperCase() + "\n", "id=32"));
        c.add(error("blank line with spaces", "   \nid:" + HEX32 + "\n", 1, "not in identity:key format"));
        c.add(error("comment line", "# keys\nid:" + HEX32 + "\n", 1, "not in identity:key format"));
        c.add(error("no colon", "id:" + HEX32 + "\nvolsync\n", 2, "not in identity:key format"));
        c.add(error("15-byte key", "id:" + HEX32.substring(0, 30) + "\n", 1, "shorter than 16"));
        c.add(error("empty key", "id:\n", 1, "shorter than 16"));
        c.add(error("513-byte key", "id:" + "ab".repeat(513) + "\n", 1, "longer than 512"));
        c.add(error("256-character identity", "i".repeat(256) + ":" + HEX32 + "\n", 1, "identity longer than 255"));
        c.add(error("line longer than stunnel's buffer", "id:" + "a".repeat(20000) + "\n", 1, "longer than 16383"));
        c.add(error("empty file", "", 0, "no identity:key line"));
        c.add(stricter("empty identity", ":" + HEX32 + "\n", 1, "empty identity"));
        c.add(stricter("same identity with two keys", "id:" + HEX32 + "\nid:" + HEX32.substring(2) + "00\n", 2,
                "already has a different key on line 1"));
        return c;
    }
}
