package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.replicator.testing.S3Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local directory as destination (backup to a volume) and as source (restore / upload). */
abstract class SyncLocalContract extends S3ContractBase {
    protected SyncLocalContract(ContractServers servers) {
        super(servers);
    }

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private BucketRef s3(String bucket) throws Exception {
        return new BucketRef(server().remoteVia(proxy, "s3"), bucket);
    }

    private BucketRef local(String bucket) {
        return new BucketRef(new LocalRemote("vol", dir), bucket);
    }

    @Test
    void s3ToLocalCopiesThenRerunsWithoutReadingObjects() throws Exception {
        String src = bucket("src");
        server().put(src, "a/b.txt", bytes("hello"), b -> b.contentType("text/plain").metadata(Map.of("k", "v")));
        server().put(src, "folder/", new byte[0]);
        server().putMultipart(src, "big.bin", random(11 * MIB, 3), 5 * MIB);
        BucketJob job = new BucketJob("backup", s3(src), local("vol-bucket"));
        SyncOptions o = opts().withDestinationBucket(SyncOptions.BucketCreation.CREATE);

        SyncReport first = BucketSync.run(job, o);
        assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(Files.readString(dir.resolve("vol-bucket/a/b.txt"))).isEqualTo("hello");
        assertThat(Files.readAllBytes(dir.resolve("vol-bucket/big.bin"))).isEqualTo(random(11 * MIB, 3));
        assertThat(dir.resolve("vol-bucket/folder")).isDirectory();
        assertThat(proxy.count(S3Op.HEAD)).isZero();

        proxy.resetCounts();
        SyncReport again = BucketSync.run(job, o);
        assertThat(again.skipped().objects()).isEqualTo(3);
        assertThat(again.unproven()).isZero();
        assertThat(proxy.counts()).containsOnlyKeys(S3Op.LIST);

        server().put(src, "a/b.txt", bytes("HELLO"));
        Files.writeString(dir.resolve("vol-bucket/stray.txt"), "not in source");
        SyncReport changed = BucketSync.run(job, o);
        assertThat(changed.updated().objects()).isEqualTo(1);
        assertThat(changed.deleted().objects()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("vol-bucket/a/b.txt"))).isEqualTo("HELLO");
        assertThat(dir.resolve("vol-bucket/stray.txt")).doesNotExist();
    }

    /**
     * Issue 12: a streamed PUT over 256 KiB without a known MD5, and every UploadPart, went out
     * aws-chunked over http; RGW then stored Content-Encoding: aws-chunked on the object.
     */
    @Test
    void uploadsWithoutKnownMd5GoOutPlainAndGainNoContentEncoding() throws Exception {
        Path files = Files.createDirectories(dir.resolve("up"));
        Files.write(files.resolve("stream.bin"), random(300 * 1024, 31));
        Files.write(files.resolve("parts.bin"), random(6 * MIB + 17, 32));
        String dst = bucket("dst");
        java.util.List<String> chunked = chunkedUploads(proxy);
        SyncReport r = BucketSync.run(new BucketJob("up", local("up"), s3(dst)), opts().withMultipart(5 * MIB, 5 * MIB));
        assertThat(r.result()).as(r.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(proxy.count(S3Op.PUT)).isEqualTo(1 + 1); // stream.bin, and parts.bin's upload journal entry
        assertThat(proxy.count(S3Op.UPLOAD_PART)).isEqualTo(2);
        assertThat(chunked).isEmpty();
        for (String key : new String[] {"stream.bin", "parts.bin"}) {
            assertThat(server().head(dst, key).contentEncoding()).as(key).isNull();
            assertThat(server().get(dst, key)).isEqualTo(Files.readAllBytes(files.resolve(key)));
        }
    }

    @Test
    void localToS3UploadsAndComparesByComputedEtags() throws Exception {
        Path bucketDir = Files.createDirectories(dir.resolve("files/sub dir"));
        Files.writeString(bucketDir.resolve("note.txt"), "note");
        Files.write(dir.resolve("files/large.bin"), random(12 * MIB, 4));
        Files.write(dir.resolve("files/empty"), new byte[0]);
        String dst = bucket("dst");
        BucketJob job = new BucketJob("upload", local("files"), s3(dst));
        SyncOptions o = opts().withMultipart(8 * MIB, 5 * MIB);

        SyncReport first = BucketSync.run(job, o);
        assertThat(first.result()).as(first.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(list(dst).keySet()).containsExactly("empty", "large.bin", "sub dir/note.txt");
        assertThat(list(dst).get("large.bin").etag()).endsWith("-3");
        assertThat(server().get(dst, "large.bin")).isEqualTo(random(12 * MIB, 4));

        proxy.resetCounts();
        SyncReport again = BucketSync.run(job, o);
        assertThat(again.skipped().objects()).isEqualTo(3);
        assertThat(again.unproven()).isZero();
        assertThat(proxy.counts()).containsOnlyKeys(S3Op.LIST);

        Files.writeString(bucketDir.resolve("note.txt"), "NOTE");
        SyncReport changed = BucketSync.run(job, o);
        assertThat(changed.updated().objects()).isEqualTo(1);
        assertThat(server().get(dst, "sub dir/note.txt")).isEqualTo(bytes("NOTE"));
    }

    @Test
    void roundTripThroughALocalBackupKeepsMetadataAndEtags() throws Exception {
        String src = bucket("src");
        server().put(src, "page.html", bytes("<b>x</b>"), b -> b.contentType("text/html").cacheControl("no-cache")
                .metadata(Map.of("owner", "ops")));
        server().putMultipart(src, "parts.bin", random(11 * MIB, 5), 5 * MIB);
        String restored = bucket("restored");
        assertThat(BucketSync.run(new BucketJob("backup", s3(src), local("bk")),
                opts().withDestinationBucket(SyncOptions.BucketCreation.CREATE)).ok()).isTrue();

        SyncReport restore = BucketSync.run(new BucketJob("restore", local("bk"), s3(restored)), opts());

        assertThat(restore.result()).as(restore.summary()).isEqualTo(SyncReport.Result.OK);
        assertThat(list(restored)).isEqualTo(list(src));
        var head = server().head(restored, "page.html");
        assertThat(head.contentType()).isEqualTo("text/html");
        assertThat(head.cacheControl()).isEqualTo("no-cache");
        assertThat(head.metadata()).containsEntry("owner", "ops");
    }

    @Test
    void missingLocalSourceBucketFails() throws Exception {
        String dst = bucket("dst");
        server().put(dst, "keep", bytes("k"));
        SyncReport r = BucketSync.run(new BucketJob("nosrc", local("absent"), s3(dst)), opts());
        assertThat(r.result()).isEqualTo(SyncReport.Result.FAILED);
        assertThat(r.errors()).singleElement().asString()
                .contains("source bucket 'absent' does not exist on local remote 'vol'");
        assertThat(list(dst)).containsOnlyKeys("keep");
    }
}
