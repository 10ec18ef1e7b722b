package io.replicator.s3sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an object is written: one PUT/CopyObject (ETag = MD5) or a multipart upload of
 * {@code partCount} parts of {@code partSize} bytes, the last one shorter (ETag "md5-N"). Copying
 * with the source's layout makes the destination ETag equal to the source's.
 */
record PartLayout(Upload upload, long size, long partSize, int partCount) {
    enum Upload { SINGLE, MULTIPART }

    static final long MIB = 1024L * 1024;
    static final long MIN_PART = 5 * MIB;
    static final long MAX_SINGLE_PUT = 5L * 1024 * MIB;
    static final int MAX_PARTS = 10_000;

    /** Part sizes common uploaders use (rclone 5 MiB, aws cli 8 MiB, mc 16 MiB, ...), tried first. */
    private static final long[] COMMON = {5 * MIB, 8 * MIB, 16 * MIB, 10 * MIB, 15 * MIB, 32 * MIB, 64 * MIB,
            100 * MIB, 128 * MIB, 256 * MIB, 512 * MIB};

    static PartLayout single(long size) {
        return new PartLayout(Upload.SINGLE, size, size, 1);
    }

    static PartLayout multipart(long size, long partSize) {
        int count = (int) Math.max(1, ceilDiv(size, partSize));
        return new PartLayout(Upload.MULTIPART, size, partSize, count);
    }

    boolean isMultipart() {
        return upload == Upload.MULTIPART;
    }

    long partOffset(int partNumber) {
        return (partNumber - 1) * partSize;
    }

    long partLength(int partNumber) {
        return Math.min(partSize, size - partOffset(partNumber));
    }

    /** Our own layout for content without a usable ETag: one PUT up to the cutoff, else parts. */
    static PartLayout byCutoff(long size, long cutoff, long preferredPartSize) {
        if (size <= cutoff && size <= MAX_SINGLE_PUT) {
            return single(size);
        }
        long p = Math.max(preferredPartSize, MIN_PART);
        while (ceilDiv(size, p) > MAX_PARTS) {
            p *= 2;
        }
        return multipart(size, p);
    }

    /**
     * Part sizes that split {@code size} into exactly {@code parts} parts, most likely first: our own
     * part size, common uploader sizes, boto3's doubled 8 MiB, whole MiB, then the exact quotient.
     * An ETag check after the upload tells whether the guess was right. Sizes below the 5 MiB
     * minimum of a non-last part are left out (S3 and Ceph answer EntityTooSmall): an object whose
     * layout needs them has no candidate and is copied in a plain layout.
     */
    static List<PartLayout> candidates(long size, int parts, long ourPartSize) {
        Set<Long> sizes = new LinkedHashSet<>();
        if (parts == 1) {
            sizes.add(Math.max(size, 1));
        } else {
            long min = Math.max(ceilDiv(size, parts), MIN_PART);
            long max = (size - 1) / (parts - 1);
            addIfFits(sizes, ourPartSize, min, max);
            for (long c : COMMON) {
                addIfFits(sizes, c, min, max);
            }
            for (long p = 8 * MIB; p <= max; p *= 2) {
                addIfFits(sizes, p, min, max);
            }
            addIfFits(sizes, ceilDiv(min, MIB) * MIB, min, max);
            addIfFits(sizes, min, min, max);
        }
        List<PartLayout> out = new ArrayList<>();
        for (long p : sizes) {
            out.add(new PartLayout(Upload.MULTIPART, size, p, parts));
        }
        return out;
    }

    /**
     * A layout whose ETag can never be compared with a source of {@code parts} parts: used when the
     * source layout could not be reproduced; the sync state then records both ETags, so later runs
     * skip the object while neither side changes instead of copying it again and again.
     */
    static PartLayout incomparableWith(long size, int parts) {
        if (size <= MAX_SINGLE_PUT) {
            return single(size);
        }
        int other = parts > 2 ? parts - 1 : parts + 1;
        return multipart(size, ceilDiv(size, other));
    }

    private static void addIfFits(Set<Long> out, long p, long min, long max) {
        if (p >= min && p <= max && p > 0) {
            out.add(p);
        }
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
