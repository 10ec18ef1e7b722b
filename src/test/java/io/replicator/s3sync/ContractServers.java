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
    S3PROXY(S3ProxyFixture::shared, S3ProxyFixture::sharedOther, false, true, KeyOrder.UTF16_CODE_UNITS),
    /** Two users of one Ceph RADOS Gateway. */
    RGW(CephRgw::sharedUser, CephRgw::sharedOtherUser, true, false, KeyOrder.UTF8_BINARY),
    /** MinIO (a Testcontainers container, only where Docker runs); the second server is S3Proxy. */
    MINIO(MinioFixture::shared, S3ProxyFixture::sharedOther, true, true, KeyOrder.UTF8_BINARY);

    /** Starts a shared server on first use. */
    private interface SharedServer {
        S3TestServer get() throws Exception;
    }

    private final SharedServer server;
    private final SharedServer secondServer;
    private final boolean tagging;
    private final boolean rawUtf8Metadata;
    private final KeyOrder listingOrder;

    ContractServers(SharedServer server, SharedServer secondServer, boolean tagging, boolean rawUtf8Metadata,
                    KeyOrder listingOrder) {
        this.server = server;
        this.secondServer = secondServer;
        this.tagging = tagging;
        this.rawUtf8Metadata = rawUtf8Metadata;
        this.listingOrder = listingOrder;
    }

    /** Whether the server stores raw UTF-8 in x-amz-meta-* values (RGW refuses them). */
    boolean rawUtf8Metadata() {
        return rawUtf8Metadata;
    }

    /** The order the server lists keys in: UTF-8 bytes as S3 does, or UTF-16 code units (S3Proxy). */
    KeyOrder listingOrder() {
        return listingOrder;
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
