package io.replicator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP/1.1 request head as read off the wire (raw bytes kept for forwarding) and body framing. */
record HttpHead(byte[] raw, String method, String target, Map<String, String> headers) {

    /** Reads up to and including the blank line; null on a clean EOF before the first byte. */
    static HttpHead read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        int state = 0; // counts the bytes of "\r\n\r\n" seen in a row
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                if (buf.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a request head");
            }
            buf.write(b);
            if (buf.size() > max) {
                throw new IOException("request head larger than " + max + " bytes");
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : b == '\r' ? 1 : 0;
        }
        byte[] raw = buf.toByteArray();
        String[] lines = new String(raw, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length < 3) {
            throw new IOException("bad request line: " + lines[0]);
        }
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
            }
        }
        return new HttpHead(raw, requestLine[0], requestLine[1], headers);
    }

    String header(String name) {
        return headers.get(name);
    }

    boolean expectContinue() {
        return "100-continue".equalsIgnoreCase(header("expect"));
    }

    /** Copies the body (Content-Length or chunked framing) from in to out, raw. */
    void copyBody(InputStream in, OutputStream out) throws IOException {
        String te = header("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String sizeLine = readLine(in, out);
                long size = Long.parseLong(sizeLine.split(";", 2)[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in, out).isEmpty()) {
                        // trailers
                    }
                    return;
                }
                copy(in, out, size + 2); // data + CRLF
            }
        }
        String cl = header("content-length");
        if (cl != null) {
            copy(in, out, Long.parseLong(cl));
        }
    }

    private static String readLine(InputStream in, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            out.write(b);
            if (prev == '\r' && b == '\n') {
                return sb.substring(0, sb.length() - 1);
            }
            sb.append((char) b);
            prev = b;
        }
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new IOException("connection closed inside a request body");
            }
            out.write(buf, 0, r);
            n -= r;
        }
    }
}
