package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.replicator.config.ConfigBinder;
import io.replicator.config.ConfigException;
import io.replicator.psk.PskKeyGenerator;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under k8s/ as a cluster would take them: every YAML parses into fabric8's typed
 * objects with no unknown field, kustomize builds (where kubectl exists), and the Deployment, Role,
 * sync-now Job, samples and each overlay's properties agree with what the application expects.
 */
class ManifestsTest {
    private static final Path K8S = Path.of("k8s");
    private static final KubernetesSerialization KUBE = new KubernetesSerialization();
    private static final String CONFIG = "/etc/camel-replicator/replicator.properties";
    private static final String GROUP = "replication.camel-replicator.io";
    /** What the application calls (docs/kubernetes.md, RBAC): group, resources, verbs. */
    private static final List<String> NEEDED = List.of(
            GROUP + " bucketsyncs,replicationsources,replicationdestinations get,list,watch,create,update,patch",
            GROUP + " bucketsyncs/status,replicationsources/status,replicationdestinations/status get,update,patch",
            "coordination.k8s.io leases get,list,watch,create,update,patch", " pods get,list,watch", " pods/log get",
            " secrets get,create", " persistentvolumeclaims get,list,create,delete", " events create,patch",
            "snapshot.storage.k8s.io volumesnapshots get,list,watch,create,delete", "batch jobs get,list,watch,create,delete");
    /** Properties that only a binder with the Kubernetes integration accepts. */
    private static final String KUBERNETES_KEYS = "^replicator\\.(kubernetes\\.[a-z-]+|volume-(source|destination)\\.[a-z0-9-]+\\."
            + "(source-pvc|destination-pvc|copy-method|storage-class-name|volume-snapshot-class-name|capacity|access-modes"
            + "|key-secret|key-file|snapshot-retain|service-address))[ =].*";

    @Test
    void everyManifestIsATypedObjectWithKindApiVersionNameAndNoUnknownField() throws IOException {
        List<Path> files = yamlFiles().filter(f -> !isKustomization(f)).toList();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            List<HasMetadata> objects = parse(Files.readString(f));
            objects.forEach(o -> assertValid(o, f.toString()));
            if (f.startsWith(K8S.resolve("base/crd"))) {
                // kubectl apply -f k8s/base/crd/ and the tests' mock API server take every file there as a CRD.
                assertThat(objects).as(f.toString()).singleElement().isInstanceOf(CustomResourceDefinition.class);
            }
        }
    }

    @Test
    void everyFileAKustomizationNamesExists() throws IOException {
        for (Path k : yamlFiles().filter(ManifestsTest::isKustomization).toList()) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(k.toFile());
            List<String> refs = new ArrayList<>();
            root.path("resources").forEach(r -> refs.add(r.asText()));
            root.path("patches").forEach(p -> refs.add(p.path("path").asText()));
            root.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> refs.add(f.asText().replaceFirst("^[^=]*=", ""))));
            assertThat(refs).as(k.toString()).isNotEmpty();
            for (String ref : refs) {
                Path target = k.getParent().resolve(ref).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as(k + " names " + ref + ", which does not exist").isTrue();
            }
        }
    }

    @Test
    void deploymentProbesTheManagementPortAndRunsLockedDown() throws IOException {
        PodSpec pod = read("base/manager/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertThat(probe(c, c.getLivenessProbe())).isEqualTo("9876 /observe/health/live");
        assertThat(probe(c, c.getReadinessProbe())).isEqualTo("9876 /observe/health/ready");
        assertThat(c.getEnv()).extracting(e -> e.getName() + "=" + (e.getValueFrom() == null ? e.getValue() : e.getValueFrom().getFieldRef().getFieldPath()))
                .contains("MANAGEMENT_PORT=9876", "MANAGEMENT_HOST=0.0.0.0", "POD_NAME=metadata.name", "POD_NAMESPACE=metadata.namespace")
                .contains("JAVA_TOOL_OPTIONS=" + imageEnv("JAVA_TOOL_OPTIONS"), "MALLOC_ARENA_MAX=" + imageEnv("MALLOC_ARENA_MAX"));
        assertThat(pod.getSecurityContext()).extracting(s -> s.getRunAsNonRoot(), s -> s.getRunAsUser(), s -> s.getSeccompProfile().getType())
                .containsExactly(true, 65532L, "RuntimeDefault");
        assertThat(c.getSecurityContext()).extracting(s -> s.getReadOnlyRootFilesystem(), s -> s.getAllowPrivilegeEscalation(), s -> s.getCapabilities().getDrop())
                .containsExactly(true, false, List.of("ALL"));
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(c.getArgs()).containsExactly("--config", CONFIG);
        assertThat(mountedAt(pod, CONFIG).getConfigMap().getName()).isEqualTo("camel-replicator-config");
        assertThat(mountedAt(pod, "/tmp").getEmptyDir()).isNotNull();
    }

    @Test
    void syncNowJobRunsOnceWithTheDeploymentsConfigCredentialsAndLockdown() throws IOException {
        PodSpec dp = read("base/manager/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
        Job job = read("jobs/sync-now.yaml", Job.class);
        PodSpec jp = job.getSpec().getTemplate().getSpec();
        // The documented sed replaces these literals: each must be there, and name a configured job.
        assertThat(job.getMetadata().getGenerateName()).isEqualTo("sync-now-daily-buckets-");
        assertThat(jp.getContainers().get(0).getImage()).isEqualTo("camel-replicator:latest");
        assertThat(jp.getContainers().get(0).getArgs()).containsExactly("--config", CONFIG, "--once", "daily-buckets");
        assertThat(load(Files.readString(K8S.resolve("overlays/rclone-replacement/replicator.properties"))))
                .containsKey("replicator.bucket-sync.daily-buckets.source");
        assertThat(mountedAt(jp, CONFIG)).isEqualTo(mountedAt(dp, CONFIG));
        assertThat(jp.getContainers().get(0)).usingRecursiveComparison().comparingOnlyFields("envFrom", "securityContext", "resources")
                .isEqualTo(dp.getContainers().get(0));
        assertThat(jp.getServiceAccountName()).isEqualTo(dp.getServiceAccountName());
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainEntry("app.kubernetes.io/name", "camel-replicator");
        // A one-shot run gets C1 only and the serial collector (docs/cold-start.md); the Deployment does not.
        assertThat(jp.getContainers().get(0).getEnv()).filteredOn(e -> e.getName().equals(OneShotJvmOptions.ENV)).singleElement()
                .extracting(EnvVar::getValue).isEqualTo(imageEnv(OneShotJvmOptions.ENV) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        assertThat(dp.getContainers().get(0).getEnv()).filteredOn(e -> e.getName().equals(OneShotJvmOptions.ENV))
                .noneSatisfy(e -> assertThat(e.getValue()).contains("-XX:TieredStopAtLevel"));
    }

    @Test
    void roleGrantsExactlyWhatTheApplicationUsesInItsNamespace() throws IOException {
        Set<String> granted = new TreeSet<>();
        read("base/rbac/role.yaml", Role.class).getRules().forEach(r -> r.getApiGroups().forEach(g -> r.getResources()
                .forEach(res -> r.getVerbs().forEach(v -> granted.add(g + " " + res + " " + v)))));
        Set<String> needed = new TreeSet<>();
        for (String[] f : NEEDED.stream().map(l -> l.split(" ", -1)).toList()) {
            Stream.of(f[1].split(",")).forEach(res -> Stream.of(f[2].split(",")).forEach(v -> needed.add(f[0] + " " + res + " " + v)));
        }
        assertThat(granted).isEqualTo(needed).noneMatch(t -> t.contains("*"));
    }

    @Test
    void sampleCustomResourcesFitTheirCrdSchema() throws IOException {
        Map<String, CustomResourceDefinition> crds = new HashMap<>();
        for (Path f : yamlFiles().filter(f -> f.startsWith(K8S.resolve("base/crd"))).toList()) {
            CustomResourceDefinition crd = KUBE.unmarshal(Files.readString(f), CustomResourceDefinition.class);
            crds.put(crd.getSpec().getNames().getKind(), crd);
        }
        List<Path> samples = yamlFiles().filter(f -> f.startsWith(K8S.resolve("samples"))).toList();
        assertThat(samples).hasSize(3);
        for (Path f : samples) {
            GenericKubernetesResource r = (GenericKubernetesResource) parse(Files.readString(f)).get(0);
            var version = crds.get(r.getKind()).getSpec().getVersions().get(0);
            assertThat(r.getApiVersion()).isEqualTo(GROUP + "/" + version.getName());
            assertThat(CrdSchemaValidator.problems(r.getAdditionalProperties().get("spec"),
                    version.getSchema().getOpenAPIV3Schema().getProperties().get("spec"))).as(f.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/rclone-replacement", "overlays/volume-source", "overlays/volume-destination"})
    void kustomizeBuildsTypedObjectsThatAgreeWithTheProperties(String dir, @TempDir Path tmp) throws Exception {
        Optional<Path> kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s, "kubectl")).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not on PATH: kustomize builds not checked (the manifests are still parsed)");
        List<HasMetadata> objects = parse(kustomize(kubectl.get(), K8S.resolve(dir), tmp));
        objects.forEach(o -> assertValid(o, dir + ": " + o.getKind() + " " + o.getMetadata().getName()));
        assertThat(objects).as(dir + ": Secrets are created out of band, never in a kustomization").noneMatch(Secret.class::isInstance);
        PodSpec pod = only(objects, Deployment.class).getSpec().getTemplate().getSpec();
        ConfigMap cm = only(objects, ConfigMap.class);
        assertThat(mountedAt(pod, CONFIG).getConfigMap().getName()).isEqualTo(cm.getMetadata().getName());
        Properties props = load(Files.readString(K8S.resolve(dir).resolve("replicator.properties")));
        assertThat(load(cm.getData().get("replicator.properties"))).isEqualTo(props);
        assertThat(objects).allMatch(o -> dir.equals("base") || "camel-replicator".equals(o.getMetadata().getNamespace()), "in the overlay's namespace");
        Service svc = only(objects, Service.class);
        for (String p : props.stringPropertyNames().stream().filter(k -> k.matches("replicator\\.volume-destination\\.[^.]+\\.path")).toList()) {
            String job = p.substring(0, p.length() - "path".length());
            String claim = mountedAt(pod, props.getProperty(p)).getPersistentVolumeClaim().getClaimName();
            assertThat(claim).isEqualTo(props.getProperty(job + "destination-pvc"));
            assertThat(objects).anyMatch(o -> o.getKind().equals("PersistentVolumeClaim") && o.getMetadata().getName().equals(claim));
            assertThat(svc.getSpec().getPorts()).anyMatch(sp -> sp.getPort() == Integer.parseInt(props.getProperty(job + "port", "8000")));
            assertThat(svc.getSpec().getType()).isEqualTo("LoadBalancer");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rclone-replacement", "volume-source", "volume-destination"})
    void overlayPropertiesBind(String overlay, @TempDir Path root) throws IOException {
        Path dir = K8S.resolve("overlays").resolve(overlay);
        Properties props = load(Files.readString(dir.resolve("replicator.properties")));
        // Credentials arrive as environment variables from the Secret camel-replicator-credentials.
        Set<String> env = Files.exists(dir.resolve("secret.example.yaml"))
                ? read("overlays/" + overlay + "/secret.example.yaml", Secret.class).getStringData().keySet() : Set.of();
        try {
            new ConfigBinder(props.stringPropertyNames(), k -> resolve(props, env, root, k)).bind();
        } catch (ConfigException e) {
            try {
                new ConfigBinder(List.of("replicator.kubernetes.enabled"), k -> Optional.of("true")).bind();
            } catch (ConfigException binderIsOlder) {
                // Until the binder knows the Kubernetes properties, only they may be refused.
                assertThat(e.problems()).as(overlay).allMatch(s -> s.matches(KUBERNETES_KEYS));
                Assumptions.abort("the config binder does not know replicator.kubernetes.* yet; only those properties were refused: " + e.problems());
            }
            throw e;
        }
    }

    /** A property as the pod sees it: absolute paths under a temp root (made to exist), env vars from the Secret. */
    private static Optional<String> resolve(Properties props, Set<String> env, Path root, String key) {
        String v = props.getProperty(key);
        String envName = key.toUpperCase().replace('.', '_').replace('-', '_');
        if (v == null) {
            return env.contains(envName) ? Optional.of("value-of-" + envName) : Optional.empty();
        }
        Path p = root.resolve(v.replaceFirst("^/", ""));
        try {
            if (v.startsWith("/") && key.endsWith(".path")) {
                Files.createDirectories(p);
            } else if (v.startsWith("/") && key.endsWith(".key-file")) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, PskKeyGenerator.generate("test") + "\n");
            } else {
                return Optional.of(v);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(p.toString());
    }

    private static void assertValid(HasMetadata o, String where) {
        assertThat(o.getKind()).as(where + ": kind").isNotBlank().isNotIn("ClusterRole", "ClusterRoleBinding");
        assertThat(o.getApiVersion()).as(where + ": apiVersion").isNotBlank();
        assertThat(Optional.ofNullable(o.getMetadata().getName()).orElse(o.getMetadata().getGenerateName())).as(where + ": name").isNotBlank();
        if (o instanceof GenericKubernetesResource) {
            assertThat(o.getApiVersion()).as(where + ": a kind fabric8 does not know").startsWith(GROUP + "/");
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(o, o.getKind(), unknown);
        assertThat(unknown).as(where + ": fields the API server would reject or drop").isEmpty();
    }

    /** fabric8 keeps fields it does not know in additionalProperties: a misspelt field would be silently ignored. */
    private static void unknownFields(Object o, String where, List<String> out) {
        if (o instanceof Collection<?> c) {
            c.forEach(e -> unknownFields(e, where + "[]", out));
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, where + "." + k, out));
        } else if (o != null && !(o instanceof GenericKubernetesResource) && o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method g : o.getClass().getMethods()) {
                if (g.getParameterCount() == 0 && g.getName().startsWith("get") && g.getDeclaringClass() != Object.class) {
                    Object v;
                    try {
                        v = g.invoke(o);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(g + " on " + where, e);
                    }
                    if (g.getName().equals("getAdditionalProperties") && v instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(k -> out.add(where + "." + k));
                    } else {
                        unknownFields(v, where + "." + g.getName().substring(3), out);
                    }
                }
            }
        }
    }

    private static String probe(Container c, Probe p) {
        var port = p.getHttpGet().getPort();
        int number = port.getIntVal() != null ? port.getIntVal() : c.getPorts().stream()
                .filter(cp -> port.getStrVal().equals(cp.getName())).findFirst().orElseThrow().getContainerPort();
        return number + " " + p.getHttpGet().getPath();
    }

    /** The volume the (first) container mounts at a path. */
    private static Volume mountedAt(PodSpec pod, String path) {
        String name = pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path)).getName();
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    private static <T> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static List<HasMetadata> parse(String yaml) {
        Object o = KUBE.unmarshal(yaml);
        List<?> items = o instanceof List<?> l ? l : o instanceof KubernetesList kl ? kl.getItems() : List.of(o);
        return items.stream().map(HasMetadata.class::cast).toList();
    }

    private static <T> T read(String file, Class<T> type) throws IOException {
        return KUBE.unmarshal(Files.readString(K8S.resolve(file)), type);
    }

    private static String kustomize(Path kubectl, Path dir, Path tmp) throws IOException, InterruptedException {
        Path out = tmp.resolve("out.yaml");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("kubectl kustomize " + dir + " ended").isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize " + dir + ": " + Files.readString(err)).isZero();
        return Files.readString(out);
    }

    private static Stream<Path> yamlFiles() throws IOException {
        try (Stream<Path> all = Files.walk(K8S)) {
            return all.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static boolean isKustomization(Path f) {
        return f.getFileName().toString().equals("kustomization.yaml");
    }

    private static Properties load(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    /** A variable the Dockerfile's ENV sets: the Deployment repeats the image's memory settings, not others. */
    private static String imageEnv(String name) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "=(\"[^\"]*\"|\\S+)")
                .matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(m.find()).as("Dockerfile sets " + name).isTrue();
        return m.group(1).replace("\"", "");
    }
}
