package io.replicator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.replicator.s3sync.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigBinderTest {

    /** The valid base configuration, changed by {@code "key = value"} lines. */
    private static Map<String, String> valid(String... changes) {
        Map<String, String> p = TwoRemotes.into(new LinkedHashMap<>());
        p.put("replicator.bucket-sync.daily.source", "sto2");
        p.put("replicator.bucket-sync.daily.destination", "osl1");
        p.put("replicator.bucket-sync.daily.buckets", "elasticsearch, influxdb:influx-copy, velero/backups:velero-dr/b");
        for (String change : changes) {
            int eq = change.indexOf(" = ");
            p.put(change.substring(0, eq), change.substring(eq + 3));
        }
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

    /** A property change that binding must refuse, and what the message must (not) say. */
    private record Refusal(String name, Map<String, String> set, List<String> removed, Integer problems,
                           List<String> says, List<String> neverSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("an unknown remote names the property",
                        Map.of("replicator.bucket-sync.daily.destination", "osl9"), List.of(), null,
                        List.of("replicator.bucket-sync.daily.destination='osl9' names no configured remote", "sto2, osl1"),
                        List.of()),
                new Refusal("a malformed cron names the property and value",
                        Map.of("replicator.bucket-sync.daily.schedule", "0 5 * *"), List.of(), null,
                        List.of("replicator.bucket-sync.daily.schedule='0 5 * *' is not a schedule: expected 5 fields"),
                        List.of()),
                new Refusal("a missing credential names the property and the ways to set it",
                        Map.of(), List.of("replicator.remotes.osl1.secret-key"), null,
                        List.of("replicator.remotes.osl1.secret-key is required", "REPLICATOR_REMOTES_OSL1_SECRET_KEY"),
                        List.of()),
                new Refusal("every problem is reported at once and no secret is shown",
                        Map.of("replicator.bucket-sync.daily.shedule", "0 5 * * *",
                                "replicator.bucket-sync.daily.max-delete", "lots",
                                "replicator.remotes.osl1.endpoint", "s3.osl1.example.com",
                                "replicator.remotes.osl1.secret-key-file", "/nonexistent/secret"), List.of(), 4,
                        List.of("replicator.bucket-sync.daily.shedule is not a known property",
                                "replicator.bucket-sync.daily.max-delete='lots' must be a count",
                                "replicator.remotes.osl1.endpoint='s3.osl1.example.com' must be an http:// or https:// URL",
                                "replicator.remotes.osl1.secret-key='****' is set together with replicator.remotes.osl1.secret-key-file"),
                        List.of("very-secret")),
                new Refusal("a bad state bucket is refused",
                        Map.of("replicator.bucket-sync.daily.state-bucket", "a/b",
                                "replicator.bucket-sync.daily.verify-unproven", "true"), List.of(), null,
                        List.of("replicator.bucket-sync.daily.state-bucket='a/b' must be a bucket name"), List.of()),
                new Refusal("bad names and values are refused",
                        Map.of("replicator.bucket-sync.Daily_Job.source", "sto2",
                                "replicator.bucket-sync.daily.buckets", "Bad Bucket",
                                "replicator.bucket-sync.daily.transfers", "0"), List.of(), null,
                        List.of("replicator.bucket-sync.Daily_Job.source is not of the form",
                                "replicator.bucket-sync.daily.buckets='Bad Bucket' has an invalid bucket name 'Bad Bucket'",
                                "replicator.bucket-sync.daily.transfers='0' must be a whole number from 1 to 256"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedChangesNameThePropertyAndShowNoSecret(Refusal r) {
        Map<String, String> p = valid();
        p.putAll(r.set());
        r.removed().forEach(p::remove);
        Throwable thrown = catchThrowable(() -> bind(p));
        assertThat(thrown).isInstanceOf(ConfigException.class);
        if (r.problems() != null) {
            assertThat(((ConfigException) thrown).problems()).hasSize(r.problems());
        }
        r.says().forEach(text -> assertThat(thrown).hasMessageContaining(text));
        r.neverSays().forEach(text -> assertThat(thrown.getMessage()).doesNotContain(text));
    }

    @Test
    void anUnresolvablePlaceholderNamesTheProperty() {
        Map<String, String> p = valid(
                "replicator.remotes.osl1.secret-key = {{env:OSL1_SECRET}}");
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
        Map<String, String> p = valid(
                "replicator.remotes.disk.type = local",
                "replicator.remotes.disk.path = /backups",
                "replicator.bucket-sync.daily.destination = disk",
                "replicator.bucket-sync.daily.max-delete = 100,5%",
                "replicator.bucket-sync.daily.dry-run = true",
                "replicator.bucket-sync.daily.multipart-cutoff = 128MiB",
                "replicator.bucket-sync.daily.schedule = 0 0 5 * * ?",
                "replicator.bucket-sync.daily.time-zone = Europe/Oslo");
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
        Map<String, String> p = valid(
                "replicator.bucket-sync.daily.state-bucket = replicator-state",
                "replicator.bucket-sync.daily.verify-unproven = true");
        assertThat(bind(p).bucketSyncJob("daily").orElseThrow().state())
                .isEqualTo(new BucketSyncJobConfig.StateSettings("replicator-state", true));
    }

    @Test
    void volumeJobsBindWithVolSyncDefaults(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("psk.txt"), "volsync:" + "ab".repeat(32) + "\n");
        Map<String, String> p = valid(
                "replicator.volume-source.db.path = " + dir.toString(),
                "replicator.volume-source.db.address = dest.example",
                "replicator.volume-source.db.key-file = " + key.toString(),
                "replicator.volume-source.db.exclude = *.tmp",
                "replicator.volume-destination.db-copy.path = " + dir.toString(),
                "replicator.volume-destination.db-copy.key-file = " + key.toString());
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
        Map<String, String> p = valid(
                "replicator.volume-source.db.path = " + dir.resolve("missing").toString(),
                "replicator.volume-source.db.address = dest.example",
                "replicator.volume-source.db.key-file = " + dir.resolve("nokey").toString(),
                "replicator.volume-source.clone.copy-method = Clone",
                "replicator.volume-source.clone.address = dest.example",
                "replicator.volume-source.clone.key-secret = db-psk",
                "replicator.volume-destination.a.path = " + dir.toString(),
                "replicator.volume-destination.a.key-file = " + dir.resolve("nokey").toString(),
                "replicator.volume-destination.b.path = " + dir.toString(),
                "replicator.volume-destination.b.key-file = " + dir.resolve("nokey").toString(),
                "replicator.volume-destination.daily.path = " + dir.toString(),
                "replicator.volume-source.daily.path = " + dir.toString(),
                "replicator.volume-source.daily.address = x",
                "replicator.volume-source.daily.port = 1",
                "replicator.volume-destination.c.path = " + dir.toString(),
                "replicator.volume-destination.c.port = 8001",
                "replicator.volume-destination.c.key-file = " + Files.writeString(dir.resolve("short.txt"), "id:00ff\n").toString());
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
        Map<String, String> p = valid(
                "replicator.kubernetes.enabled = true",
                "replicator.volume-source.db.copy-method = Snapshot",
                "replicator.volume-source.db.source-pvc = mysql-data",
                "replicator.volume-source.db.volume-snapshot-class-name = csi-snap",
                "replicator.volume-source.db.address = dest.example",
                "replicator.volume-source.db.key-secret = db-psk",
                "replicator.volume-destination.db.path = " + dir.toString(),
                "replicator.volume-destination.db.copy-method = Snapshot",
                "replicator.volume-destination.db.destination-pvc = mysql-copy",
                "replicator.volume-destination.db.snapshot-retain = 3");
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
