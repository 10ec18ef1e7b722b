package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local remotes without any S3 server: listing order, key safety, local -> local sync, delete spill. */
class LocalStoreTest {
    @TempDir
    Path dir;

    @Test
    void localListingIsInS3KeyOrder() throws Exception {
        String[] parts = {"a", "a-b", "a.b", "b", "é", "z😀", "z\uFFFD", "A", "0", "a b"};
        Random rnd = new Random(42);
        TreeSet<String> keys = new TreeSet<>(KeyOrder.UTF8_BINARY);
        Path bucket = Files.createDirectories(dir.resolve("bkt"));
        for (int i = 0; i < 200; i++) {
            int depth = 1 + rnd.nextInt(3);
            StringBuilder k = new StringBuilder();
            for (int d = 0; d < depth; d++) {
                k.append(d == 0 ? "" : "/").append(parts[rnd.nextInt(parts.length)]).append(d < depth - 1 ? "d" : "");
            }
            Path p = bucket.resolve(k.toString());
            if (!Files.isDirectory(p) && keys.stream().noneMatch(x -> x.startsWith(k + "/"))) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, "x");
                keys.add(k.toString());
            }
        }
        List<String> listed = new ArrayList<>();
        new LocalStore(new BucketRef(new LocalRemote("l", dir), "bkt")).list(KeyOrder.UTF8_BINARY)
                .forEachRemaining(e -> listed.add(e.key()));
        assertThat(listed).containsExactlyElementsOf(keys);
    }

    @Test
    void keysThatAreNotPlainRelativePathsAreRefused() {
        LocalStore store = new LocalStore(new BucketRef(new LocalRemote("vol", dir), "bkt"));
        for (String bad : List.of("../evil", "a/../../evil", "a//b", "./x", "nul\0byte")) {
            ObjectEntry e = new ObjectEntry(bad, 1, null, Instant.EPOCH);
            assertThatThrownBy(() -> store.write(e, new ByteArrayInputStream(new byte[1]), ObjectMeta.NONE))
                    .hasMessageContaining("cannot be stored in local remote 'vol'");
        }
        assertThat(dir.resolve("evil")).doesNotExist();
        assertThatThrownBy(() -> new LocalStore(new BucketRef(new LocalRemote("vol", dir), ".replicator-meta")))
                .hasMessageContaining("must not start with '.'");
    }

    @Test
    void localToLocalComparesSizeAndModificationTime() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/data/sub"));
        Files.writeString(src.resolve("f.txt"), "one");
        Files.writeString(dir.resolve("src/data/g.txt"), "two");
        BucketJob job = new BucketJob("l2l", new BucketRef(new LocalRemote("a", dir.resolve("src")), "data"),
                new BucketRef(new LocalRemote("b", dir.resolve("dst")), "copy"));
        SyncOptions o = SyncOptions.defaults().withDestinationBucket(SyncOptions.BucketCreation.CREATE);

        assertThat(BucketSync.run(job, o).copied().objects()).isEqualTo(2);
        SyncReport again = BucketSync.run(job, o);
        assertThat(again.skipped().objects()).isEqualTo(2);
        assertThat(again.requests()).isEmpty();

        Files.writeString(src.resolve("f.txt"), "ONE");
        Files.setLastModifiedTime(src.resolve("f.txt"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        Files.delete(dir.resolve("src/data/g.txt"));
        SyncReport changed = BucketSync.run(job, o);
        assertThat(changed.updated().objects()).isEqualTo(1);
        assertThat(changed.deleted().objects()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("dst/copy/sub/f.txt"))).isEqualTo("ONE");
        assertThat(dir.resolve("dst/copy/g.txt")).doesNotExist();
    }

    @Test
    void deleteQueueSpillsBeyondMemoryAndKeepsOrder() throws Exception {
        int n = DeleteQueue.IN_MEMORY + 2_345;
        List<String> seen = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        try (DeleteQueue q = DeleteQueue.storing()) {
            for (int i = 0; i < n; i++) {
                q.add("key-" + i + (i % 7 == 0 ? "\nwith newline 😀" : ""), i);
            }
            q.forEachBatch(1000, batch -> {
                batchSizes.add(batch.size());
                batch.forEach(item -> seen.add(item.key()));
            });
            assertThat(q.count()).isEqualTo(n);
        }
        assertThat(seen).hasSize(n).startsWith("key-0\nwith newline 😀", "key-1");
        assertThat(seen.get(n - 1)).isEqualTo("key-" + (n - 1));
        assertThat(batchSizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(1000)).hasSize(13);
    }
}
