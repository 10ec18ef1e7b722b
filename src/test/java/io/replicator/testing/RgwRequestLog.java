package io.replicator.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the requests radosgw served, by S3 operation, from its "beast:" log lines (one per request
 * at {@code debug rgw = 1}). A beast line carries method, target, status and response bytes but no
 * headers, and its byte count is bytes received plus sent. A successful PutObject or UploadPart
 * answers without a body, so it logs its request body's size; a CopyObject or UploadPartCopy logs its
 * result XML, 200-319 bytes. A PUT of 200-319 bytes therefore counts as a copy: data meant to be
 * counted avoids those sizes (debug rgw = 2 names the op, but in 18 unlinked lines per request).
 */
public final class RgwRequestLog {
    private static final Pattern BEAST = Pattern.compile(
            "beast: \\S+ \\S+ - (\\S+) \\[[^\\]]*\\] \"(\\S+) (\\S+) [^\"]*\" (\\d+) (\\d+) ");

    private static final long COPY_RESULT_MIN = 200;
    private static final long COPY_RESULT_MAX = 319;

    private final Path log;
    private final Path adminSocket;

    RgwRequestLog(Path log, Path adminSocket) {
        this.log = log;
        this.adminSocket = adminSocket;
    }

    /** One served request: the user ("-" when anonymous or refused), operation, HTTP status. */
    public record Served(String user, S3Op op, int status) {
    }

    /** Where the next run starts counting: the log's current end, after a flush. */
    public long mark() throws IOException, InterruptedException {
        flush();
        return log.toFile().length();
    }

    /** Requests by operation logged since {@code mark}, after a flush. */
    public Map<S3Op, Long> countsSince(long mark) throws IOException, InterruptedException {
        Map<S3Op, Long> counts = new EnumMap<>(S3Op.class);
        for (Served s : since(mark)) {
            counts.merge(s.op(), 1L, Long::sum);
        }
        return counts;
    }

    /** Every request logged since {@code mark}, after a flush. */
    public java.util.List<Served> since(long mark) throws IOException, InterruptedException {
        flush();
        java.util.List<Served> out = new java.util.ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(mark);
            byte[] rest = new byte[(int) (f.length() - mark)];
            f.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                Matcher m = BEAST.matcher(line);
                if (m.find()) {
                    int status = Integer.parseInt(m.group(4));
                    out.add(new Served(m.group(1), classify(m.group(2), m.group(3), status, Long.parseLong(m.group(5))),
                            status));
                }
            }
        }
        return out;
    }

    static S3Op classify(String method, String target, int status, long loggedBytes) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Set<String> names = new HashSet<>();
        if (q >= 0) {
            for (String p : target.substring(q + 1).split("&")) {
                if (!p.isEmpty()) {
                    names.add(p.split("=", 2)[0]);
                }
            }
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        int slash = rest.indexOf('/');
        boolean hasKey = slash >= 0 && slash < rest.length() - 1;
        return S3Op.classify(method, hasKey, names, method.equals("PUT") && status == 200
                && loggedBytes >= COPY_RESULT_MIN && loggedBytes <= COPY_RESULT_MAX);
    }

    /** radosgw writes its log from a background thread: "log flush" on the admin socket drains it. */
    private void flush() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ceph", "--admin-daemon", adminSocket.toString(), "log", "flush")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("could not flush radosgw's log through " + adminSocket);
        }
    }
}
