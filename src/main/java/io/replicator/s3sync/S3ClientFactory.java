package io.replicator.s3sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK v2 client for an {@link S3Remote}. Everything comes from the remote record, never
 * from the environment or ~/.aws: static credentials, explicit region, endpoint override. (The SDK
 * v2 does not read AWS_CA_BUNDLE, which this machine sets; plain http endpoints are unaffected and
 * https endpoints use the JVM trust store.)
 */
public final class S3ClientFactory {

    /** Per-client settings; counter null = no counting. */
    public record ClientSettings(RetryPolicy retry, int maxConnections, RequestCounter counter) {
        public static final ClientSettings DEFAULT = new ClientSettings(RetryPolicy.DEFAULT, 50, null);

        public ClientSettings {
            Objects.requireNonNull(retry, "retry policy");
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
            }
        }
    }

    private S3ClientFactory() {
    }

    public static S3Client create(S3Remote remote) {
        return create(remote, ClientSettings.DEFAULT);
    }

    public static S3Client create(S3Remote remote, ClientSettings settings) {
        return create(remote, settings, List.of());
    }

    /** With more interceptors after the counting one (watching connection failures, tests). */
    static S3Client create(S3Remote remote, ClientSettings settings, List<ExecutionInterceptor> more) {
        return builder(remote, settings, more).httpClientBuilder(httpClientBuilder(settings)).build();
    }

    private static ApacheHttpClient.Builder httpClientBuilder(ClientSettings settings) {
        return ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60));
    }

    private static S3ClientBuilder builder(S3Remote remote, ClientSettings settings, List<ExecutionInterceptor> more) {
        RetryPolicy rp = settings.retry();
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(remote.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(remote.accessKey(), remote.secretKey())))
                .forcePathStyle(remote.addressing() == S3Remote.Addressing.PATH)
                .overrideConfiguration(o -> {
                    // Standard AWS conditions: 429/SlowDown/Throttling, 500/502/503/504, I/O errors
                    // (connection reset, refused). No circuit breaker: every request gets its retries.
                    o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(rp.maxRetries() + 1)
                            .backoffStrategy(BackoffStrategy.exponentialDelay(rp.baseDelay(), rp.maxDelay()))
                            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(rp.baseDelay(), rp.maxDelay()))
                            .circuitBreakerEnabled(false)
                            .build());
                    if (settings.counter() != null) {
                        o.addExecutionInterceptor(new CountingInterceptor(settings.counter()));
                    }
                    more.forEach(o::addExecutionInterceptor);
                });
        b.putAuthScheme(UnsignedPayloadSigner.AUTH_SCHEME);
        if (remote.endpoint() != null) {
            b.endpointOverride(remote.endpoint());
        }
        if (!remote.isAws()) {
            // Non-AWS servers (S3Proxy, MinIO, Ceph...) reject or ignore the newer CRC trailers.
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return b;
    }
}
