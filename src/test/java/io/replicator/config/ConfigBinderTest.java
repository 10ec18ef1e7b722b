package io.replicator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.replicator.s3sync.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBinderTest {

    private static Map<String, String> valid() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("replicator.remotes.sto2.endpoint", "https://s3.sto2.example.com");
        p.put("replicator.remotes.sto2.access-key", "AKSTO2");
        p.put("replicator.remotes.sto2.secret-key", "very-secret-sto2");
        p.put("replicator.remotes.osl1.endpoint", "https://s3.osl1.example.com:8443");
        p.put("replicator.remotes.osl1.access-key", "AKOSL1");
        p.put("replicator.remotes.osl1.secret-key", "very-secret-osl1");
        p.put("replicator.bucket-sync.daily.source", "sto2");
        p.put("replicator.bucket-sync.daily.destination", "osl1");
        p.put("replicator.bucket-sync.daily.buckets", "elasticsearch, influxdb:influx-copy, velero/backups:velero-dr/b");
        return p;
    }

    private static ReplicatorConfig bind(Map<String, String> p) {
        return new ConfigBinder(p.keySet(), k -> Optional.ofNullable(p.get(k))).bind();
    }

    @Test
    void bindsRemotesAndJobsWithDefaults() {
        ReplicatorConfig c = bind(valid());
        RemoteConfig sto2 = c.remotes().get("sto2");
        assertThat(sto2.type()).isEqualTo(RemoteConfig.Type.S3);
        assertThat(sto2.pathStyle()).isTrue();
        assertThat(sto2.region()).isEqualTo("us-east-1");
        BucketSyncJobConfig job = c.bucketSyncJob("daily").orElseThrow();
        assertThat(job.source().name()).isEqualTo("sto2");
        assertThat(job.destination().name()).isEqualTo("osl1");
        assertThat(job.schedule().quartz()).containsExactly("0 0 5 * * ?");
        assertThat(job.schedule().zone().getId()).isEqualTo("UTC");
        assertThat(job.mode()).isEqualTo(SyncMode.SYNC);
        assertThat(job.buckets()).containsExactly(
                new BucketMapping("elasticsearch", "", "elasticsearch", ""),
                new BucketMapping("influxdb", "", "influx-copy", ""),
                new BucketMapping("velero", "backups", "velero-dr", "b"));
        assertThat(job.maxDelete()).isEqualTo(DeleteLimit.NONE);
    }

    @Test
    void unknownRemoteNamesTheProperty() {
        Map<String, String> p = valid();
        p.put("replicator.bucket-sync.daily.destination", "osl9");
        assertThatThrownBy(() -> bind(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("replicator.bucket-sync.daily.destination='osl9' names no configured remote")
                .hasMessageContaining("sto2, osl1");
    }

    @Test
    void malformedCronNamesThePropertyAndValue() {
        Map<String, String> p = valid();
        p.put("replicator.bucket-sync.daily.schedule", "0 5 * *");
        assertThatThrownBy(() -> bind(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("replicator.bucket-sync.daily.schedule='0 5 * *' is not a schedule: expected 5 fields");
    }

    @Test
    void missingCredentialNamesThePropertyAndTheWaysToSetIt() {
        Map<String, String> p = valid();
        p.remove("replicator.remotes.osl1.secret-key");
        assertThatThrownBy(() -> bind(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("replicator.remotes.osl1.secret-key is required")
                .hasMessageContaining("REPLICATOR_REMOTES_OSL1_SECRET_KEY");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNoSecretIsShown() {
        Map<String, String> p = valid();
        p.put("replicator.bucket-sync.daily.shedule", "0 5 * * *");
        p.put("replicator.bucket-sync.daily.max-delete", "lots");
        p.put("replicator.remotes.osl1.endpoint", "s3.osl1.example.com");
        p.put("replicator.remotes.osl1.secret-key-file", "/nonexistent/secret");
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> bind(p));
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage())
                .contains("replicator.bucket-sync.daily.shedule is not a known property")
                .contains("replicator.bucket-sync.daily.max-delete='lots' must be a count")
                .contains("replicator.remotes.osl1.endpoint='s3.osl1.example.com' must be an http:// or https:// URL")
                .contains("replicator.remotes.osl1.secret-key='****' is set together with replicator.remotes.osl1.secret-key-file")
                .doesNotContain("very-secret");
    }

    @Test
    void anUnresolvablePlaceholderNamesTheProperty() {
        Map<String, String> p = valid();
        p.put("replicator.remotes.osl1.secret-key", "{{env:OSL1_SECRET}}");
        ConfigBinder binder = new ConfigBinder(p.keySet(), k -> {
            if (p.get(k) != null && p.get(k).startsWith("{{")) {
                throw new IllegalArgumentException("Property with key [env:OSL1_SECRET] not found");
            }
            return Optional.ofNullable(p.get(k));
        });
        assertThatThrownBy(binder::bind).isInstanceOf(ConfigException.class)
                .hasMessageContaining("replicator.remotes.osl1.secret-key cannot be resolved: Property with key [env:OSL1_SECRET] not found");
    }

    @Test
    void credentialsComeFromMountedFiles(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("secret"), "from-file\n");
        Map<String, String> p = valid();
        p.remove("replicator.remotes.osl1.secret-key");
        p.put("replicator.remotes.osl1.secret-key-file", key.toString());
        RemoteConfig osl1 = bind(p).remotes().get("osl1");
        assertThat(osl1.secretKey().reveal()).isEqualTo("from-file");
        assertThat(osl1.toString()).doesNotContain("from-file").doesNotContain("very-secret");
    }

    @Test
    void localRemotesDeleteLimitsAndTuning() {
        Map<String, String> p = valid();
        p.put("replicator.remotes.disk.type", "local");
        p.put("replicator.remotes.disk.path", "/backups");
        p.put("replicator.bucket-sync.daily.destination", "disk");
        p.put("replicator.bucket-sync.daily.max-delete", "100,5%");
        p.put("replicator.bucket-sync.daily.dry-run", "true");
        p.put("replicator.bucket-sync.daily.multipart-cutoff", "128MiB");
        p.put("replicator.bucket-sync.daily.schedule", "0 0 5 * * ?");
        p.put("replicator.bucket-sync.daily.time-zone", "Europe/Oslo");
        BucketSyncJobConfig job = bind(p).bucketSyncJob("daily").orElseThrow();
        assertThat(job.destination().path()).isEqualTo(Path.of("/backups"));
        assertThat(job.maxDelete().maxCount()).hasValue(100);
        assertThat(job.maxDelete().maxPercent()).hasValue(5.0);
        assertThat(job.mode()).isEqualTo(SyncMode.DRY_RUN);
        assertThat(job.tuning().multipartCutoff()).isEqualTo(128L << 20);
        assertThat(job.schedule().zone().getId()).isEqualTo("Europe/Oslo");
    }

    @Test
    void syncStateSettings() {
        assertThat(bind(valid()).bucketSyncJob("daily").orElseThrow().state())
                .isEqualTo(new BucketSyncJobConfig.StateSettings(null, false));
        Map<String, String> p = valid();
        p.put("replicator.bucket-sync.daily.state-bucket", "replicator-state");
        p.put("replicator.bucket-sync.daily.verify-unproven", "true");
        assertThat(bind(p).bucketSyncJob("daily").orElseThrow().state())
                .isEqualTo(new BucketSyncJobConfig.StateSettings("replicator-state", true));
        p.put("replicator.bucket-sync.daily.state-bucket", "a/b");
        assertThatThrownBy(() -> bind(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("replicator.bucket-sync.daily.state-bucket='a/b' must be a bucket name");
    }

    @Test
    void badNamesAndValuesAreRefused() {
        Map<String, String> p = valid();
        p.put("replicator.bucket-sync.Daily_Job.source", "sto2");
        p.put("replicator.bucket-sync.daily.buckets", "Bad Bucket");
        p.put("replicator.bucket-sync.daily.transfers", "0");
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> bind(p));
        assertThat(e.getMessage())
                .contains("replicator.bucket-sync.Daily_Job.source is not of the form")
                .contains("replicator.bucket-sync.daily.buckets='Bad Bucket' has an invalid bucket name 'Bad Bucket'")
                .contains("replicator.bucket-sync.daily.transfers='0' must be a whole number from 1 to 256");
    }

    @Test
    void volumeJobsBindWithVolSyncDefaults(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("psk.txt"), "volsync:" + "ab".repeat(32) + "\n");
        Map<String, String> p = valid();
        p.put("replicator.volume-source.db.path", dir.toString());
        p.put("replicator.volume-source.db.address", "dest.example");
        p.put("replicator.volume-source.db.key-file", key.toString());
        p.put("replicator.volume-source.db.exclude", "*.tmp");
        p.put("replicator.volume-destination.db-copy.path", dir.toString());
        p.put("replicator.volume-destination.db-copy.key-file", key.toString());
        ReplicatorConfig c = bind(p);
        VolumeSourceJobConfig src = c.volumeSources().get("db");
        assertThat(src.port()).isEqualTo(8000);
        assertThat(src.schedule().quartz()).containsExactly("0 0,5,10,15,20,25,30,35,40,45,50,55 * * * ?");
        assertThat(src.copyMethod()).isEqualTo(VolumeSourceJobConfig.CopyMethod.DIRECT);
        assertThat(src.exclude()).containsExactly("lost+found", "*.tmp");
        assertThat(src.transfer().streams()).isEqualTo(4);
        assertThat(c.volumeDestinations().get("db-copy").port()).isEqualTo(8000);
        assertThat(c.runnableJobs()).containsExactly("daily", "db");
        assertThat(c.kindOf("db-copy")).isEmpty();
        assertThat(src.destinationJob()).isEqualTo("db");
    }

    @Test
    void badVolumeJobsAreRefused(@TempDir Path dir) throws Exception {
        Map<String, String> p = valid();
        p.put("replicator.volume-source.db.path", dir.resolve("missing").toString());
        p.put("replicator.volume-source.db.address", "dest.example");
        p.put("replicator.volume-source.db.key-file", dir.resolve("nokey").toString());
        p.put("replicator.volume-source.clone.copy-method", "Clone");
        p.put("replicator.volume-source.clone.address", "dest.example");
        p.put("replicator.volume-source.clone.key-secret", "db-psk");
        p.put("replicator.volume-destination.a.path", dir.toString());
        p.put("replicator.volume-destination.a.key-file", dir.resolve("nokey").toString());
        p.put("replicator.volume-destination.b.path", dir.toString());
        p.put("replicator.volume-destination.b.key-file", dir.resolve("nokey").toString());
        p.put("replicator.volume-destination.daily.path", dir.toString());
        p.put("replicator.volume-source.daily.path", dir.toString());
        p.put("replicator.volume-source.daily.address", "x");
        p.put("replicator.volume-source.daily.port", "1");
        p.put("replicator.volume-destination.c.path", dir.toString());
        p.put("replicator.volume-destination.c.port", "8001");
        p.put("replicator.volume-destination.c.key-file", Files.writeString(dir.resolve("short.txt"), "id:00ff\n").toString());
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> bind(p));
        assertThat(e.getMessage())
                .contains("replicator.volume-source.db.path='" + dir.resolve("missing") + "' is not an existing directory")
                .contains("replicator.volume-source.db.key-file='" + dir.resolve("nokey") + "' cannot be read")
                .contains("replicator.volume-source.clone.copy-method='Clone' needs replicator.kubernetes.enabled=true")
                .contains("replicator.volume-source.clone.key-secret='db-psk' needs replicator.kubernetes.enabled=true")
                .contains("replicator.volume-source.clone.source-pvc is required: the PVC to clone or snapshot")
                .contains("replicator.volume-destination.b.port='8000' is already the port of volume destination a")
                .contains("replicator.volume-source.daily reuses the name of a bucket-sync job")
                .contains("replicator.volume-destination.daily.key-file is required")
                .contains("replicator.volume-destination.c.key-file='" + dir.resolve("short.txt") + "' is not a valid PSK file")
                .doesNotContain("00ff");
    }

    @Test
    void onKubernetesKeysComeFromSecretsAndCopyMethodsNeedTheirPvcs(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("psk.txt"), "volsync:" + "ab".repeat(32) + "\n");
        Map<String, String> p = valid();
        p.put("replicator.kubernetes.enabled", "true");
        p.put("replicator.volume-source.db.copy-method", "Snapshot");
        p.put("replicator.volume-source.db.source-pvc", "mysql-data");
        p.put("replicator.volume-source.db.volume-snapshot-class-name", "csi-snap");
        p.put("replicator.volume-source.db.address", "dest.example");
        p.put("replicator.volume-source.db.key-secret", "db-psk");
        p.put("replicator.volume-destination.db.path", dir.toString());
        p.put("replicator.volume-destination.db.copy-method", "Snapshot");
        p.put("replicator.volume-destination.db.destination-pvc", "mysql-copy");
        p.put("replicator.volume-destination.db.snapshot-retain", "3");
        ReplicatorConfig c = bind(p);
        assertThat(c.settings().kubernetes()).isEqualTo(new Settings.Kubernetes(true, null, true));
        VolumeSourceJobConfig src = c.volumeSources().get("db");
        assertThat(src.path()).isNull();
        assertThat(src.pointInTime().sourcePvc()).isEqualTo("mysql-data");
        assertThat(src.key()).isEqualTo(KeySource.secret("db-psk"));
        VolumeDestinationJobConfig dst = c.volumeDestinations().get("db");
        assertThat(dst.key()).isEqualTo(KeySource.secret("camel-replicator-tls-db"));
        assertThat(dst.image()).isEqualTo(new VolumeDestinationJobConfig.Image(VolumeDestinationJobConfig.CopyMethod.SNAPSHOT,
                "mysql-copy", 3, null));

        p.remove("replicator.volume-destination.db.destination-pvc");
        p.put("replicator.volume-destination.db.key-file", key.toString());
        p.put("replicator.volume-destination.db.key-secret", "other");
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> bind(p));
        assertThat(e.getMessage())
                .contains("replicator.volume-destination.db.destination-pvc is required: copy-method Snapshot snapshots this PVC")
                .contains("replicator.volume-destination.db.key-secret='other' cannot be combined with replicator.volume-destination.db.key-file");
    }
}
