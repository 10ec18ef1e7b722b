package io.replicator.s3sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3 requests with an unsigned payload (the body is protected by a
 * signed Content-MD5 instead): the algorithm of the AWS documentation and nothing else, for
 * {@link DirectObjects}. Kept instead of the SDK's AwsV4HttpSigner because the pair with
 * {@link SmallHttp} measured better cold and warm (figures and commands in SmallHttp's comment).
 * SigV4Test checks it against the SDK's signer, header for header. The derived key is cached per
 * day, as the SDK does.
 */
final class SigV4 {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private record DayKey(String day, byte[] key) {
    }

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private volatile DayKey dayKey;

    SigV4(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /**
     * Adds x-amz-date, x-amz-content-sha256 and authorization to {@code headers}, whose keys are
     * lower-case header names (host included) and whose values are sent as they are.
     * {@code encodedPath} is the request path exactly as it goes on the wire.
     */
    void sign(String method, String encodedPath, SortedMap<String, String> headers, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String day = amzDate.substring(0, 8);
        headers.put("x-amz-content-sha256", UNSIGNED_PAYLOAD);
        headers.put("x-amz-date", amzDate);
        StringBuilder canonical = new StringBuilder(512).append(method).append('\n').append(encodedPath)
                .append("\n\n");
        StringBuilder signed = new StringBuilder(128);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            canonical.append(h.getKey()).append(':').append(trimAll(h.getValue())).append('\n');
            signed.append(signed.length() == 0 ? "" : ";").append(h.getKey());
        }
        canonical.append('\n').append(signed).append('\n').append(UNSIGNED_PAYLOAD);
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + HEX.formatHex(sha256(canonical));
        String signature = HEX.formatHex(hmac(keyFor(day), toSign));
        headers.put("authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                + signed + ", Signature=" + signature);
    }

    private byte[] keyFor(String day) {
        DayKey k = dayKey;
        if (k == null || !k.day().equals(day)) {
            byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
            for (String part : new String[] {region, "s3", "aws4_request"}) {
                key = hmac(key, part);
            }
            k = new DayKey(day, key);
            dayKey = k;
        }
        return k.key();
    }

    /** SigV4's Trimall: no leading or trailing spaces, inner runs of spaces as one. */
    private static String trimAll(String v) {
        String t = v.strip();
        return t.contains("  ") ? t.replaceAll(" +", " ") : t;
    }

    private static byte[] sha256(CharSequence s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from this JVM", e);
        }
    }
}
