package io.replicator.config;

/** One bucket pair of a job: {@code src[/prefix][:dst[/prefix]]}. */
public record BucketMapping(String sourceBucket, String sourcePrefix, String destinationBucket, String destinationPrefix) {

    static BucketMapping parse(String spec) {
        String[] sides = spec.split(":", -1);
        if (sides.length > 2 || sides[0].isBlank() || (sides.length == 2 && sides[1].isBlank())) {
            throw new IllegalArgumentException("is not bucket, bucket/prefix or source:destination");
        }
        String[] src = splitBucket(sides[0]);
        String[] dst = sides.length == 2 ? splitBucket(sides[1]) : src;
        return new BucketMapping(src[0], src[1], dst[0], dst[1]);
    }

    /** "bucket[/prefix]" -> {bucket, prefix}; the bucket name is checked. */
    static String[] splitBucket(String s) {
        int slash = s.indexOf('/');
        String bucket = slash < 0 ? s : s.substring(0, slash);
        String prefix = slash < 0 ? "" : s.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.\\-_]{1,62}")) {
            throw new IllegalArgumentException("has an invalid bucket name '" + bucket + "' (3-63 characters: a-z 0-9 . - _)");
        }
        return new String[] {bucket, prefix};
    }

    @Override
    public String toString() {
        String src = sourcePrefix.isEmpty() ? sourceBucket : sourceBucket + "/" + sourcePrefix;
        String dst = destinationPrefix.isEmpty() ? destinationBucket : destinationBucket + "/" + destinationPrefix;
        return src.equals(dst) ? src : src + ":" + dst;
    }
}
