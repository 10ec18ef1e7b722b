package io.replicator.bench;

import io.replicator.demo.embedded.EmbeddedS3;
import io.replicator.testing.FaultProxy;
import io.replicator.testing.QuietLogs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * One benchmark S3 server process: S3Proxy on its transient (in-memory) backend plus a counting
 * FaultProxy in front of it, so both tools' requests are counted the same way, outside either
 * tool. Prints "READY proxyPort directPort"; on stdin "counts" answers "COUNTS op=n ...", "reset"
 * answers "OK"; EOF stops it. Usage: S3BenchServer accessKey secretKey
 */
public final class S3BenchServer {
    private S3BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.warnOnly();
        try (EmbeddedS3 s3 = EmbeddedS3.start(EmbeddedS3.Options.transientStore(args[0], args[1]));
             FaultProxy proxy = FaultProxy.start(s3.endpoint())) {
            System.out.println("READY " + proxy.endpoint().getPort() + " " + s3.endpoint().getPort());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("counts")) {
                    System.out.println("COUNTS CONNECTIONS=" + proxy.connections() + " " + proxy.counts().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
                } else if (line.equals("reset")) {
                    proxy.resetCounts();
                    System.out.println("OK");
                }
                System.out.flush();
            }
        }
    }
}
