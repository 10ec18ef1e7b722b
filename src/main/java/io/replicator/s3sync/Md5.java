package io.replicator.s3sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** S3-style ETags of local files: MD5 for one part, MD5 of the part MD5s plus "-N" for N parts. */
final class Md5 {
    private Md5() {
    }

    static String etagOf(Path file, PartLayout layout) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (!layout.isMultipart()) {
                return HexFormat.of().formatHex(digest(in, layout.size()));
            }
            MessageDigest ofParts = md5();
            for (int part = 1; part <= layout.partCount(); part++) {
                ofParts.update(digest(in, layout.partLength(part)));
            }
            return HexFormat.of().formatHex(ofParts.digest()) + "-" + layout.partCount();
        }
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(md5().digest(data));
    }

    /** The Content-MD5 header value (base64 of the digest) for an MD5 in hex. */
    static String contentMd5(String md5Hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex));
    }

    /**
     * The multipart ETag the parts' MD5 ETags add up to; null when one of them is no MD5 (an
     * encrypting server's part ETags).
     */
    static String multipartEtag(List<String> partEtags) {
        MessageDigest ofParts = md5();
        for (String p : partEtags) {
            String hex = Etags.normalize(p);
            if (!Etags.isPlainMd5(hex)) {
                return null;
            }
            ofParts.update(HexFormat.of().parseHex(hex));
        }
        return HexFormat.of().formatHex(ofParts.digest()) + "-" + partEtags.size();
    }

    static MessageDigest newDigest() {
        return md5();
    }

    private static byte[] digest(InputStream in, long length) throws IOException {
        MessageDigest md = md5();
        byte[] buf = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("file shorter than its listed size (changed during the run?)");
            }
            md.update(buf, 0, n);
            left -= n;
        }
        return md.digest();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
