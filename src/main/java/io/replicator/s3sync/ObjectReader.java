package io.replicator.s3sync;

import java.io.IOException;
import java.io.InputStream;

/** Reading side of a copy: object metadata and byte ranges of an object as listed. */
interface ObjectReader {
    /** A stream with the metadata that came with it. */
    record Opened(InputStream in, ObjectMeta meta) {
    }

    /** Metadata of the object (may cost a HEAD on S3). */
    ObjectMeta meta(ObjectEntry e) throws IOException;

    /** Bytes [offset, offset+length) of the object, failing if it changed since it was listed. */
    Opened open(ObjectEntry e, long offset, long length) throws IOException;
}
