package io.replicator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** keep-replaced / keep-days / bucket-parallelism of a bucket-sync job: bound, defaulted, refused by name. */
class KeepSectionTest {
    private static final String JOB = "replicator.bucket-sync.daily.";

    private static Map<String, String> job(String buckets) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String r : new String[] {"src", "dst"}) {
            p.put("replicator.remotes." + r + ".endpoint", "https://s3." + r + ".example.com");
            p.put("replicator.remotes." + r + ".access-key", "AK" + r);
            p.put("replicator.remotes." + r + ".secret-key", "secret-" + r);
        }
        p.put(JOB + "source", "src");
        p.put(JOB + "destination", "dst");
        p.put(JOB + "buckets", buckets);
        return p;
    }

    private static BucketSyncJobConfig bind(Map<String, String> p) {
        return new ConfigBinder(p.keySet(), k -> Optional.ofNullable(p.get(k))).bind().bucketSyncJob("daily")
                .orElseThrow();
    }

    @Test
    void keepPlaceAndDaysAreBoundWithDefaults() {
        BucketSyncJobConfig plain = bind(job("aaa,bbb"));
        assertThat(plain.keep()).isNull();
        assertThat(plain.tuning().bucketParallelism()).isEqualTo(4);

        Map<String, String> p = job("aaa,bbb/data");
        p.put(JOB + "keep-replaced", "bbb/trash");
        p.put(JOB + "bucket-parallelism", "2");
        BucketSyncJobConfig c = bind(p);
        assertThat(c.keep()).isEqualTo(new KeepSettings("bbb", "trash/", 30));
        assertThat(c.tuning().bucketParallelism()).isEqualTo(2);
        p.put(JOB + "keep-days", "7");
        p.put(JOB + "keep-replaced", "keep-bucket");
        assertThat(bind(p).keep()).isEqualTo(new KeepSettings("keep-bucket", "", 7));
    }

    @Test
    void aKeepPlaceInsideASyncedDestinationRangeIsRefusedNamingTheProperty() {
        Map<String, String> p = job("aaa, bbb/data");
        p.put(JOB + "keep-replaced", "bbb/data/trash");
        assertThatThrownBy(() -> bind(p)).isInstanceOf(ConfigException.class).hasMessageContaining(JOB
                + "keep-replaced='bbb/data/trash' lies inside the synced range of destination bbb/data (bucket bbb/data)");
        p.put(JOB + "keep-replaced", "aaa/trash");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "keep-replaced='aaa/trash' lies inside the "
                + "synced range of destination aaa");
    }

    @Test
    void aKeepPlaceInASameEndpointSourceRangeIsRefused() {
        Map<String, String> p = job("photos:photos-copy");
        p.put(JOB + "destination", "src");
        p.put(JOB + "keep-replaced", "photos/trash");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "keep-replaced='photos/trash' lies inside the "
                + "synced range of source photos");
        p.put(JOB + "destination", "dst"); // another endpoint: the source bucket there is another bucket
        assertThat(bind(p).keep().bucket()).isEqualTo("photos");
    }

    @Test
    void badValuesAreRefusedNamingTheProperty() {
        Map<String, String> p = job("aaa");
        p.put(JOB + "keep-days", "7");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "keep-days='7' needs " + JOB + "keep-replaced");
        p.put(JOB + "keep-replaced", "Bad Bucket");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "keep-replaced='Bad Bucket' has an invalid bucket name");
        p.put(JOB + "keep-replaced", "kkk/.camel-replicator/trash");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining("lies inside the reserved prefix .camel-replicator/");
        p.put(JOB + "keep-replaced", "kkk");
        p.put(JOB + "keep-days", "0");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "keep-days");
        p.remove(JOB + "keep-days");
        p.put(JOB + "bucket-parallelism", "0");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "bucket-parallelism");
    }

    @Test
    void aLocalDestinationCannotKeep() {
        Map<String, String> p = job("aaa");
        p.put("replicator.remotes.disk.type", "local");
        p.put("replicator.remotes.disk.path", "/backups");
        p.put(JOB + "destination", "disk");
        p.put(JOB + "keep-replaced", "kkk");
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "keep-replaced='kkk' needs an S3 destination remote");
    }

    @Test
    void keepingIsRefusedWithSseCBecauseAKeepCopyCannotSendTheKey() {
        Map<String, String> p = job("aaa");
        p.put(JOB + "keep-replaced", "kkk");
        p.put(JOB + "encryption", "sse-c");
        p.put(JOB + "sse-c-key", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> bind(p)).hasMessageContaining(JOB + "keep-replaced='kkk' cannot be combined with "
                + "encryption=sse-c").hasMessageNotContaining(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        p.remove(JOB + "keep-replaced");
        assertThat(bind(p).keep()).isNull();
    }
}
