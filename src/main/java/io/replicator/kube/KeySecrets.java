package io.replicator.kube;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.replicator.psk.PskKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS-PSK key Secret of a volume replication, in VolSync's format: one field {@code psk.txt} =
 * {@code identity:hexkey}. Generated when missing (as VolSync does, with our identity); a given
 * Secret is only read. Keys never appear in logs or exception messages.
 */
public final class KeySecrets {
    public static final String FIELD = "psk.txt";
    public static final String IDENTITY = "camel-replicator";
    private static final Logger LOG = LoggerFactory.getLogger(KeySecrets.class);
    /** VolSync's documented format: an identity, ':', at least 32 hex digits (16 bytes). */
    private static final Pattern FORMAT = Pattern.compile("[^:\\r\\n]+:(?:[0-9a-fA-F]{2}){16,}");

    private final KubernetesClient client;

    public KeySecrets(KubernetesClient client) {
        this.client = client;
    }

    /**
     * The {@code psk.txt} content of the Secret, creating the Secret with a new random key when it
     * does not exist. {@code owner} (nullable) becomes its owner reference, so it goes with the CR.
     */
    public String ensure(String namespace, String secretName, OwnerReference owner) {
        Secret existing = client.secrets().inNamespace(namespace).withName(secretName).get();
        if (existing != null) {
            return content(existing, namespace, secretName);
        }
        String line = PskKeyGenerator.generate(IDENTITY);
        Secret secret = new SecretBuilder().withNewMetadata().withName(secretName).withNamespace(namespace)
                .withLabels(ReplicatorLabels.managed())
                .withOwnerReferences(owner == null ? List.of() : List.of(owner)).endMetadata()
                .withType("Opaque")
                // data, not stringData: the mock API server does not merge stringData (a real one does).
                .addToData(FIELD, Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            client.secrets().inNamespace(namespace).resource(secret).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            // Another replica created it between our get and create: use theirs, both sides must agree.
            return read(namespace, secretName);
        }
        LOG.info("Created key Secret {}/{} with a new random key in field {}", namespace, secretName, FIELD);
        return line;
    }

    /** The {@code psk.txt} content of a Secret that must exist (a key given by the user). */
    public String read(String namespace, String secretName) {
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        if (secret == null) {
            throw new KubeResourceException("key Secret " + namespace + "/" + secretName + " not found");
        }
        return content(secret, namespace, secretName);
    }

    private static String content(Secret secret, String namespace, String secretName) {
        String where = "key Secret " + namespace + "/" + secretName + " field " + FIELD;
        String encoded = secret.getData() == null ? null : secret.getData().get(FIELD);
        if (encoded == null) {
            boolean inStringData = secret.getStringData() != null && secret.getStringData().containsKey(FIELD);
            throw new KubeResourceException(where + " is missing" + (inStringData ? " from data (only in stringData)" : ""));
        }
        String text;
        try {
            text = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new KubeResourceException(where + " is not valid base64");
        }
        // Files written by editors and `kubectl create secret --from-file` often end with a line break.
        String line = text.replaceFirst("[\\r\\n]+$", "");
        if (!FORMAT.matcher(line).matches()) {
            throw new KubeResourceException(where + " is not in identity:hexkey format"
                    + " (one line: an identity, ':', an even number of at least 32 hex digits)");
        }
        return line;
    }
}
