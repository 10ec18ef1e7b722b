package io.replicator.testing;

import java.net.URI;

/** One user of the shared {@link CephRgw}: its endpoint and credentials, like the other S3 fixtures. */
public final class RgwUser extends S3TestServer {
    private final CephRgw cluster;
    private final String uid;
    private final String accessKey;
    private final String secretKey;

    RgwUser(CephRgw cluster, String uid, String accessKey, String secretKey) {
        QuietLogs.apply();
        this.cluster = cluster;
        this.uid = uid;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public CephRgw cluster() {
        return cluster;
    }

    public String uid() {
        return uid;
    }

    @Override
    public URI endpoint() {
        return cluster.endpoint();
    }

    @Override
    public String accessKey() {
        return accessKey;
    }

    @Override
    public String secretKey() {
        return secretKey;
    }

    @Override
    public String toString() {
        return "RGW user " + uid + " at " + endpoint();
    }
}
