package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.delta.LiteralCompression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The order of the destination's renames into real names and its syncs, recorded through the
 * {@link DiskSync} seam while the real calls run. What must hold after a power loss at any point
 * ("every file is its old or its new content") reduces to two orderings that are checked here:
 * (1) nothing is renamed into a real name (files, hardlinks, staged directories) before its data
 * is durable: a syncfs before it, or an fsync of that very inode; (2) after the last rename, a
 * syncfs or an fsync of the directory of every renamed name, before COMMITTED. What this cannot
 * show: that the kernel and the disk honour fsync and syncfs; that needs power cuts on real
 * hardware.
 */
class DurabilityOrderTest {
    enum Mode { SYNCFS, SYNCFS_UNAVAILABLE, FSYNC }

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    private record Event(String kind, Path path, Object inode, Object parentInode) {
    }

    /** Records every call with the inode it concerns, then makes the real call. */
    private static final class RecordingDisk implements DiskSync {
        final List<Event> events = new ArrayList<>();
        private final boolean syncfsWorks;

        RecordingDisk(boolean syncfsWorks) {
            this.syncfsWorks = syncfsWorks;
        }

        @Override
        public synchronized boolean syncfs(Path root) {
            if (!syncfsWorks) {
                return false;
            }
            events.add(new Event("syncfs", root, null, null));
            return REAL.syncfs(root);
        }

        @Override
        public synchronized void fsync(Path p) throws IOException {
            events.add(new Event("fsync", p, inode(p), null));
            REAL.fsync(p);
        }

        @Override
        public synchronized void rename(Path from, Path to) throws IOException {
            events.add(new Event("rename", to, inode(from), inode(to.getParent())));
            REAL.rename(from, to);
        }

        synchronized List<Event> take() {
            List<Event> copy = List.copyOf(events);
            events.clear();
            return copy;
        }
    }

    private static boolean insideStaged(Path p) {
        for (Path a = p.getParent(); a != null && a.getFileName() != null; a = a.getParent()) {
            if (TempNames.isTemp(a.getFileName().toString())) {
                return true;
            }
        }
        return false;
    }

    private static Object inode(Path p) throws IOException {
        return Files.readAttributes(p, "unix:ino", LinkOption.NOFOLLOW_LINKS).get("ino");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void nothingGetsARealNameBeforeItsDataIsDurableAndCommitSyncsTheNames(Mode mode) throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(7);
        gen.build(src);
        RecordingDisk disk = new RecordingDisk(mode != Mode.SYNCFS_UNAVAILABLE);
        CommitSync commitSync = mode == Mode.FSYNC ? CommitSync.FSYNC : CommitSync.SYNCFS;
        try (Harness h = new Harness(List.of(DestinationJob.of(Harness.JOB, dst, null).withCommitSync(commitSync)),
                ch -> { }, Duration.ofSeconds(60), disk)) {
            SourceSettings s = h.settings(src).withCompression(LiteralCompression.NONE);
            assertThat(h.sync(s).result()).isEqualTo(SessionResult.OK);
            h.nextReport();
            Set<Object> durable = new HashSet<>(); // inodes made durable, kept across sessions
            checkOrder(disk.take(), mode, durable);

            // updates in existing directories (a delta, a small file, a new file), a new directory
            // with a large and a small file, a new hardlink
            gen.patch(src.resolve("a/large.bin"), 1_000_000, 100);
            gen.write(src.resolve("f1.bin"), 5);
            gen.write(src.resolve("a/b/new.bin"), 300_000);
            Files.createDirectories(src.resolve("fresh/inner"));
            gen.write(src.resolve("fresh/inner/big.bin"), 400_000);
            gen.write(src.resolve("fresh/small.bin"), 3000);
            Files.createLink(src.resolve("fresh/hl"), src.resolve("f6.bin"));
            SourceReport second = h.sync(s);
            assertThat(second.error()).isNull();
            h.nextReport();
            List<Event> events = disk.take();
            checkOrder(events, mode, durable);
            assertThat(events.stream().filter(e -> e.kind().equals("rename")).count())
                    .as("renames of the second session: %s", events).isGreaterThanOrEqualTo(mode == Mode.FSYNC ? 5 : 6);
            assertThat(Rsync.differences(src, dst)).isEmpty();
        }
    }

    /**
     * Renames inside a staged directory (an ancestor with a temporary name) are not into real
     * names: nothing sees them before the directory is published, and that rename is checked.
     */
    private static void checkOrder(List<Event> events, Mode mode, Set<Object> durable) {
        boolean synced = false;
        int lastRename = -1;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            switch (e.kind()) {
                case "syncfs" -> synced = true;
                case "fsync" -> durable.add(e.inode());
                default -> {
                    if (insideStaged(e.path())) {
                        continue;
                    }
                    assertThat(synced || durable.contains(e.inode()))
                            .as("rename into %s (event %d) before its data was durable; events: %s", e.path(), i, events)
                            .isTrue();
                    lastRename = i;
                }
            }
        }
        if (mode != Mode.SYNCFS_UNAVAILABLE) {
            assertThat(events).as("syncs in mode " + mode).anyMatch(e -> !e.kind().equals("rename"));
        }
        boolean syncfsAfter = false;
        Set<Object> dirsAfter = new HashSet<>();
        for (Event e : events.subList(lastRename + 1, events.size())) {
            syncfsAfter |= e.kind().equals("syncfs");
            if (e.kind().equals("fsync")) {
                dirsAfter.add(e.inode());
            }
        }
        if (synced) {
            events.stream().filter(e -> e.inode() != null).forEach(e -> durable.add(e.inode()));
        }
        if (mode == Mode.SYNCFS) {
            assertThat(syncfsAfter).as("a syncfs after the last rename; events: %s", events).isTrue();
            assertThat(events.stream().filter(e -> !insideStaged(e.path())).findFirst().orElseThrow().kind())
                    .as("the first call outside staged directories is the syncfs of the data").isEqualTo("syncfs");
        } else {
            for (Event e : events.subList(0, lastRename + 1)) {
                if (e.kind().equals("rename") && !insideStaged(e.path())) {
                    assertThat(dirsAfter).as("the directory of %s fsynced after the last rename", e.path())
                            .contains(e.parentInode());
                }
            }
        }
    }
}
