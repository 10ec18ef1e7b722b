package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lstat read from the JDK's attributes object says exactly what the "unix:" attribute map says,
 * for every kind of entry and for times the long nanoseconds cannot hold; and the torn-file check
 * built on it sees each of the changes it watches.
 */
class StatReaderTest {
    @TempDir
    Path tmp;

    @Test
    void theTestJvmReadsTheFieldsDirectlyAsTheJarDoes() {
        // surefire's argLine opens sun.nio.fs as the jar's manifest does: the fast path is under test
        assertThat(StatReader.direct()).isTrue();
    }

    @Test
    void everyKindOfEntryReadsAsTheAttributeMapSays() throws Exception {
        Path file = Files.write(tmp.resolve("file"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(1_700_000_000L, 123_456_789)));
        Files.setAttribute(file, "unix:mode", 04751);
        Path early = Files.write(tmp.resolve("before-1970"), new byte[0]);
        Files.setLastModifiedTime(early, FileTime.from(Instant.ofEpochSecond(-86_400L * 400, 5)));
        Path late = Files.write(tmp.resolve("year-2400"), new byte[0]);
        Files.setLastModifiedTime(late, FileTime.from(Instant.parse("2400-01-01T00:00:00.000000001Z")));
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), Path.of("dir"));
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), Path.of("nowhere"));
        Path hard = Files.createLink(tmp.resolve("hard"), file);

        for (Path p : new Path[] {file, early, late, dir, link, dangling, hard, tmp}) {
            assertThat(StatReader.lstat(p)).as(p.toString()).isEqualTo(StatReader.fromMap(p));
        }
        Stat f = Stat.of(file);
        assertThat(f.kind()).isEqualTo(Stat.Kind.FILE);
        assertThat(f.permissions()).isEqualTo(04751);
        assertThat(f.size()).isEqualTo(3);
        assertThat(f.nlink()).isEqualTo(2);
        assertThat(f.mtimeNanos()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(f.sameInode(Stat.of(hard))).isTrue();
        assertThat(Stat.of(link).kind()).isEqualTo(Stat.Kind.SYMLINK); // not followed
        assertThat(Stat.of(dangling).kind()).isEqualTo(Stat.Kind.SYMLINK);
        assertThat(Stat.of(dir).kind()).isEqualTo(Stat.Kind.DIR);
        assertThat(Stat.of(late).mtimeNanos()).isEqualTo(Long.MAX_VALUE); // saturated, as FileTime.to does
        assertThat(Stat.orNull(tmp.resolve("absent"))).isNull();
        assertThat(Stat.kind(null)).isEqualTo(Stat.Kind.ABSENT);
    }

    @Test
    void secondsAndNanosConvertAsFileTimeDoes() {
        long[][] cases = {{0, 0}, {1, 999_999_999}, {-1, 1}, {-86_400L * 400, 5}, {9_223_372_036L, 854_775_807},
                {9_223_372_036L, 854_775_808}, {1_000_000_000_000_000L, 0}, {-9_223_372_037L, 0}, {-1_000_000_000_000_000L, 7}};
        for (long[] c : cases) {
            long expected = FileTime.from(Instant.ofEpochSecond(c[0], c[1])).to(TimeUnit.NANOSECONDS);
            assertThat(StatReader.nanos(c[0], c[1])).as(c[0] + "s " + c[1] + "ns").isEqualTo(expected);
        }
    }

    @Test
    void theTornFileCheckSeesASameSizeWriteThatRestoresTheMtime() throws Exception {
        Path f = Files.write(tmp.resolve("f"), new byte[] {1, 2, 3});
        FileTime mtime = FileTime.from(Instant.ofEpochSecond(1_600_000_000L, 42));
        Files.setLastModifiedTime(f, mtime);
        long ctime = Stat.of(f).ctimeNanos();
        ReadStability stable = ReadStability.before(f);
        Files.write(f, new byte[] {4, 5, 6});
        restoreMtimeInALaterTick(f, mtime, ctime);
        assertThatThrownBy(() -> stable.checkAfter(f, "f"))
                .isInstanceOf(ReadStability.ChangedWhileReadException.class).hasMessageContaining("f changed while being read (ctime");
    }

    @Test
    void theTornFileCheckSeesAFileReplacedByRenameAndARemovedOne() throws Exception {
        Path f = Files.write(tmp.resolve("f"), new byte[] {1, 2, 3});
        FileTime mtime = FileTime.from(Instant.ofEpochSecond(1_600_000_000L));
        Files.setLastModifiedTime(f, mtime);
        ReadStability stable = ReadStability.before(f);
        Path other = Files.write(tmp.resolve("other"), new byte[] {7, 8, 9});
        Files.setLastModifiedTime(other, mtime);
        Files.move(other, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThatThrownBy(() -> stable.checkAfter(f, "f")).hasMessageContaining("f changed while being read (");

        ReadStability again = ReadStability.before(f);
        again.checkAfter(f, "f"); // unchanged: no exception
        Files.delete(f);
        assertThatThrownBy(() -> again.checkAfter(f, "f")).hasMessage("f was removed or renamed while being read");
    }

    /**
     * Sets the mtime back until the ctime has left the first lstat's clock tick (the kernel's coarse
     * clock, a few ms): within one tick no lstat can see the write, as ReadStability says.
     */
    private static void restoreMtimeInALaterTick(Path f, FileTime mtime, long ctimeBefore) throws IOException {
        do {
            Files.setLastModifiedTime(f, mtime);
        } while (Stat.of(f).ctimeNanos() == ctimeBefore);
        assertThat(Stat.of(f).mtimeNanos()).isEqualTo(mtime.to(TimeUnit.NANOSECONDS));
    }
}
