package io.replicator.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away self-signed P-256 certificate for the JDK TLS baseline (bcpkix, test scope). */
record PskBenchCert(KeyPair keys, X509Certificate certificate) {
    static PskBenchCert generate() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = gen.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        Date now = new Date();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.getTime()), now,
                new Date(now.getTime() + 86_400_000L), name, keys.getPublic());
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return new PskBenchCert(keys, cert);
    }
}
