package io.replicator.s3sync;

/**
 * What a journalled multipart upload was writing: the source version (ETag, size, last-modified)
 * and the part layout. The next run resumes the upload only for the same source version in the
 * same layout; anything else means the listed parts may hold other bytes, and it is aborted.
 * Encoded as one line of the journal entry: {@code v2 <etag|-> <size> <last-modified millis|-> <part size> <parts>}.
 */
record UploadRecord(String sourceEtag, long sourceSize, Long sourceLastModified, long partSize, int partCount) {
    private static final String VERSION = "v2";

    static UploadRecord of(ObjectEntry e, PartLayout layout) {
        return new UploadRecord(e.etag(), e.size(), e.lastModified() == null ? null : e.lastModified().toEpochMilli(),
                layout.partSize(), layout.partCount());
    }

    /** The same source version in the same layout. Without a source ETag, size and last-modified must match. */
    boolean resumableAs(UploadRecord wanted) {
        boolean sameSource = sourceEtag != null ? sourceEtag.equals(wanted.sourceEtag)
                : wanted.sourceEtag == null && sourceLastModified != null
                        && sourceLastModified.equals(wanted.sourceLastModified);
        return sameSource && sourceSize == wanted.sourceSize && partSize == wanted.partSize
                && partCount == wanted.partCount;
    }

    String encode() {
        return VERSION + " " + (sourceEtag == null ? "-" : sourceEtag) + " " + sourceSize + " "
                + (sourceLastModified == null ? "-" : sourceLastModified) + " " + partSize + " " + partCount;
    }

    /** null for a line this version did not write (a journal entry of an older version: aborted, never resumed). */
    static UploadRecord decode(String line) {
        String[] f = line.strip().split(" ");
        if (f.length != 6 || !f[0].equals(VERSION)) {
            return null;
        }
        try {
            return new UploadRecord(f[1].equals("-") ? null : f[1], Long.parseLong(f[2]),
                    f[3].equals("-") ? null : Long.valueOf(f[3]), Long.parseLong(f[4]), Integer.parseInt(f[5]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
