package io.replicator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The destination protection properties of a bucket job: parsed, refused with the property named, keys never shown. */
class ProtectionBinderTest {
    private static final String P = "replicator.bucket-sync.daily.";
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private static Map<String, String> valid() {
        Map<String, String> p = TwoRemotes.into(new LinkedHashMap<>());
        p.put(P + "source", "sto2");
        p.put(P + "destination", "osl1");
        p.put(P + "buckets", "elasticsearch");
        return p;
    }

    private static BucketSyncJobConfig.Protection bind(Map<String, String> p) {
        return new ConfigBinder(p.keySet(), k -> Optional.ofNullable(p.get(k))).bind().bucketSyncJob("daily")
                .orElseThrow().protection();
    }

    @Test
    void noSettingsMeanNoProtection() {
        assertThat(bind(valid())).isEqualTo(BucketSyncJobConfig.Protection.NONE);
    }

    @Test
    void storageClassAndSseKms() {
        Map<String, String> p = valid();
        p.put(P + "storage-class", "source");
        p.put(P + "encryption", "sse-kms");
        p.put(P + "sse-kms-key-id", "arn:aws:kms:eu-north-1:1:key/abc");
        assertThat(bind(p)).isEqualTo(new BucketSyncJobConfig.Protection("source",
                BucketSyncJobConfig.Protection.Encryption.SSE_KMS, "arn:aws:kms:eu-north-1:1:key/abc", null));
        p.put(P + "storage-class", "GLACIER_IR");
        assertThat(bind(p).storageClass()).isEqualTo("GLACIER_IR");
    }

    @Test
    void theSseCKeyComesFromAFileAndIsNeverShown(@TempDir Path dir) throws Exception {
        Map<String, String> p = valid();
        p.put(P + "encryption", "sse-c");
        p.put(P + "sse-c-key-file", Files.writeString(dir.resolve("key"), KEY + "\n").toString());
        BucketSyncJobConfig.Protection prot = bind(p);
        assertThat(prot.customerKey().reveal()).isEqualTo(KEY);
        assertThat(prot.toString()).doesNotContain(KEY);
    }

    @Test
    void badValuesAreRefusedNamingThePropertyNeverTheKey() {
        Map<String, String> p = valid();
        p.put(P + "storage-class", "cold storage");
        p.put(P + "encryption", "aes");
        assertThatThrownBy(() -> bind(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(P + "storage-class='cold storage' must be a storage class name")
                .hasMessageContaining(P + "encryption='aes' must be none, sse-kms or sse-c");

        Map<String, String> shortKey = valid();
        String tooShort = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
        shortKey.put(P + "encryption", "sse-c");
        shortKey.put(P + "sse-c-key", tooShort);
        assertThatThrownBy(() -> bind(shortKey)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(P + "sse-c-key='****' must be a base64-encoded 256-bit key")
                .message().doesNotContain(tooShort);

        Map<String, String> missing = valid();
        missing.put(P + "encryption", "sse-c");
        assertThatThrownBy(() -> bind(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(P + "sse-c-key");

        Map<String, String> stray = valid();
        stray.put(P + "sse-c-key", KEY);
        stray.put(P + "sse-kms-key-id", "k");
        assertThatThrownBy(() -> bind(stray)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(P + "sse-c-key='****' needs " + P + "encryption=sse-c")
                .hasMessageContaining(P + "sse-kms-key-id='k' needs " + P + "encryption=sse-kms")
                .message().doesNotContain(KEY);

        Map<String, String> local = valid();
        local.put("replicator.remotes.disk.type", "local");
        local.put("replicator.remotes.disk.path", "/backups");
        local.put(P + "destination", "disk");
        local.put(P + "storage-class", "STANDARD");
        assertThatThrownBy(() -> bind(local)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(P + "storage-class='STANDARD' applies to S3 destinations only");
    }
}
