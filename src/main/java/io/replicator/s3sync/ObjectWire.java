package io.replicator.s3sync;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;

/** Signs and sends one small-object request for {@link DirectObjects}. */
interface ObjectWire extends AutoCloseable {
    /** Status, headers (case-insensitive names, ISO-8859-1 values) and, for a 200, the body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    /**
     * headers: lower-case names (no host), sentAs: the case some are sent in; a 200's body is read
     * when at most maxBody bytes, else null.
     */
    Response send(String method, String encodedPath, SortedMap<String, String> headers, Map<String, String> sentAs,
                  byte[] body, int maxBody) throws IOException;

    @Override
    void close();
}
