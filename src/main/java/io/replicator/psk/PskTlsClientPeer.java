package io.replicator.psk;

import java.io.IOException;
import java.util.Vector;
import org.bouncycastle.tls.AbstractTlsClient;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.BasicTlsPSKExternal;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsPSKExternal;

/**
 * BouncyCastle client policy: TLS 1.3 only, TLS_AES_128_GCM_SHA256 only, one external PSK, an
 * X25519 key share (psk_dhe_ke: forward secret). A server that answers with a certificate instead
 * of accepting the PSK is refused.
 */
final class PskTlsClientPeer extends AbstractTlsClient {
    private final PskKey key;
    private final HandshakeFacts facts;

    PskTlsClientPeer(PskKey key, HandshakeFacts facts) {
        super(PskCrypto.crypto());
        this.key = key;
        this.facts = facts;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return PskCrypto.VERSIONS;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return PskCrypto.CIPHER_SUITES.clone();
    }

    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        return PskCrypto.groupVector();
    }

    /**
     * A fixed signature_algorithms list instead of BC's default, which asks the JCA for every scheme
     * it knows: the schemes the JDK lacks (brainpool, ed448, ML-DSA, ...) make it load all of the
     * JDK's security providers, a cold process's largest single cost in its first handshake. A PSK
     * handshake signs nothing and a certificate is refused ({@link #getAuthentication}); the
     * extension stays, so that a server without our PSK answers handshake_failure.
     */
    @Override
    protected Vector getSupportedSignatureAlgorithms() {
        Vector<SignatureAndHashAlgorithm> v = new Vector<>(3);
        v.add(SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.ecdsa_secp256r1_sha256));
        v.add(SignatureAndHashAlgorithm.ed25519);
        v.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        return v;
    }

    @Override
    public Vector getExternalPSKs() {
        Vector<TlsPSKExternal> psks = new Vector<>(1);
        psks.add(new BasicTlsPSKExternal(key.identityBytes(), getCrypto().createSecret(key.secretCopy()), PskCrypto.PRF));
        return psks;
    }

    @Override
    public TlsAuthentication getAuthentication() throws IOException {
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "server did not accept our PSK");
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        facts.identity = key.identity();
        facts.completed = true;
    }
}
