package io.replicator.s3sync;

import io.replicator.testing.CephRgw;
import io.replicator.testing.MinioFixture;
import io.replicator.testing.S3ProxyFixture;
import io.replicator.testing.S3TestServer;

/**
 * The servers an S3 contract runs against: the server under test and a second endpoint with other
 * credentials. Each server starts once per test JVM and is shared by every contract class.
 */
enum ContractServers {
    /** Two S3Proxy servers (filesystem backend). */
    S3PROXY(S3ProxyFixture::shared, S3ProxyFixture::sharedOther, false),
    /** Two users of one Ceph RADOS Gateway. */
    RGW(CephRgw::sharedUser, CephRgw::sharedOtherUser, true),
    /** MinIO (a Testcontainers container, only where Docker runs); the second server is S3Proxy. */
    MINIO(MinioFixture::shared, S3ProxyFixture::sharedOther, true);

    /** Starts a shared server on first use. */
    private interface SharedServer {
        S3TestServer get() throws Exception;
    }

    private final SharedServer server;
    private final SharedServer secondServer;
    private final boolean tagging;

    ContractServers(SharedServer server, SharedServer secondServer, boolean tagging) {
        this.server = server;
        this.secondServer = secondServer;
        this.tagging = tagging;
    }

    /** Whether the server under test keeps object tags (S3Proxy answers 501). */
    boolean tagging() {
        return tagging;
    }

    S3TestServer server() throws Exception {
        return server.get();
    }

    S3TestServer secondServer() throws Exception {
        return secondServer.get();
    }
}
