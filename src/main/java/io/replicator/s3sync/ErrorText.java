package io.replicator.s3sync;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns exceptions into operator-facing messages that name the remote, bucket and endpoint, and
 * scrubs every secret key of the job from them (the SDK never puts one there, but a message
 * from a proxy or a server could echo anything).
 */
final class ErrorText {
    private final List<String> secrets = new ArrayList<>();

    ErrorText(BucketJob job) {
        for (BucketRef r : List.of(job.source(), job.destination())) {
            if (r.remote() instanceof S3Remote s) {
                secrets.add(s.secretKey());
            }
        }
    }

    String scrub(String message) {
        String m = message == null ? "" : message;
        for (String s : secrets) {
            m = m.replace(s, "***");
        }
        return m;
    }

    /** Short description of a per-object failure. */
    String describe(Throwable t) {
        if (t instanceof S3Exception s) {
            String code = s.awsErrorDetails() == null ? "" : " " + s.awsErrorDetails().errorCode();
            String msg = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
            return scrub("HTTP " + s.statusCode() + code + ": " + msg);
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = t.getMessage() == null ? t.toString() : t.getMessage();
        if (root != t && (text == null || !text.contains(String.valueOf(root.getMessage())))) {
            text = text + " (" + root + ")";
        }
        return scrub(text);
    }

    /** A failure of a bucket-level request (listing, bucket creation) on one side of the job. */
    SyncFailure onBucket(String role, BucketRef ref, Throwable t) {
        if (t instanceof SyncFailure f) {
            return f;
        }
        String remote = "remote '" + ref.remote().name() + "' (" + ref.remote().location() + ")";
        String text;
        if (isNoSuchBucket(t)) {
            text = role + " bucket '" + ref.bucket() + "' does not exist on " + remote;
        } else if (t instanceof S3Exception s && s.statusCode() == 403) {
            text = "access denied by " + role + " " + remote + " for bucket '" + ref.bucket() + "': "
                    + describe(t) + " (check the access key and secret key configured for remote '"
                    + ref.remote().name() + "')";
        } else if (t instanceof SdkClientException && unreachable(t)) {
            text = "cannot reach " + role + " endpoint " + ref.remote().location() + " of remote '"
                    + ref.remote().name() + "': " + describe(t);
        } else {
            text = role + " " + ref.describe() + ": " + describe(t);
        }
        return new SyncFailure(scrub(text), t);
    }

    static boolean isNoSuchBucket(Throwable t) {
        return t instanceof S3Exception s && s.statusCode() == 404 && (s.awsErrorDetails() == null
                || "NoSuchBucket".equals(s.awsErrorDetails().errorCode()));
    }

    /** The destination refused a part layout (e.g. a non-last part under 5 MiB): another layout may work. */
    static boolean isLayoutRefused(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 400 && ("EntityTooSmall".equals(code) || "EntityTooLarge".equals(code)
                || "InvalidPart".equals(code) || "InvalidPartOrder".equals(code));
    }

    private static boolean unreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException || c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
