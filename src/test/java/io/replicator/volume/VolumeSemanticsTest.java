package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type changes, full-checksum mode and excludes, each checked against the tree itself and rsync. */
class VolumeSemanticsTest {
    @TempDir
    Path tmp;

    @Test
    void pathsThatChangeTypeAreReplacedWithoutFollowingSymlinks() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "keep me");
        TreeGenerator gen = new TreeGenerator(11);
        Files.createDirectories(src.resolve("x/inner"));
        gen.write(src.resolve("x/inner/f"), 100);
        gen.write(src.resolve("y"), 100);
        Files.createDirectories(src.resolve("z"));
        gen.write(src.resolve("z/f"), 100);
        Files.createSymbolicLink(src.resolve("w"), outside);
        try (Harness h = new Harness(dst)) {
            assertThat(h.sync(h.settings(src)).result()).isEqualTo(SessionResult.OK);
            Map<String, String> outsideBefore = TreeSnapshot.of(outside);

            VolumeRoundTripTest.deleteTree(src.resolve("x"));
            gen.write(src.resolve("x"), 2000);                       // dir -> file
            Files.delete(src.resolve("y"));
            Files.createDirectories(src.resolve("y"));                // file -> dir
            gen.write(src.resolve("y/child"), 300);
            VolumeRoundTripTest.deleteTree(src.resolve("z"));
            Files.createSymbolicLink(src.resolve("z"), Path.of("x"));  // dir -> symlink
            Files.delete(src.resolve("w"));
            Files.createDirectories(src.resolve("w"));                // symlink -> dir (the link's target is outside)
            gen.write(src.resolve("w/precious"), 50);

            SourceReport r = h.sync(h.settings(src));
            assertThat(r.error()).isNull();
            assertThat(Rsync.differences(src, dst)).isEmpty();
            assertThat(Files.isSymbolicLink(dst.resolve("w"))).isFalse();
            assertThat(TreeSnapshot.of(outside)).isEqualTo(outsideBefore);
        }
    }

    @Test
    void fullChecksumModeFindsChangesTheQuickCheckCannotSee() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(12);
        Path f = src.resolve("same-size.bin");
        gen.write(f, 50_000);
        gen.write(src.resolve("other.bin"), 10_000);
        try (Harness h = new Harness(dst)) {
            assertThat(h.sync(h.settings(src)).result()).isEqualTo(SessionResult.OK);
            FileTime mtime = Files.getLastModifiedTime(f);
            gen.patch(f, 20_000, 10);
            Files.setLastModifiedTime(f, mtime); // same size, same mtime: invisible to the quick check

            SourceReport quick = h.sync(h.settings(src));
            assertThat(quick.result()).isEqualTo(SessionResult.OK);
            assertThat(quick.filesSent()).isZero();
            assertThat(Rsync.differences(src, dst)).contains("same-size.bin");

            SourceReport full = h.sync(h.settings(src).withChecksum(ChecksumMode.FULL));
            assertThat(full.result()).isEqualTo(SessionResult.OK);
            assertThat(full.filesSent()).isEqualTo(1);
            assertThat(full.matchedBytes()).isGreaterThan(40_000);
            assertThat(Rsync.differences(src, dst)).isEmpty();
        }
    }

    @Test
    void excludedPathsAreNeitherSentNorDeleted() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(13);
        gen.write(src.resolve("keep.txt"), 100);
        gen.write(src.resolve("scratch.tmp"), 100);
        Files.createDirectories(src.resolve("sub/cache"));
        gen.write(src.resolve("sub/cache/kept"), 100);  // "/cache" is anchored at the root: this one stays
        Files.createDirectories(src.resolve("cache"));
        gen.write(src.resolve("cache/skipped"), 100);
        Files.createDirectories(dst.resolve("lost+found"));
        gen.write(dst.resolve("lost+found/#1234"), 10);
        gen.write(dst.resolve("old.tmp"), 10);           // excluded: protected from deletion
        gen.write(dst.resolve("stale.txt"), 10);         // not in the source: deleted
        try (Harness h = new Harness(dst)) {
            SourceReport r = h.sync(h.settings(src).withExcludes(List.of("*.tmp", "/cache")));
            assertThat(r.error()).isNull();
            assertThat(r.filesDeleted()).isEqualTo(1);
            assertThat(dst.resolve("keep.txt")).exists();
            assertThat(dst.resolve("sub/cache/kept")).exists();
            assertThat(dst.resolve("scratch.tmp")).doesNotExist();
            assertThat(dst.resolve("cache")).doesNotExist();
            assertThat(dst.resolve("old.tmp")).exists();
            assertThat(dst.resolve("lost+found/#1234")).exists();
            assertThat(dst.resolve("stale.txt")).doesNotExist();
            assertThat(Files.isDirectory(dst.resolve("sub"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        }
    }

    @Test
    void unreachableDestinationIsAClearFailure() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there any more
        }
        try (VolumeSource source = new VolumeSource()) {
            SourceReport r = source.sync(SourceSettings.of("vol", src, "127.0.0.1", port), SyncProgress.NONE);
            assertThat(r.result()).isEqualTo(SessionResult.FAILED);
            assertThat(r.error()).contains("cannot connect to 127.0.0.1:" + port + " for job \"vol\"");
        }
    }

    @Test
    void bandwidthLimitedSyncCompletes() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(14);
        for (int i = 0; i < 20; i++) {
            gen.write(src.resolve("f" + i), 100_000);
        }
        try (Harness h = new Harness(dst)) {
            SourceReport r = h.sync(h.settings(src).withBandwidthLimit(100L << 20));
            assertThat(r.error()).isNull();
            assertThat(r.filesSent()).isEqualTo(20);
            assertThat(Rsync.differences(src, dst)).isEmpty();
        }
    }

    @Test
    void userXattrsAreReplicatedWhenAsked() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(15);
        gen.write(src.resolve("small"), 1000);
        gen.write(src.resolve("large"), 500_000);
        Files.createDirectories(src.resolve("dir"));
        gen.write(src.resolve("dir/plain"), 10);
        setXattr(src.resolve("small"), "color", "blue");
        setXattr(src.resolve("large"), "checksum.kind", "none");
        setXattr(src.resolve("dir"), "owner-team", "sre");
        try (Harness h = new Harness(dst)) {
            SourceReport off = h.sync(h.settings(src));
            assertThat(off.result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differencesWithXattrs(src, dst)).contains("small").contains("large");

            SourceReport on = h.sync(h.settings(src).withXattrs(XattrMode.USER));
            assertThat(on.result()).isEqualTo(SessionResult.OK);
            assertThat(Rsync.differencesWithXattrs(src, dst)).isEmpty();

            // changed and removed attributes on unchanged files are applied too
            setXattr(src.resolve("small"), "color", "green");
            java.nio.file.Files.getFileAttributeView(src.resolve("dir"),
                    java.nio.file.attribute.UserDefinedFileAttributeView.class).delete("owner-team");
            assertThat(h.sync(h.settings(src).withXattrs(XattrMode.USER)).filesSent()).isZero();
            assertThat(Rsync.differencesWithXattrs(src, dst)).isEmpty();
        }
    }

    private static void setXattr(Path p, String name, String value) throws java.io.IOException {
        java.nio.file.Files.getFileAttributeView(p, java.nio.file.attribute.UserDefinedFileAttributeView.class)
                .write(name, java.nio.ByteBuffer.wrap(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
