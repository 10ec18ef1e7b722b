package io.replicator.s3sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.replicator.testing.CephRgw;
import io.replicator.testing.RgwUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Destination protection against Ceph RGW 16 (S3Proxy has no storage classes, encryption or Object
 * Lock): storage class fixed and carried, SSE-KMS (RGW's testing KMS), SSE-C (the key never in the
 * report), Object Lock retention and legal hold carried or reported. Every case runs both copy
 * paths: server-side within one user, streamed to the other user; objects cover the small-object
 * path (64 B), a streamed PUT (1 MiB) and a multipart copy (12 MiB in 5 MiB parts).
 */
class RgwProtectionTest {
    private static final int MIB = 1024 * 1024;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final List<String> KEYS = List.of("small.txt", "mid.bin", "big.bin");
    private static final byte[] SMALL = random(64, 1);
    private static final byte[] MID = random(MIB, 2);
    private static final byte[] BIG = random(12 * MIB, 3);

    private static RgwUser a() throws Exception {
        return CephRgw.sharedUser();
    }

    private static RgwUser b() throws Exception {
        return CephRgw.sharedOtherUser();
    }

    private static String bucket(RgwUser u, String role, boolean objectLock) {
        String name = role + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        u.client().createBucket(r -> r.bucket(name).objectLockEnabledForBucket(objectLock));
        return name;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The three objects, written with extra PUT/CreateMultipartUpload settings. */
    private static String source(RgwUser u, boolean objectLock, String storageClass, Instant retainUntil) {
        String src = bucket(u, "src", objectLock);
        u.put(src, "small.txt", SMALL, r -> r.storageClass(storageClass).objectLockMode(retainUntil == null ? null
                : ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(retainUntil)
                .objectLockLegalHoldStatus(retainUntil == null ? null : ObjectLockLegalHoldStatus.ON));
        u.put(src, "mid.bin", MID, r -> r.storageClass(storageClass).objectLockMode(retainUntil == null ? null
                : ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(retainUntil));
        if (storageClass == null && retainUntil == null) {
            u.putMultipart(src, "big.bin", BIG, 5 * MIB);
        } else { // a multipart upload with the same settings
            String id = u.client().createMultipartUpload(r -> r.bucket(src).key("big.bin").storageClass(storageClass)
                    .objectLockMode(retainUntil == null ? null : ObjectLockMode.GOVERNANCE)
                    .objectLockRetainUntilDate(retainUntil)).uploadId();
            List<software.amazon.awssdk.services.s3.model.CompletedPart> parts = new java.util.ArrayList<>();
            for (int n = 1, off = 0; off < BIG.length; n++, off += 5 * MIB) {
                int pn = n;
                byte[] part = java.util.Arrays.copyOfRange(BIG, off, Math.min(BIG.length, off + 5 * MIB));
                String etag = u.client().uploadPart(r -> r.bucket(src).key("big.bin").uploadId(id).partNumber(pn),
                        software.amazon.awssdk.core.sync.RequestBody.fromBytes(part)).eTag();
                parts.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(pn).eTag(etag).build());
            }
            u.client().completeMultipartUpload(r -> r.bucket(src).key("big.bin").uploadId(id)
                    .multipartUpload(m -> m.parts(parts)));
            if (retainUntil != null) { // RGW 16 ignores the lock headers of CreateMultipartUpload
                u.client().putObjectRetention(r -> r.bucket(src).key("big.bin").retention(t -> t
                        .mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(retainUntil)));
            }
        }
        return src;
    }

    private static SyncReport sync(RgwUser from, String src, RgwUser to, String dst, DestinationProtection p)
            throws Exception {
        BucketJob job = new BucketJob("protect", new BucketRef(from.remote("a"), src), new BucketRef(to.remote(
                to == from ? "a" : "b"), dst));
        SyncReport r = BucketSync.run(job, SyncOptions.defaults().withParallelism(4).withProtection(p));
        assertThat(r.result()).as(r.summary() + " " + r.errors()).isEqualTo(SyncReport.Result.OK);
        return r;
    }

    private static HeadObjectResponse head(RgwUser u, String bucket, String key) {
        return u.client().headObject(r -> r.bucket(bucket).key(key));
    }

    @Test
    void aFixedStorageClassIsGivenToEveryCopyOnBothPaths() throws Exception {
        String src = source(a(), false, null, null);
        DestinationProtection cold = new DestinationProtection(DestinationProtection.StorageClass.parse(
                CephRgw.COLD_STORAGE_CLASS), DestinationProtection.Encryption.NONE);
        for (RgwUser to : List.of(a(), b())) {
            String dst = bucket(to, "dst", false);
            sync(a(), src, to, dst, cold);
            for (String k : KEYS) {
                assertThat(head(to, dst, k).storageClassAsString()).as(k + " to " + to).isEqualTo("COLD");
            }
            assertThat(to.get(dst, "big.bin")).isEqualTo(BIG);
        }
    }

    @Test
    void storageClassSourceCarriesEachObjectsOwnClass() throws Exception {
        String cold = source(a(), false, CephRgw.COLD_STORAGE_CLASS, null);
        String standard = source(a(), false, null, null);
        DestinationProtection carry = new DestinationProtection(DestinationProtection.StorageClass.parse("source"),
                DestinationProtection.Encryption.NONE);
        for (RgwUser to : List.of(a(), b())) {
            String coldCopy = bucket(to, "dst", false);
            sync(a(), cold, to, coldCopy, carry);
            String standardCopy = bucket(to, "dst", false);
            sync(a(), standard, to, standardCopy, carry);
            for (String k : KEYS) {
                assertThat(head(to, coldCopy, k).storageClassAsString()).as(k + " to " + to).isEqualTo("COLD");
                assertThat(head(to, standardCopy, k).storageClassAsString()).as(k + " to " + to)
                        .isIn(null, "STANDARD");
            }
        }
    }

    @Test
    void sseKmsCopiesAreEncryptedWithTheKeyAndNotCopiedAgain() throws Exception {
        String src = source(a(), false, null, null);
        DestinationProtection kms = new DestinationProtection(DestinationProtection.StorageClass.SERVER_DEFAULT,
                DestinationProtection.Encryption.kms(CephRgw.KMS_KEY_ID));
        for (RgwUser to : List.of(a(), b())) {
            String dst = bucket(to, "dst", false);
            sync(a(), src, to, dst, kms);
            for (String k : KEYS) {
                HeadObjectResponse h = head(to, dst, k);
                assertThat(h.serverSideEncryptionAsString()).as(k + " to " + to).isEqualTo("aws:kms");
                assertThat(h.ssekmsKeyId()).as(k).isEqualTo(CephRgw.KMS_KEY_ID);
            }
            assertThat(to.get(dst, "big.bin")).isEqualTo(BIG);
            SyncReport again = sync(a(), src, to, dst, kms);
            assertThat(again.copied().objects() + again.updated().objects()).as(again.summary()).isZero();
        }
    }

    @Test
    void sseCCopiesNeedTheKeyToBeReadAndTheKeyIsNeverReported() throws Exception {
        byte[] raw = random(32, 99);
        String keyText = Base64.getEncoder().encodeToString(raw);
        CustomerKey key = CustomerKey.fromBase64(keyText);
        String src = source(a(), false, null, null);
        DestinationProtection sseC = new DestinationProtection(DestinationProtection.StorageClass.SERVER_DEFAULT,
                DestinationProtection.Encryption.customerKey(key));
        for (RgwUser to : List.of(a(), b())) {
            String dst = bucket(to, "dst", false);
            SyncReport first = sync(a(), src, to, dst, sseC);
            for (String k : KEYS) {
                assertThatThrownBy(() -> head(to, dst, k)).as(k + " without the key").isInstanceOf(S3Exception.class);
                byte[] read = to.client().getObjectAsBytes(r -> r.bucket(dst).key(k).sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(keyText).sseCustomerKeyMD5(key.md5Base64())).asByteArray();
                assertThat(read).as(k).isEqualTo(k.equals("big.bin") ? BIG : k.equals("mid.bin") ? MID : SMALL);
            }
            SyncReport again = sync(a(), src, to, dst, sseC);
            assertThat(again.copied().objects() + again.updated().objects()).as(again.summary()).isZero();
            // a verifying check reads the destination with the key
            SyncReport check = BucketSync.run(new BucketJob("protect", new BucketRef(a().remote("a"), src),
                    new BucketRef(to.remote(to == a() ? "a" : "b"), dst)), SyncOptions.defaults().withProtection(sseC)
                    .withMode(SyncMode.CHECK).withState(new SyncOptions.StateSettings(null, SyncOptions.Unproven.VERIFY)));
            assertThat(check.result()).as(check.summary()).isEqualTo(SyncReport.Result.OK);
            for (SyncReport r : List.of(first, again, check)) {
                String all = r.summary() + r.notes() + r.errors() + r.plan() + r;
                assertThat(all).doesNotContain(keyText).doesNotContain(key.md5Base64());
            }
        }
        assertThat(key.toString()).isEqualTo("****");
    }

    @Test
    void objectLockIsCarriedWhereBothBucketsHaveItAndReportedOnceWhereNot() throws Exception {
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String src = source(a(), true, null, until);
        for (RgwUser to : List.of(a(), b())) {
            String locked = bucket(to, "dst", true);
            sync(a(), src, to, locked, DestinationProtection.NONE);
            for (String k : KEYS) {
                HeadObjectResponse h = head(to, locked, k);
                assertThat(h.objectLockModeAsString()).as(k + " to " + to).isEqualTo("GOVERNANCE");
                assertThat(h.objectLockRetainUntilDate()).as(k).isEqualTo(until);
            }
            assertThat(head(to, locked, "small.txt").objectLockLegalHoldStatusAsString()).isEqualTo("ON");

            String plain = bucket(to, "dst", false);
            SyncReport r = sync(a(), src, to, plain, DestinationProtection.NONE);
            assertThat(r.notes().stream().filter(n -> n.startsWith("Object Lock retention or legal hold not carried: "
                    + "destination bucket '" + plain + "' has no Object Lock enabled"))).hasSize(1);
            assertThat(to.get(plain, "mid.bin")).isEqualTo(MID);
        }
    }
}
