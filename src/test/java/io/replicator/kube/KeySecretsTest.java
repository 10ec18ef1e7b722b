package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.replicator.testing.KubeMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeySecretsTest {
    private static final String SHORT_KEY = "peer:00112233445566778899aabbccddee"; // 30 hex digits
    private final KubeMockServer kube = new KubeMockServer();
    private final KeySecrets secrets = new KeySecrets(kube.client());

    @AfterEach
    void close() {
        kube.close();
    }

    @Test
    void createsAMissingSecretWithARandomKeyAndReusesItAfterwards() {
        OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("replication.camel-replicator.io/v1alpha1")
                .withKind("ReplicationDestination").withName("db").withUid("uid-1").build();

        String psk = secrets.ensure("ns1", "camel-replicator-rsync-tls-db", owner);

        assertThat(psk).matches("camel-replicator:[0-9a-f]{128}");
        Secret created = kube.client().secrets().inNamespace("ns1").withName("camel-replicator-rsync-tls-db").get();
        assertThat(created.getType()).isEqualTo("Opaque");
        assertThat(created.getData()).containsOnlyKeys("psk.txt");
        assertThat(decode(created.getData().get("psk.txt"))).isEqualTo(psk);
        assertThat(created.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "camel-replicator");
        assertThat(created.getMetadata().getOwnerReferences()).containsExactly(owner);

        assertThat(secrets.ensure("ns1", "camel-replicator-rsync-tls-db", owner)).isEqualTo(psk);
        assertThat(secrets.read("ns1", "camel-replicator-rsync-tls-db")).isEqualTo(psk);
        assertThat(secrets.ensure("ns1", "other", null)).isNotEqualTo(psk); // a new key per Secret
        assertThat(kube.client().secrets().inNamespace("ns1").withName("other").get().getMetadata().getOwnerReferences())
                .isEmpty();
    }

    @Test
    void usesAnExistingSecretAsGivenWithoutItsTrailingLineBreak() {
        String line = "volsync:" + "0123456789abcdef".repeat(4);
        secret("given", line + "\n");

        assertThat(secrets.ensure("ns1", "given", null)).isEqualTo(line);
        assertThat(secrets.read("ns1", "given")).isEqualTo(line);
        assertThat(decode(kube.client().secrets().inNamespace("ns1").withName("given").get().getData().get("psk.txt")))
                .isEqualTo(line + "\n"); // untouched
    }

    @Test
    void rejectsAKeyShorterThan32HexDigitsNamingTheSecretButNotTheKey() {
        secret("short", SHORT_KEY);

        assertThatThrownBy(() -> secrets.ensure("ns1", "short", null))
                .isInstanceOf(KubeResourceException.class)
                .hasMessageContaining("ns1/short").hasMessageContaining("psk.txt")
                .hasMessageContaining("identity:hexkey").hasMessageNotContaining("00112233");
    }

    @Test
    void rejectsContentThatIsNotIdentityColonHex() {
        secret("no-identity", ":" + "ab".repeat(32));
        secret("not-hex", "peer:" + "zz".repeat(32));
        secret("two-lines", "a:" + "ab".repeat(32) + "\nb:" + "cd".repeat(32));

        for (String name : new String[] {"no-identity", "not-hex", "two-lines"}) {
            assertThatThrownBy(() -> secrets.read("ns1", name)).isInstanceOf(KubeResourceException.class)
                    .hasMessageContaining("ns1/" + name).hasMessageNotContaining("abab").hasMessageNotContaining("zzzz");
        }
    }

    @Test
    void aSecretWithoutThePskFieldOrWithoutBase64IsAnErrorNamingIt() {
        kube.client().secrets().inNamespace("ns1").resource(new SecretBuilder().withNewMetadata().withName("wrong-field")
                .endMetadata().addToData("key", encode("peer:" + "ab".repeat(32))).build()).create();
        kube.client().secrets().inNamespace("ns1").resource(new SecretBuilder().withNewMetadata().withName("garbled")
                .endMetadata().addToData("psk.txt", "not base64 !").build()).create();

        assertThatThrownBy(() -> secrets.ensure("ns1", "wrong-field", null))
                .hasMessage("key Secret ns1/wrong-field field psk.txt is missing");
        assertThatThrownBy(() -> secrets.read("ns1", "garbled"))
                .hasMessage("key Secret ns1/garbled field psk.txt is not valid base64");
    }

    @Test
    void readingAMissingGivenSecretNamesIt() {
        assertThatThrownBy(() -> secrets.read("ns1", "absent"))
                .isInstanceOf(KubeResourceException.class).hasMessage("key Secret ns1/absent not found");
        assertThat(kube.client().secrets().inNamespace("ns1").withName("absent").get()).isNull(); // not created
    }

    private void secret(String name, String psk) {
        kube.client().secrets().inNamespace("ns1").resource(new SecretBuilder().withNewMetadata().withName(name)
                .endMetadata().addToData("psk.txt", encode(psk)).build()).create();
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
