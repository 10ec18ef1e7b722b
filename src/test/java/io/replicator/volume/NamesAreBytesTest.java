package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that are not UTF-8 are replicated byte for byte, over the real TLS-PSK path. The tree is
 * made by bash with raw bytes ($'\xff'), never through a Java String, and judged by rsync and by a
 * raw listing from find (names, types, modes, sizes, link counts and symlink texts as bytes).
 */
class NamesAreBytesTest {
    /** Two invalid names in one directory, Latin-1, a valid UTF-8 twin, a truncated sequence, an
     *  encoded surrogate, an overlong NUL, a directory, a >128 KiB file (delta path), symlinks, a hardlink. */
    static final String TREE = String.join("\n",
            "set -e",
            "printf one > $'a\\xff'",
            "printf two > $'a\\xfe'",
            "printf latin > $'caf\\xe9'",
            "printf utf8 > 'café'",
            "printf cesu > $'s\\xed\\xa0\\x80'",
            "printf overlong > $'o\\xc0\\x80'",
            "mkdir $'d\\xff' $'d\\xff/sub\\xc3'",
            "printf inner > $'d\\xff/x\\xe9y'",
            "printf deeper > $'d\\xff/sub\\xc3/\\x80\\x81'",
            "head -c 300000 /dev/urandom > $'d\\xff/big\\xfe.bin'",
            "ln -s $'../x\\xffy' $'l\\xff'",
            "ln -s $'d\\xff/x\\xe9y' $'rel\\xfe'",
            "ln $'a\\xff' $'h\\xfe'");

    @TempDir
    Path tmp;

    @Test
    void namesThatAreNotUtf8AreReplicatedByteForByte() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        bash(src, TREE);
        byte[] listing = rawListing(src);
        assertThat(contains(listing, new byte[]{' ', 'a', (byte) 0xff, '\t'})).isTrue();
        try (Harness h = Harness.overTlsPsk(dst)) {
            SourceSettings s = h.settings(src);
            SourceReport first = h.sync(s);
            assertThat(first.error()).isNull();
            assertThat(first.result()).isEqualTo(SessionResult.OK);
            assertThat(first.entries()).isEqualTo(15); // the root and 14 entries: none skipped
            assertThat(first.filesSent()).isEqualTo(9);
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differences(src, dst)).isEmpty();
            assertThat(rawListing(dst)).isEqualTo(listing);

            // a second run sees the names as its own: nothing sent, nothing deleted
            SourceReport again = h.sync(s);
            assertThat(again.result()).isEqualTo(SessionResult.OK);
            assertThat(again.filesSent()).isZero();
            assertThat(again.filesDeleted()).isZero();
            h.nextReport();

            // one of the two invalid names goes, its twin stays; an edit of a raw-named file crosses as a delta
            bash(src, "rm $'a\\xfe' && printf 'x' | dd of=$'d\\xff/big\\xfe.bin' bs=1 seek=150000 conv=notrunc status=none");
            SourceReport third = h.sync(s);
            assertThat(third.error()).isNull();
            assertThat(third.result()).isEqualTo(SessionResult.OK);
            assertThat(third.filesDeleted()).isEqualTo(1);
            assertThat(third.filesSent()).isEqualTo(1);
            assertThat(third.matchedBytes()).isGreaterThan(200_000);
            h.nextReport();
            assertThat(Rsync.differences(src, dst)).isEmpty();
            assertThat(rawListing(dst)).isEqualTo(rawListing(src));
            assertThat(bash(dst, "ls -b")).contains("a\\377").doesNotContain("a\\376");
        }
    }

    @Test
    void aVersion1SourceCannotCarryThemAndFailsNamingTheFile() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        bash(src, "printf one > $'caf\\xe9'");
        bash(dst, "printf old > keep");
        byte[] before = rawListing(dst);
        try (Harness h = new Harness(dst); VolumeSource v1 = new VolumeSource(1)) {
            SourceReport r = v1.sync(h.settings(src), SyncProgress.NONE);
            assertThat(r.result()).isEqualTo(SessionResult.FAILED);
            assertThat(r.error()).contains("name \"caf\\xe9\" is not valid UTF-8, and protocol version 1 carries only "
                    + "UTF-8 names");
            h.awaitIdle();
            assertThat(rawListing(dst)).isEqualTo(before);
        }
    }

    static String bash(Path dir, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (p.waitFor() != 0) {
            throw new IOException("bash failed: " + out);
        }
        return out;
    }

    /** type, mode, size, link count, raw relative name and raw symlink text of every entry, sorted by bytes. */
    static byte[] rawListing(Path root) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c",
                "LC_ALL=C find . -mindepth 1 -printf '%y %m %s %n %P\\t%l\\0' | LC_ALL=C sort -z")
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("find failed in " + root);
        }
        return out;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
