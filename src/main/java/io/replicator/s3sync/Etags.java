package io.replicator.s3sync;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETag formats: a single-part upload's ETag is the MD5 of the bytes (32 hex); a multipart upload's
 * is md5(concat(part md5s)) + "-" + part count. Two ETags prove equal content only in the same
 * format and, for multipart, with the same part layout (which our copier reproduces).
 */
final class Etags {
    private static final Pattern PLAIN = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern MULTIPART = Pattern.compile("[0-9a-f]{32}-([1-9][0-9]{0,4})");

    private Etags() {
    }

    static String normalize(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.strip();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e.toLowerCase(Locale.ROOT);
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    static boolean isPlainMd5(String etag) {
        return etag != null && PLAIN.matcher(etag).matches();
    }

    /**
     * Whether a single-part ETag is the MD5 of the bytes: 32 hex digits and not encrypted with
     * SSE-KMS (aws:kms, aws:kms:dsse) or SSE-C, whose ETags look the same but are not an MD5.
     */
    static boolean isMd5OfContent(String etag, String serverSideEncryption, String sseCustomerAlgorithm) {
        return isPlainMd5(etag) && !opaqueEncryption(serverSideEncryption, sseCustomerAlgorithm);
    }

    /** SSE-KMS or SSE-C per the answer's headers: the object's ETag is not an MD5 of its bytes. */
    static boolean opaqueEncryption(String serverSideEncryption, String sseCustomerAlgorithm) {
        return sseCustomerAlgorithm != null || (serverSideEncryption != null && serverSideEncryption.startsWith("aws:kms"));
    }

    /** Part count of a multipart ETag, 0 when the ETag is not one. */
    static int partCount(String etag) {
        if (etag == null) {
            return 0;
        }
        Matcher m = MULTIPART.matcher(etag);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Same format (plain/plain or multipart with equal part count): equality then means equal content. */
    static boolean comparable(String a, String b) {
        if (isPlainMd5(a) && isPlainMd5(b)) {
            return true;
        }
        int n = partCount(a);
        return n > 0 && n == partCount(b);
    }
}
