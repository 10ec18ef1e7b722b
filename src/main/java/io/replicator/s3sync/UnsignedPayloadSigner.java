package io.replicator.s3sync;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 as the SDK does it, except for uploads (PutObject, UploadPart) over plain http: those go
 * out as UNSIGNED-PAYLOAD with one plain body instead of the SDK's aws-chunked streaming signature.
 * Why: Ceph RGW 16 stores an aws-chunked upload with {@code Content-Encoding: aws-chunked}, a header
 * the source never had, and the chunk signing hashes every 128 KiB on both ends. Integrity is kept
 * by the copier instead: it sends Content-MD5 where the MD5 is known in advance and otherwise hashes
 * the bytes while they stream and compares the digest with the ETag the server returns
 * ({@link ReopeningBody#md5Hex()}), as rclone does. The SDK forces payload signing for http, so the
 * request is signed as if it were https (the scheme is not part of the SigV4 canonical request, the
 * signature is the same) and sent as http.
 */
final class UnsignedPayloadSigner implements HttpSigner<AwsCredentialsIdentity> {
    static final AuthScheme<AwsCredentialsIdentity> AUTH_SCHEME = new AuthScheme<>() {
        private final UnsignedPayloadSigner signer = new UnsignedPayloadSigner();

        @Override
        public String schemeId() {
            return AwsV4AuthScheme.SCHEME_ID;
        }

        @Override
        public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
            return providers.identityProvider(AwsCredentialsIdentity.class);
        }

        @Override
        public HttpSigner<AwsCredentialsIdentity> signer() {
            return signer;
        }
    };

    private final AwsV4HttpSigner delegate = AwsV4HttpSigner.create();

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest http = request.request();
        if (!"http".equals(http.protocol())
                || !Boolean.TRUE.equals(request.property(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED))) {
            return delegate.sign(request);
        }
        SignedRequest signed = delegate.sign(request.copy(b -> b.request(http.toBuilder().protocol("https").build())
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)));
        return signed.copy(b -> b.request(signed.request().toBuilder().protocol(http.protocol()).build()));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return delegate.signAsync(request); // only the sync client is used
    }
}
