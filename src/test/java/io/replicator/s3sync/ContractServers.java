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
    S3PROXY {
        @Override
        S3TestServer server() throws Exception {
            return S3ProxyFixture.shared();
        }

        @Override
        S3TestServer secondServer() throws Exception {
            return S3ProxyFixture.sharedOther();
        }
    },
    /** Two users of one Ceph RADOS Gateway. */
    RGW {
        @Override
        S3TestServer server() throws Exception {
            return CephRgw.sharedUser();
        }

        @Override
        S3TestServer secondServer() throws Exception {
            return CephRgw.sharedOtherUser();
        }
    },
    /** MinIO (a Testcontainers container, only where Docker runs); the second server is S3Proxy. */
    MINIO {
        @Override
        S3TestServer server() {
            return MinioFixture.shared();
        }

        @Override
        S3TestServer secondServer() throws Exception {
            return S3ProxyFixture.sharedOther();
        }
    };

    abstract S3TestServer server() throws Exception;

    abstract S3TestServer secondServer() throws Exception;
}
