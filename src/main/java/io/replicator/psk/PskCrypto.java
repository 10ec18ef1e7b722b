package io.replicator.psk;

import java.security.SecureRandom;
import java.util.Vector;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/** The TLS parameters both peers use, and one shared JDK-backed BouncyCastle crypto. */
final class PskCrypto {
    /**
     * Only AES-128-GCM-SHA256: stunnel/OpenSSL bind PSKs to SHA-256, and offering the SHA-384
     * suite makes stunnel reset the connection without an alert (BC does not check the hash).
     */
    static final int[] CIPHER_SUITES = {CipherSuite.TLS_AES_128_GCM_SHA256};
    static final ProtocolVersion[] VERSIONS = ProtocolVersion.TLSv13.only();
    /** X25519 first (the key share both sides send); P-256 only as a HelloRetryRequest fallback. */
    static final int[] GROUPS = {NamedGroup.x25519, NamedGroup.secp256r1};
    static final int PRF = PRFAlgorithm.tls13_hkdf_sha256;

    /**
     * JCA-backed crypto (AES-GCM and X25519 from the JDK, with its AES-NI intrinsics): BC's
     * pure-Java crypto measured ~10x slower. Stateless apart from the thread-safe SecureRandom,
     * so one instance serves every connection.
     */
    private static final TlsCrypto CRYPTO = new JcaTlsCryptoProvider().create(new SecureRandom());

    private PskCrypto() {
    }

    static TlsCrypto crypto() {
        return CRYPTO;
    }

    static Vector<Integer> groupVector() {
        Vector<Integer> v = new Vector<>();
        for (int g : GROUPS) {
            v.add(g);
        }
        return v;
    }
}
