package io.replicator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.replicator.delta.LiteralCompression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dry run and check over the real TLS-PSK path: the destination sends its plan (rsync -n -i's
 * lines) and nothing changes on either side, whatever the source sends afterwards.
 */
class VolumeDryRunTest {
    @TempDir
    Path tmp;

    /** A synced pair, then changes of every kind on the source (creates, updates, deletes, chmod, symlink). */
    private Path[] changedPair(Harness h) throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        new TreeGenerator(31).build(src);
        assertThat(h.sync(h.settings(src)).error()).isNull();
        h.nextReport();
        TreeGenerator gen = new TreeGenerator(32);
        gen.write(src.resolve("new.txt"), 1234);
        gen.write(src.resolve("f6.bin"), 70_000);
        Files.setAttribute(src.resolve("f7.bin"), "unix:mode", 0600);
        Files.createDirectories(src.resolve("newdir"));
        gen.write(src.resolve("newdir/inner"), 10);
        Files.delete(src.resolve("f0.bin"));
        Files.delete(src.resolve("a/b/c/d/deep.txt"));
        Files.delete(src.resolve("a/b/c/d"));
        Files.delete(src.resolve("a/b/c"));
        Files.delete(src.resolve("dangling"));
        Files.createSymbolicLink(src.resolve("dangling"), Path.of("elsewhere"));
        Files.write(RawNames.resolve(src, RawNames.decode(new byte[] {'b', 'a', 'd', (byte) 0xFF})), new byte[7]);
        // the changed directories' mtimes, whole seconds away from the copy's: rsync's -n itemizes a
        // directory time only when the seconds differ, so changes within the sync's second made the
        // comparison with rsync depend on the clock
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(src, old);
        Files.setLastModifiedTime(src.resolve("a/b"), old);
        return new Path[] {src, dst};
    }

    @Test
    void dryRunWritesNothingAndItemizesWhatRsyncWould() throws Exception {
        Path dst = tmp.resolve("dst");
        try (Harness h = Harness.overTlsPsk(dst)) {
            Path src = changedPair(h)[0];
            Map<String, String> srcBefore = TreeSnapshot.of(src);
            Map<String, String> dstBefore = TreeSnapshot.of(dst);
            String rsyncPlan = Rsync.itemize(src, dst);

            SourceReport r = h.sync(h.settings(src).withMode(SessionMode.DRY_RUN));
            assertThat(r.error()).isNull();
            assertThat(r.result()).isEqualTo(SessionResult.OK);
            SessionReport d = h.nextReport();
            assertThat(d.mode()).isEqualTo(SessionMode.DRY_RUN);
            assertThat(d.result()).isEqualTo(SessionResult.OK);
            assertThat(d.filesWritten()).isZero();
            assertThat(d.filesDeleted()).isZero();
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(dstBefore);
            assertThat(TreeSnapshot.of(src)).isEqualTo(srcBefore);

            VolumePlan plan = r.plan();
            assertThat(plan.lines()).contains(">f+++++++++ new.txt", "cd+++++++++ newdir/", ">f+++++++++ newdir/inner",
                    "*deleting   f0.bin", "*deleting   a/b/c/d/deep.txt", "*deleting   a/b/c/d/", "*deleting   a/b/c/",
                    ".f...p..... f7.bin", "cLc.t...... dangling -> elsewhere", ">f+++++++++ bad\\#377");
            assertThat(plan.lines()).anyMatch(l -> l.startsWith(">f.st") && l.endsWith(" f6.bin"));
            assertThat(plan.creates()).isEqualTo(4); // new.txt, newdir/, newdir/inner, bad\#377; dangling is an update
            assertThat(plan.deletes()).isEqualTo(4);
            assertThat(plan.updates()).isEqualTo(2);
            assertThat(plan.metadata()).isEqualTo(3); // f7.bin's mode, the mtimes of ./ and a/b/
            assertThat(plan.dataBytes()).isEqualTo(1234 + 70_000 + 10 + 7);
            // the same paths rsync -aHn -i --delete itemizes for the same trees
            assertThat(paths(plan.lines())).isEqualTo(paths(Arrays.asList(rsyncPlan.split("\n"))));

            // and the real sync then does exactly that
            assertThat(h.sync(h.settings(src)).error()).isNull();
            assertThat(Rsync.differences(src, dst)).isEmpty();
        }
    }

    private static Set<String> paths(List<String> itemized) {
        return itemized.stream().filter(l -> l.length() > 12)
                .map(l -> l.substring(12).replaceAll(" (->|=>) .*$", "").replaceAll("/$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void checkFindsDifferencesByQuickCheckOrChecksumAndNoneAfterASync() throws Exception {
        Path dst = tmp.resolve("dst");
        try (Harness h = Harness.overTlsPsk(dst)) {
            Path src = changedPair(h)[0];
            Map<String, String> dstBefore = TreeSnapshot.of(dst);
            SourceReport differs = h.sync(h.settings(src).withMode(SessionMode.CHECK));
            assertThat(differs.result()).isEqualTo(SessionResult.OK);
            assertThat(differs.plan().differences()).isEqualTo(13);
            assertThat(h.nextReport().mode()).isEqualTo(SessionMode.CHECK);
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(dstBefore);

            assertThat(h.sync(h.settings(src)).error()).isNull();
            h.nextReport();
            assertThat(h.sync(h.settings(src).withMode(SessionMode.CHECK)).plan().differences()).isZero();
            h.nextReport();

            // same size and mtime, other bytes: the quick check cannot see it, checksum mode does
            Path f = src.resolve("f4.bin");
            FileTime mtime = Files.getLastModifiedTime(f);
            byte[] b = Files.readAllBytes(f);
            b[0] ^= 1;
            Files.write(f, b);
            Files.setLastModifiedTime(f, mtime);
            assertThat(h.sync(h.settings(src).withMode(SessionMode.CHECK)).plan().differences()).isZero();
            h.nextReport();
            SourceReport full = h.sync(h.settings(src).withMode(SessionMode.CHECK).withChecksum(ChecksumMode.FULL));
            assertThat(full.plan().lines()).containsExactly(">fc........ f4.bin");
            assertThat(full.plan().differences()).isEqualTo(1);
        }
    }

    @Test
    void aSourceThatListsNothingNeverEmptiesTheDestinationUnlessAllowed() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        new TreeGenerator(41).build(src);
        try (Harness h = Harness.overTlsPsk(dst)) {
            assertThat(h.sync(h.settings(src)).error()).isNull();
            h.nextReport();
            try (var all = Files.list(src)) {
                for (Path p : all.toList()) {
                    if (!p.getFileName().toString().equals("lost+found")) {
                        TreeDeleter.delete(p);
                    }
                }
            }
            Map<String, String> before = TreeSnapshot.of(dst);
            SourceReport refused = h.sync(h.settings(src));
            assertThat(refused.result()).isEqualTo(SessionResult.REFUSED);
            assertThat(refused.error()).contains("the source listed no entries")
                    .contains("replicator.volume-source.<job>.allow-empty-source=true");
            assertThat(h.nextReport().result()).isEqualTo(SessionResult.REFUSED);
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);

            SourceReport allowed = h.sync(h.settings(src).withDeleteLimits(new VolumeDeleteLimits(null, null, VolumeDeleteLimits.EmptySource.ALLOW)));
            assertThat(allowed.error()).isNull();
            assertThat(Rsync.differences(src, dst)).isEmpty();
        }
    }

    @Test
    void maxDeleteIsEnforcedByTheDestinationBeforeAnyChangeAndTheStricterLimitWins() throws Exception {
        Path src = tmp.resolve("src");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(51);
        Files.createDirectories(src);
        for (int i = 0; i < 20; i++) {
            gen.write(src.resolve("f" + i), 100);
        }
        DestinationJob job = DestinationJob.of(Harness.JOB, dst, Harness.PSK_IDENTITY)
                .withDeleteLimits(new VolumeDeleteLimits(null, 20.0, VolumeDeleteLimits.EmptySource.REFUSE));
        try (Harness h = Harness.overTlsPsk(job)) {
            assertThat(h.sync(h.settings(src)).error()).isNull();
            h.nextReport();
            for (int i = 0; i < 5; i++) {
                Files.delete(src.resolve("f" + i));
            }
            gen.write(src.resolve("f19"), 200); // a change that must not be written either
            Map<String, String> before = TreeSnapshot.of(dst);

            SourceReport bySource = h.sync(h.settings(src).withDeleteLimits(new VolumeDeleteLimits(3L, null, VolumeDeleteLimits.EmptySource.REFUSE)));
            assertThat(bySource.result()).isEqualTo(SessionResult.REFUSED);
            assertThat(bySource.error()).contains("5 deletes exceed max-delete count 3")
                    .contains("replicator.volume-source.<job>.max-delete");
            h.nextReport();
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);

            SourceReport byDestination = h.sync(h.settings(src).withDeleteLimits(new VolumeDeleteLimits(10L, null, VolumeDeleteLimits.EmptySource.REFUSE)));
            assertThat(byDestination.result()).isEqualTo(SessionResult.REFUSED);
            assertThat(byDestination.error()).contains("5 deletes are 25.0% of the destination's 20 entries")
                    .contains("above max-delete 20% (replicator.volume-destination.vol.max-delete)");
            h.nextReport();
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);

            SourceReport byPercent = h.sync(h.settings(src).withDeleteLimits(new VolumeDeleteLimits(10L, 12.5, VolumeDeleteLimits.EmptySource.REFUSE)));
            assertThat(byPercent.result()).isEqualTo(SessionResult.REFUSED);
            assertThat(byPercent.error()).contains("5 deletes are 25.0% of the destination's 20 entries")
                    .contains("above max-delete 12.5% (replicator.volume-source.<job>.max-delete)");
            h.nextReport();
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);

            // a dry run says the sync would be refused, and still writes nothing
            SourceReport plan = h.sync(h.settings(src).withMode(SessionMode.DRY_RUN));
            assertThat(plan.plan().refusal()).contains("above max-delete 20%");
            h.nextReport();
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);
        }
    }

    @Test
    void aDryRunSessionCannotWriteEvenIfTheSourceMisbehaves() throws Exception {
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        new TreeGenerator(61).write(dst.resolve("keep"), 100);
        Map<String, String> before = TreeSnapshot.of(dst);
        try (Harness h = new Harness(dst); RawClient c = new RawClient(h.server.port())) {
            c.send(new Hello(Wire.VERSION, Harness.JOB, LiteralCompression.NONE, ChecksumMode.QUICK, 1, XattrMode.OFF,
                    List.of(), SessionMode.DRY_RUN, VolumeDeleteLimits.NONE).encode(ByteBufAllocator.DEFAULT));
            assertThat(c.read().type()).isEqualTo(FrameType.WELCOME);
            c.list(List.of(RawClient.dir("."), RawClient.file("new", 3)));
            List<FrameType> got = new java.util.ArrayList<>();
            Frame f;
            do {
                f = c.read();
                got.add(f.type());
            } while (f.type() != FrameType.PLAN_END);
            assertThat(got).containsExactly(FrameType.PLAN, FrameType.PLAN_END);
            // now it acts as if the destination had asked for data, and commits
            c.send(SkippedException.encode(ByteBufAllocator.DEFAULT, 1, "x"));
            c.send(Wire.empty(ByteBufAllocator.DEFAULT, FrameType.COMMIT));
            assertThat(c.refusal()).contains("unexpected FILE_SKIPPED after PLAN_END of a dry-run session");
            assertThat(c.closedByServer()).isTrue();
            h.nextReport();
            h.awaitIdle();
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);
        }
    }

    @Test
    void thePlanNeverLooksThroughASymlinkInTheDestination() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/a/b"));
        Files.writeString(src.resolve("f"), "data");
        Path outside = Files.createDirectories(tmp.resolve("outside/b"));
        Files.writeString(outside.resolve("secret"), "not yours");
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        Files.createSymbolicLink(dst.resolve("a"), tmp.resolve("outside"));
        try (Harness h = Harness.overTlsPsk(dst)) {
            Path srcRoot = tmp.resolve("src");
            SourceReport r = h.sync(h.settings(srcRoot).withMode(SessionMode.DRY_RUN)
                    .withDeleteLimits(new VolumeDeleteLimits(0L, null, VolumeDeleteLimits.EmptySource.REFUSE)));
            assertThat(r.plan().lines()).contains("cd+++++++++ a/", "cd+++++++++ a/b/", ">f+++++++++ a/b/f")
                    .noneMatch(l -> l.contains("secret"));
            assertThat(r.plan().deletes()).isZero();
            assertThat(r.plan().refusal()).isNull();
            h.nextReport();
            assertThat(h.sync(h.settings(srcRoot)).error()).isNull();
            assertThat(Rsync.differences(srcRoot, dst)).isEmpty();
            assertThat(outside.resolve("secret")).hasContent("not yours");
        }
    }

    @Test
    void aVersionOneSourceGetsTheDestinationsGuardsAndCannotAskForADryRun() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dst = Files.createDirectories(tmp.resolve("dst"));
        TreeGenerator gen = new TreeGenerator(91);
        for (int i = 0; i < 10; i++) {
            gen.write(src.resolve("f" + i), 100);
        }
        DestinationJob job = DestinationJob.of(Harness.JOB, dst, Harness.PSK_IDENTITY)
                .withDeleteLimits(new VolumeDeleteLimits(1L, null, VolumeDeleteLimits.EmptySource.REFUSE));
        try (Harness h = Harness.overTlsPsk(job); VolumeSource v1 = new VolumeSource(1)) {
            assertThat(v1.sync(h.settings(src), SyncProgress.NONE).error()).isNull();
            h.nextReport();
            Files.delete(src.resolve("f0"));
            Files.delete(src.resolve("f1"));
            Map<String, String> before = TreeSnapshot.of(dst);
            SourceReport overLimit = v1.sync(h.settings(src), SyncProgress.NONE);
            assertThat(overLimit.result()).isEqualTo(SessionResult.REFUSED);
            assertThat(overLimit.error()).contains("2 deletes exceed max-delete count 1 (replicator.volume-destination.vol.max-delete");
            h.nextReport();
            h.awaitIdle();
            for (int i = 2; i < 10; i++) {
                Files.delete(src.resolve("f" + i));
            }
            SourceReport empty = v1.sync(h.settings(src), SyncProgress.NONE);
            assertThat(empty.error()).contains("the source listed no entries");
            h.nextReport();
            h.awaitIdle();
            SourceReport dryRun = v1.sync(h.settings(src).withMode(SessionMode.DRY_RUN), SyncProgress.NONE);
            assertThat(dryRun.result()).isEqualTo(SessionResult.FAILED);
            assertThat(dryRun.error()).contains("dry-run and delete limits need protocol version 2");
            assertThat(TreeSnapshot.of(dst)).isEqualTo(before);
        }
    }
}
