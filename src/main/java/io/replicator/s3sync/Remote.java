package io.replicator.s3sync;

/** A named place holding buckets: an S3-compatible endpoint or a local directory. */
public sealed interface Remote permits S3Remote, LocalRemote {
    /** The configured name (replicator.remotes.&lt;name&gt;), used in every error message. */
    String name();

    /** Where the remote is, for error messages: the endpoint URI or the directory. Never a secret. */
    String location();
}
