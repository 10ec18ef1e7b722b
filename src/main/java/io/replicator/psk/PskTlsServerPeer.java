package io.replicator.psk;

import java.io.IOException;
import java.util.Optional;
import java.util.Vector;
import org.bouncycastle.tls.AbstractTlsServer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.BasicTlsPSKExternal;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.PskIdentity;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsPSKExternal;

/**
 * BouncyCastle server policy: TLS 1.3 only, TLS_AES_128_GCM_SHA256 only, external PSKs from the key
 * ring, psk_dhe_ke (BC's default mode) so every session has a fresh X25519 secret. No certificate:
 * a client whose identity we do not know gets handshake_failure, as from stunnel.
 */
final class PskTlsServerPeer extends AbstractTlsServer {
    private final PskKeyRing ring;
    private final HandshakeFacts facts;

    PskTlsServerPeer(PskKeyRing ring, HandshakeFacts facts) {
        super(PskCrypto.crypto());
        this.ring = ring;
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
    public int[] getSupportedGroups() {
        return PskCrypto.GROUPS.clone();
    }

    @Override
    public TlsPSKExternal getExternalPSK(Vector identities) {
        facts.pskOffered = true;
        for (Object o : identities) {
            byte[] offered = ((PskIdentity) o).getIdentity();
            Optional<PskKey> key = ring.find(offered);
            if (key.isPresent()) {
                facts.identity = key.get().identity();
                facts.unknownIdentity = null;
                return new BasicTlsPSKExternal(offered, getCrypto().createSecret(key.get().secretCopy()), PskCrypto.PRF);
            }
            if (facts.unknownIdentity == null) {
                facts.unknownIdentity = LogSafe.identity(offered);
            }
        }
        return null;
    }

    /** Only reached when no PSK was selected: we have no certificate to fall back to. */
    @Override
    public TlsCredentials getCredentials() throws IOException {
        throw new TlsFatalAlert(AlertDescription.handshake_failure,
                facts.pskOffered ? "no usable PSK among the client's identities" : "client offered no PSK");
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        facts.completed = true;
    }
}
