package io.replicator.s3sync;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import javax.net.ssl.SSLSocketFactory;

/** {@link SigV4} and {@link SmallHttp}. */
final class HandWrittenWire implements ObjectWire {
    private final String host;
    private final SigV4 signer;
    private final SmallHttp http;

    HandWrittenWire(S3Remote remote, SSLSocketFactory tls) {
        URI ep = remote.endpoint();
        boolean defaultPort = ep.getPort() < 0 || ep.getPort() == ("https".equalsIgnoreCase(ep.getScheme()) ? 443 : 80);
        this.host = defaultPort ? ep.getHost() : ep.getHost() + ":" + ep.getPort();
        this.signer = new SigV4(remote.accessKey(), remote.secretKey(), remote.region());
        this.http = new SmallHttp(ep, tls);
    }

    @Override
    public Response send(String method, String path, SortedMap<String, String> headers, Map<String, String> sentAs,
                         byte[] body, int maxBody) throws IOException {
        headers.put("host", host);
        signer.sign(method, path, headers, Instant.now());
        StringBuilder head = new StringBuilder(1024).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(sentAs.getOrDefault(k, k)).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        SmallHttp.Response r = http.exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, maxBody);
        return new Response(r.status(), r.headers(), r.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
